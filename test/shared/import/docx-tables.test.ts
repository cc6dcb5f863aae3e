// A 征求意见 list sent as a Word table is read as a workbook (each table a sheet) and planned by the
// same pipeline as a spreadsheet. The fixtures in test/fixtures/import/docx/ are made with
// python-docx and LibreOffice (scripts/make-docx-import-fixtures.py).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxTables, MAX_DOCX_TABLES, MAX_TABLE_DEPTH } from '#shared/import/docx-tables';
import { findTables } from '#shared/import/find-table';
import { describeProblems } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { isDocumentedRefusal } from '#shared/import/refusals';
import { GROUP_TARGET } from '#shared/model/types';
import { fixtureBytes, fixtureMeeting, memberId, planFixture } from '../../support/import-fixtures';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${text === '' ? '<w:p/>' : p(text)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;
const texts = (rows: ReadonlyArray<ReadonlyArray<{ text: string } | null | undefined> | null | undefined>) => rows.map((r) => (r ? [...r].map((c) => c?.text ?? '') : null));

/** A fixture with its word/document.xml changed. */
function withDocument(name: string, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(fixtureBytes(name));
  parts['word/document.xml'] = strToU8(change(strFromU8(parts['word/document.xml']!)));
  return zipSync(parts);
}

describe('reading the tables of a Word document', () => {
  it('reads a table under a title and 填报 lines with merged-down targets, repeated headers, empty and total rows', () => {
    const { workbook, layout, plan } = planFixture('docx/title-form.docx');
    expect(workbook.format).toBe('Word 文档（.docx）');
    // The document's title is too long to name its one table, and the 填报单位 line is a form line: the table is unnamed.
    expect(workbook.sheets.map((s) => s.name)).toEqual(['']);
    expect(layout.tables[0]).toMatchObject({ headerLastRow: 1, detected: { target: 1, category: 2, channel: 3, content: 4, provider: 5 } });
    // Rows 6 (empty) and 7 (the header again) are no rows; 11 is the total; 10 says 无.
    expect(plan.total).toBe(7);
    expect(plan.toAdd.map((r) => [r.row, r.fields.targetId, r.fields.category, r.fields.channel, r.fields.content])).toEqual([
      [2, GROUP_TARGET, '上级领导', '书面征求', '落实全面从严治党主体责任的举措不够具体'],
      // 领导班子 merged down over rows 2–4, 上级领导 over rows 2–3: each row carries them.
      [3, GROUP_TARGET, '上级领导', '座谈会', '对预算绩效管理的推进力度不够'],
      // Two paragraphs in one cell: one opinion, the paragraphs on their own lines.
      [4, GROUP_TARGET, '下属单位', '座谈会', '干部队伍建设统筹不够\n2.年轻干部培养渠道不宽'],
      [5, memberId('张三'), '上级领导', '谈心谈话', '理论学习的系统性不够'],
      // A line break inside a paragraph is kept as one.
      [8, memberId('李四'), '服务对象', '走访', '服务企业的主动性不强，\n办事流程仍需简化'],
      [9, memberId('李四'), '服务对象', '问卷调查', '政策宣传解读不够及时'],
    ]);
    expect(plan.nonSubstantive).toBe(1);
    expect(plan.rejected).toEqual([]);
    expect(plan.notes).toContain('第 11 行是合计行，未作为意见导入');
  });

  it('reads a two-row header under a cell spanning two columns, and never copies an opinion merged down', () => {
    const { workbook, layout, plan } = planFixture('docx/two-row-header.docx');
    const sheet = workbook.sheets[0]!;
    expect(texts(sheet.rows).slice(0, 2)).toEqual([
      ['序号', '意见对象', '意见来源', '', '意见建议'],
      ['', '', '来源类别', '征求方式'],
    ]);
    expect(sheet.merges).toContainEqual({ s: { r: 0, c: 2 }, e: { r: 0, c: 3 } });
    expect(sheet.merges).toContainEqual({ s: { r: 3, c: 4 }, e: { r: 4, c: 4 } });
    expect(layout.tables[0]).toMatchObject({ headerLastRow: 2, detected: { target: 1, category: 2, channel: 3, content: 4 } });
    expect(plan.toAdd.map((r) => r.row)).toEqual([3, 4]);
    expect(describeProblems('意见.docx', plan.rejected[0]!, '表格')).toEqual(['意见.docx · 表格“征求意见建议汇总表” · 第 5 行 · E 列（意见建议）：意见内容为空']);
  });

  it('takes one table per target by the heading above it, and leaves out a table of unit information', () => {
    const { workbook, layout, plan } = planFixture('docx/per-member.docx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['关于征求领导班子及成员意见建议的情况报告', '对领导班子的意见建议', '对张三同志的意见建议', '对李四同志的意见建议']);
    expect(layout.tables.map((t) => t.sheetTarget)).toEqual([GROUP_TARGET, memberId('张三'), memberId('李四')]);
    expect(plan.toAdd.map((r) => [r.sheet, r.row, r.fields.targetId, r.fields.category])).toEqual([
      ['对领导班子的意见建议', 2, GROUP_TARGET, '上级领导'],
      ['对领导班子的意见建议', 3, GROUP_TARGET, '服务对象'],
      ['对张三同志的意见建议', 2, memberId('张三'), '分管领域'],
      ['对李四同志的意见建议', 2, memberId('李四'), '基层群众'],
      ['对李四同志的意见建议', 3, memberId('李四'), '下属单位'],
    ]);
    expect(plan.notes).toContain('表格“关于征求领导班子及成员意见建议的情况报告”没有找到意见表的表头（如“意见对象”“意见来源”“意见建议”），未导入');
    expect(plan.notes.some((n) => n.startsWith('按表格标题确定意见对象：“对领导班子的意见建议”→领导班子'))).toBe(true);
  });

  it('reads one table running in sections, each row taking the target its section heading names', () => {
    const { plan } = planFixture('docx/sections.docx');
    expect(plan.total).toBe(4);
    expect(plan.toAdd.map((r) => [r.row, r.fields.targetId, r.fields.category])).toEqual([
      [3, GROUP_TARGET, '上级领导'],
      [4, GROUP_TARGET, '服务对象'],
      [6, memberId('张三'), '下属单位'],
      [8, memberId('李四'), '基层群众'],
    ]);
    expect(plan.notes).toContain('表格“征求意见建议清单”没有意见对象列，按分节标题行确定其下各行的意见对象：第 2 行→领导班子，第 5 行→张三（局长），第 7 行→李四（副局长）');
  });

  it('reads a table drawn inside a frame table, named by the frame’s title', () => {
    const { workbook, plan } = planFixture('docx/nested.docx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['征求意见表']);
    expect(plan.toAdd.map((r) => [r.row, r.fields.targetId, r.fields.content])).toEqual([
      [2, memberId('王五'), '窗口服务的规范化水平有待提升'],
      [3, memberId('王五'), '对群众来信的答复不够及时'],
    ]);
    expect(plan.notes).toEqual([]);
  });

  it('reads the list as LibreOffice saves it from a table with rowspan and colspan', () => {
    const { plan } = planFixture('docx/libreoffice.docx');
    expect(plan.toAdd.map((r) => [r.row, r.fields.targetId, r.fields.category, r.fields.channel])).toEqual([
      [3, memberId('张三'), '上级领导', '谈心谈话'],
      [4, memberId('张三'), '下属单位', '座谈会'],
      [5, GROUP_TARGET, '服务对象', '走访'],
    ]);
  });

  it('finds no opinion table in a table without a header', () => {
    const read = readWorkbook(fixtureBytes('docx/no-header.docx'), '会议安排.docx');
    if (!read.ok) throw new Error(read.error);
    expect(findTables(read.workbook, fixtureMeeting().members).tables).toEqual([]);
  });

  it('refuses a document without a table, and a legacy .doc, saying what to do', () => {
    expect(readWorkbook(fixtureBytes('docx/no-table.docx'), '意见.docx')).toEqual({
      ok: false,
      error: '“意见.docx”是 Word 文档，但其中没有表格。请把意见整理成表格（意见对象、意见来源、意见建议内容等列）后再导入，或下载导入模板填写',
    });
    const legacy = readWorkbook(fixtureBytes('docx/libreoffice.doc'), '意见.doc');
    expect(legacy).toMatchObject({ ok: false, error: expect.stringContaining('“意见.doc”是 Word 文档（.doc，Word 97-2003 格式），无法直接读取。请在 Word 或 WPS 中打开后另存为 .docx 再导入') });
  });

  it('refuses damaged XML in a document as damaged, with a documented reason', () => {
    for (const bytes of [withDocument('docx/title-form.docx', (xml) => xml.slice(0, Math.floor(xml.length * 0.6))), withDocument('docx/title-form.docx', () => 'not xml at all')]) {
      const read = readWorkbook(bytes, '意见.docx');
      expect(read).toEqual({ ok: false, error: '“意见.docx”已损坏（Word 文档的正文不完整或格式错误），无法读取，请在 Word 或 WPS 中打开后另存为 .docx 再导入' });
      if (!read.ok) expect(isDocumentedRefusal(read.error)).toBe(true);
    }
  });

  it('tells a damaged .docx to be saved again from Word, not Excel', () => {
    const bytes = fixtureBytes('docx/title-form.docx').slice();
    // The first local header's name no longer agrees with the central directory.
    bytes[30] = bytes[30]! ^ 0x20;
    expect(readWorkbook(bytes, '意见.docx')).toEqual({ ok: false, error: '“意见.docx”已损坏（压缩包内部信息前后矛盾），无法读取，请在 Word 或 WPS 中打开后另存为 .docx 再导入' });
  });

  it('says a .docx archive without a document body is not a Word document', () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'docProps/app.xml': strToU8('<Properties/>') });
    const read = readWorkbook(bytes, '意见.docx');
    expect(read).toEqual({ ok: false, error: '“意见.docx”不是 Word 文档（压缩包中没有正文内容），也不是 Excel 工作簿，请确认选择了正确的文件' });
    expect(read.ok || isDocumentedRefusal(read.error)).toBe(true);
  });

  it('reads a Word document by its content whatever its name', () => {
    const read = readWorkbook(fixtureBytes('docx/nested.docx'), '意见.xlsx');
    expect(read).toMatchObject({ ok: true, workbook: { format: 'Word 文档（.docx）' } });
  });
});

