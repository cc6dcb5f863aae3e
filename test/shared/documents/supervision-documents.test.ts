// The supervisory documents read back: the Word audit report of one meeting (matrix, shortfalls,
// copies side by side, verdict, reasons, history; no provider names) and the Excel overview
// (one row per meeting, every warning, text never a formula).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditReportFileName, overviewFileName, warningRows } from '#shared/documents/audit-docs';
import { OVERVIEW_FONT_PT, overviewXlsx, OVERVIEW_SHEET, printScale, WARNINGS_SHEET } from '#shared/documents/excel/overview-workbook';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { auditReportDocx } from '#shared/documents/word/audit-report-docx';
import { computeReadiness } from '#shared/checks/readiness';
import type { Audit } from '#shared/model/types';
import { prepareAudit } from '#shared/supervision/audit';
import { superviseContent } from '#shared/supervision/content-overview';
import { meetingFingerprint } from '#shared/supervision/fingerprint';
import { countyContent } from '../../support/county-content';
import { documentLines, officeParts } from '../../support/docx';
import { PROVIDER_NAMES } from '../../support/privacy-sample';

const date = '2025-11-21';

/** Three units; 财政局 copied two opinions from 发改局, gave one text to two members, and lacks one opinion. */
function county() {
  const content = countyContent({ units: 3, members: [3, 3], seed: 44 });
  const [a, b] = content.meetings as [(typeof content.meetings)[0], (typeof content.meetings)[0]];
  const inA = content.opinions.filter((o) => o.meetingId === a.id);
  const inB = content.opinions.filter((o) => o.meetingId === b.id);
  inB[0]!.content = inA[0]!.content;
  inB[7]!.content = inA[7]!.content.replace(/。$/, '！');
  const bMembers = content.members.filter((m) => m.meetingId === b.id);
  const first = inB.find((o) => o.targetId === bMembers[0]!.id)!;
  const second = inB.find((o) => o.targetId === bMembers[1]!.id)!;
  second.content = first.content;
  content.opinions.splice(content.opinions.indexOf(inB.find((o) => o.targetId === bMembers[2]!.id && o.category === '基层群众')!), 1);
  content.opinions.forEach((o, i) => (o.provider = PROVIDER_NAMES[i % PROVIDER_NAMES.length]!));
  return { content, a, b };
}

