// The command line's `ledger` verb: every registered item of every meeting with its status and how
// late it is, judged on --date; exit 0 when nothing is overdue, 1 when something is, 2 for bad input;
// --xlsx writes the 整改台账 workbook. Packages do not carry ledger records before format 2, so the
// listing is tested on content built in memory and the verb's file handling on real packages.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerReport } from '../../../node/cli/commands/ledger';
import { registerProblems } from '#shared/ledger/accounts';
import { changeStatus } from '#shared/ledger/status';
import { appendProgress } from '#shared/ledger/progress';
import type { LedgerEntry, ProgressEntry } from '#shared/model/ledger';
import type { ProblemItem } from '#shared/model/problems';
import { buildPackage, type PackageContent } from '#shared/package/format';
import { today } from '#shared/util/clock';
import { cli } from '../../support/cli';
import { fakeUuid, sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };
const AT = '2025-12-20T08:00:00.000Z';

/** Two units; the first unit's meeting has three registered items: one closed, one due 2026-03-31, one 长期坚持. */
function contentWithLedger(): PackageContent & { problems: ProblemItem[]; ledgerEntries: LedgerEntry[]; progressEntries: ProgressEntry[] } {
  const content = sampleContent({ units: 2 });
  const meeting = content.meetings[0]!;
  const unit = content.units.find((u) => u.id === meeting.unitId)!;
  const members = content.members.filter((m) => m.meetingId === meeting.id);
  let n = 900;
  const stamp = { at: AT, newId: () => fakeUuid(n++) };
  const item = (targetId: string, description: string, deadline: string, longTerm = false): ProblemItem => ({
    id: stamp.newId(),
    meetingId: meeting.id,
    targetId,
    description,
    dimension: '',
    sources: ['征求意见'],
    consolidatedIds: [],
    causes: '',
    measures: '制定计划逐月推进',
    standard: '按期完成',
    leader: members[0]!.name,
    responsible: '办公室',
    deadline,
    longTerm,
    published: true,
    note: '',
    order: 1,
    createdAt: AT,
    updatedAt: AT,
  });
  const problems = [item('group', '深入基层调研不够', '2026-06-30'), item(members[1]!.id, '分管领域督促检查不到位', '2026-03-31'), item('group', '理论学习不够系统', '', true)];
  const registered = registerProblems(problems, { unit, meeting, members, entries: [] }, stamp);
  if (!registered.ok) throw new Error(registered.error);
  const entries = registered.value;
  let closed = entries[0]!;
  for (const to of ['in-progress', 'closure-requested'] as const) closed = (changeStatus(closed, { to, by: '甲' }, AT, '2026-01-10') as { value: LedgerEntry }).value;
  closed = (changeStatus(closed, { to: 'closed', by: '甲', closure: { evidence: '调研报告', evidenceLocation: '档案室', date: '2026-01-10', approver: '乙' } }, AT, '2026-01-10') as { value: LedgerEntry }).value;
  const progress = (appendProgress(entries[1]!, { date: '2026-01-05', text: '已排查隐患12处', by: '丙' }, stamp, '2026-01-10') as { value: ProgressEntry }).value;
  return { ...content, problems, ledgerEntries: [closed, entries[1]!, entries[2]!], progressEntries: [progress] };
}

function capture(cwd = '.') {
  const out: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => out.push(l), cwd }, out };
}

