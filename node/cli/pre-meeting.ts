// The pre-meeting check of every meeting in the packages given: 谈心谈话 coverage, each target's
// 对照检查材料 against its opinions and against every material of the other packages (cross-unit and
// cross-year copies), and the 会前准备 checklist — the shared review, as the app computes it.
// Packages of format v1 carry no talks, preparations or materials: `carried` says whether this one did.
import type { LedgerEntry } from '#shared/model/ledger';
import type { MaterialRecord, MeetingPreparation } from '#shared/model/preparation';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import type { Talk } from '#shared/model/talks';
import type { PackageContent } from '#shared/package/format';
import { materialRefs, preMeetingReview, previousMeeting, type PreMeetingReview } from '#shared/supervision/pre-meeting-review';
import { groupBy } from '#shared/util/group-by';
import { meetingViews, type PackageMeeting } from './meetings';

/** A package's content with the follow-up records the next package format carries (absent in format v1). */
type FollowUpContent = PackageContent &
  Partial<{
    talks: Talk[];
    preparations: MeetingPreparation[];
    materials: MaterialRecord[];
    consolidatedOpinions: ConsolidatedOpinion[];
    problems: ProblemItem[];
    ledgerEntries: LedgerEntry[];
  }>;

interface MeetingPreMeeting extends PackageMeeting {
  file: string;
  review: PreMeetingReview;
  /** The meeting has pre-meeting records (talks, preparation or materials) in its package; a v1 package has none. */
  carried: boolean;
}

/** Every live meeting of the packages with its pre-meeting review; materials are compared across all packages. */
export function preMeetingOfPackages(packages: ReadonlyArray<{ file: string; content: PackageContent }>): MeetingPreMeeting[] {
  const loaded = packages.map(({ file, content }) => ({ file, content: content as FollowUpContent, views: meetingViews(content) }));
  const refs = loaded.flatMap(({ content, views }) => {
    const materials = groupBy(content.materials ?? [], (m) => m.meetingId);
    return views.flatMap((v) => materialRefs(v.meeting, v.unit.name, v.members, materials.get(v.meeting.id) ?? []));
  });
  return loaded.flatMap(({ file, content, views }) => {
    const by = <T extends { meetingId: string }>(rows: readonly T[] | undefined) => groupBy(rows ?? [], (r) => r.meetingId);
    const talks = by(content.talks);
    const preparations = by(content.preparations);
    const materials = by(content.materials);
    const consolidated = by(content.consolidatedOpinions);
    const problems = by(content.problems);
    const ledger = by(content.ledgerEntries);
    return views.map((v) => {
      const previous = content.ledgerEntries ? previousMeeting(content.meetings, v.meeting) : undefined;
      const review = preMeetingReview({
        meeting: v.meeting,
        unitName: v.unit.name,
        members: v.members,
        readiness: v.readiness,
        opinions: v.view.opinions,
        flags: v.view.flags,
        talks: talks.get(v.meeting.id) ?? [],
        preparations: preparations.get(v.meeting.id) ?? [],
        materials: materials.get(v.meeting.id) ?? [],
        consolidated: consolidated.get(v.meeting.id) ?? [],
        problems: problems.get(v.meeting.id) ?? [],
        ledger: previous ? { previous: ledger.get(previous.id) ?? [], current: ledger.get(v.meeting.id) ?? [] } : undefined,
        others: refs,
      });
      // Judged on its pre-meeting records only when it has some: a format-1 package, or a meeting whose
      // talks and materials are kept outside the workbench, is judged on its opinions alone.
      const id = v.meeting.id;
      const carried = talks.has(id) || materials.has(id) || preparations.has(id);
      return { ...v, file, review, carried };
    });
  });
}
