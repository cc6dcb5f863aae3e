// 挂号: a problem item enters the meeting's 整改台账 with an account number — 一个问题一个账号 —
// readable (`2025-交通运输局-班子-001`, `2025-交通运输局-李四-002`) and unique within the meeting.
// Numbers are never reused: a deleted entry keeps its number taken.
import { GROUP_TARGET, type Member } from '../model/types';
import type { LedgerEntry } from '../model/ledger';
import type { ProblemItem } from '../model/problems';
import { missingFiveClear } from '../problems/checks';
import type { Outcome, Stamp } from '../consolidation/operations';

/** A part of an account number: no dashes (they separate the parts) and no spaces. */
function part(s: string): string {
  return s.replace(/\s+/g, '').replace(/[-－—]/g, '·');
}

/** The target part: 班子, or the member's name (with the position when another member shares the name). */
export function accountTargetPart(targetId: string, members: readonly Pick<Member, 'id' | 'name' | 'position' | 'deletedAt'>[]): string {
  if (targetId === GROUP_TARGET) return '班子';
  const m = members.find((x) => x.id === targetId);
  if (!m) return '成员';
  const namesake = members.some((x) => x.id !== m.id && !x.deletedAt && x.name.trim() === m.name.trim());
  return part(namesake && m.position.trim() !== '' ? `${m.name}${m.position}` : m.name);
}

/** The prefix of a target's accounts: `2025-交通运输局-班子-`. The unit's short name is used when it has one. */
export function accountPrefix(year: number, unit: { name: string; shortName: string }, targetPart: string): string {
  return `${year}-${part(unit.shortName.trim() || unit.name)}-${targetPart}-`;
}

/** The next free number under a prefix, three digits at least: the highest ever used (deleted entries too) plus one. */
export function nextAccountNumber(prefix: string, entries: readonly Pick<LedgerEntry, 'accountNumber'>[]): string {
  let max = 0;
  for (const e of entries) {
    if (!e.accountNumber.startsWith(prefix)) continue;
    const n = /^(\d+)$/.exec(e.accountNumber.slice(prefix.length));
    if (n) max = Math.max(max, Number(n[1]));
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

interface RegisterContext {
  unit: { name: string; shortName: string };
  meeting: { id: string; year: number };
  members: readonly Pick<Member, 'id' | 'name' | 'position' | 'deletedAt'>[];
  /** Every ledger entry of the meeting, deleted ones included (their numbers stay taken). */
  entries: readonly LedgerEntry[];
}

/** Registers (挂号) problem items in the order given: one new 未启动 entry each, or a Chinese refusal that registers none. */
export function registerProblems(problems: readonly ProblemItem[], ctx: RegisterContext, stamp: Stamp): Outcome<{ value: LedgerEntry[] }> {
  const registered = new Set(ctx.entries.filter((e) => !e.deletedAt).map((e) => e.problemId));
  const all: LedgerEntry[] = [...ctx.entries];
  const created: LedgerEntry[] = [];
  for (const p of problems) {
    if (p.deletedAt) return { ok: false, error: '已删除的问题不能挂号' };
    if (p.meetingId !== ctx.meeting.id) return { ok: false, error: '问题不属于本次会议' };
    if (registered.has(p.id)) return { ok: false, error: `问题“${p.description.slice(0, 20)}”已挂号，一个问题只有一个账号` };
    const missing = missingFiveClear(p);
    if (missing.length > 0) return { ok: false, error: `问题“${p.description.slice(0, 20) || '（未填写）'}”缺少${missing.join('、')}，五个明确齐全后才能挂号` };
    const accountNumber = nextAccountNumber(accountPrefix(ctx.meeting.year, ctx.unit, accountTargetPart(p.targetId, ctx.members)), all);
    const entry: LedgerEntry = {
      id: stamp.newId(),
      meetingId: ctx.meeting.id,
      problemId: p.id,
      targetId: p.targetId,
      accountNumber,
      status: 'not-started',
      history: [],
      createdAt: stamp.at,
      updatedAt: stamp.at,
    };
    registered.add(p.id);
    all.push(entry);
    created.push(entry);
  }
  return { ok: true, value: created };
}

/** Account numbers used twice among the live entries of a meeting (a merge could bring such a pair). */
export function duplicateAccountNumbers(entries: readonly LedgerEntry[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const e of entries) {
    if (e.deletedAt) continue;
    if (seen.has(e.accountNumber)) twice.add(e.accountNumber);
    seen.add(e.accountNumber);
  }
  return [...twice];
}
