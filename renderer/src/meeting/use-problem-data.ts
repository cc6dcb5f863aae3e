// The meeting's 梳理 and 查摆问题 records, kept live, with what every tab reads from them computed once
// by the shared rules (prepareProblemDocs, the same preparation the documents use): the lists in
// list order with their numbers, the 收集/梳理 counts, coverage (every opinion answered), the 五个明确
// marks and whether the lists may be published. The 梳理, 查摆问题, 审核 and 导出 tabs read this.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { prepareProblemDocs, type ProblemDocs } from '#shared/documents/problem-docs';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import { todayDate } from '#shared/util/ids';
import { useWorkbench } from '../app/workbench-context';
import type { MeetingData } from './use-meeting-data';
import { useMeetingDocs } from './use-meeting-docs';

interface ProblemData {
  /** Everything the lists, the counts and coverage are: see ProblemDocs. */
  pd: ProblemDocs;
  /** Live consolidated opinions of the targets, by target (list order) then order. */
  consolidated: ConsolidatedOpinion[];
  /** Every consolidated opinion of the meeting, deleted ones included. */
  allConsolidated: ConsolidatedOpinion[];
  /** Live problem items of the targets, in list order. */
  problems: ProblemItem[];
}

/** The meeting's 梳理 and problem records with their derived figures; undefined while loading. */
export function useProblemData(data: MeetingData): ProblemData | undefined {
  const { repos } = useWorkbench();
  const docs = useMeetingDocs(data);
  const meetingId = data.meeting.id;
  const raw = useLiveQuery(async () => {
    const [allConsolidated, problems] = await Promise.all([repos.listConsolidated(meetingId), repos.listProblems(meetingId)]);
    return { allConsolidated, problems };
  }, [repos, meetingId]);

  return useMemo(() => {
    if (!raw) return undefined;
    const pd = prepareProblemDocs({ docs, consolidated: raw.allConsolidated, problems: raw.problems, today: todayDate() });
    const rank = new Map(pd.targets.map((t, i) => [t.id, i]));
    const consolidated = [...pd.consolidated.values()].sort((a, b) => rank.get(a.targetId)! - rank.get(b.targetId)! || a.order - b.order);
    return { pd, consolidated, allConsolidated: raw.allConsolidated, problems: pd.lists.flatMap((l) => l.items) };
  }, [raw, docs]);
}
