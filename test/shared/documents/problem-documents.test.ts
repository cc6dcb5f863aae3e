// The 两张清单, the 整改清单, the 整改落实情况报告 and the two workbooks, read back from their files: the
// landscape page and its turned page numbers, repeated header rows, what the 公示 version leaves out,
// rank order, the ledger's overdue rows, text that looks like a formula kept as text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { problemWordFiles } from '#shared/documents/problem-files';
import { problemWorkbookXlsx } from '#shared/documents/excel/problem-workbook';
import { rectificationWorkbookXlsx } from '#shared/documents/excel/rectification-workbook';
import { previousYearBlocks, previousYearSentence } from '#shared/documents/word/previous-year-blocks';
import { consolidationBlocks } from '#shared/documents/word/consolidation-blocks';
import { docxBytes, gbDocument, gbLayout } from '#shared/documents/word/layout';
import { LANDSCAPE_PAGE, LANDSCAPE_PAGE_NUMBER } from '#shared/documents/word/landscape';
import { combinedProblemListsDocx, problemListDocx } from '#shared/documents/word/problem-list-docx';
import { rectificationListDocx, rectificationReportDocx } from '#shared/documents/word/rectification-docx';
import { GROUP_TARGET } from '#shared/model/types';
import { documentLines, officeParts, runsOf } from '../../support/docx';
import { problemSample } from '../../support/problem-sample';

function prepared(today = '2026-03-08') {
  const s = problemSample();
  // Text a spreadsheet would take for a formula, in a problem too.
  s.problems[3] = { ...s.problems[3]!, measures: '=SUM(A1:A3)制定方案' };
  return { s, pd: prepareProblemDocs({ docs: prepareMeetingDocs(s.input), consolidated: s.consolidated, problems: s.problems, entries: s.entries, progress: s.progress, today }) };
}

const footers = (parts: Map<string, string>) => [...parts.entries()].filter(([k]) => /^word\/footer\d+\.xml$/.test(k)).map(([, v]) => v);