describe('cli ledger', () => {
  it('lists every item with status and time limit, and exits 1 when one is overdue on --date', async () => {
    const content = contentWithLedger();
    const { io, out } = capture();
    expect(await ledgerReport([content], { xlsx: undefined, overdue: false, date: '2026-04-10' }, io)).toBe(1);
    expect(out[0]).toBe('整改台账（以 2026-04-10 判断逾期）');
    expect(out.slice(1, 4).map((l) => l.split('　').slice(1, 6))).toEqual([
      ['2025-单位1-班子-001', '领导班子', '已销号', '完成时限 2026-06-30', '深入基层调研不够'],
      ['2025-单位1-班子-002', '领导班子', '未启动', '长期坚持', '理论学习不够系统'],
      ['2025-单位1-李卫东-001', '李卫东（副局长）', '未启动', '完成时限 2026-03-31', '逾期10天'],
    ]);
    expect(out.at(-1)).toBe('共3项，其中逾期1项。');
    // The clock is the system's again after the command.
    expect(today()).not.toBe('2026-04-10');
  });

  it('exits 0 when nothing is overdue, and --overdue lists only the overdue items', async () => {
    const content = contentWithLedger();
    const early = capture();
    expect(await ledgerReport([content], { xlsx: undefined, overdue: false, date: '2026-03-25' }, early.io)).toBe(0);
    expect(early.out.join('\n')).toContain('6天后到期');
    expect(early.out.at(-1)).toBe('共3项，无逾期。');
    const late = capture();
    expect(await ledgerReport([content], { xlsx: undefined, overdue: true, date: '2026-07-01' }, late.io)).toBe(1);
    expect(late.out.slice(1, -1)).toHaveLength(1);
    expect(late.out[1]).toContain('逾期92天');
    expect(late.out.at(-1)).toBe('共3项，其中逾期1项。');
  });

  it('writes the 整改台账 workbook with --xlsx: the progress log on its own sheet, the overdue row highlighted, A4 landscape', async () => {
    const dir = tempDir('cli-ledger');
    const { io, out } = capture(dir);
    expect(await ledgerReport([contentWithLedger()], { xlsx: '台账.xlsx', overdue: false, date: '2026-04-10' }, io)).toBe(1);
    expect(out.at(-1)).toBe(`已写出整改台账：${join(dir, '台账.xlsx')}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '台账.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['整改台账', '进展情况', '状态记录', '统计']);
    const sheet = book.getWorksheet('整改台账')!;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    const late = sheet.getRows(1, sheet.rowCount)!.find((r) => String(r.getCell(1).value ?? '').endsWith('-001') && String(r.values).includes('逾期10天'))!;
    expect(late.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    const progress = book.getWorksheet('进展情况')!;
    expect(JSON.stringify(progress.getSheetValues())).toContain('已排查隐患12处');
  });

  it('counts each item once when a unit sent its package twice, or sent it again corrected', async () => {
    const dir = tempDir('cli-ledger-again');
    const content = contentWithLedger();
    writeFileSync(join(dir, '甲.mzsh.json'), buildPackage(content, META));
    writeFileSync(join(dir, '甲-重复.mzsh.json'), buildPackage(content, META));
    const corrected = { ...content, opinions: [{ ...content.opinions[0]!, content: '更正后的意见：调查研究不够深入，未做到见人见事' }, ...content.opinions.slice(1)] };
    writeFileSync(join(dir, '甲-更正.mzsh.json'), buildPackage(corrected, { ...META, exportedAt: '2026-11-25T00:00:00.000Z' }));
    const r = await cli(['ledger', '甲.mzsh.json', '甲-重复.mzsh.json', '甲-更正.mzsh.json', '--date', '2026-04-10'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('注意：“甲-重复.mzsh.json”与“甲.mzsh.json”是同一数据包（校验码相同），只计一次。');
    expect(r.out).toMatch(/注意：“甲\.mzsh\.json”（导出于 [^）]+）已由同一单位较新的“甲-更正\.mzsh\.json”（导出于 [^）]+）取代，未计入。/);
    expect(r.out.split('\n').at(-1)).toBe('共3项，其中逾期1项。');
    // check and materials read the unit once too.
    const check = await cli(['check', '甲.mzsh.json', '甲-更正.mzsh.json'], dir);
    expect(check.out).toContain('共 2 次会议：');
    const json = await cli(['check', '甲.mzsh.json', '甲-更正.mzsh.json', '--json'], dir);
    expect(JSON.parse(json.out)).toHaveLength(2);
    expect(json.err).toContain('已由同一单位较新的“甲-更正.mzsh.json”');
  });

  it('refuses bad input with exit 2 and a Chinese message, and reads packages without a ledger as having none', async () => {
    const dir = tempDir('cli-ledger-input');
    writeFileSync(join(dir, '甲.mzsh.json'), buildPackage(sampleContent({ units: 1 }), META));
    const plain = await cli(['ledger', '甲.mzsh.json', '--date', '2026-04-10'], dir);
    expect([plain.code, plain.out.split('\n').at(-1)]).toEqual([0, '共0项，无逾期。']);
    expect(await cli(['ledger'], dir)).toMatchObject({ code: 2, err: '错误：请指定至少一个数据包文件' });
    expect(await cli(['ledger', '乙.mzsh.json'], dir)).toMatchObject({ code: 2, err: '错误：找不到文件“乙.mzsh.json”' });
    expect(await cli(['ledger', '甲.mzsh.json', '--date', '2026-02-30'], dir)).toMatchObject({ code: 2, err: '错误：日期“2026-02-30”格式不正确，应为 YYYY-MM-DD' });
    expect(await cli(['ledger', '甲.mzsh.json', '--xlsx', '台账.docx'], dir)).toMatchObject({ code: 2, err: '错误：--xlsx 的文件名应以 .xlsx 结尾' });
    expect((await cli(['help'], dir)).out).toContain('ledger PACKAGE… [--xlsx FILE] [--overdue] [--date YYYY-MM-DD]');
  });
});
