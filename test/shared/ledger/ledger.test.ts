import { afterEach, describe, expect, it } from 'vitest';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { accountPrefix, duplicateAccountNumbers, nextAccountNumber, registerProblems } from '#shared/ledger/accounts';
import { carryOver, carryOverCandidates, historyAcrossYears } from '#shared/ledger/carry-over';
import { deadlineState, deadlineText, itemState } from '#shared/ledger/deadlines';
import { ledgerExitCode, ledgerListing } from '#shared/ledger/listing';
import { mergeLedgerEntry } from '#shared/ledger/merge-rules';
import { appendProgress, progressLog, unionProgress } from '#shared/ledger/progress';
import { canTransition, changeStatus, TRANSITIONS } from '#shared/ledger/status';
import { ledgerRows, ledgerSummary } from '#shared/ledger/view';
import { LEDGER_STATUSES, LEDGER_STATUS_LABELS, ledgerEntrySchema, progressEntrySchema, type LedgerEntry, type LedgerStatus } from '#shared/model/ledger';
import { parseRecord } from '#shared/model/zod-fields';
import { GROUP_TARGET, type Member } from '#shared/model/types';
import { resetClock, setClock, today } from '#shared/util/clock';
import { must, problemItem, problemSample, stampAt } from '../../support/problem-sample';
import { fakeUuid } from '../../support/sample-content';

const CLOSURE = { evidence: '整改报告及会议纪要', evidenceLocation: '办公室档案柜 3 号盒', date: '2026-02-01', approver: '张三' };