describe('the Word table grid', () => {
  it('places cells on Word’s grid: rows skipped with gridBefore, spans, and continue cells without a start', () => {
    const r = docxTables(
      doc(
        tbl(
          tr(tc('a', '<w:gridSpan w:val="2"/>'), tc('b')),
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('c')}${tc('d')}</w:tr>`,
          tr(tc('e', '<w:vMerge/>'), tc(''), tc('f')),
        ),
      ),
    );
    if (!r.ok) throw new Error(r.error);
    expect(texts(r.sheets[0]!.rows)).toEqual([['a', '', 'b'], ['', 'c', 'd'], ['e', '', 'f']]);
    expect(r.sheets[0]!.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }]);
  });

  it('merges a vertical area with its span, and ignores text typed into a continued cell', () => {
    const r = docxTables(doc(tbl(tr(tc('对象', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'), tc('x')), tr(tc('stray', '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>'), tc('y')))));
    if (!r.ok) throw new Error(r.error);
    expect(texts(r.sheets[0]!.rows)).toEqual([['对象', '', 'x'], ['', '', 'y']]);
    expect(r.sheets[0]!.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 1, c: 1 } }]);
  });

  it('reads a text box’s fallback copy once, and keeps tabs and spaces tidy', () => {
    const box = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>框</w:t></mc:Choice><mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent><w:t xml:space="preserve">  甲 </w:t><w:tab/><w:t>乙</w:t></w:r></w:p>`;
    const r = docxTables(doc(tbl(tr(`<w:tc>${box}</w:tc>`))));
    if (!r.ok) throw new Error(r.error);
    expect(r.sheets[0]!.rows[0]![0]!.text).toBe('框 甲 乙');
  });

  it('names tables 表1、表2… where no heading is above them, and repeats of a heading apart', () => {
    const table = tbl(tr(tc('意见建议')));
    const r = docxTables(doc(table + p('填报单位：某局') + table + p('对张三同志的意见') + table + p('对张三同志的意见') + table));
    if (!r.ok) throw new Error(r.error);
    expect(r.sheets.map((s) => s.name)).toEqual(['表1', '表2', '对张三同志的意见', '对张三同志的意见（2）']);
  });

  it('names a table by a title typed across its first row when no heading is above it', () => {
    const table = (title: string) => tbl(tr(tc(title, '<w:gridSpan w:val="3"/>')), tr(tc('意见来源'), tc('征求方式'), tc('意见建议')));
    const r = docxTables(doc(table('对张三同志的意见建议') + p('') + table('二、对李四同志的意见：') + p('说明') + tbl(tr(tc('意见建议'), tc('x')))));
    if (!r.ok) throw new Error(r.error);
    expect(r.sheets.map((s) => s.name)).toEqual(['对张三同志的意见建议', '对李四同志的意见', '说明']);
  });

  it('leaves a lone table without a heading unnamed, as a CSV’s table is', () => {
    const r = docxTables(doc(p('中共某某县财政局党组领导班子2025年度民主生活会征求意见建议汇总表') + tbl(tr(tc('意见建议')))));
    if (!r.ok) throw new Error(r.error);
    expect(r.sheets.map((s) => s.name)).toEqual(['']);
  });

  it('refuses more tables, deeper nesting, wider rows or larger merged areas than a real list has', () => {
    const many = docxTables(doc(tbl(tr(tc('x'))).repeat(MAX_DOCX_TABLES + 1)));
    expect(many).toEqual({ ok: false, error: `中的表格超过 ${MAX_DOCX_TABLES} 个，不像正常的征求意见表，已拒绝` });
    let nested = tc('x');
    for (let i = 0; i <= MAX_TABLE_DEPTH; i++) nested = `<w:tc>${tbl(tr(nested))}<w:p/></w:tc>`;
    expect(docxTables(doc(tbl(tr(nested))))).toEqual({ ok: false, error: `中的表格嵌套超过 ${MAX_TABLE_DEPTH} 层，不像正常的征求意见表，已拒绝` });
    expect(docxTables(doc(tbl(tr(tc('x', '<w:gridSpan w:val="100000000"/>')))))).toEqual({ ok: false, error: '中的表格超过 200 列，不像正常的意见表，已拒绝' });
    const tall = tbl(tr(tc('x', '<w:gridSpan w:val="10"/><w:vMerge w:val="restart"/>')), tr(tc('', '<w:gridSpan w:val="10"/><w:vMerge/>')).repeat(1001));
    expect(docxTables(doc(tall))).toEqual({ ok: false, error: '中的表格有范围异常的合并单元格（超过 10000 格），已拒绝' });
    for (const refusal of [many, docxTables(doc(tall))]) if (!refusal.ok) expect(isDocumentedRefusal(`“x.docx”${refusal.error}`)).toBe(true);
  });

  it('refuses XML whose tables or body never close', () => {
    expect(docxTables(doc(tbl(tr(tc('x'))).slice(0, -9)))).toMatchObject({ ok: false, error: expect.stringMatching(/^已损坏/) });
    expect(docxTables(`<w:document ${W}><w:body>${tbl(tr(tc('x')))}`)).toMatchObject({ ok: false, error: expect.stringMatching(/^已损坏/) });
    expect(docxTables(`${tbl(tr(tc('x')))}</w:tbl>`)).toMatchObject({ ok: false, error: expect.stringMatching(/^已损坏/) });
  });
});
