// The derived tables of a restored backup, computed again from its records: the meeting summaries
// the overview reads, and the findings of the cross-unit copy scan. A backup's own rows of these
// tables are never kept — a forged summary could say a meeting is ready, a forged finding could
// accuse a unit of copying — and a damaged one must not break the overview.
import type { DERIVED_TABLES } from '#shared/backup/rows';
import type { BackupTables } from '#shared/backup/tables';
import { copyCandidates, detectCopies } from '#shared/checks/copy-detection';
import { entriesOfLiveMeetings } from '#shared/ledger/deadlines';
import type { LedgerEntry } from '#shared/model/ledger';
import type { Audit, Meeting, Member, Opinion, Unit } from '#shared/model/types';
import { computeMeetingSummary, type FollowUpRecords } from '#shared/supervision/summary';
import { previousMeeting } from '#shared/supervision/pre-meeting-review';
import { countyLabels, describeCopy, type MeetingWarning } from '#shared/supervision/warnings';
import { groupByMeeting } from '#shared/util/group-by';
import { nowIso } from '#shared/util/ids';
import type { CopyFindingsRow } from '../db/database';

/**
 * The tables with `meetingSummaries` and `copyFindings` recomputed from the records. The copy scan
 * runs again only when the backed-up data had been scanned (it has findings rows), as the overview's
 * 检测跨单位雷同 would: same candidates, same detection, same messages.
 */
export function recomputeDerivedTables(tables: BackupTables): BackupTables {
  const units = (tables['units'] ?? []) as Unit[];
  const meetings = (tables['meetings'] ?? []) as Meeting[];
  const members = groupByMeeting((tables['members'] ?? []) as Member[]);
  const opinions = groupByMeeting((tables['opinions'] ?? []) as Opinion[]);
  const audits = groupByMeeting((tables['audits'] ?? []) as Audit[]);
  const previousScan = (tables['copyFindings'] ?? []) as Array<Pick<CopyFindingsRow, 'scannedAt'>>;
  const scanned = previousScan.length > 0;

  const liveUnits = new Map(units.filter((u) => !u.deletedAt).map((u) => [u.id, u.name]));
  const liveMeetings = meetings.filter((m) => !m.deletedAt && liveUnits.has(m.unitId));
  const findings = new Map<string, MeetingWarning[]>();
  let scannedOpinions = 0;
  if (scanned) {
    const candidates = liveMeetings.flatMap((m) => copyCandidates(m, opinions.get(m.id) ?? []));
    scannedOpinions = candidates.length;
    const labels = countyLabels((tables['members'] ?? []) as Member[], liveUnits);
    for (const m of liveMeetings) findings.set(m.id, []);
    for (const w of detectCopies(candidates, { kinds: ['cross-unit'] })) findings.get(w.a.meetingId)?.push({ ...w, message: describeCopy(w, labels) });
  }

  // The follow-up records (schema v3) as the stored summaries read them; a backup of an older schema has none (empty lists, as refreshSummaries reads them).
  const followUpTable = <T extends { meetingId: string }>(name: string) => groupByMeeting((tables[name] ?? []) as T[]);
  const followUp = {
    consolidated: followUpTable<FollowUpRecords['consolidated'][number]>('consolidatedOpinions'),
    problems: followUpTable<FollowUpRecords['problems'][number]>('problems'),
    ledgerEntries: followUpTable<FollowUpRecords['ledgerEntries'][number]>('ledgerEntries'),
    progressEntries: followUpTable<FollowUpRecords['progressEntries'][number]>('progressEntries'),
    talks: followUpTable<FollowUpRecords['talks'][number]>('talks'),
    preparations: followUpTable<FollowUpRecords['preparations'][number]>('preparations'),
    materials: followUpTable<FollowUpRecords['materials'][number]>('materials'),
  };
  // Every live meeting's entry: a later meeting's 回头看 entries mark what they carry as 已结转.
  const laterLedger = entriesOfLiveMeetings((tables['ledgerEntries'] ?? []) as LedgerEntry[], meetings);
  const summaries = meetings.map((meeting) => {
    const of = <T>(g: Map<string, T[]>) => g.get(meeting.id) ?? [];
    const previous = previousMeeting(meetings, meeting);
    return computeMeetingSummary({
      meeting,
      members: members.get(meeting.id) ?? [],
      opinions: opinions.get(meeting.id) ?? [],
      audits: audits.get(meeting.id) ?? [],
      crossUnitWarnings: findings.get(meeting.id)?.length,
      followUp: { consolidated: of(followUp.consolidated), problems: of(followUp.problems), ledgerEntries: of(followUp.ledgerEntries), progressEntries: of(followUp.progressEntries), talks: of(followUp.talks), preparations: of(followUp.preparations), materials: of(followUp.materials) },
      previousLedger: previous ? (followUp.ledgerEntries.get(previous.id) ?? []) : undefined,
      laterLedger,
    });
  });
  const fingerprints = new Map(summaries.map((s) => [s.meetingId, s.fingerprint]));
  // The records are those of the backup's moment, so the scan is that scan again: keep its time.
  const scannedAt = previousScan.reduce((latest, r) => (r.scannedAt > latest ? r.scannedAt : latest), '') || nowIso();
  const copyFindings: CopyFindingsRow[] = [...findings].map(([meetingId, warnings]) => ({ meetingId, scannedAt, fingerprint: fingerprints.get(meetingId) ?? '', scannedOpinions, warnings }));
  const derived: Record<(typeof DERIVED_TABLES)[number], unknown[]> = { meetingSummaries: summaries, copyFindings };
  return { ...tables, ...derived };
}
