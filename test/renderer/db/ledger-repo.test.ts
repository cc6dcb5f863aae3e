// The 整改台账 repository: 挂号, every status move allowed or refused through the repository, 销号
// refused without its evidence, progress appended, overdue from the one clock, 回头看 carry-over —
// each write one transaction with its change-log line and the meeting's summary refreshed.
import { afterEach, describe, expect, it } from 'vitest';
import { listMeetingChanges } from '../../../renderer/src/db/repos/change-log';
import { addLedgerProgress, carryOverLedger, carryOverOffer, changeLedgerStatus, ledgerHistory, listLedger, registerProblems } from '../../../renderer/src/db/repos/ledger-repo';
import { createMeeting, deleteMeeting, restoreMeeting } from '../../../renderer/src/db/repos/meetings-repo';
import { saveProblem, setProblemsDeleted, type ProblemDraft } from '../../../renderer/src/db/repos/problems-repo';
import { listSummaries, settleSummaries } from '../../../renderer/src/db/repos/summaries-repo';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { TRANSITIONS } from '#shared/ledger/status';
import { rectificationFigures } from '#shared/ledger/rectification-summary';
import { LEDGER_STATUSES, type LedgerStatus } from '#shared/model/ledger';
import { defaultRuleSet } from '#shared/model/rule-set';
import { overviewRows } from '#shared/supervision/overview';
import { resetClock, setClock } from '#shared/util/clock';
import { listUnits } from '../../../renderer/src/db/repos/units-repo';
import { ACTOR, freshDb, problemDraft, seedMeeting } from './test-db';

const draft = problemDraft;

const CLOSURE = { evidence: '调研报告4篇', evidenceLocation: '办公室档案柜2025-07号盒', date: '2026-06-25', approver: '县委组织部 王某' };

afterEach(() => resetClock());

async function registered(db: WorkbenchDb, fields: Partial<ProblemDraft> = {}) {
  const { meeting, members, unit } = await seedMeeting(db);
  const p = await saveProblem(db, meeting.id, draft(fields), ACTOR);
  const [entry] = await registerProblems(db, meeting.id, [p.id], ACTOR);
  return { meeting, members, unit, problem: p, entry: entry! };
}

/** A path of allowed moves from 未启动 to each status (with what each move needs). */
const PATH: Record<LedgerStatus, LedgerStatus[]> = {
  'not-started': [],
  'in-progress': ['in-progress'],
  'closure-requested': ['in-progress', 'closure-requested'],
  closed: ['in-progress', 'closure-requested', 'closed'],
  ongoing: ['ongoing'],
};
const needs = (to: LedgerStatus, from: LedgerStatus) => ({ to, ...(to === 'closed' ? { closure: CLOSURE } : {}), ...(from === 'closure-requested' && to === 'in-progress' ? { reason: '佐证不足' } : {}) });

