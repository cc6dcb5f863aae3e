// How a merge treats the follow-up records (format 2) where they differ from the other kinds: a
// ledger entry changed on both sides is judged by the ledger's own rule (a status history that only
// grew on one side is that side's; status changes on both sides are a conflict with a Chinese
// message), progress entries are a union by id and never updated; and their names and field names
// in Chinese for the merge preview.
import { mergeLedgerEntry } from '../ledger/merge-rules';
import { unionProgress } from '../ledger/progress';
import type { LedgerEntry, ProgressEntry } from '../model/ledger';
import { GROUP_LABEL, GROUP_TARGET } from '../model/types';

type FollowUpTable = 'consolidatedOpinions' | 'problems' | 'ledgerEntries' | 'progressEntries' | 'talks' | 'preparations' | 'materials';

/** What to do with a record both sides hold in different versions, when the merge base cannot decide. */
type Decision = { action: 'update' | 'keep' | 'conflict'; message?: string };

/**
 * The decision for a ledger entry the three-way rule calls a conflict (both sides changed it, or
 * there is no merge base): mergeLedgerEntry's verdict.
 */
export function decideLedgerEntry(local: LedgerEntry, incoming: LedgerEntry): Decision {
  // Deleted on one side while the other moved on: taking the longer history would silently undo
  // (or bring back) the delete, so the user decides.
  if (Boolean(local.deletedAt) !== Boolean(incoming.deletedAt)) {
    return { action: 'conflict', message: `台账 ${local.accountNumber}：${local.deletedAt ? '本机已删除该条目' : '数据包中该条目已删除'}，另一边仍在使用，请核对后选择` };
  }
  const verdict = mergeLedgerEntry(local, incoming);
  if (verdict.kind === 'take-remote') return { action: 'update' };
  // `same`: they differ only in the time of the last write; ours stands.
  if (verdict.kind === 'same' || verdict.kind === 'keep-local') return { action: 'keep' };
  return { action: 'conflict', message: verdict.message };
}

/**
 * A progress entry both sides hold: appended, never edited, so a difference is never an update —
 * it is a conflict (the entry was edited somewhere, which must not happen) for the user to judge.
 */
export function decideProgressEntry(local: ProgressEntry, incoming: ProgressEntry): Decision {
  const { conflicts } = unionProgress([local], [incoming]);
  if (conflicts.length === 0) return { action: 'keep' };
  return { action: 'conflict', message: `整改进展只追加、不修改，但本机与数据包中同一条进展（${local.date}）内容不同，请核对后选择` };
}

const preview = (s: unknown) => {
  const t = String(s ?? '');
  return t.length > 24 ? `${t.slice(0, 24)}…` : t;
};

/** A short Chinese name of a follow-up record, for conflicts, updates and refusals. */
export function describeFollowUp(table: FollowUpTable, r: Record<string, unknown>): string {
  const group = r['targetId'] === GROUP_TARGET ? `（${GROUP_LABEL}）` : '';
  switch (table) {
    case 'consolidatedOpinions':
      return `梳理后意见“${preview(r['text'])}”${group}`;
    case 'problems':
      return `查摆问题“${preview(r['description'])}”${group}`;
    case 'ledgerEntries':
      return `整改台账 ${preview(r['accountNumber'])}`;
    case 'progressEntries':
      return `整改进展“${preview(r['text'])}”（${String(r['date'] ?? '')}）`;
    case 'talks':
      return `谈心谈话（${String(r['date'] ?? '')}）`;
    case 'preparations':
      return '会前准备';
    case 'materials':
      return `对照检查材料“${preview(r['title'])}”${group}`;
  }
}

/** Field names in Chinese where a follow-up kind uses a name the other kinds use otherwise (or not at all). */
export const FOLLOW_UP_FIELD_LABELS: Readonly<Record<FollowUpTable, Readonly<Record<string, string>>>> = {
  consolidatedOpinions: { targetId: '意见对象', text: '梳理后意见', sourceIds: '原始意见', mergedFrom: '并入的梳理意见', splitFrom: '拆分来源', mergedInto: '并入到', answer: '回应理由' },
  problems: {
    targetId: '对象',
    description: '问题表现',
    sources: '问题来源',
    consolidatedIds: '关联意见',
    causes: '原因剖析',
    measures: '整改措施',
    standard: '整改目标/标准',
    leader: '责任领导',
    responsible: '责任部门/责任人',
    deadline: '完成时限',
    longTerm: '长期坚持',
    published: '是否公示',
    note: '备注',
    carriedFrom: '结转来源',
  },
  ledgerEntries: { targetId: '对象', problemId: '查摆问题', accountNumber: '账号', status: '整改状态', history: '状态记录', closure: '销号信息', carriedFrom: '结转来源' },
  progressEntries: { entryId: '台账条目', date: '进展日期', text: '进展情况', by: '填报人' },
  talks: { date: '谈话日期', a: '谈话一方', b: '谈话另一方', note: '谈话要点', opinionIds: '关联意见' },
  preparations: { planSubmittedOn: '方案报送日期', studySessions: '学习研讨' },
  materials: { targetId: '对象', origin: '材料来源', title: '材料标题', blocks: '材料内容' },
};