describe('两张清单 in Word', () => {
  it('lays the list on landscape A4 with the turned margins and repeats the header row on every page', async () => {
    const { pd } = prepared();
    const parts = officeParts(await problemListDocx(pd, GROUP_TARGET, { mode: 'official', publicVersion: true }));
    const doc = parts.get('word/document.xml')!;
    expect(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/.test(doc)).toBe(true);
    const margins = /<w:pgMar [^>]*\/>/.exec(doc)![0];
    expect(margins).toContain(`w:top="${LANDSCAPE_PAGE.margin.top}" w:right="${LANDSCAPE_PAGE.margin.right}" w:bottom="${LANDSCAPE_PAGE.margin.bottom}" w:left="${LANDSCAPE_PAGE.margin.left}"`);
    // The first row is the header that repeats; no other row does, and body rows never split across pages.
    const rows = [...doc.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>') && r.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('names the East Asian font on every run and stays black and white', async () => {
    const { pd } = prepared();
    for (const publicVersion of [true, false]) {
      const parts = officeParts(await combinedProblemListsDocx(pd, { mode: 'compatible', publicVersion }));
      for (const [name, xml] of parts) {
        if (!/^word\/(document|header\d+|footer\d+)\.xml$/.test(name)) continue;
        const runs = runsOf(xml).filter((r) => r.text !== '' || r.xml.includes('PAGE'));
        expect(runs.every((r) => r.eastAsia !== undefined), `${name}: a run without an East Asian font`).toBe(true);
        expect([...xml.matchAll(/w:color w:val="([0-9A-F]{6})"/gi)].every((m) => m[1] === '000000'), `${name} is not black`).toBe(true);
      }
    }
  });

  it('places the page number in the left margin, turned, at the lower left on odd pages and the upper left on even pages', async () => {
    const { pd } = prepared();
    const parts = officeParts(await problemListDocx(pd, GROUP_TARGET, { mode: 'official', publicVersion: true }));
    const [odd, even] = footers(parts).sort((a, b) => (a.includes(`w:tblpY="${LANDSCAPE_PAGE_NUMBER.oddTop}"`) ? -1 : b.includes(`w:tblpY="${LANDSCAPE_PAGE_NUMBER.oddTop}"`) ? 1 : 0));
    for (const f of [odd!, even!]) {
      expect(f).toContain('<w:textDirection w:val="tbRl"/>');
      expect(f).toContain('PAGE');
      expect(f).toContain(`w:tblpX="${LANDSCAPE_PAGE_NUMBER.x}"`);
      expect(f).toMatch(/w:horzAnchor="page"/);
    }
    expect(odd).toContain(`w:tblpY="${LANDSCAPE_PAGE_NUMBER.oddTop}"`);
    expect(even).toContain(`w:tblpY="${LANDSCAPE_PAGE_NUMBER.evenTop}"`);
    // Lower left: the number ends one character above the text block's bottom edge.
    expect(LANDSCAPE_PAGE_NUMBER.oddTop + LANDSCAPE_PAGE_NUMBER.length).toBe(LANDSCAPE_PAGE.height - LANDSCAPE_PAGE.margin.bottom - 280);
    expect(LANDSCAPE_PAGE_NUMBER.x + LANDSCAPE_PAGE_NUMBER.columnWidth).toBeLessThan(LANDSCAPE_PAGE.margin.left);
  });

  it('binds every target’s list in one file as its own section that starts on an odd page and numbers its pages from 1', async () => {
    const { pd } = prepared();
    const doc = officeParts(await combinedProblemListsDocx(pd, { mode: 'official', publicVersion: true })).get('word/document.xml')!;
    const sections = [...doc.matchAll(/<w:sectPr>(.*?)<\/w:sectPr>/gs)].map((m) => m[1]!);
    expect(sections).toHaveLength(pd.lists.length);
    expect(sections.slice(1).every((s) => s.includes('<w:type w:val="oddPage"/>'))).toBe(true);
    // Each leader's list is handed over on its own: its pages read — 1 —, — 2 — …, not where the file left off.
    for (const s of sections) expect(s).toContain('<w:pgNumType w:start="1"/>');
  });

  it('claims in the 公示 version that every item is 五个明确 only when it is (李四’s first item has no 整改标准)', async () => {
    const { s, pd } = prepared();
    const text = async (targetId: string) => documentLines(officeParts(await problemListDocx(pd, targetId, { mode: 'official', publicVersion: true }))).join('\n');
    expect(await text(GROUP_TARGET)).toContain('共查摆问题3项，逐项明确了整改措施、整改目标、责任主体和完成时限。');
    const li = await text(s.byName('李四'));
    expect(li).toContain('共查摆问题2项。');
    expect(li).not.toContain('逐项明确');
  });

  it('shows in the 公示 version only published items, without 原因剖析, notes or the checks’ marks, and names no provider', async () => {
    const { s, pd } = prepared();
    const publicParts = officeParts(await combinedProblemListsDocx(pd, { mode: 'official', publicVersion: true }));
    const text = documentLines(publicParts).join('\n');
    expect(text).toContain('某某县财政局领导班子');
    expect(text).not.toContain('原因剖析');
    expect(text).not.toContain('内部备注');
    expect(text).not.toContain('备注');
    expect(text).not.toContain('五个明确不全');
    expect(text).not.toMatch(/提出人\d/);
    expect([...publicParts.keys()].some((k) => k.startsWith('word/header'))).toBe(false);
    const unpublished = { ...s.problems[1]!, published: false };
    const pd2 = prepareProblemDocs({ ...pd.input, problems: s.problems.map((p) => (p.id === unpublished.id ? unpublished : p)) });
    const again = documentLines(officeParts(await problemListDocx(pd2, GROUP_TARGET, { mode: 'official', publicVersion: true }))).join('\n');
    expect(again).not.toContain(unpublished.description);
    expect(again).toContain('共查摆问题2项');
  });

  it('shows in the working version every item with its sources, causes and the marks, on pages marked 内部资料', async () => {
    const { pd } = prepared();
    const parts = officeParts(await combinedProblemListsDocx(pd, { mode: 'official', publicVersion: false }));
    const lines = documentLines(parts);
    const text = lines.join('\n');
    expect(text).toContain('内部备注：与组织部沟通过');
    expect(text).toContain('五个明确不全：缺少整改标准');
    expect(text).toContain('对理论武装的极端重要性认识不足');
    expect(text).toContain('长期坚持');
    expect(text).toMatch(/共查摆问题3项；征求意见收集10条，梳理为5条；梳理后意见5条已全部回应。/);
    expect(text).toContain('梳理后意见6条，已回应5条，尚有1条未回应');
    expect(text).not.toMatch(/提出人\d/);
    expect([...parts.entries()].some(([k, v]) => k.startsWith('word/header') && v.includes('内部资料'))).toBe(true);
    // The group first, then members in rank order, each list in a section starting on an odd page.
    const order = ['某某县财政局领导班子2025年度民主生活会问题清单', '张三（局长）', '李四（副局长）', '王五（副局长）', '赵六（纪检组长）'].map((t) => lines.findIndex((l) => l === t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(parts.get('word/document.xml')!.match(/<w:type w:val="oddPage"\/>/g)?.length).toBe(4);
  });
});

describe('the group’s list where the group is not an opinion target', () => {
  it('still lists the group’s problems first', async () => {
    const s = problemSample();
    const meeting = { ...s.meeting, ruleSet: { ...s.meeting.ruleSet, groupIsTarget: false } };
    const input = { ...s.input, meeting, opinions: s.opinions.filter((o) => o.targetId !== GROUP_TARGET) };
    const pd = prepareProblemDocs({ docs: prepareMeetingDocs(input), consolidated: s.consolidated, problems: s.problems, entries: s.entries, progress: s.progress, today: '2026-03-08' });
    expect(pd.lists[0]!.target.isGroup).toBe(true);
    expect(pd.lists[0]!.items).toHaveLength(3);
    const text = documentLines(officeParts(await problemListDocx(pd, GROUP_TARGET, { mode: 'official', publicVersion: true }))).join('\n');
    expect(text).toContain('共查摆问题3项');
  });
});

describe('整改清单 and 整改落实情况报告', () => {
  it('lists the published registered items per target with account numbers and status', async () => {
    const { pd } = prepared();
    const text = documentLines(officeParts(await rectificationListDocx(pd, { mode: 'official' }))).join('\n');
    expect(text).toContain('2025-财政局-\n班子-001'.split('\n')[0]);
    expect(text).toContain('班子-002');
    expect(text).toContain('已销号');
    expect(text).toContain('长期坚持');
    expect(text).toContain('一、领导班子');
    expect(text).not.toContain('服务企业改革落实不到位'); // not registered (五个明确 incomplete)
    expect(text).not.toMatch(/提出人\d/);
  });

  it('reports counts by status, per target, and the overdue items on the given day', async () => {
    const { pd } = prepared('2026-03-08');
    const lines = documentLines(officeParts(await rectificationReportDocx(pd, { mode: 'official' })));
    const text = lines.join('\n');
    expect(text).toContain('2025年度民主生活会共查摆问题并挂号建账6项。截至2026年3月8日，未启动1项，整改中2项，申请销号1项，已销号1项，长期坚持1项，销号率17%；逾期未完成2项。');
    expect(text).toContain('三、逾期未完成事项');
    expect(text).toContain('李四（副局长）：对分管科室日常监督不够严格，个别干部纪律意识淡薄（账号2025-财政局-李四-001，完成时限2026年2月15日，逾期21天，整改中）');
    const early = documentLines(officeParts(await rectificationReportDocx(prepared('2026-02-01').pd, { mode: 'official' }))).join('\n');
    expect(early).toContain('无逾期未完成事项');
    expect(early).not.toContain('7日内到期事项');
    const soon = documentLines(officeParts(await rectificationReportDocx(prepared('2026-02-10').pd, { mode: 'official' }))).join('\n');
    expect(soon).toContain('四、7日内到期事项');
  });
  it('counts the items carried into next year in the 整改总体情况 table, so its rows add up to 合计', async () => {
    const { s } = prepared();
    // Two of this year's open items carried into next year's meeting (回头看).
    const laterEntries = [s.entries[0]!, s.entries[2]!].map((e, i) => ({ ...e, id: `00000000-0000-4000-8000-0000000c000${i}`, meetingId: '00000000-0000-4000-8000-0000000e2026', carriedFrom: { entryId: e.id, meetingId: e.meetingId, accountNumber: e.accountNumber } }));
    const pd = prepareProblemDocs({ docs: prepareMeetingDocs(s.input), consolidated: s.consolidated, problems: s.problems, entries: s.entries, laterEntries, progress: s.progress, today: '2026-03-01' });
    const lines = documentLines(officeParts(await rectificationReportDocx(pd, { mode: 'official' })));
    const table = lines.slice(lines.indexOf('整改状态') + 2, lines.indexOf('合计') + 2);
    expect(table).toEqual(['未启动', '0', '整改中', '2', '申请销号', '1', '已销号', '1', '长期坚持', '0', '已结转下一年度', '2', '合计', '6']);
    // …and per target, as the 整改台账's 统计 sheet has it: 领导班子 3 items, 1 closed, 2 carried.
    const perTarget = lines.slice(lines.indexOf('二、分对象整改情况') + 1);
    expect(perTarget.slice(0, 12)).toEqual(['对象', '问题数', '已销号', '已结转', '逾期', '销号率', '领导班子', '3', '1', '2', '0', '33%']);
  });
});

describe('the problem and ledger workbooks', () => {
  it('holds the items, the linked opinions with their answers and the coverage, printable on A4 landscape', async () => {
    const { pd } = prepared();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await problemWorkbookXlsx(pd, { date: '2026-03-08' })) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '关联意见', '回应情况']);
    const items = wb.getWorksheet('问题清单')!;
    expect(items.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '1:2' });
    expect(items.rowCount).toBe(2 + pd.lists.reduce((s, l) => s + l.items.length, 0));
    const measures = items.getCell('H6');
    expect(measures.value).toBe('=SUM(A1:A3)制定方案');
    expect(measures.type).toBe(ExcelJS.ValueType.String);
    const incomplete = [...Array(items.rowCount).keys()].map((i) => items.getRow(i + 1)).find((r) => r.getCell(14).value === '缺少整改标准')!;
    expect(incomplete.getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFF8D7DA' } });
    const opinions = wb.getWorksheet('关联意见')!;
    const answers = opinions.getColumn(8).values.slice(3);
    expect(answers).toContain('不属于本人职责：属于县政府统一部署事项，已向提出单位说明');
    expect(answers).toContain('未回应');
    expect(answers.some((a) => typeof a === 'string' && /^已列入问题清单：班子第\d项/.test(a))).toBe(true);
    const formulaLike = opinions.getColumn(3).values.find((v) => typeof v === 'string' && v.startsWith('=HYPERLINK'));
    expect(formulaLike).toBeDefined();
    const coverage = wb.getWorksheet('回应情况')!;
    expect(coverage.getRow(coverage.rowCount).getCell(1).value).toBe('合计');
    expect(String(coverage.getCell('A1').value)).toContain('收集');
  });

  it('gives no 回应率 for a target without opinions to answer, as the report’s table does (— not 100%)', async () => {
    const { pd } = prepared();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await problemWorkbookXlsx(pd, { date: '2026-03-08' })) as unknown as ArrayBuffer);
    const coverage = wb.getWorksheet('回应情况')!;
    const rows = [...Array(coverage.rowCount).keys()].map((i) => coverage.getRow(i + 1));
    const zhao = rows.find((r) => String(r.getCell(1).value).startsWith('赵六'))!;
    expect([zhao.getCell(3).value, zhao.getCell(5).value, zhao.getCell(7).value]).toEqual([0, 0, '—']);
    const zhang = rows.find((r) => String(r.getCell(1).value).startsWith('张三'))!;
    expect(zhang.getCell(7).value).toBe('100%');
  });

  it('titles the 回应情况 sheet without a bracket inside a bracket while some opinions are not yet consolidated', async () => {
    const { s, pd } = prepared();
    // 李四's unanswered consolidated opinion undone: its two sources are pending again.
    const undone = s.consolidated.find((c) => !c.answer && !s.problems.some((p) => p.consolidatedIds.includes(c.id)))!;
    const partial = prepareProblemDocs({ ...pd.input, consolidated: s.consolidated.filter((c) => c !== undone) });
    expect(partial.counts.total.pending).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await problemWorkbookXlsx(partial, { date: '2026-03-08' })) as unknown as ArrayBuffer);
    const { collected, consolidated } = partial.counts.total;
    expect(wb.getWorksheet('回应情况')!.getCell('A1').value).toBe(`某某县财政局2025年度民主生活会意见回应情况（收集${collected}条，梳理为${consolidated}条，尚有2条未梳理）`);
  });

  it('holds every ledger field, the progress log on its own sheet, and marks overdue rows', async () => {
    const { s, pd } = prepared('2026-03-08');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rectificationWorkbookXlsx(pd)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['整改台账', '进展情况', '状态记录', '统计']);
    const ledger = wb.getWorksheet('整改台账')!;
    expect(ledger.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '1:2' });
    expect(ledger.rowCount).toBe(2 + s.entries.length);
    const rows = [...Array(s.entries.length).keys()].map((i) => ledger.getRow(i + 3));
    const overdue = rows.filter((r) => String(r.getCell(12).value ?? '').startsWith('逾期'));
    expect(overdue.map((r) => r.getCell(1).value)).toEqual(['2025-财政局-李四-001', '2025-财政局-王五-001']);
    for (const r of overdue) expect(r.getCell(3).fill).toMatchObject({ fgColor: { argb: 'FFF8D7DA' } });
    const closed = rows.find((r) => r.getCell(11).value === '已销号')!;
    expect(closed.getCell(14).value).toBe('销号日期：2026-02-25\n佐证材料：调研报告3篇、融资对接会纪要\n存放位置：局办公室档案柜 2026-整改-02 号盒\n审核人：张三');
    expect(wb.getWorksheet('进展情况')!.rowCount).toBe(2 + s.progress.length);
    const history = wb.getWorksheet('状态记录')!;
    expect(history.getColumn(7).values).toContain('佐证材料不全，需补充资金盘活台账');
    const summary = wb.getWorksheet('统计')!;
    expect(summary.getRow(summary.rowCount).values).toEqual([undefined, '合计', 6, 1, 2, 1, 1, 1, 2, '17%']);
  });

  it('says so on the 进展情况 sheet when no progress has been reported, rather than printing a bare header', async () => {
    const { pd } = prepared('2026-03-08');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rectificationWorkbookXlsx(prepareProblemDocs({ ...pd.input, progress: [] }))) as unknown as ArrayBuffer);
    const progress = wb.getWorksheet('进展情况')!;
    expect(progress.rowCount).toBe(3);
    expect(progress.getCell('A3').value).toBe('尚无整改进展记录。');
  });
});