describe('audit report (Word)', () => {
  const { content, b } = county();
  const supervision = superviseContent(content);
  const members = content.members.filter((m) => m.meetingId === b.id);
  const opinions = content.opinions.filter((o) => o.meetingId === b.id);
  const unit = content.units.find((u) => u.id === b.unitId)!;
  const docs = prepareMeetingDocs({ unit, meeting: b, members, opinions });
  const warnings = supervision.warnings.filter((w) => w.a.meetingId === b.id);
  const fingerprint = meetingFingerprint({ meeting: b, members, opinions });
  const readiness = computeReadiness({ members, opinions }, b.ruleSet);
  const verdict = (over: Partial<Audit>, at: string): Audit => {
    const prepared = prepareAudit(
      { verdict: 'return', auditor: '第二督导组 王组长', reasons: '基层群众意见不足，部分意见与其他单位雷同', ticked: [readiness.messages[0]!], overrideReason: '' },
      { readiness, warnings: warnings.map((w) => w.message), fingerprint },
    );
    if (!prepared.ok) throw new Error(prepared.problems.join());
    return { id: `00000000-0000-4000-8000-${at.slice(-6).replace(/\D/g, '0').padStart(12, '0')}`, meetingId: b.id, at, ...prepared.value, ...over };
  };
  const audits = [
    verdict({}, '2025-11-18T02:00:00.000Z'),
    verdict({ verdict: 'pass', reasons: '经研究同意先行召开', ticked: [], overrideReason: '该成员已书面补充征求意见，原件附后', snapshot: { ...verdict({}, 'x').snapshot, fingerprint: 'older' } }, '2025-11-20T02:00:00.000Z'),
  ];

  it('states the counts, the matrix, what is missing, the copies with both texts, and the verdict with its reasons', async () => {
    const bytes = await auditReportDocx({ docs, warnings, labels: supervision.labels, audits, fingerprint }, { mode: 'official', date });
    const parts = officeParts(bytes);
    const lines = documentLines(parts);
    const text = lines.join('\n');
    expect(lines[0]).toBe(`${unit.name}2025年度民主生活会会前征求意见督导审核意见`);
    // 计入, as the meeting header and the overview say: 梳理为 is the 梳理 tab's figure, not the counted one.
    expect(text).toContain(`收集意见建议${opinions.length}条，计入${readiness.totals.counted}条；`);
    for (const heading of ['一、征求意见统计', '二、未达要求的情况', '三、雷同、抄袭和敷衍应付的情况', '四、审核结论', '五、审核记录']) expect(lines).toContain(heading);
    // Shortfalls read as sentences: no spaces around numbers, a full stop at the end.
    expect(lines).toContain(`1.${readiness.messages[0]!.replace(/ (\d+) /g, '$1')}。`);
    // One kind of shortfall only: led by a line of its own, no lone （一）.
    expect(lines.some((l) => l.startsWith('（一）未达最低条数'))).toBe(false);
    expect(text).toContain('与其他单位意见相同或近似（疑似抄袭）2条');
    expect(text).toContain('不同对象之间意见雷同1处');
    // Both texts of a copy, and the other unit's name.
    const copy = warnings.find((w) => w.kind === 'cross-unit')!;
    expect(text).toContain(copy.a.content);
    expect(text).toContain('某某县发展和改革局');
    // The latest verdict, its override and reasons; marked stale because the data changed after it.
    expect(text).toContain('审核结论：通过。审核人：第二督导组 王组长');
    expect(text).toContain('破例通过的理由：该成员已书面补充征求意见，原件附后');
    expect(text).toContain('（审核之后该会议的意见、名单或会前准备情况已有变化，本结论需要复核。）');
    expect(lines.slice(-2)).toEqual(['第二督导组 王组长', '2025年11月21日']);
    // An identical pair's text is printed once; a near copy shows both texts.
    const tables = [...parts.get('word/document.xml')!.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
    const copyTable = tables.find((t) => t.includes('相同或近似的意见'))!;
    const identical = warnings.find((w) => w.kind === 'cross-unit' && w.a.content === w.b!.content)!;
    expect(copyTable.split(identical.a.content).length - 1).toBe(1);
    expect(copyTable).toContain('（内容同左）');
    // Long rows may break across pages (no cantSplit on the body rows); the header row repeats.
    const rows = [...copyTable.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const row of rows.slice(1)) expect(row).not.toContain('<w:cantSplit/>');
    // Providers never appear in a document that goes to the unit.
    for (const name of PROVIDER_NAMES) expect(parts.get('word/document.xml')).not.toContain(name);
    expect(auditReportFileName(docs)).toBe(`2025年度-${unit.name}-督导审核意见.docx`);
  });

  it('says so when nothing was found and no verdict was given yet', async () => {
    const clean = countyContent({ units: 1, members: [2, 2], seed: 45 });
    const m = clean.meetings[0]!;
    const cleanDocs = prepareMeetingDocs({ unit: clean.units[0]!, meeting: m, members: clean.members, opinions: clean.opinions });
    const s = superviseContent(clean);
    const lines = documentLines(officeParts(await auditReportDocx({ docs: cleanDocs, warnings: s.warnings, labels: s.labels, audits: [], fingerprint: '' }, { mode: 'compatible', date })));
    expect(lines).toContain('经比对，未发现雷同、抄袭和敷衍应付的意见。');
    expect(lines).toContain('尚未作出审核结论。');
    expect(lines).not.toContain('五、审核记录');
  });
});

describe('overview workbook (Excel)', () => {
  it('has one row per meeting with status, counts and warnings, and every warning on its own sheet', async () => {
    const { content } = county();
    content.units[2]!.name = '=HYPERLINK("http://x","某局")';
    const s = superviseContent(content);
    const rows = warningRows(s.warnings, s.labels, () => '2025年度民主生活会');
    const bytes = await overviewXlsx(s.rows, rows, { date });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([OVERVIEW_SHEET, WARNINGS_SHEET]);
    const sheet = book.getWorksheet(OVERVIEW_SHEET)!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '单位（班子）', '督导组', '年度', '状态', '零意见对象', '计入/\n收集', '意见\n回应', '警示', '整改\n挂号', '已销号', '已结转', '逾期', '销号率', '会前准备', '最近审核']);
    const units = [3, 4, 5].map((r) => sheet.getRow(r).getCell(2).value);
    expect(units).toEqual(['某某县发展和改革局', '某某县财政局', '=HYPERLINK("http://x","某局")']);
    expect(sheet.getRow(5).getCell(2).formula).toBeUndefined();
    expect(sheet.getRow(4).getCell(5).value).toBe('未就绪（待补1项）');
    expect(sheet.getRow(4).getCell(9).value).toMatch(/^疑似抄袭2(、|$)/);
    expect(sheet.getRow(6).getCell(2).value).toBe('合计：3个单位，3次会议');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:2' });
    expect(sheet.autoFilter).toBeTruthy();
    const detail = book.getWorksheet(WARNINGS_SHEET)!;
    expect(detail.rowCount).toBe(rows.length + 2);
    const kinds = new Set(Array.from({ length: rows.length }, (_, i) => detail.getRow(i + 3).getCell(3).value));
    expect(kinds).toEqual(new Set(['疑似抄袭', '雷同']));
    // An identical text is printed once in 警示明细.
    const copied = rows.findIndex((r) => r.kind === '疑似抄袭' && r.content === r.otherContent);
    expect(detail.getRow(copied + 3).getCell(8).value).toBe('（内容同左）');
    expect(overviewFileName(date)).toBe('督导总览-20251121.xlsx');
  });

  it('has the 整改 columns of the overview page: 挂号, 已销号, 已结转, 逾期 (red when any), 销号率, with their totals', async () => {
    const { content } = county();
    const s = superviseContent(content);
    const [first, second] = s.rows as [(typeof s.rows)[0], (typeof s.rows)[0]];
    first.rectification = { items: 8, closed: 3, carried: 2, overdue: 2, dueSoon: 1, closedPercent: 37 };
    second.rectification = { items: 4, closed: 4, carried: 0, overdue: 0, dueSoon: 0, closedPercent: 100 };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await overviewXlsx(s.rows, [], { date })).buffer as ArrayBuffer);
    const sheet = book.getWorksheet(OVERVIEW_SHEET)!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    const at = (title: string) => header.indexOf(title) + 1;
    expect(at('整改\n挂号')).toBeGreaterThan(0);
    const figures = (row: number) => ['整改\n挂号', '已销号', '已结转', '逾期', '销号率'].map((t) => sheet.getRow(row).getCell(at(t)).value);
    expect(figures(3)).toEqual([8, 3, 2, 2, '37%']);
    expect(figures(4)).toEqual([4, 4, 0, 0, '100%']);
    // Nothing registered: a dash, as on the page, never a 0% that reads as a failure.
    expect(figures(5)).toEqual(['—', '—', '—', '—', '—']);
    // Totals: each problem once — 10 items (the 2 carried count in the year carrying them), 7 closed, 2 carried, 2 overdue, 70%.
    expect(figures(6)).toEqual([10, 7, 2, 2, '70%']);
    expect(sheet.getRow(3).getCell(at('逾期')).fill).toMatchObject({ fgColor: { argb: 'FFF8D7DA' } });
    expect(sheet.getRow(4).getCell(at('逾期')).fill).not.toMatchObject({ fgColor: { argb: 'FFF8D7DA' } });
    expect(sheet.getRow(3).getCell(at('计入/\n收集')).value).toBe(`${first.counted}/${first.raw}`);
  });

  it('gives the 合计 row the 意见回应 total, answered of all by the one rate rule, as the rows have it', async () => {
    const { content } = county();
    const s = superviseContent(content);
    const [first, second, third] = s.rows as [(typeof s.rows)[0], (typeof s.rows)[0], (typeof s.rows)[0]];
    first.coverage = { answered: 2, total: 3, percent: 67 };
    second.coverage = { answered: 198, total: 200, percent: 99 };
    // A summary stored before coverage was kept: no figure, and none added to the total.
    delete third.coverage;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await overviewXlsx(s.rows, [], { date })).buffer as ArrayBuffer);
    const sheet = book.getWorksheet(OVERVIEW_SHEET)!;
    const at = (sheet.getRow(2).values as unknown[]).slice(1).indexOf('意见\n回应') + 1;
    expect([3, 4, 5].map((r) => sheet.getRow(r).getCell(at).value)).toEqual(['2/3\n（67%）', '198/200\n（99%）', '—']);
    // 200/203 is 98.5%: rounded to 99%, never 100% while any is unanswered.
    expect(sheet.getRow(6).getCell(at).value).toBe('200/203\n（99%）');
    third.coverage = { answered: 3, total: 3, percent: 100 };
    first.coverage = { answered: 3, total: 3, percent: 100 };
    second.coverage = { answered: 0, total: 0, percent: 100 };
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await overviewXlsx(s.rows, [], { date })).buffer as ArrayBuffer);
    expect(again.getWorksheet(OVERVIEW_SHEET)!.getRow(6).getCell(at).value).toBe('6/6\n（100%）');
  });

  it('prints both sheets legibly on A4 landscape: fit to width at no less than 9 pt', async () => {
    const { content } = county();
    const s = superviseContent(content);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await overviewXlsx(s.rows, warningRows(s.warnings, s.labels, () => ''), { date })).buffer as ArrayBuffer);
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      const widths = sheet.columns.map((c) => c.width ?? 0);
      expect(widths.length).toBeLessThanOrEqual(16);
      // With Calibri (Excel, WPS) the columns fit at full size; with LibreOffice's wider stand-in, at 9 pt or more.
      expect(printScale(widths, 7, sheet.pageSetup.margins!), sheet.name).toBe(1);
      expect(OVERVIEW_FONT_PT * printScale(widths, 9.4, sheet.pageSetup.margins!), sheet.name).toBeGreaterThanOrEqual(9);
      expect(sheet.getRow(3).getCell(2).font.size).toBe(OVERVIEW_FONT_PT);
    }
  });
});