function entryIn(status: LedgerStatus): LedgerEntry {
  const e: LedgerEntry = {
    id: fakeUuid(1),
    meetingId: fakeUuid(2),
    problemId: fakeUuid(3),
    targetId: GROUP_TARGET,
    accountNumber: '2025-财政局-班子-001',
    status,
    history: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  return status === 'closed' ? { ...e, closure: CLOSURE } : e;
}

afterEach(() => resetClock());

describe('account numbers (一个问题一个账号)', () => {
  it('numbers items per target, readable and unique within the meeting, and never reuses a deleted number', () => {
    const s = problemSample();
    const numbers = s.entries.map((e) => e.accountNumber);
    expect(numbers).toEqual(['2025-财政局-班子-001', '2025-财政局-班子-002', '2025-财政局-班子-003', '2025-财政局-张三-001', '2025-财政局-李四-001', '2025-财政局-王五-001']);
    expect(duplicateAccountNumbers(s.entries)).toEqual([]);
    const prefix = accountPrefix(2025, s.unit, '班子');
    expect(nextAccountNumber(prefix, [...s.entries, { ...s.entries[0]!, accountNumber: '2025-财政局-班子-007', deletedAt: '2026-01-01T00:00:00.000Z' }])).toBe('2025-财政局-班子-008');
    for (const e of s.entries) expect(parseRecord(ledgerEntrySchema, e)).toMatchObject({ ok: true });
  });

  it('refuses to register a problem twice or one that is not 五个明确, registering none of the batch', () => {
    const s = problemSample();
    const ctx = { unit: s.unit, meeting: s.meeting, members: s.members, entries: s.entries };
    const stamp = stampAt('2026-01-01T00:00:00.000Z', 90_000);
    expect(registerProblems([s.problems[0]!], ctx, stamp)).toMatchObject({ ok: false, error: expect.stringContaining('已挂号') });
    const incomplete = s.problems.find((p) => p.standard === '')!;
    expect(registerProblems([incomplete], ctx, stamp)).toEqual({ ok: false, error: '问题“服务企业改革落实不到位，审批材料仍然偏多”缺少整改标准，五个明确齐全后才能挂号' });
  });

  it('tells two members of the same name apart by position', () => {
    const s = problemSample();
    const twin: Member = { ...s.members[0]!, id: fakeUuid(91_000), name: '李四', position: '总会计师', rank: 9 };
    const members = [...s.members, twin];
    const p = problemItem({ id: fakeUuid(91_001), meetingId: s.meeting.id, targetId: twin.id, description: '预算执行进度偏慢' });
    const [e] = must(registerProblems([p], { unit: s.unit, meeting: s.meeting, members, entries: s.entries }, stampAt('2026-01-01T00:00:00.000Z', 91_100))).value;
    expect(e!.accountNumber).toBe('2025-财政局-李四总会计师-001');
  });
});

describe('the status machine', () => {
  const allowed: Array<[LedgerStatus, LedgerStatus]> = [
    ['not-started', 'in-progress'],
    ['not-started', 'ongoing'],
    ['in-progress', 'closure-requested'],
    ['in-progress', 'ongoing'],
    ['closure-requested', 'closed'],
    ['closure-requested', 'in-progress'],
    ['ongoing', 'in-progress'],
  ];
  const request = (from: LedgerStatus, to: LedgerStatus) => ({ to, by: '刘洋', reason: from === 'closure-requested' && to === 'in-progress' ? '材料不全' : '', closure: to === 'closed' ? CLOSURE : undefined });

  for (const from of LEDGER_STATUSES) {
    for (const to of LEDGER_STATUSES) {
      const ok = allowed.some(([a, b]) => a === from && b === to);
      it(`${ok ? 'allows' : 'refuses'} ${LEDGER_STATUS_LABELS[from]} → ${LEDGER_STATUS_LABELS[to]}`, () => {
        expect(canTransition(from, to)).toBe(ok);
        const r = changeStatus(entryIn(from), request(from, to), '2026-02-02T00:00:00.000Z', '2026-03-01');
        if (ok) {
          expect(r.ok).toBe(true);
          const e = must(r).value;
          expect(e.status).toBe(to);
          expect(e.history.at(-1)).toMatchObject({ from, to, by: '刘洋' });
          expect(parseRecord(ledgerEntrySchema, e).ok).toBe(true);
        } else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error).toMatch(/^(不能从“.+”直接改为“.+”，只能改为.+|已销号的问题不能再改变状态|状态已是“.+”)$/);
        }
      });
    }
  }

  it('lists every allowed move once in the table the tests enumerate', () => {
    expect(Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => [from, to]))).toEqual(allowed);
  });

  it('refuses 销号 without evidence, its place, date and approver, naming each in Chinese, and changes nothing', () => {
    const e = entryIn('closure-requested');
    const frozen = JSON.stringify(e);
    expect(changeStatus(e, { to: 'closed', by: '刘洋' }, '2026-02-02T00:00:00.000Z', '2026-03-01')).toEqual({ ok: false, error: '不能销号：缺少佐证材料（是什么）、佐证材料存放位置、销号日期、审核人' });
    expect(changeStatus(e, { to: 'closed', by: '刘洋', closure: { ...CLOSURE, evidenceLocation: ' ' } }, '2026-02-02T00:00:00.000Z', '2026-03-01')).toEqual({ ok: false, error: '不能销号：缺少佐证材料存放位置' });
    expect(changeStatus(e, { to: 'closed', by: '刘洋', closure: { ...CLOSURE, date: '2026-13-01' } }, '2026-02-02T00:00:00.000Z', '2026-03-01')).toMatchObject({ ok: false, error: '不能销号：销号日期不是有效日期' });
    expect(changeStatus(e, { to: 'closed', by: '刘洋', closure: { ...CLOSURE, date: '2026-04-01' } }, '2026-02-02T00:00:00.000Z', '2026-03-01')).toEqual({ ok: false, error: '不能销号：销号日期不能晚于今天' });
    expect(JSON.stringify(e)).toBe(frozen);
    const closed = must(changeStatus(e, { to: 'closed', by: '刘洋', closure: CLOSURE }, '2026-02-02T00:00:00.000Z', '2026-03-01')).value;
    expect(closed.closure).toEqual(CLOSURE);
  });

  it('bounds the 销号 and progress dates by the domain clock when no day is given', () => {
    setClock('2026-02-01');
    const e = entryIn('closure-requested');
    expect(changeStatus(e, { to: 'closed', by: '刘洋', closure: { ...CLOSURE, date: '2026-02-02' } }, '2026-02-01T08:00:00.000Z')).toEqual({ ok: false, error: '不能销号：销号日期不能晚于今天' });
    expect(changeStatus(e, { to: 'closed', by: '刘洋', closure: { ...CLOSURE, date: '2026-02-01' } }, '2026-02-01T08:00:00.000Z').ok).toBe(true);
    expect(appendProgress(entryIn('in-progress'), { date: '2026-02-02', text: '明天的进展', by: '' }, stampAt('2026-02-01T08:00:00.000Z'))).toEqual({ ok: false, error: '进展日期不能晚于今天' });
    setClock('2026-02-02');
    expect(appendProgress(entryIn('in-progress'), { date: '2026-02-02', text: '今天的进展', by: '' }, stampAt('2026-02-02T08:00:00.000Z')).ok).toBe(true);
  });

  it('sends 申请销号 back to 整改中 only with a reason, and keeps the reason in the history', () => {
    const e = entryIn('closure-requested');
    expect(changeStatus(e, { to: 'in-progress', by: '张三', reason: '  ' }, '2026-02-02T00:00:00.000Z', '2026-03-01')).toEqual({ ok: false, error: '退回整改须写明理由' });
    const back = must(changeStatus(e, { to: 'in-progress', by: '张三', reason: '佐证材料不全' }, '2026-02-02T00:00:00.000Z', '2026-03-01')).value;
    expect(back.history).toEqual([{ at: '2026-02-02T00:00:00.000Z', from: 'closure-requested', to: 'in-progress', by: '张三', reason: '佐证材料不全' }]);
  });

  it('refuses a record that claims 已销号 without a 销号 record', () => {
    expect(parseRecord(ledgerEntrySchema, { ...entryIn('closed'), closure: undefined })).toMatchObject({ ok: false, error: '已销号的条目须有销号信息，未销号的条目不能有' });
  });
});