describe('file names', () => {
  it('names each list by year, unit, rank and name, says which version, and leaves out targets with nothing to publish', async () => {
    const { pd } = prepared();
    const names = (await problemWordFiles(pd, { mode: 'official', publicVersion: true })).map((f) => f.name);
    expect(names).toEqual([
      '2025年度-某某县财政局-00-领导班子-问题清单（公示版）.docx',
      '2025年度-某某县财政局-01-张三-个人问题清单（公示版）.docx',
      '2025年度-某某县财政局-02-李四-个人问题清单（公示版）.docx',
      '2025年度-某某县财政局-03-王五-个人问题清单（公示版）.docx',
      '2025年度-某某县财政局-问题清单（全部）（公示版）.docx',
      '2025年度-某某县财政局-整改清单（公示版）.docx',
      '2025年度-某某县财政局-整改落实情况报告.docx',
    ]);
    const working = (await problemWordFiles(pd, { mode: 'official', publicVersion: false })).map((f) => f.name);
    expect(working[0]).toBe('2025年度-某某县财政局-00-领导班子-问题清单（工作版，内部资料）.docx');
  });
});

describe('梳理 and 回应 blocks for the 征求意见情况报告', () => {
  it('gives the collected and consolidated counts, coverage per target and the unanswered opinions', async () => {
    const { pd } = prepared();
    const g = gbLayout('official');
    const parts = officeParts(await docxBytes(gbDocument({ title: 't', mode: 'official', internal: false, children: consolidationBlocks(g, pd, 5) })));
    const lines = documentLines(parts);
    expect(lines[0]).toBe('五、意见梳理和回应情况');
    expect(lines[1]).toBe(`共收集${pd.counts.total.collected}条，梳理为${pd.counts.total.consolidated}条；梳理后意见${pd.coverage.total}条，已回应${pd.coverage.answered}条，尚有1条未回应。`);
    expect(lines).toContain('尚未回应的意见1条：');
    expect(lines.some((l) => /^1\.李四（副局长）：/.test(l))).toBe(true);
  });
});

