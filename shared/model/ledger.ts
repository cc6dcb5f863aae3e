// The 整改台账 records: one ledger entry per registered problem (挂号, 一个问题一个账号) with its
// status, its status history and the 销号 record; progress entries are separate records, appended
// and never edited, so two machines' logs merge as a union by id. Types inferred from zod schemas.
import { z } from 'zod';
import { zDate, zId, zStamps, zTarget, zText, zTime } from './zod-fields';

/** 未启动 → 整改中 → 申请销号 → 已销号, and 长期坚持 for items that stay open by nature. */
export const LEDGER_STATUSES = ['not-started', 'in-progress', 'closure-requested', 'closed', 'ongoing'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
export const LEDGER_STATUS_LABELS: Readonly<Record<LedgerStatus, string>> = {
  'not-started': '未启动',
  'in-progress': '整改中',
  'closure-requested': '申请销号',
  closed: '已销号',
  ongoing: '长期坚持',
};

const statusField = (label: string) => z.enum(LEDGER_STATUSES, { error: `${label}应为 未启动 / 整改中 / 申请销号 / 已销号 / 长期坚持 之一` });

/** The 销号 record: what the evidence is, where it is kept, the date and who approved it. */
export const closureSchema = z.strictObject(
  {
    /** 佐证材料: what it is. */
    evidence: zText('佐证材料', 2000, true),
    /** Where the evidence is kept (档案盒、文件编号、存放处室). */
    evidenceLocation: zText('佐证材料存放位置', 500, true),
    /** 销号日期 */
    date: zDate('销号日期'),
    /** 审核人 (who approved the 销号). */
    approver: zText('审核人', 200, true),
  },
  { error: '销号信息应为对象' },
);
export type Closure = z.infer<typeof closureSchema>;

/** One status change, appended to the entry's history. */
const statusChangeSchema = z.strictObject(
  {
    at: zTime('变更时间'),
    from: statusField('原状态'),
    to: statusField('新状态'),
    by: zText('操作人', 200),
    /** Why (required when 申请销号 is sent back to 整改中). */
    reason: zText('理由', 2000),
  },
  { error: '状态变更应为对象' },
);
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const ledgerEntrySchema = z.strictObject(
  {
    id: zId('编号'),
    meetingId: zId('会议编号'),
    /** The registered problem item (one account per problem). */
    problemId: zId('问题编号'),
    targetId: zTarget(),
    /** 账号, e.g. `2025-交通运输局-班子-001`; unique within the meeting. */
    accountNumber: zText('账号', 200, true),
    status: statusField('状态'),
    /** Every status change, oldest first; appended, never rewritten. */
    history: z.array(statusChangeSchema, { error: '状态记录应为列表' }).max(10_000),
    /** Present exactly when the status is 已销号. */
    closure: closureSchema.optional(),
    /** The entry of last year's meeting this one carries over (回头看). */
    carriedFrom: z
      .strictObject({ entryId: zId('原台账编号'), meetingId: zId('原会议编号'), accountNumber: zText('原账号', 200) }, { error: '结转来源应为对象' })
      .optional(),
    ...zStamps,
  },
  { error: '台账条目应为对象' },
).refine((e) => (e.status === 'closed') === (e.closure !== undefined), { error: '已销号的条目须有销号信息，未销号的条目不能有', path: ['closure'] });
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** One progress report on a ledger entry (按月/季更新): appended, never edited. */
export const progressEntrySchema = z.strictObject(
  {
    id: zId('编号'),
    meetingId: zId('会议编号'),
    entryId: zId('台账编号'),
    /** The day the progress is reported for. */
    date: zDate('进展日期'),
    text: zText('进展情况', 5000, true),
    /** Who reported it. */
    by: zText('填报人', 200),
    createdAt: zTime('创建时间'),
  },
  { error: '进展记录应为对象' },
);
export type ProgressEntry = z.infer<typeof progressEntrySchema>;
