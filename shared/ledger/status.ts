// The status machine of a ledger entry: 未启动 → 整改中 → 申请销号 → 已销号; 申请销号 may be sent back
// to 整改中 with a reason; 长期坚持 for items that stay open by nature (back to 整改中 when they can be
// finished). 销号 needs the evidence (what it is and where it is kept), the date and the approver.
// Every change is appended to the entry's history; progress entries (progress.ts) are separate.
import { closureSchema, LEDGER_STATUS_LABELS, type Closure, type LedgerEntry, type LedgerStatus } from '../model/ledger';
import type { Outcome } from '../consolidation/operations';
import { cleanLine, cleanText } from '../text/normalize';
import { today as clockToday } from '../util/clock';

/** The allowed moves from each status. */
export const TRANSITIONS: Readonly<Record<LedgerStatus, readonly LedgerStatus[]>> = {
  'not-started': ['in-progress', 'ongoing'],
  'in-progress': ['closure-requested', 'ongoing'],
  'closure-requested': ['closed', 'in-progress'],
  ongoing: ['in-progress'],
  closed: [],
};

/** Whether an entry may move from one status to another. */
export function canTransition(from: LedgerStatus, to: LedgerStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

interface StatusRequest {
  to: LedgerStatus;
  by: string;
  /** Required when 申请销号 is sent back to 整改中. */
  reason?: string;
  /** Required for 已销号. */
  closure?: Partial<Closure>;
}

const CLOSURE_FIELDS: Array<[keyof Closure, string]> = [
  ['evidence', '佐证材料（是什么）'],
  ['evidenceLocation', '佐证材料存放位置'],
  ['date', '销号日期'],
  ['approver', '审核人'],
];

/**
 * Moves an entry to a new status, or refuses in Chinese and changes nothing. `today` (the domain
 * clock's by default) bounds the 销号 date: it cannot lie in the future. Returns the changed entry.
 */
export function changeStatus(entry: LedgerEntry, request: StatusRequest, at: string, today: string = clockToday()): Outcome<{ value: LedgerEntry }> {
  const from = entry.status;
  const to = request.to;
  const label = (s: LedgerStatus) => `“${LEDGER_STATUS_LABELS[s]}”`;
  if (entry.deletedAt) return { ok: false, error: '已删除的台账条目不能改变状态' };
  if (from === to) return { ok: false, error: `状态已是${label(to)}` };
  if (from === 'closed') return { ok: false, error: '已销号的问题不能再改变状态' };
  if (!canTransition(from, to)) {
    const allowed = TRANSITIONS[from].map(label).join('或');
    return { ok: false, error: `不能从${label(from)}直接改为${label(to)}，只能改为${allowed}` };
  }
  const reason = cleanText(request.reason ?? '');
  if (from === 'closure-requested' && to === 'in-progress' && reason === '') return { ok: false, error: '退回整改须写明理由' };

  let closure: Closure | undefined;
  if (to === 'closed') {
    const given = request.closure ?? {};
    const cleaned = {
      evidence: cleanText(given.evidence ?? ''),
      evidenceLocation: cleanLine(given.evidenceLocation ?? ''),
      date: (given.date ?? '').trim(),
      approver: cleanLine(given.approver ?? ''),
    };
    const missing = CLOSURE_FIELDS.filter(([k]) => cleaned[k] === '').map(([, name]) => name);
    if (missing.length > 0) return { ok: false, error: `不能销号：缺少${missing.join('、')}` };
    const parsed = closureSchema.safeParse(cleaned);
    if (!parsed.success) return { ok: false, error: `不能销号：${parsed.error.issues[0]!.message}` };
    if (parsed.data.date > today) return { ok: false, error: '不能销号：销号日期不能晚于今天' };
    if (parsed.data.date < entry.createdAt.slice(0, 10)) return { ok: false, error: '不能销号：销号日期早于挂号日期' };
    closure = parsed.data;
  }
  const next: LedgerEntry = {
    ...entry,
    status: to,
    history: [...entry.history, { at, from, to, by: cleanLine(request.by), reason }],
    updatedAt: at,
  };
  if (closure) next.closure = closure;
  else delete next.closure;
  return { ok: true, value: next };
}
