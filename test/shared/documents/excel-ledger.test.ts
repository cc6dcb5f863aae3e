// The ledger workbook, read back with ExcelJS and with openpyxl (Debian's /usr/bin/python3): its
// sheets, the ledger's rows and layout, the highlighted statistics, the shortfall list, and text
// that looks like a formula stored as text.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula, wrappedRowHeight } from '#shared/documents/excel/cells';
import { ledgerXlsx } from '#shared/documents/excel/ledger-workbook';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { documentSample } from '../../support/document-sample';
import { requirePythonModule } from '../../support/prereqs';
import { tempDir } from '../../support/temp-dir';

const DANGEROUS = ['=1+1', '+SUM(A1:A9)', '-2+3', '@SUM(A1)', '\t=1+2', '\r=1+3', '=cmd|\' /C calc\'!A0'];

async function workbook(providers?: (n: number) => string) {
  const sample = documentSample({ providers });
  // Every dangerous text as content and as provider of extra opinions of 李四.
  const li = sample.members.find((m) => m.name === '李四')!;
  DANGEROUS.forEach((text, i) =>
    sample.opinions.push({ ...sample.opinions[0]!, id: `00000000-0000-4000-8000-0000000a${String(i).padStart(4, '0')}`, targetId: li.id, category: '基层群众', content: `${text}内容`, provider: text, createdAt: `2025-12-0${i + 1}T00:00:00.000Z` }),
  );
  const bytes = await ledgerXlsx(prepareMeetingDocs(sample.input), { date: '2025-11-21' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, bytes, sample };
}

describe('ledger workbook', async () => {
  const { wb, bytes } = await workbook();
  const ledger = wb.getWorksheet('意见建议汇总台账')!;
  const stats = wb.getWorksheet('统计')!;
  const shortfalls = wb.getWorksheet('缺项清单')!;

  it('has the ledger, the statistics and the shortfall list', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['意见建议汇总台账', '统计', '缺项清单']);
    expect(wb.creator).toBe('民主生活会征求意见工作台');
  });

  it('lists every live opinion with its provider and flags, in target and source order', () => {
    expect(ledger.getRow(2).values).toEqual([undefined, '序号', '意见对象', '职务', '意见来源', '征求方式', '提出方', '意见建议内容', '对照检查方面', '收到日期', '是否计入', '提示']);
    const rows = ledger.getRows(3, ledger.rowCount - 2)!.map((r) => r.values as unknown[]);
    expect(rows).toHaveLength(42 + DANGEROUS.length);
    const targets = rows.map((r) => r[2]);
    const firstIndex = (name: string) => targets.indexOf(name);
    expect([firstIndex('领导班子'), firstIndex('张三'), firstIndex('李四'), firstIndex('王五')]).toEqual([0, 10, 22, 22 + 11 + DANGEROUS.length]);
    expect(rows[0]!.slice(1, 7)).toEqual([1, '领导班子', undefined, '上级领导', '书面征求', '提出人0']);
    const none = rows.find((r) => r[7] === '暂无意见')!;
    expect(none.slice(10, 12)).toEqual(['不计入', '无实质内容']);
    expect(rows.filter((r) => r[11] === '重复')).toHaveLength(1);
    expect(rows.some((r) => String(r[7]).includes('已删除的意见不应出现'))).toBe(false);
  });

  it('is laid out for work and print: frozen header, filters, widths, wrap, landscape A4, print titles, 内部资料', () => {
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ledger.autoFilter).toBeTruthy();
    expect(ledger.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:2', fitToWidth: 1 });
    expect(ledger.headerFooter.oddHeader).toContain('内部资料');
    expect(ledger.getColumn(7).width).toBe(56);
    expect(ledger.getCell('G3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ledger.getCell('A1').value).toBe('某某县财政局2025年度民主生活会意见建议汇总台账（内部资料）');
    expect(ledger.getRow(3).height).toBeGreaterThanOrEqual(15);
  });

  it('stores text that looks like a formula as text, never as a formula', () => {
    const cells: ExcelJS.Cell[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
    const providers = cells.filter((c) => Number(c.col) === 6 && c.worksheet.name === '意见建议汇总台账').map((c) => c.value);
    for (const text of DANGEROUS) {
      const stored = providers.find((p) => typeof p === 'string' && p.replace(/^\n/, '\r') === text);
      expect(stored, `provider ${JSON.stringify(text)}`).toBeTypeOf('string');
    }
    // A leading CR comes back as LF (XML normalizes line ends); it is still text.
    const formulaLike = cells.filter((c) => typeof c.value === 'string' && (looksLikeFormula(c.value) || c.value.startsWith('\n')));
    expect(formulaLike.length).toBeGreaterThanOrEqual(DANGEROUS.length * 2);
    for (const c of formulaLike) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.numFmt).toBe('@');
    }
  });

  it('highlights shortfall cells and zero-opinion rows in the statistics, with the minimum and totals', () => {
    const labels = stats.getColumn(2).values as unknown[];
    const row = (label: string) => stats.getRow(labels.indexOf(label));
    expect(stats.getRow(2).values).toEqual([undefined, '序号', '意见对象', '上级领导', '下属单位', '分管领域', '服务对象', '基层群众', '计入合计', '收集合计', '零意见']);
    expect((row('每类最低要求').values as unknown[]).slice(3, 8)).toEqual([2, 2, 2, 2, 2]);
    const wang = row('王五（副局长）');
    expect(wang.getCell(7).value).toBe(1);
    expect(wang.getCell(7).fill).toMatchObject({ fgColor: { argb: 'FFF8D7DA' } });
    expect((wang.getCell(6).fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
    const zhao = row('赵六（纪检组长）');
    expect(zhao.getCell(10).value).toBe('是');
    for (let c = 1; c <= 10; c++) expect(zhao.getCell(c).fill, `column ${c}`).toMatchObject({ fgColor: { argb: 'FFF4B6BB' } });
    expect((row('合计').values as unknown[]).slice(3, 10)).toEqual([8, 8, 8, 9, 7 + DANGEROUS.length, 40 + DANGEROUS.length, 42 + DANGEROUS.length]);
  });

  it('calls the counted opinions 计入, as the report does: 梳理为 is the 梳理 tab’s figure, which this workbook does not know', () => {
    const cells = (stats.getColumn(2).values as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(cells.find((v) => v.startsWith('收集'))).toBe(`收集 ${49} 条，计入 ${47} 条（无实质内容 1 条、重复 1 条未计入）`);
    expect(cells.join('\n')).not.toContain('梳理');
    const channelHead = stats.getRow((stats.getColumn(2).values as unknown[]).indexOf('征求方式'));
    expect((channelHead.values as unknown[]).slice(2, 5)).toEqual(['征求方式', '收集', '计入']);
  });

  it('lists one row per shortfall and zero-opinion target', () => {
    const rows = shortfalls.getRows(3, shortfalls.rowCount - 2)!.map((r) => (r.values as unknown[]).slice(1));
    expect(rows[0]).toEqual([1, '赵六（纪检组长）', '全部来源', 0, undefined, undefined, '赵六（纪检组长）：没有一条实质性意见（零意见）']);
    expect(rows.map((r) => r[6])).toContain('王五（副局长）：基层群众意见 1 条，至少需 2 条');
    expect(rows.find((r) => r[1] === '王五（副局长）')!.slice(2, 6)).toEqual(['基层群众', 1, 2, 1]);
    expect(rows).toHaveLength(1 + 6);
  });

  it('reads back with openpyxl: formula-like text is a string cell, and there is no formula anywhere', () => {
    const python = requirePythonModule('openpyxl');
    const dir = tempDir('ledger');
    const file = join(dir, 'ledger.xlsx');
    writeFileSync(file, bytes);
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'out = {"sheets": wb.sheetnames, "formulas": 0, "texts": {}}',
      'for ws in wb.worksheets:',
      '    for row in ws.iter_rows():',
      '        for c in row:',
      '            if c.data_type == "f": out["formulas"] += 1',
      '            if isinstance(c.value, str) and c.value[:1] in "=+-@\\t\\r\\n": out["texts"][c.value] = c.data_type',
      'ws = wb["意见建议汇总台账"]',
      'out["frozen"] = ws.freeze_panes',
      'out["print_titles"] = ws.print_title_rows',
      'out["orientation"] = ws.page_setup.orientation',
      'print(json.dumps(out, ensure_ascii=False))',
    ].join('\n');
    const r = spawnSync(python, ['-c', script, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { sheets: string[]; formulas: number; texts: Record<string, string>; frozen: string; print_titles: string; orientation: string };
    expect(out.sheets).toEqual(['意见建议汇总台账', '统计', '缺项清单']);
    expect(out.formulas).toBe(0);
    expect(out.texts['=1+1']).toBe('s');
    expect(out.texts['+SUM(A1:A9)内容']).toBe('s');
    expect(Object.keys(out.texts).length).toBeGreaterThanOrEqual(DANGEROUS.length * 2);
    expect(new Set(Object.values(out.texts))).toEqual(new Set(['s']));
    expect(out).toMatchObject({ frozen: 'A3', print_titles: '$1:$2', orientation: 'landscape' });
  });
});

describe('wrapped row height', () => {
  it('grows with the number of wrapped lines, counting CJK characters double', () => {
    expect(wrappedRowHeight([{ text: '短', width: 20 }])).toBe(18);
    expect(wrappedRowHeight([{ text: '字'.repeat(30), width: 20 }])).toBe(Math.ceil(4 * 15 + 3));
    expect(wrappedRowHeight([{ text: 'a\nb\nc', width: 20 }])).toBe(48);
  });
});
