import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { meetingView } from '#shared/meeting/view';
import { emptyFollowUp } from '#shared/package/follow-up';
import { buildPackage, selectUnits, type PackageContent } from '#shared/package/format';
import { auditSnapshot } from '#shared/supervision/audit';
import { superviseContent } from '#shared/supervision/content-overview';
import { verdictFingerprint } from '#shared/supervision/fingerprint';
import { cli } from '../../support/cli';
import { countyContent } from '../../support/county-content';
import { tempDir } from '../../support/temp-dir';
import { withFollowUp } from '../../support/follow-up-sample';
import { fakeUuid, sampleContent } from '../../support/sample-content';

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };

/** Two packages of two units each; the second unit is one opinion short; the fourth copies the first. */
function setup() {
  const dir = tempDir('cli-overview');
  const content = countyContent({ units: 4, members: [3, 3], seed: 77 });
  const [m1, m2, , m4] = content.meetings;
  const short = content.opinions.findIndex((o) => o.meetingId === m2!.id && o.category === '基层群众');
  content.opinions.splice(short, 1);
  const from = content.opinions.filter((o) => o.meetingId === m1!.id);
  content.opinions.filter((o) => o.meetingId === m4!.id).forEach((o, i) => i < 3 && (o.content = from[i]!.content));
  writeFileSync(join(dir, '甲.mzsh.json'), buildPackage(selectUnits(content, content.units.slice(0, 2).map((u) => u.id)), META));
  writeFileSync(join(dir, '乙.mzsh.json'), buildPackage(selectUnits(content, content.units.slice(2).map((u) => u.id)), META));
  return { dir, content };
}