describe('the ledger repository', () => {
  it('registers items with account numbers, logs 挂号, and refuses an incomplete or twice-registered item writing nothing', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const a = await saveProblem(db, meeting.id, draft(), ACTOR);
    const b = await saveProblem(db, meeting.id, draft({ targetId: members[1]!.id, description: '分管领域督促检查不到位' }), ACTOR);
    const bad = await saveProblem(db, meeting.id, draft({ description: '学习不够深入', standard: '' }), ACTOR);
    const entries = await registerProblems(db, meeting.id, [a.id, b.id], ACTOR);
    expect(entries.map((e) => e.accountNumber)).toEqual(['2025-某某县财政局-班子-001', '2025-某某县财政局-李四-001']);
    await expect(registerProblems(db, meeting.id, [bad.id], ACTOR)).rejects.toThrow('缺少整改标准，五个明确齐全后才能挂号');
    await expect(registerProblems(db, meeting.id, [a.id], ACTOR)).rejects.toThrow('已挂号，一个问题只有一个账号');
    await expect(registerProblems(db, meeting.id, [], ACTOR)).rejects.toThrow('请先选择要挂号的问题');
    expect(await db.ledgerEntries.count()).toBe(2);
    const log = await listMeetingChanges(db, meeting.id);
    expect(log.filter((l) => l.entity === 'ledger-entry').map((l) => l.summary).sort()).toEqual([
      '挂号 2025-某某县财政局-李四-001：分管领域督促检查不到位',
      '挂号 2025-某某县财政局-班子-001：深入基层调研不够，全年到联系点调研仅2次',
    ]);
  });

  it('allows exactly the moves of the status machine through the repository and refuses every other in Chinese', async () => {
    setClock('2026-06-25');
    let allowed = 0;
    let refused = 0;
    for (const from of LEDGER_STATUSES) {
      for (const to of LEDGER_STATUSES) {
        const db = freshDb();
        const { entry } = await registered(db);
        let prev: LedgerStatus = 'not-started';
        for (const step of PATH[from]) {
          await changeLedgerStatus(db, entry.id, needs(step, prev), ACTOR);
          prev = step;
        }
        const before = await db.ledgerEntries.get(entry.id);
        if (TRANSITIONS[from].includes(to)) {
          const after = await changeLedgerStatus(db, entry.id, needs(to, from), ACTOR);
          expect(after.status, `${from} → ${to}`).toBe(to);
          expect((await db.ledgerEntries.get(entry.id))!.history.at(-1)).toMatchObject({ from, to, by: ACTOR });
          allowed++;
        } else {
          await expect(changeLedgerStatus(db, entry.id, needs(to, from), ACTOR), `${from} → ${to}`).rejects.toThrow(/状态已是|不能从|已销号的问题不能再改变状态/);
          expect(await db.ledgerEntries.get(entry.id), `${from} → ${to} changed nothing`).toEqual(before);
          refused++;
        }
      }
    }
    expect([allowed, refused]).toEqual([7, 18]);
  });

  it('refuses 销号 without the evidence, where it is kept, the date or the approver, and a 退回 without a reason', async () => {
    setClock('2026-06-25');
    const db = freshDb();
    const { entry, meeting } = await registered(db);
    await changeLedgerStatus(db, entry.id, { to: 'in-progress' }, ACTOR);
    await changeLedgerStatus(db, entry.id, { to: 'closure-requested' }, ACTOR);
    await expect(changeLedgerStatus(db, entry.id, { to: 'closed' }, ACTOR)).rejects.toThrow('不能销号：缺少佐证材料（是什么）、佐证材料存放位置、销号日期、审核人');
    await expect(changeLedgerStatus(db, entry.id, { to: 'closed', closure: { ...CLOSURE, approver: ' ' } }, ACTOR)).rejects.toThrow('不能销号：缺少审核人');
    await expect(changeLedgerStatus(db, entry.id, { to: 'closed', closure: { ...CLOSURE, date: '2026-07-01' } }, ACTOR)).rejects.toThrow('销号日期不能晚于今天');
    await expect(changeLedgerStatus(db, entry.id, { to: 'in-progress' }, ACTOR)).rejects.toThrow('退回整改须写明理由');
    expect((await db.ledgerEntries.get(entry.id))!.status).toBe('closure-requested');
    const closed = await changeLedgerStatus(db, entry.id, { to: 'closed', closure: CLOSURE }, ACTOR);
    expect(closed.closure).toEqual(CLOSURE);
    const log = await listMeetingChanges(db, meeting.id);
    expect(log.some((l) => l.entity === 'ledger-entry' && l.summary === '2025-某某县财政局-班子-001 销号')).toBe(true);
  });

  it('appends progress, never after 销号 or dated in the future, with a change-log line each', async () => {
    setClock('2026-03-01');
    const db = freshDb();
    const { entry, meeting } = await registered(db);
    await addLedgerProgress(db, entry.id, { date: '2026-02-01', text: '已制定调研计划' }, ACTOR);
    await addLedgerProgress(db, entry.id, { date: '2026-01-15', text: '召开专题会议部署', by: '办公室 李某' }, ACTOR);
    await expect(addLedgerProgress(db, entry.id, { date: '2026-03-02', text: '明天的进展' }, ACTOR)).rejects.toThrow('进展日期不能晚于今天');
    await expect(addLedgerProgress(db, entry.id, { date: '2026-02-02', text: '  ' }, ACTOR)).rejects.toThrow('进展情况不能为空');
    const { progress } = await listLedger(db, meeting.id);
    expect(progress.map((p) => [p.date, p.by]).sort()).toEqual([['2026-01-15', '办公室 李某'], ['2026-02-01', ACTOR]]);
    setClock('2026-06-25');
    await changeLedgerStatus(db, entry.id, { to: 'in-progress' }, ACTOR);
    await changeLedgerStatus(db, entry.id, { to: 'closure-requested' }, ACTOR);
    await changeLedgerStatus(db, entry.id, { to: 'closed', closure: CLOSURE }, ACTOR);
    await expect(addLedgerProgress(db, entry.id, { date: '2026-06-25', text: '补充' }, ACTOR)).rejects.toThrow('已销号的问题不能再添加进展');
    expect((await listMeetingChanges(db, meeting.id)).filter((l) => l.entity === 'progress')).toHaveLength(2);
  });

  it('refuses to move or report on an entry that is missing or in the recycle bin, writing nothing', async () => {
    setClock('2026-03-01');
    const db = freshDb();
    const { entry } = await registered(db);
    // A package merged from another machine may carry an entry deleted there.
    await db.ledgerEntries.put({ ...entry, deletedAt: '2026-02-01T00:00:00.000Z' });
    const before = [await db.ledgerEntries.toArray(), await db.progressEntries.count(), await db.changeLog.count()];
    await expect(changeLedgerStatus(db, entry.id, { to: 'in-progress' }, ACTOR)).rejects.toThrow('该台账条目不存在，请刷新后重试');
    await expect(addLedgerProgress(db, entry.id, { date: '2026-02-01', text: '已制定调研计划' }, ACTOR)).rejects.toThrow('该台账条目不存在，请刷新后重试');
    await expect(changeLedgerStatus(db, 'no-such-entry', { to: 'in-progress' }, ACTOR)).rejects.toThrow('该台账条目不存在，请刷新后重试');
    expect([await db.ledgerEntries.toArray(), await db.progressEntries.count(), await db.changeLog.count()]).toEqual(before);
  });

  it('keeps the 整改 figures in the meeting summary and counts overdue on the day the overview is read', async () => {
    const db = freshDb();
    const { meeting, unit } = await seedMeeting(db);
    const a = await saveProblem(db, meeting.id, draft({ deadline: '2026-03-31' }), ACTOR);
    const b = await saveProblem(db, meeting.id, draft({ description: '批评与自我批评辣味不足', deadline: '2026-06-30' }), ACTOR);
    const c = await saveProblem(db, meeting.id, draft({ description: '理论学习不够系统', deadline: '', longTerm: true }), ACTOR);
    await registerProblems(db, meeting.id, [a.id, b.id, c.id], ACTOR);
    const [summary] = (await listSummaries(db)).filter((s) => s.meetingId === meeting.id);
    expect(summary!.rectification).toEqual({ items: 3, closed: 0, openDeadlines: ['2026-03-31', '2026-06-30'] });
    // The same stored summary, read on three days: the overdue count follows the day.
    expect(rectificationFigures(summary!.rectification, '2026-03-01')).toMatchObject({ overdue: 0, dueSoon: 0 });
    expect(rectificationFigures(summary!.rectification, '2026-03-28')).toMatchObject({ overdue: 0, dueSoon: 1 });
    setClock('2026-07-01');
    const [row] = overviewRows(await listUnits(db), await listSummaries(db));
    expect(row!.unitId).toBe(unit.id);
    expect(row!.rectification).toEqual({ items: 3, closed: 0, carried: 0, overdue: 2, dueSoon: 0, closedPercent: 0 });
    // A deleted problem leaves the figures with its entry.
    await setProblemsDeleted(db, meeting.id, [a.id], true, ACTOR);
    expect((await listSummaries(db))[0]!.rectification).toEqual({ items: 2, closed: 0, openDeadlines: ['2026-06-30'] });
  });

  it('carries last year’s open and 长期坚持 items into the next meeting, linked to their origin, once', async () => {
    setClock('2026-06-25');
    const db = freshDb();
    const { meeting, unit, members } = await seedMeeting(db);
    const open = await saveProblem(db, meeting.id, draft({ targetId: members[1]!.id }), ACTOR);
    const done = await saveProblem(db, meeting.id, draft({ description: '会议多文件多' }), ACTOR);
    const lasting = await saveProblem(db, meeting.id, draft({ description: '理论学习不够系统', deadline: '', longTerm: true }), ACTOR);
    const [e1, e2, e3] = await registerProblems(db, meeting.id, [open.id, done.id, lasting.id], ACTOR);
    await changeLedgerStatus(db, e1!.id, { to: 'in-progress' }, ACTOR);
    await addLedgerProgress(db, e1!.id, { date: '2026-05-01', text: '完成一半' }, ACTOR);
    for (const to of ['in-progress', 'closure-requested', 'closed'] as const) await changeLedgerStatus(db, e2!.id, to === 'closed' ? { to, closure: CLOSURE } : { to }, ACTOR);
    await changeLedgerStatus(db, e3!.id, { to: 'ongoing' }, ACTOR);

    const next = await createMeeting(db, unit.id, { year: 2026, title: '2026年度民主生活会', ruleSet: defaultRuleSet(), dimensions: [] }, ACTOR, meeting.id);
    const offer = await carryOverOffer(db, { unitId: unit.id, year: 2026 });
    expect(offer!.from.id).toBe(meeting.id);
    expect(offer!.candidates.map((c) => c.entry.id).sort()).toEqual([e1!.id, e3!.id].sort());

    await settleSummaries(db);
    const result = await carryOverLedger(db, next.id, ACTOR);
    expect(result.skipped).toEqual([]);
    const ledger = await listLedger(db, next.id);
    expect(ledger.entries.map((e) => [e.accountNumber, e.status, e.carriedFrom!.accountNumber]).sort()).toEqual([
      ['2026-某某县财政局-李四-001', 'in-progress', '2025-某某县财政局-李四-001'],
      ['2026-某某县财政局-班子-001', 'ongoing', '2025-某某县财政局-班子-002'],
    ]);
    const carriedEntry = ledger.entries.find((e) => e.carriedFrom!.entryId === e1!.id)!;
    const history = await ledgerHistory(db, carriedEntry.id);
    expect(history.map((h) => [h.entry.accountNumber, h.progress.map((p) => p.text)])).toEqual([
      ['2025-某某县财政局-李四-001', ['完成一半']],
      ['2026-某某县财政局-李四-001', []],
    ]);
    const carriedProblem = ledger.problems.find((p) => p.carriedFrom?.problemId === open.id)!;
    expect(carriedProblem.sources).toContain('上年度未完成');
    expect(carriedProblem.targetId).not.toBe(members[1]!.id);
    expect((await carryOverOffer(db, { meetingId: next.id }))!).toMatchObject({ candidates: [], carried: 2 });
    // Counted once: last year's ledger and its stored summary (refreshed by the carrying write) say 已结转, not open.
    const lastYear = await listLedger(db, meeting.id);
    expect([...lastYear.carriedOut.keys()].sort()).toEqual([e1!.id, e3!.id].sort());
    const stored = (await db.meetingSummaries.get(meeting.id))!;
    expect(stored.rectification).toEqual({ items: 3, closed: 1, carried: 2, openDeadlines: [] });
    // Twice: nothing new, and each one said in Chinese.
    const again = await carryOverLedger(db, next.id, ACTOR);
    expect(again.carried).toEqual([]);
    expect([...again.skipped].sort()).toEqual(['2025-某某县财政局-李四-001（李四（副局长））已结转过，未重复结转', '2025-某某县财政局-班子-002（领导班子）已结转过，未重复结转'].sort());
    expect(await db.ledgerEntries.where('meetingId').equals(next.id).count()).toBe(2);
    await expect(carryOverLedger(db, meeting.id, ACTOR)).rejects.toThrow('本单位没有更早年度的会议');
    const log = await listMeetingChanges(db, next.id);
    expect(log.filter((l) => l.entity === 'ledger-entry' && l.summary.startsWith('回头看'))).toHaveLength(2);
    // The carrying meeting moved to the recycle bin: last year's items are open there again, and back when it is restored.
    await deleteMeeting(db, next.id, ACTOR);
    await settleSummaries(db);
    expect((await listLedger(db, meeting.id)).carriedOut.size).toBe(0);
    const binned = (await db.meetingSummaries.get(meeting.id))!.rectification!;
    expect([binned.items, binned.closed, binned.carried ?? 0]).toEqual([3, 1, 0]);
    await restoreMeeting(db, next.id, ACTOR);
    await settleSummaries(db);
    expect((await db.meetingSummaries.get(meeting.id))!.rectification).toMatchObject({ items: 3, closed: 1, carried: 2 });
  });

  it('refuses 进展 and every status move on an item carried into the next year (已结转), writing nothing, and takes them again once the carrying meeting is in the bin', async () => {
    setClock('2026-06-25');
    const db = freshDb();
    const { meeting, unit } = await seedMeeting(db);
    const p = await saveProblem(db, meeting.id, draft(), ACTOR);
    const [entry] = await registerProblems(db, meeting.id, [p.id], ACTOR);
    await changeLedgerStatus(db, entry!.id, { to: 'in-progress' }, ACTOR);
    const next = await createMeeting(db, unit.id, { year: 2026, title: '2026年度民主生活会', ruleSet: defaultRuleSet(), dimensions: [] }, ACTOR, meeting.id);
    await carryOverLedger(db, next.id, ACTOR);
    const refusal = '已结转至 2026-某某县财政局-班子-001，请在2026年度台账中办理';
    expect((await listLedger(db, meeting.id)).carriedTo.get(entry!.id)).toEqual({ accountNumber: '2026-某某县财政局-班子-001', year: 2026 });

    const before = { progress: await db.progressEntries.count(), entry: await db.ledgerEntries.get(entry!.id), log: (await listMeetingChanges(db, meeting.id)).length };
    await expect(addLedgerProgress(db, entry!.id, { date: '2026-06-01', text: '又完成一项' }, ACTOR)).rejects.toThrow(refusal);
    for (const to of TRANSITIONS['in-progress']) await expect(changeLedgerStatus(db, entry!.id, { to }, ACTOR)).rejects.toThrow(refusal);
    expect(await db.progressEntries.count()).toBe(before.progress);
    expect(await db.ledgerEntries.get(entry!.id)).toEqual(before.entry);
    expect(await listMeetingChanges(db, meeting.id)).toHaveLength(before.log);

    // The carrying meeting in the recycle bin carries nothing: the item is open here again.
    await deleteMeeting(db, next.id, ACTOR);
    await addLedgerProgress(db, entry!.id, { date: '2026-06-01', text: '又完成一项' }, ACTOR);
    await changeLedgerStatus(db, entry!.id, { to: 'ongoing' }, ACTOR);
    expect((await db.ledgerEntries.get(entry!.id))!.status).toBe('ongoing');
  });
});