describe('progress entries', () => {
  it('appends progress and refuses empty text, future dates and closed items', () => {
    const e = entryIn('in-progress');
    const stamp = stampAt('2026-02-01T00:00:00.000Z', 92_000);
    const p = must(appendProgress(e, { date: '2026-02-01', text: ' 完成方案 ', by: '刘洋' }, stamp, '2026-03-01')).value;
    expect(p).toMatchObject({ entryId: e.id, text: '完成方案', date: '2026-02-01' });
    expect(parseRecord(progressEntrySchema, p).ok).toBe(true);
    expect(appendProgress(e, { date: '2026-02-01', text: '', by: '' }, stamp, '2026-03-01')).toEqual({ ok: false, error: '进展情况不能为空' });
    expect(appendProgress(e, { date: '2026-04-01', text: 'x', by: '' }, stamp, '2026-03-01')).toEqual({ ok: false, error: '进展日期不能晚于今天' });
    expect(appendProgress(entryIn('closed'), { date: '2026-02-01', text: 'x', by: '' }, stamp, '2026-03-01')).toEqual({ ok: false, error: '已销号的问题不能再添加进展' });
  });

  it('merges two machines’ logs as a union by id, reporting an id with two different texts', () => {
    const e = entryIn('in-progress');
    const mk = (n: number, date: string, text: string) => must(appendProgress(e, { date, text, by: '' }, stampAt(`${date}T00:00:00.000Z`, n), '2026-03-01')).value;
    const a = mk(1, '2026-01-10', '一月进展');
    const b = mk(2, '2026-02-10', '二月进展');
    const c = mk(3, '2026-01-20', '另一台电脑的进展');
    const u = unionProgress([a, b], [b, c]);
    expect(progressLog(u.merged, e.id).map((p) => p.text)).toEqual(['一月进展', '另一台电脑的进展', '二月进展']);
    expect(u.added).toEqual([c]);
    expect(unionProgress([a], [{ ...a, text: '改过的' }]).conflicts).toHaveLength(1);
  });
});

describe('ledger entries from two machines', () => {
  it('takes the side whose status history grew, and reports status changes on both sides as a conflict', () => {
    const base = entryIn('in-progress');
    const requested = must(changeStatus(base, { to: 'closure-requested', by: 'A' }, '2026-02-01T00:00:00.000Z', '2026-03-01')).value;
    const ongoing = must(changeStatus(base, { to: 'ongoing', by: 'B' }, '2026-02-02T00:00:00.000Z', '2026-03-01')).value;
    expect(mergeLedgerEntry(base, base)).toEqual({ kind: 'same' });
    // The same record with its keys in another order (as parsed from a package) is the same.
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(base).reverse()))) as LedgerEntry;
    expect(mergeLedgerEntry(base, reordered)).toEqual({ kind: 'same' });
    expect(mergeLedgerEntry(base, requested)).toEqual({ kind: 'take-remote', value: requested });
    expect(mergeLedgerEntry(requested, base)).toEqual({ kind: 'keep-local' });
    expect(mergeLedgerEntry(requested, ongoing)).toEqual({ kind: 'conflict', message: '台账 2025-财政局-班子-001：两边都改变了状态（本机为“申请销号”，导入数据为“长期坚持”），请核对后选择' });
    expect(mergeLedgerEntry(base, { ...base, accountNumber: '2025-财政局-班子-009' }).kind).toBe('conflict');
  });
});