describe('cli overview', () => {
  const { dir, content } = setup();

  it('prints one line per unit with its status and warnings, and the totals, across packages', async () => {
    const r = await cli(['overview', '甲.mzsh.json', '乙.mzsh.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^序号\s+单位（班子）\s+督导组\s+年度\s+状态/);
    expect(lines[1]).toMatch(/^1\s+某某县发展和改革局\s+第一督导组\s+2025\s+可以召开\s+—\s+40\/40\s+—\s+疑似抄袭3\s+(—\s+){5}未完成 4 项（谈话 0\/3 · 材料 0\/4）\s+未审核$/);
    expect(lines[2]).toMatch(/^2\s+某某县财政局\s+第二督导组\s+2025\s+未就绪（待补 1 项）/);
    expect(lines[4]).toContain('疑似抄袭3');
    expect(r.out).toContain('共 4 个单位、4 次会议：零意见 0，未就绪 1，可以召开 3，退回整改 0，已审核通过 0。');
    expect(r.out).toContain('疑似抄袭 6 条');
  });

  it('names the units whose lists share opinions, pair by pair, for the supervisor to read side by side', async () => {
    const r = await cli(['overview', '甲.mzsh.json', '乙.mzsh.json'], dir);
    expect(r.out).toContain(`疑似抄袭涉及 1 对单位（各方相同或相近的意见条数；原文见 --xlsx 的“警示明细”）：\n  ${content.units[0]!.name} 3 条 ↔ ${content.units[3]!.name} 3 条`);
    const other = await cli(['overview', '甲.mzsh.json', '乙.mzsh.json', '--group', '第二督导组'], dir);
    expect(other.out).not.toContain('疑似抄袭涉及');
  });

  it('filters by supervisory group and writes the Excel overview', async () => {
    const r = await cli(['overview', '甲.mzsh.json', '乙.mzsh.json', '--group', '第二督导组', '--xlsx', '总览.xlsx', '--date', '2025-11-21'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('共 1 个单位、1 次会议');
    expect(r.out).toContain('已写出督导总览');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '总览.xlsx'));
    const sheet = book.getWorksheet('督导总览')!;
    expect(sheet.getRow(3).getCell(2).value).toBe(content.units[1]!.name);
    expect(sheet.getRow(4).getCell(2).value).toBe('合计：1个单位，1次会议');
    // Nothing to note: no 说明 under the table.
    expect(sheet.rowCount).toBe(4);
  });

  it('writes the pairs of units sharing opinions into the Excel overview under 说明', async () => {
    const r = await cli(['overview', '甲.mzsh.json', '乙.mzsh.json', '--xlsx', '总览-说明.xlsx', '--date', '2025-11-21'], dir);
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '总览-说明.xlsx'));
    const sheet = book.getWorksheet('督导总览')!;
    expect(sheet.getRow(7).getCell(2).value).toBe('合计：4个单位，4次会议');
    expect(sheet.getRow(8).getCell(1).value).toBeNull();
    expect(sheet.getRow(9).getCell(1).value).toBe('说明');
    expect(sheet.getRow(10).getCell(1).value).toBe(
      `1. 疑似抄袭涉及 1 对单位（各方相同或相近的意见条数，原文见“警示明细”）：${content.units[0]!.name} 3 条 ↔ ${content.units[3]!.name} 3 条。`,
    );
    expect(sheet.rowCount).toBe(10);
  });

  it('refuses bad input with a Chinese message, exit code 2 and no file', async () => {
    writeFileSync(join(dir, '坏.mzsh.json'), '{"format":"mzsh-exchange"');
    const bad = await cli(['overview', '甲.mzsh.json', '坏.mzsh.json', '--xlsx', '不该有.xlsx'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('坏.mzsh.json：数据包已损坏或不完整');
    expect(existsSync(join(dir, '不该有.xlsx'))).toBe(false);
    expect((await cli(['overview', '甲.mzsh.json', '--year', '25'], dir)).err).toContain('年度“25”不正确');
    expect((await cli(['overview', '甲.mzsh.json', '--xlsx', '总览.xls'], dir)).err).toContain('--xlsx 的文件名应以 .xlsx 结尾');
    expect((await cli(['overview'], dir)).err).toContain('请指定至少一个数据包文件');
  });
});

describe('cli overview of a verdict and the talks after it', () => {
  it('says the data changed after a 通过 when a 谈心谈话 was recorded after it in the package', async () => {
    const dir = tempDir('cli-overview-talks');
    const base = countyContent({ units: 1, members: [3, 3], seed: 78 });
    const meeting = base.meetings[0]!;
    const [a, b] = base.members.filter((m) => m.meetingId === meeting.id);
    const at = '2025-11-10T08:00:00.000Z';
    const talk = (id: string, date: string) => ({ id, meetingId: meeting.id, date, a: { kind: 'member' as const, memberId: a!.id }, b: { kind: 'member' as const, memberId: b!.id }, note: '', opinionIds: [], createdAt: at, updatedAt: at });
    const judged: PackageContent = { ...base, ...emptyFollowUp(), talks: [talk('00000000-0000-4000-8000-0000000000c1', '2025-11-10')] };
    // The verdict as the app records it: the combined fingerprint of the opinions and the talk.
    const view = meetingView({ meeting, members: judged.members, opinions: judged.opinions });
    const fingerprint = verdictFingerprint(superviseContent(judged).summaries[0]!);
    const audit = { id: '00000000-0000-4000-8000-0000000000a1', meetingId: meeting.id, at: '2025-11-12T08:00:00.000Z', verdict: 'pass' as const, auditor: '王组长', reasons: '', ticked: [], overrideReason: '', snapshot: auditSnapshot({ readiness: view.readiness, warnings: [], fingerprint }) };
    writeFileSync(join(dir, '审核时.mzsh.json'), buildPackage({ ...judged, audits: [audit] }, META));
    writeFileSync(join(dir, '之后.mzsh.json'), buildPackage({ ...judged, audits: [audit], talks: [...judged.talks, talk('00000000-0000-4000-8000-0000000000c2', '2025-11-15')] }, META));

    const fresh = await cli(['overview', '审核时.mzsh.json'], dir);
    expect(fresh.err).toBe('');
    expect(fresh.out.split('\n')[1]).toMatch(/\s已审核通过\s/);
    expect(fresh.out).not.toContain('审核后数据已变更');
    const later = await cli(['overview', '之后.mzsh.json'], dir);
    expect(later.err).toBe('');
    expect(later.out.split('\n')[1]).toContain('已审核通过（审核后数据已变更）');
    expect(later.out).toContain('（其中 1 次审核通过后数据已变更）');
  });
});

describe('cli overview with the app’s 意见回应, 整改 and 会前准备 columns', () => {
  it('prints 意见回应 (2/3 → 67%), the 整改 group with 已结转 on last year’s row, and 会前准备, by the shared overview cells, in the table and the Excel file', async () => {
    const dir = tempDir('cli-overview-columns');
    const content = withFollowUp(sampleContent({ units: 1 }));
    const last = content.meetings[0]!;
    const [first] = content.consolidatedOpinions;
    // Two more consolidated opinions: one answered by a recorded reason, one not answered.
    content.consolidatedOpinions.push(
      { ...first!, id: fakeUuid(800_001), order: 2, text: '联系服务对象不够经常', answer: { reason: 'explained', text: '已在会上说明' } },
      { ...first!, id: fakeUuid(800_002), order: 3, text: '督促检查不够有力' },
    );
    // Next year's meeting of the same unit carries last year's open item on (回头看).
    const next = { ...last, id: fakeUuid(800_010), year: last.year + 1, title: `${last.year + 1}年度民主生活会` };
    content.meetings.push(next);
    content.members.push(...content.members.filter((m) => m.meetingId === last.id).map((m, i) => ({ ...m, id: fakeUuid(800_020 + i), meetingId: next.id })));
    const entry = content.ledgerEntries[0]!;
    const problem = content.problems.find((p) => p.id === entry.problemId)!;
    content.problems.push({ ...problem, id: fakeUuid(800_030), meetingId: next.id, consolidatedIds: [] });
    content.ledgerEntries.push({ ...entry, id: fakeUuid(800_031), meetingId: next.id, problemId: fakeUuid(800_030), accountNumber: `${next.year}-单位1-班子-001`, carriedFrom: { entryId: entry.id, meetingId: last.id, accountNumber: entry.accountNumber } });
    writeFileSync(join(dir, '两年.mzsh.json'), buildPackage(content, META));

    const r = await cli(['overview', '两年.mzsh.json', '--xlsx', '总览.xlsx', '--date', '2026-12-06'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^序号\s+单位（班子）\s+督导组\s+年度\s+状态\s+零意见对象\s+计入\/收集\s+意见回应\s+警示\s+挂号\s+已销号\s+已结转\s+逾期\s+销号率\s+会前准备\s+最近审核$/);
    const cells = (line: string) => line.split(/\s{2,}/);
    const header = cells(lines[0]!);
    const row = (year: number) => {
      const line = lines.find((l) => new RegExp(`^\\d+\\s+测试单位1\\s+\\S+\\s+${year}\\s`).test(l))!;
      return Object.fromEntries(cells(line).map((c, i) => [header[i], c]));
    };
    const lastRow = row(last.year);
    expect(lastRow).toMatchObject({ 意见回应: '2/3（67%）', 挂号: '1', 已销号: '0', 已结转: '1', 逾期: '0', 销号率: '0%' });
    expect(lastRow['会前准备']).toMatch(/^(未完成 \d+ 项|已完成)（谈话 \d+\/\d+ · 材料 \d+\/\d+）$/);
    // Next year's meeting: nothing consolidated yet, the carried item open there.
    expect(row(next.year)).toMatchObject({ 意见回应: '—', 挂号: '1', 已结转: '0' });
    expect(r.out).toContain('整改挂号 1 项，已销号 0 项');
    expect(r.out).toContain('另有 1 项已结转下一年度（计入下一年度）');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '总览.xlsx'));
    const sheet = book.getWorksheet('督导总览')!;
    const heads = (sheet.getRow(2).values as unknown[]).slice(1);
    const at = (title: string) => heads.indexOf(title) + 1;
    const xlsxRow = [3, 4].map((n) => sheet.getRow(n)).find((x) => x.getCell(at('年度')).value === last.year)!;
    expect(xlsxRow.getCell(at('意见\n回应')).value).toBe('2/3\n（67%）');
    expect(['整改\n挂号', '已销号', '已结转', '逾期', '销号率'].map((t) => xlsxRow.getCell(at(t)).value)).toEqual([1, 0, 1, 0, '0%']);
    expect(String(xlsxRow.getCell(at('会前准备')).value)).toMatch(/^(未完成 \d+ 项|已完成)\n谈话/);
  });
});

describe('cli overview of packages a unit sent twice or again', () => {
  it('counts a package sent twice once and a unit\'s corrected package instead of its earlier one, and says so', async () => {
    const dir = tempDir('cli-overview-again');
    const content = countyContent({ units: 2, members: [3, 3], seed: 79 });
    const [first, second] = content.units;
    const only = (id: string) => selectUnits(content, [id]);
    writeFileSync(join(dir, '甲.mzsh.json'), buildPackage(only(first!.id), META));
    writeFileSync(join(dir, '甲-重复.mzsh.json'), buildPackage(only(first!.id), META));
    // The second unit's first package is one 基层群众 opinion short for the group; it corrects an
    // opinion and adds the missing one, then sends its package again.
    const before = only(second!.id);
    const gap = before.opinions.findIndex((o) => o.targetId === 'group' && o.category === '基层群众');
    const [missing] = before.opinions.splice(gap, 1);
    writeFileSync(join(dir, '乙.mzsh.json'), buildPackage(before, META));
    const edited = { ...before.opinions[0]!, content: `${before.opinions[0]!.content}已补充具体事例。`, updatedAt: '2025-12-02T08:00:00.000Z' };
    const after = { ...before, opinions: [edited, ...before.opinions.slice(1), missing!] };
    writeFileSync(join(dir, '乙-更正.mzsh.json'), buildPackage(after, { ...META, exportedAt: '2026-11-23T00:00:00.000Z' }));

    const r = await cli(['overview', '甲.mzsh.json', '甲-重复.mzsh.json', '乙-更正.mzsh.json', '乙.mzsh.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[2]).toMatch(new RegExp(`^2\\s+${second!.name}\\s+\\S+\\s+2025\\s+可以召开\\s+—\\s+${after.opinions.length}/${after.opinions.length}\\s`));
    expect(r.out).toContain('共 2 个单位、2 次会议');
    expect(r.out).toContain('注意：“甲-重复.mzsh.json”与“甲.mzsh.json”是同一数据包（校验码相同），只计一次。');
    expect(r.out).toMatch(/注意：“乙\.mzsh\.json”（导出于 [^）]+）已由同一单位较新的“乙-更正\.mzsh\.json”（导出于 [^）]+）取代，未计入。/);

    // The workbook travels without the terminal: it says the same under 说明.
    const x = await cli(['overview', '甲.mzsh.json', '甲-重复.mzsh.json', '乙-更正.mzsh.json', '乙.mzsh.json', '--xlsx', '总览.xlsx'], dir);
    expect(x.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '总览.xlsx'));
    const notes = [7, 8, 9].map((n) => book.getWorksheet('督导总览')!.getRow(n).getCell(1).value);
    expect(notes[0]).toBe('说明');
    expect(notes[1]).toBe('1. “甲-重复.mzsh.json”与“甲.mzsh.json”是同一数据包（校验码相同），只计一次。');
    expect(notes[2]).toMatch(/^2\. “乙\.mzsh\.json”（导出于 [^）]+）已由同一单位较新的“乙-更正\.mzsh\.json”（导出于 [^）]+）取代，未计入。$/);
  });
});

describe('cli overview of a unit that sent last year\'s package', () => {
  it('names it when --year leaves it out, and flags the mixed years without --year', async () => {
    const dir = tempDir('cli-overview-years');
    const content = countyContent({ units: 2, members: [3, 3], seed: 80 });
    const [, old] = content.meetings;
    Object.assign(old!, { year: 2024, title: '2024年度民主生活会', dimensionSet: '2024年度' });
    writeFileSync(join(dir, '全县.mzsh.json'), buildPackage(content, META));
    const name = content.units[1]!.name;

    const chosen = await cli(['overview', '全县.mzsh.json', '--year', '2025'], dir);
    expect(chosen.code).toBe(0);
    expect(chosen.out).toContain('共 1 个单位、1 次会议');
    expect(chosen.out).toContain(`注意：1 个单位没有2025年度的会议，未列出：${name}（只有2024年度）。`);
    await cli(['overview', '全县.mzsh.json', '--year', '2025', '--xlsx', '总览.xlsx'], dir);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '总览.xlsx'));
    const sheet = book.getWorksheet('督导总览')!;
    expect([6, 7].map((n) => sheet.getRow(n).getCell(1).value)).toEqual(['说明', `1. 1 个单位没有2025年度的会议，未列出：${name}（只有2024年度）。`]);
    const all = await cli(['overview', '全县.mzsh.json'], dir);
    expect(all.out).toContain(`注意：会议分属 2 个年度（2024年度 1 次、2025年度 1 次），没有2025年度会议的单位：${name}（2024年度）；可用 --year 只列一个年度。`);
    const none = await cli(['overview', '全县.mzsh.json', '--year', '2025', '--group', content.units[1]!.supervisoryGroup], dir);
    expect(none.code).toBe(2);
    expect(none.err).toContain(`没有符合条件的会议（1 个单位没有2025年度的会议，未列出：${name}（只有2024年度））`);
  });
});
