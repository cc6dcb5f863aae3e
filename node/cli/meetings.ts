import type { Readiness } from '#shared/checks/readiness';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs, type ProblemDocs } from '#shared/documents/problem-docs';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import { meetingView, type MeetingView } from '#shared/meeting/view';
import type { Meeting, Member, Opinion, Unit } from '#shared/model/types';
import type { PackageContent } from '#shared/package/format';
import { byUnitThenYear, type UnitMeetingKey } from '#shared/supervision/overview';
import { groupBy } from '#shared/util/group-by';

export interface PackageMeeting {
  unit: Unit;
  meeting: Meeting;
  /** The meeting's members and opinions, deleted ones included (the checks leave them out). */
  members: Member[];
  opinions: Opinion[];
  /** The meeting's 梳理 and 查摆问题 records, deleted ones included (empty for a package without them). */
  consolidated: ConsolidatedOpinion[];
  problems: ProblemItem[];
  /** The shared view of the meeting: what every command reads. */
  view: MeetingView;
  readiness: Readiness;
}

/**
 * A package's content with the 梳理 and problem records. Exchange-package format 1 has no such lists;
 * the next format carries them, and content built in memory (tests) may hold them already, so they
 * are read as optional.
 */
export type MeetingContent = PackageContent & { consolidatedOpinions?: ConsolidatedOpinion[]; problems?: ProblemItem[] };

/**
 * The live meetings of a package's content with their readiness (from the shared meeting view), in
 * unit display order, then by year (newest first). Members and opinions are grouped in one pass.
 */
export function meetingViews(content: MeetingContent): PackageMeeting[] {
  const units = new Map(content.units.filter((u) => !u.deletedAt).map((u) => [u.id, u]));
  const members = groupBy(content.members, (m) => m.meetingId);
  const opinions = groupBy(content.opinions, (o) => o.meetingId);
  const consolidated = groupBy(content.consolidatedOpinions ?? [], (c) => c.meetingId);
  const problems = groupBy(content.problems ?? [], (p) => p.meetingId);
  return content.meetings
    .filter((m) => !m.deletedAt && units.has(m.unitId))
    .map((meeting) => {
      const own = { members: members.get(meeting.id) ?? [], opinions: opinions.get(meeting.id) ?? [] };
      const view = meetingView({ meeting, ...own });
      const followUp = { consolidated: consolidated.get(meeting.id) ?? [], problems: problems.get(meeting.id) ?? [] };
      return { unit: units.get(meeting.unitId)!, meeting, ...own, ...followUp, view, readiness: view.readiness };
    })
    .sort((a, b) => byUnitThenYear(key(a), key(b)));
}

function key(m: { unit: Unit; meeting: Meeting }): UnitMeetingKey {
  return { unitOrder: m.unit.order, unitName: m.unit.name, year: m.meeting.year, meetingId: m.meeting.id };
}

/** The meeting's problem documents (counts, coverage, the 两张清单), as the app prepares them. */
export function problemDocsOf(m: PackageMeeting, today: string): ProblemDocs {
  const docs = prepareMeetingDocs({ unit: m.unit, meeting: m.meeting, members: m.members, opinions: m.opinions }, m.view);
  return prepareProblemDocs({ docs, consolidated: m.consolidated, problems: m.problems, today });
}

/** Whether a meeting has any live 梳理 or problem record (then its report and files include them). */
export function hasFollowUp(m: Pick<PackageMeeting, 'consolidated' | 'problems'>): boolean {
  return m.consolidated.some((c) => !c.deletedAt) || m.problems.some((p) => !p.deletedAt);
}
