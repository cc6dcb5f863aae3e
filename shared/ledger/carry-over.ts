// 回头看: the unit's next meeting takes over last year's items that are not 已销号 (长期坚持 ones
// included), each as a new problem item and ledger entry of the new meeting, linked to its origin
// (carriedFrom) so the history — status changes and progress — stays readable across years.
import { CARRIED_SOURCE, type ProblemItem } from '../model/problems';
import type { LedgerEntry, ProgressEntry } from '../model/ledger';
import { GROUP_TARGET, type Member } from '../model/types';
import { targetLabel } from '../meeting/roster';
import type { Outcome, Stamp } from '../consolidation/operations';
import { accountPrefix, accountTargetPart, nextAccountNumber } from './accounts';

interface MeetingLedger {
  /** `dimensions`: the meeting's 对照检查 dimensions; a carried item keeps its dimension only if the new meeting has it. */
  meeting: { id: string; year: number; dimensions?: readonly string[] };
  members: readonly Member[];
  problems: readonly ProblemItem[];
  entries: readonly LedgerEntry[];
}

/** Last year's entries to offer for carry-over: live, not 已销号, with a live problem. */
export function carryOverCandidates(from: MeetingLedger): LedgerEntry[] {
  const live = new Set(from.problems.filter((p) => !p.deletedAt).map((p) => p.id));
  return from.entries.filter((e) => !e.deletedAt && e.status !== 'closed' && live.has(e.problemId));
}

/** The new meeting's member for one of last year's: the same name and position, else the only one with the same name. */
function matchMember(old: Pick<Member, 'name' | 'position'>, members: readonly Member[]): Member | undefined {
  const live = members.filter((m) => !m.deletedAt);
  const name = old.name.trim();
  const exact = live.filter((m) => m.name.trim() === name && m.position.trim() === old.position.trim());
  if (exact.length === 1) return exact[0];
  const byName = live.filter((m) => m.name.trim() === name);
  return byName.length === 1 ? byName[0] : undefined;
}

interface CarryOverResult {
  problems: ProblemItem[];
  entries: LedgerEntry[];
  /** Chinese sentences for the entries left behind (already carried, or no matching member). */
  skipped: string[];
  /** The new account numbers whose last year's time limit had passed: carried with none, a new 完成时限 to be set. */
  undated: string[];
}

/**
 * Carries the chosen entries (by id; all candidates when not given) from last year's meeting into
 * the next. A member is found by name (see matchMember) or given in `targetMap` (old member id →
 * new target id). The new item keeps its wording, measures, standard and time limit, gains the
 * source 上年度未完成, and starts unpublished; the new entry keeps the status and gets a new account.
 * A time limit already passed on the day of carrying is not kept (see `undated`).
 */
