// The checks of problem items: the 五个明确 (问题内容、责任主体、整改标准、整改措施、办结时限), an item's
// fields against its meeting (问题来源 from the list, linked opinions of the meeting), and whether
// the lists are ready for 公示 (every item complete; every opinion answered when the rule set asks).
import { quote } from '../consolidation/operations';
import { problemSourcesOf, requiresFullCoverage, type ConsolidatedOpinion, type ProblemItem, type ProblemSettings } from '../model/problems';
import { isRealDate } from '../model/zod-fields';
import type { Coverage } from './coverage';

/** The 五个明确, in the order the practice names them. */
const FIVE_CLEAR = ['问题内容', '责任主体', '整改标准', '整改措施', '办结时限'] as const;
type FiveClear = (typeof FIVE_CLEAR)[number];

const filled = (s: string) => s.trim() !== '';

/** Which of the 五个明确 an item lacks (empty when complete). 责任主体 is 责任领导 or 责任部门/责任人; 办结时限 a date or 长期坚持. */
export function missingFiveClear(p: Pick<ProblemItem, 'description' | 'leader' | 'responsible' | 'standard' | 'measures' | 'deadline' | 'longTerm'>): FiveClear[] {
  const present: Record<FiveClear, boolean> = {
    问题内容: filled(p.description),
    责任主体: filled(p.leader) || filled(p.responsible),
    整改标准: filled(p.standard),
    整改措施: filled(p.measures),
    办结时限: p.longTerm || isRealDate(p.deadline),
  };
  return FIVE_CLEAR.filter((k) => !present[k]);
}

export interface IncompleteItem {
  problemId: string;
  missing: FiveClear[];
  /** `李四（副局长）第2项“……”：缺少整改标准、办结时限` */
  message: string;
}

/**
 * The items that are not 五个明确, in the order given, each with a Chinese sentence. `number`
 * gives an item's label in its list (`第2项`); `labelOf` the target's label.
 */
export function incompleteItems(
  problems: readonly ProblemItem[],
  labelOf: (targetId: string) => string,
  number: (p: ProblemItem) => string = () => '',
): IncompleteItem[] {
  const out: IncompleteItem[] = [];
  for (const p of problems) {
    if (p.deletedAt) continue;
    const missing = missingFiveClear(p);
    if (missing.length === 0) continue;
    out.push({ problemId: p.id, missing, message: `${labelOf(p.targetId)}${number(p)}${quote(p.description || '（未填写问题表现）', 24)}：缺少${missing.join('、')}，五个明确不全` });
  }
  return out;
}

/** Problems of one item against its meeting, in Chinese; empty when it may be saved. */
export function problemItemProblems(
  p: ProblemItem,
  context: { meeting: ProblemSettings & { id: string }; memberIds: ReadonlySet<string>; consolidated: readonly ConsolidatedOpinion[] },
): string[] {
  const problems: string[] = [];
  if (p.meetingId !== context.meeting.id) problems.push('查摆问题不属于本次会议');
  if (p.targetId !== 'group' && !context.memberIds.has(p.targetId)) problems.push('责任对象不是本次会议的班子成员');
  if (p.sources.length === 0) problems.push('请至少选择一个问题来源');
  const allowed = new Set(problemSourcesOf(context.meeting));
  const unknown = p.sources.filter((s) => !allowed.has(s));
  if (unknown.length > 0) problems.push(`问题来源“${unknown.join('、')}”不在本次会议的来源列表中`);
  if (new Set(p.sources).size !== p.sources.length) problems.push('问题来源有重复');
  const live = new Map(context.consolidated.filter((c) => !c.deletedAt && c.meetingId === p.meetingId).map((c) => [c.id, c]));
  if (p.consolidatedIds.some((id) => !live.has(id))) problems.push('关联的意见不存在或已删除');
  if (new Set(p.consolidatedIds).size !== p.consolidatedIds.length) problems.push('同一条意见关联了两次');
  if (p.deadline !== '' && p.longTerm) problems.push('完成时限已选“长期坚持”，不能再填日期');
  return problems;
}

export interface PublicationReadiness {
  ready: boolean;
  /** Why not, in Chinese: incomplete items, then unanswered opinions when the rule set requires full coverage. */
  reasons: string[];
}

/**
 * Whether the 两张清单 may be published (公示): at least one item marked for 公示 (an empty list is
 * nothing to publish), every published item 五个明确, and full coverage if the rule set requires it.
 */
export function publicationReadiness(
  ruleSet: object,
  incomplete: readonly IncompleteItem[],
  coverage: Pick<Coverage, 'full' | 'messages' | 'answered' | 'total'>,
  published: number,
): PublicationReadiness {
  const reasons = [...(published === 0 ? ['尚无列入公示的查摆问题：请先在“查摆问题”中列出问题并勾选“列入公示”'] : []), ...incomplete.map((i) => i.message)];
  if (requiresFullCoverage(ruleSet) && !coverage.full) {
    reasons.push(`本次会议要求意见全部回应后方可公示：梳理后意见${coverage.total}条，尚有${coverage.total - coverage.answered}条未回应`);
  }
  return { ready: reasons.length === 0, reasons };
}