describe('上年度整改落实情况 in the new meeting’s reports', () => {
  it('says how last year’s items ended and which were carried into this year', async () => {
    const { s, pd } = prepared('2026-12-20');
    const carried = [{ carriedFrom: { entryId: s.entries[4]!.id, meetingId: s.meeting.id, accountNumber: s.entries[4]!.accountNumber } }];
    expect(previousYearSentence(pd, carried)).toBe('2025年度民主生活会查摆问题6项，已销号1项，销号率17%；未销号5项（未启动1项、整改中2项、申请销号1项、长期坚持1项），已结转本年度1项。');
    const g = gbLayout('official');
    const lines = documentLines(officeParts(await docxBytes(gbDocument({ title: 't', mode: 'official', internal: false, children: previousYearBlocks(g, pd, carried, 1) }))));
    expect(lines[0]).toBe('一、上年度整改落实情况');
    expect(lines.filter((l) => /^\d\./.test(l))).toHaveLength(5);
    expect(lines.some((l) => l.includes('账号2025-财政局-李四-001，整改中，已结转本年度'))).toBe(true);
    expect(lines.some((l) => l.includes('账号2025-财政局-王五-001，整改中，未结转'))).toBe(true);
  });
});

describe('a unit named …领导班子', () => {
  it('is not called 领导班子领导班子 in the 班子问题清单, the 整改清单 or the 整改落实情况报告', async () => {
    const { s } = prepared();
    const input = { ...s.input, unit: { ...s.input.unit, name: '某某县交通运输局领导班子' } };
    const pd = prepareProblemDocs({ docs: prepareMeetingDocs(input), consolidated: s.consolidated, problems: s.problems, entries: s.entries, progress: s.progress, today: '2026-03-08' });
    const list = documentLines(officeParts(await problemListDocx(pd, GROUP_TARGET, { mode: 'official', publicVersion: false })));
    const rectification = documentLines(officeParts(await rectificationListDocx(pd, { mode: 'official' })));
    const report = documentLines(officeParts(await rectificationReportDocx(pd, { mode: 'official' })));
    expect(list[0]).toBe('某某县交通运输局领导班子2025年度民主生活会问题清单');
    expect(rectification[0]).toBe('某某县交通运输局领导班子和班子成员2025年度民主生活会整改清单');
    expect(report[0]).toBe('某某县交通运输局领导班子2025年度民主生活会整改落实情况报告');
    expect(report).toContain('某某县交通运输局领导班子');
    for (const lines of [list, rectification, report]) expect(lines.join('\n')).not.toContain('领导班子领导班子');
  });
});

