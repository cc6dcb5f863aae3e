// 上年度整改落实情况 for a meeting's 征求意见情况报告 on the command line: last year's meeting of the
// same unit in the same package, prepared with its ledger as the app prepares it (loadLedgerDocs),
// and this year's ledger entries (what was carried over).
import { entriesOfLiveMeetings } from '#shared/ledger/deadlines';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import type { PreviousYear } from '#shared/documents/word/previous-year-blocks';
import type { PackageContent } from '#shared/package/format';
import { previousMeeting } from '#shared/supervision/pre-meeting-review';
import { groupBy } from '#shared/util/group-by';
import type { PackageMeeting } from './meetings';

/** A finder of each meeting's last year in one package's content; undefined where last year registered nothing. */
export function previousYearFinder(content: PackageContent, views: readonly PackageMeeting[], today: string): (view: PackageMeeting) => PreviousYear | undefined {
  const ledger = groupBy(content.ledgerEntries, (e) => e.meetingId);
  const progress = groupBy(content.progressEntries, (p) => p.meetingId);
  const byId = new Map(views.map((v) => [v.meeting.id, v]));
  return (view) => {
    const found = previousMeeting(content.meetings, view.meeting);
    const last = found && byId.get(found.id);
    const entries = last && ledger.get(last.meeting.id);
    if (!last || !entries?.some((e) => !e.deletedAt)) return undefined;
    const docs = prepareMeetingDocs({ unit: last.unit, meeting: last.meeting, members: last.members, opinions: last.opinions }, last.view);
    const pd = prepareProblemDocs({ docs, consolidated: last.consolidated, problems: last.problems, entries, laterEntries: entriesOfLiveMeetings(content.ledgerEntries, content.meetings), progress: progress.get(last.meeting.id) ?? [], today });
    return { last: pd, carried: ledger.get(view.meeting.id) ?? [] };
  };
}