describe('overdue and due soon from the injected clock', () => {
  it('is overdue once the deadline has passed and the item is not 已销号, due soon within 7 days', () => {
    const p = { deadline: '2026-03-10' };
    setClock('2026-03-02');
    expect(today()).toBe('2026-03-02');
    // Eight days ahead is not yet due soon.
    expect(deadlineState(p, itemState('in-progress', false))).toEqual({ kind: 'none' });
    setClock('2026-03-03');
    expect(deadlineState(p, itemState('in-progress', false))).toEqual({ kind: 'due-soon', days: 7 });
    setClock('2026-03-10');
    expect(deadlineText(deadlineState(p, itemState('not-started', false)))).toBe('今天到期');
    setClock('2026-03-11');
    expect(deadlineState(p, itemState('in-progress', false))).toEqual({ kind: 'overdue', days: 1 });
    expect(deadlineState(p, itemState('ongoing', false))).toEqual({ kind: 'overdue', days: 1 });
    expect(deadlineState(p, itemState('closure-requested', false)).kind).toBe('overdue');
    expect(deadlineState(p, itemState('closed', false))).toEqual({ kind: 'none' });
    expect(deadlineState({ deadline: '' }, 'open')).toEqual({ kind: 'none' });
    expect(deadlineText({ kind: 'overdue', days: 12 })).toBe('逾期12天');
  });

  it('summarizes the ledger: counts by status, overdue, 销号率 per target', () => {
    const s = problemSample();
    const docs = prepareMeetingDocs(s.input);
    setClock('2026-03-08');
    const rows = ledgerRows({ entries: s.entries, carriedOut: new Map(), problems: s.problems, progress: s.progress, targets: docs.targets, today: today() });
    const summary = ledgerSummary(rows, docs.targets);
    expect(summary.items).toBe(6);
    expect(summary.byStatus).toEqual({ 'not-started': 1, 'in-progress': 2, 'closure-requested': 1, closed: 1, ongoing: 1 });
    // 李四's item was due 2026-02-15, 王五's 2026-03-05: both overdue on 2026-03-08.
    expect(summary.overdue).toBe(2);
    expect(summary.closedPercent).toBe(17);
    expect(summary.targets.map((t) => [t.label, t.items, t.closed, t.overdue])).toEqual([
      ['领导班子', 3, 1, 0],
      ['张三（局长）', 1, 0, 0],
      ['李四（副局长）', 1, 0, 1],
      ['王五（副局长）', 1, 0, 1],
    ]);
  });
});

