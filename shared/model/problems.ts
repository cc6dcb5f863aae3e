// The records between opinions and the 两张清单: the consolidated opinion (梳理后意见) with links to
// the raw opinions it merges, and the problem item (查摆问题) with its 五个明确 fields. Schemas are
// zod 4 with Chinese messages; the TypeScript types are inferred from them, so a field exists in
// one place. Parents (meetingId, targetId) are part of a record's identity and never change.
import { z } from 'zod';
import { zDateOrEmpty, zId, zStamps, zTarget, zText } from './zod-fields';

/** Why a consolidated opinion needs no problem item of its own (no 只征不用: the reason is recorded). */
const ANSWER_REASONS = ['in-group-problems', 'not-my-duty', 'explained', 'other'] as const;
type AnswerReason = (typeof ANSWER_REASONS)[number];
export const ANSWER_REASON_LABELS: Readonly<Record<AnswerReason, string>> = {
  'in-group-problems': '已在班子问题中体现',
  'not-my-duty': '不属于本人职责',
  explained: '已说明',
  other: '其他',
};

export const answerReasonSchema = z
  .strictObject(
    {
      reason: z.enum(ANSWER_REASONS, { error: '回应理由应为 已在班子问题中体现 / 不属于本人职责 / 已说明 / 其他 之一' }),
      /** The explanation; required for 其他. */
      text: zText('理由说明', 2000),
    },
    { error: '回应理由应为对象' },
  )
  .refine((a) => a.reason !== 'other' || a.text.trim() !== '', { error: '选择“其他”时须写明理由', path: ['text'] });
export type AnswerReasonRecord = z.infer<typeof answerReasonSchema>;

export const consolidatedOpinionSchema = z.strictObject(
  {
    id: zId('编号'),
    meetingId: zId('会议编号'),
    targetId: zTarget(),
    /** The consolidated wording (edited by staff, or one of the raw texts). */
    text: zText('梳理后意见', 20_000, true),
    /** 对照检查 dimension, or empty. */
    dimension: zText('所属方面', 500),
    /** The raw opinions it merges (provenance); never empty while the record is live. */
    sourceIds: z.array(zId('原始意见编号'), { error: '原始意见应为列表' }).max(10_000, { error: '原始意见过多' }),
    /** Consolidated opinions merged into this one (their ids), oldest first. */
    mergedFrom: z.array(zId('并入的梳理意见编号'), { error: '并入来源应为列表' }).max(10_000),
    /** The consolidated opinion this one was split off from. */
    splitFrom: zId('拆分来源编号').optional(),
    /** Set, with deletedAt, when this one was merged into another. */
    mergedInto: zId('并入目标编号').optional(),
    /** A recorded reason instead of a problem item; problem links live on the problem items. */
    answer: answerReasonSchema.optional(),
    /** Display order within the target. */
    order: z.number({ error: '顺序应为数字' }).int({ error: '顺序应为整数' }),
    ...zStamps,
  },
  { error: '梳理后意见应为对象' },
);
export type ConsolidatedOpinion = z.infer<typeof consolidatedOpinionSchema>;

/** 问题来源 of the county practice; the meeting may edit the list (see problemSourcesOf). */
export const DEFAULT_PROBLEM_SOURCES: readonly string[] = ['征求意见', '谈心谈话', '上级点评', '巡视巡察反馈', '自身查摆', '上年度未完成'];
/** The source a carried-over item gets. */
export const CARRIED_SOURCE = '上年度未完成';

export const problemItemSchema = z.strictObject(
  {
    id: zId('编号'),
    meetingId: zId('会议编号'),
    targetId: zTarget(),
    /** 问题表现: concrete, 见人见事. */
    description: zText('问题表现', 5000, true),
    /** 所属方面: one of the meeting's 对照检查 dimensions, or empty. */
    dimension: zText('所属方面', 500),
    /** 问题来源: one or more of the meeting's list. */
    sources: z.array(zText('问题来源', 40, true), { error: '问题来源应为列表' }).max(20, { error: '问题来源最多 20 项' }),
    /** Linked consolidated opinions (many to many: an opinion may feed several problems). */
    consolidatedIds: z.array(zId('关联意见编号'), { error: '关联意见应为列表' }).max(10_000),
    /** 原因剖析 (optional). */
    causes: zText('原因剖析', 5000),
    /** 整改措施 */
    measures: zText('整改措施', 5000),
    /** 整改目标/标准 (quantified where possible). */
    standard: zText('整改目标/标准', 2000),
    /** 责任领导 */
    leader: zText('责任领导', 200),
    /** 责任部门/责任人 */
    responsible: zText('责任部门/责任人', 500),
    /** 完成时限 `YYYY-MM-DD`, or empty when `longTerm`. */
    deadline: zDateOrEmpty('完成时限'),
    /** 长期坚持: the time limit is “长期坚持” rather than a date. */
    longTerm: z.boolean({ error: '长期坚持应为是或否' }),
    /** Whether the item is on the published (公示) list. */
    published: z.boolean({ error: '是否公示应为是或否' }),
    /** 内部备注: never in the 公示 version. */
    note: zText('备注', 2000),
    /** Display order within the target. */
    order: z.number({ error: '顺序应为数字' }).int({ error: '顺序应为整数' }),
    /** Last year's item this one carries over (回头看). */
    carriedFrom: z.strictObject({ problemId: zId('原问题编号'), meetingId: zId('原会议编号') }, { error: '结转来源应为对象' }).optional(),
    ...zStamps,
  },
  { error: '查摆问题应为对象' },
);
export type ProblemItem = z.infer<typeof problemItemSchema>;

/** The meeting fields the problem rules read; optional, so meetings stored before them still work. */
export interface ProblemSettings {
  /** The rule set's 问题来源 list (editable in 会议设置); the county's six when absent. */
  ruleSet?: { problemSources?: readonly string[] };
  /** An older place for the list, read when the rule set has none. */
  problemSources?: readonly string[];
}

/**
 * The meeting's 问题来源 list, the county's six when the meeting has none. 上年度未完成 is always in it:
 * the app gives it to the items carried over from last year (回头看).
 */
export function problemSourcesOf(meeting: ProblemSettings): string[] {
  const list = (meeting.ruleSet?.problemSources ?? meeting.problemSources ?? []).map((s) => s.trim()).filter((s) => s !== '');
  return list.length > 0 ? [...new Set([...list, CARRIED_SOURCE])] : [...DEFAULT_PROBLEM_SOURCES];
}

/** The list as a rule set stores it: cleaned, and absent when it is the county's six (so older rule sets stay as they were). */
export function storedProblemSources(list: readonly string[] | undefined): string[] | undefined {
  const clean = [...new Set((list ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== ''))];
  if (clean.length === 0) return undefined;
  const same = clean.length === DEFAULT_PROBLEM_SOURCES.length && clean.every((s, i) => s === DEFAULT_PROBLEM_SOURCES[i]);
  return same ? undefined : clean;
}

/** The rule-set option read with its default: whether the lists are ready for 公示 only with every opinion answered. */
export function requiresFullCoverage(ruleSet: object): boolean {
  return (ruleSet as { requireFullCoverage?: unknown }).requireFullCoverage === true;
}
