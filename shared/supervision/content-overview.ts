// The supervision of a set of records that is not in the app's database (packages on the command
// line, tests): every meeting's summary and warnings, including one cross-unit copy scan, computed
// by the same functions the app stores as it writes.
import { copyCandidates, detectCopies } from '../checks/copy-detection';
import { entriesOfLiveMeetings } from '../ledger/deadlines';
import type { LedgerEntry } from '../model/ledger';
import type { Meeting } from '../model/types';
import type { PackageContent } from '../package/format';
import { followUpByMeeting } from '../package/follow-up';
import { overviewRows, type OverviewRow } from './overview';
import { computeMeetingSummary, type MeetingSummary } from './summary';
import { auditWarnings, countyLabels, describeCopy, type MeetingWarning, type WarningLabels } from './warnings';
import { groupByMeeting as groupBy } from '../util/group-by';

export interface ContentSupervision {
  rows: OverviewRow[];
  summaries: MeetingSummary[];
  /** Every warning, meeting by meeting in the rows' order: 疑似抄袭 first, then those inside the meeting. */
  warnings: MeetingWarning[];
  labels: WarningLabels;
  meetings: Map<string, Meeting>;
}

/** Summaries, overview rows and warnings of every live meeting of every live unit in the content. */
export function superviseContent(content: PackageContent): ContentSupervision {
  const units = new Map(content.units.filter((u) => !u.deletedAt).map((u) => [u.id, u]));
  const meetings = content.meetings.filter((m) => !m.deletedAt && units.has(m.unitId));
  const members = groupBy(content.members);
  const opinions = groupBy(content.opinions);
  const audits = groupBy(content.audits);
  const followUp = followUpByMeeting(content);
  // Every entry of the content: a later meeting's 回头看 entries mark what they carry as 已结转.
  const laterLedger = entriesOfLiveMeetings((content as Partial<{ ledgerEntries: LedgerEntry[] }>).ledgerEntries ?? [], content.meetings);
  const labels = countyLabels(content.members, new Map([...units].map(([id, u]) => [id, u.name])));
  const crossUnit = groupBy(
    detectCopies(meetings.flatMap((m) => copyCandidates(m, opinions.get(m.id) ?? [])), { kinds: ['cross-unit'] }).map((w) => ({
      ...w,
      meetingId: w.a.meetingId,
      message: describeCopy(w, labels),
    })),
  );
  const summaries = meetings.map((meeting) =>
    computeMeetingSummary({
      meeting,
      members: members.get(meeting.id) ?? [],
      opinions: opinions.get(meeting.id) ?? [],
      audits: audits.get(meeting.id) ?? [],
      crossUnitWarnings: crossUnit.get(meeting.id)?.length ?? 0,
      followUp: followUp(meeting.id),
      laterLedger,
    }),
  );
  const rows = overviewRows([...units.values()], summaries);
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const warnings = rows.flatMap((row) => {
    const meeting = byId.get(row.meetingId)!;
    const across = (crossUnit.get(meeting.id) ?? []).map(({ meetingId: _m, ...w }): MeetingWarning => w);
    return auditWarnings({ meeting, members: members.get(meeting.id) ?? [], opinions: opinions.get(meeting.id) ?? [] }, across);
  });
  return { rows, summaries, warnings, labels, meetings: byId };
}