describe('回头看: carry-over into next year', () => {
  function nextYear() {
    const s = problemSample();
    const meeting = { ...s.meeting, id: fakeUuid(95_000), year: 2026 };
    // The new roster: 张三 and 李四 stay, 王五 left, 孙七 joined.
    const members: Member[] = [
      { ...s.members.find((m) => m.name === '张三')!, id: fakeUuid(95_001), meetingId: meeting.id },
      { ...s.members.find((m) => m.name === '李四')!, id: fakeUuid(95_002), meetingId: meeting.id },
      { ...s.members.find((m) => m.name === '王五')!, id: fakeUuid(95_003), meetingId: meeting.id, name: '孙七' },
    ];
    return { s, to: { unit: s.unit, meeting, members, problems: [], entries: [] } };
  }

  it('offers every item not 已销号, 长期坚持 included', () => {
    const { s } = nextYear();
    const offered = carryOverCandidates({ meeting: s.meeting, members: s.members, problems: s.problems, entries: s.entries });
    expect(offered.map((e) => e.status).sort()).toEqual(['closure-requested', 'in-progress', 'in-progress', 'not-started', 'ongoing']);
  });

  it('carries items over linked to their origin with history, maps members by name, and says which it could not carry', () => {
    const { s, to } = nextYear();
    const from = { meeting: s.meeting, members: s.members, problems: s.problems, entries: s.entries };
    const r = must(carryOver(from, to, {}, stampAt('2027-01-05T00:00:00.000Z', 96_000)));
    expect(r.entries).toHaveLength(4);
    expect(r.skipped).toEqual(['2025-财政局-王五-001（王五（副局长））：新一届会议中找不到对应的班子成员，请指定责任对象后再结转']);
    const li = r.entries.find((e) => e.carriedFrom?.accountNumber === '2025-财政局-李四-001')!;
    expect(li).toMatchObject({ accountNumber: '2026-财政局-李四-001', targetId: fakeUuid(95_002), status: 'in-progress', meetingId: to.meeting.id });
    const liProblem = r.problems.find((p) => p.id === li.problemId)!;
    expect(liProblem.sources).toContain('上年度未完成');
    expect(liProblem).toMatchObject({ published: false, consolidatedIds: [], carriedFrom: { problemId: s.entries[4]!.problemId, meetingId: s.meeting.id } });
    expect(r.entries.find((e) => e.carriedFrom?.accountNumber === '2025-财政局-班子-003')!.status).toBe('ongoing');
    expect(r.entries.find((e) => e.carriedFrom?.accountNumber === '2025-财政局-张三-001')!.status).toBe('in-progress');
    // Without the new meeting's dimensions the item keeps its own; with other dimensions it loses it.
    expect(liProblem.dimension).toBe(s.problems.find((p) => p.id === s.entries[4]!.problemId)!.dimension);
    const newDims = must(carryOver(from, { ...to, meeting: { ...to.meeting, dimensions: ['带头坚决扛起管党治党责任'] } }, {}, stampAt('2027-01-05T00:00:00.000Z', 98_000)));
    expect(newDims.problems.every((p) => p.dimension === '')).toBe(true);
    // Its history across years: last year's entry with its progress, then the new one.
    const history = historyAcrossYears(li.id, [...s.entries, ...r.entries], s.progress);
    expect(history.map((h) => h.entry.accountNumber)).toEqual(['2025-财政局-李四-001', '2026-财政局-李四-001']);
    expect(history[0]!.progress.map((p) => p.text)).toEqual(['已制定整改方案，召开专题会议部署。']);
    expect(history[0]!.entry.history.map((h) => h.to)).toEqual(['in-progress', 'closure-requested', 'in-progress']);

    // 王五's item with an explicit target; carrying again adds nothing twice.
    const wangEntry = s.entries.find((e) => e.accountNumber === '2025-财政局-王五-001')!;
    const again = must(carryOver(from, { ...to, problems: r.problems, entries: r.entries }, { targetMap: new Map([[wangEntry.targetId, fakeUuid(95_003)]]) }, stampAt('2027-01-06T00:00:00.000Z', 97_000)));
    expect(again.entries.map((e) => e.accountNumber)).toEqual(['2026-财政局-孙七-001']);
    expect(again.skipped).toHaveLength(4);
    expect(carryOver(from, { ...to, meeting: { ...to.meeting, year: 2025 } }, {}, stampAt('2027-01-06T00:00:00.000Z'))).toEqual({ ok: false, error: '只能把上年度的问题结转到之后年度的会议' });
  });
});

describe('the ledger as lines for the command line', () => {
  it('lists every item, or only the overdue ones, and exits 1 when something is overdue', () => {
    const s = problemSample();
    const docs = prepareMeetingDocs(s.input);
    const rows = (day: string) => ledgerRows({ entries: s.entries, carriedOut: new Map(), problems: s.problems, progress: s.progress, targets: docs.targets, today: day });
    const late = ledgerListing([{ heading: '某某县财政局　2025年度民主生活会', rows: rows('2026-03-08') }], { overdueOnly: true });
    expect(late.lines).toEqual([
      '某某县财政局　2025年度民主生活会　2025-财政局-李四-001　李四（副局长）　整改中　完成时限 2026-02-15　逾期21天　对分管科室日常监督不够严格，个别干部纪律意识淡薄',
      '某某县财政局　2025年度民主生活会　2025-财政局-王五-001　王五（副局长）　整改中　完成时限 2026-03-05　逾期3天　财政资金绩效评价结果运用不充分，部分专项资金闲置',
      '共6项，其中逾期2项。',
    ]);
    expect(ledgerExitCode(late)).toBe(1);
    const early = ledgerListing([{ heading: 'x', rows: rows('2026-01-01') }]);
    expect(early.lines).toHaveLength(7);
    expect(early.lines.at(-1)).toBe('共6项，无逾期。');
    expect(early.lines.some((l) => l.includes('长期坚持'))).toBe(true);
    expect(ledgerExitCode(early)).toBe(0);
  });
});