describe('ready for 公示', () => {
  it('is held back by a published item that is not 五个明确, not by an unpublished one, and by unanswered opinions only when the rule set asks', () => {
    const { s, pd } = prepared();
    expect(pd.publication.ready).toBe(false);
    expect(pd.publication.reasons).toEqual(['李四（副局长）第1项“服务企业改革落实不到位，审批材料仍然偏多”：缺少整改标准，五个明确不全']);
    const unpublished = s.problems.map((p) => (p.standard === '' ? { ...p, published: false } : p));
    expect(prepareProblemDocs({ ...pd.input, problems: unpublished }).publication).toEqual({ ready: true, reasons: [] });
    const strict = { ...pd.docs.input, meeting: { ...pd.docs.input.meeting, ruleSet: { ...pd.docs.input.meeting.ruleSet, requireFullCoverage: true } } };
    const held = prepareProblemDocs({ ...pd.input, docs: prepareMeetingDocs(strict), problems: unpublished }).publication;
    expect(held.ready).toBe(false);
    expect(held.reasons[0]).toMatch(/^本次会议要求意见全部回应后方可公示/);
  });

  it('is not ready with no problem item at all, or none marked for 公示 (the tab said 两张清单可以公示 over empty lists)', () => {
    const { s, pd } = prepared();
    for (const problems of [[], s.problems.map((p) => ({ ...p, published: false }))]) {
      const publication = prepareProblemDocs({ ...pd.input, problems }).publication;
      expect(publication.ready).toBe(false);
      expect(publication.reasons[0]).toMatch(/^尚无列入公示的查摆问题/);
    }
  });
});