export function carryOver(
  from: MeetingLedger,
  to: MeetingLedger & { unit: { name: string; shortName: string } },
  options: { entryIds?: readonly string[]; targetMap?: ReadonlyMap<string, string> },
  stamp: Stamp,
): Outcome<CarryOverResult> {
  if (to.meeting.year <= from.meeting.year) return { ok: false, error: '只能把上年度的问题结转到之后年度的会议' };
  const candidates = carryOverCandidates(from);
  const chosen = options.entryIds ? candidates.filter((e) => options.entryIds!.includes(e.id)) : candidates;
  if (options.entryIds && chosen.length !== options.entryIds.length) return { ok: false, error: '所选条目中有已销号、已删除或不属于上年度会议的条目' };
  const problemById = new Map(from.problems.map((p) => [p.id, p]));
  const oldMembers = new Map(from.members.map((m) => [m.id, m]));
  const already = new Set(to.entries.filter((e) => !e.deletedAt && e.carriedFrom).map((e) => e.carriedFrom!.entryId));
  const allEntries: LedgerEntry[] = [...to.entries];
  let order = Math.max(0, ...to.problems.map((p) => p.order));
  const result: CarryOverResult = { problems: [], entries: [], skipped: [], undated: [] };
  const carriedOn = stamp.at.slice(0, 10);

  for (const e of chosen) {
    const p = problemById.get(e.problemId)!;
    const label = e.targetId === GROUP_TARGET ? '领导班子' : oldMembers.get(e.targetId) ? targetLabel(oldMembers.get(e.targetId)!) : '原班子成员';
    if (already.has(e.id)) {
      result.skipped.push(`${e.accountNumber}（${label}）已结转过，未重复结转`);
      continue;
    }
    let targetId = options.targetMap?.get(e.targetId);
    if (targetId === undefined) {
      if (e.targetId === GROUP_TARGET) targetId = GROUP_TARGET;
      else {
        const old = oldMembers.get(e.targetId);
        targetId = old ? matchMember(old, to.members)?.id : undefined;
      }
    }
    if (targetId === undefined) {
      result.skipped.push(`${e.accountNumber}（${label}）：新一届会议中找不到对应的班子成员，请指定责任对象后再结转`);
      continue;
    }
    const problem: ProblemItem = {
      ...p,
      id: stamp.newId(),
      meetingId: to.meeting.id,
      targetId,
      // Each year has its own 对照检查 dimensions: last year's does not carry into a year without it.
      dimension: to.meeting.dimensions === undefined || to.meeting.dimensions.includes(p.dimension) ? p.dimension : '',
      // A time limit still ahead stays the commitment; one already passed is no limit for the new
      // year (kept, it would make the item overdue the day it is carried): the item goes without
      // one — 五个明确 incomplete, 缺办结时限 — until the new 整改时限 is set. Last year's stays on last year's item.
      deadline: p.deadline !== '' && p.deadline < carriedOn ? '' : p.deadline,
      sources: p.sources.includes(CARRIED_SOURCE) ? [...p.sources] : [...p.sources, CARRIED_SOURCE],
      consolidatedIds: [],
      published: false,
      order: ++order,
      carriedFrom: { problemId: p.id, meetingId: from.meeting.id },
      createdAt: stamp.at,
      updatedAt: stamp.at,
    };
    delete problem.deletedAt;
    const entry: LedgerEntry = {
      id: stamp.newId(),
      meetingId: to.meeting.id,
      problemId: problem.id,
      targetId,
      accountNumber: nextAccountNumber(accountPrefix(to.meeting.year, to.unit, accountTargetPart(targetId, to.members)), allEntries),
      // A pending 销号 application of last year is decided again in the new year: back to 整改中.
      status: e.status === 'closure-requested' ? 'in-progress' : e.status,
      history: [],
      carriedFrom: { entryId: e.id, meetingId: from.meeting.id, accountNumber: e.accountNumber },
      createdAt: stamp.at,
      updatedAt: stamp.at,
    };
    allEntries.push(entry);
    if (problem.deadline !== p.deadline) result.undated.push(entry.accountNumber);
    result.problems.push(problem);
    result.entries.push(entry);
  }
  return { ok: true, ...result };
}

interface HistoryStep {
  entry: LedgerEntry;
  progress: ProgressEntry[];
}

/** An entry's history across years, oldest first: its origins through carriedFrom, each with its progress. */
export function historyAcrossYears(entryId: string, entries: readonly LedgerEntry[], progress: readonly ProgressEntry[]): HistoryStep[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const steps: HistoryStep[] = [];
  const seen = new Set<string>();
  let e = byId.get(entryId);
  while (e && !seen.has(e.id)) {
    seen.add(e.id);
    const id = e.id;
    steps.unshift({ entry: e, progress: progress.filter((p) => p.entryId === id).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : 1)) });
    e = e.carriedFrom ? byId.get(e.carriedFrom.entryId) : undefined;
  }
  return steps;
}

/** `；其中2项上年度完成时限已过，未带入，请在查摆问题中重新确定完成时限` for a carry-over's `undated`, or empty. */
export function undatedSentence(undated: readonly string[]): string {
  return undated.length === 0 ? '' : `；其中${undated.length}项上年度完成时限已过，未带入，请在查摆问题中重新确定完成时限（${undated.join('、')}）`;
}
