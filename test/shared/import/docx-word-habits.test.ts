// How Word users really make the lists: a table split at a page break into a second table without
// the header, hidden text, tracked changes. Fixtures from scripts/make-docx-import-fixtures.py.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxTables } from '#shared/import/docx-tables';
import { findTables } from '#shared/import/find-table';
import { DEFAULT_CHOICES, initialChoices, planImport } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { GROUP_TARGET } from '#shared/model/types';
import { fixtureBytes, fixtureMeeting, memberId, planFixture } from '../../support/import-fixtures';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string) => `<w:tc>${text === '' ? '<w:p/>' : p(text)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.map(tc).join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;
const pageBreak = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
const WRITTEN = { fixed: { channel: '书面征求' } };
const header = tr('序号', '意见对象', '意见来源', '意见建议');

describe('a Word table split at a page break', () => {
  it('reads the continuation without a header as the rest of the table, the target merged over the split carried on, and says so', () => {
    const { workbook, plan } = planFixture('docx/split-table.docx', WRITTEN);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['征求意见建议汇总表']);
    expect(plan.total).toBe(6);
    expect(plan.toAdd.map((r) => [r.row, r.fields.targetId, r.fields.category])).toEqual([
      [2, GROUP_TARGET, '上级领导'],
      [3, GROUP_TARGET, '服务对象'],
      [4, memberId('张三'), '基层群众'],
      [5, memberId('张三'), '下属单位'],
      [6, memberId('李四'), '分管领域'],
      [7, memberId('李四'), '服务对象'],
    ]);
    expect(plan.notes).toContain('表格“征求意见建议汇总表”之后紧接着一个没有表头、列数相同的表格（Word 中跨页拆开的续表），已作为它的第 5–7 行一并读取；如不是同一张表，请在 Word 中给后一个表格加上表头后再导入');
  });

  it('joins only a headerless table of the same width that follows with nothing but empty paragraphs between', () => {
    const rest = tbl(tr('2', '张三', '上级领导', '调研不够深入'));
    const cases: Array<[string, string[]]> = [
      [tbl(header, tr('1', '领导班子', '基层群众', '作风不实')) + pageBreak + p('') + rest, ['']],
      // Text between: another table, not a continuation.
      [tbl(header, tr('1', '领导班子', '基层群众', '作风不实')) + p('注：以上意见已核实') + rest, ['表1', '表2']],
      // A heading of its own.
      [tbl(header, tr('1', '领导班子', '基层群众', '作风不实')) + p('二、对张三同志的意见') + rest, ['表1', '对张三同志的意见']],
      // Another width.
      [tbl(header, tr('1', '领导班子', '基层群众', '作风不实')) + tbl(tr('2', '张三', '调研不够深入')), ['表1', '表2']],
      // Its own header.
      [tbl(header, tr('1', '领导班子', '基层群众', '作风不实')) + tbl(header, tr('2', '张三', '上级领导', '调研不够深入')), ['表1', '表2']],
      // The table before has no header either: two tables of something else.
      [tbl(tr('时间', '地点', '人员', '事项')) + rest, ['表1', '表2']],
    ];
    for (const [body, names] of cases) {
      const r = docxTables(doc(body));
      if (!r.ok) throw new Error(r.error);
      expect(r.sheets.map((s) => s.name)).toEqual(names);
      expect(r.notes.length).toBe(names.length === 1 ? 1 : 0);
    }
    const joined = docxTables(doc(cases[0]![0]));
    if (!joined.ok) throw new Error(joined.error);
    expect(joined.sheets[0]!.rows.map((row) => row?.[3]?.text)).toEqual(['意见建议', '作风不实', '调研不够深入']);
    expect(joined.notes).toEqual(['意见表之后紧接着一个没有表头、列数相同的表格（Word 中跨页拆开的续表），已作为它的第 3 行一并读取；如不是同一张表，请在 Word 中给后一个表格加上表头后再导入']);
  });
});

describe('text Word does not show', () => {
  it('reads neither hidden text nor tracked deletions and moves, and a row deleted with 修订 is no row', () => {
    const { workbook, plan } = planFixture('docx/hidden-tracked.docx', WRITTEN);
    expect(workbook.sheets[0]!.rows.map((row) => row?.[3]?.text)).toEqual(['意见建议', '班子团结协作有待加强', '调研不够深入', undefined, '对下属单位指导不够']);
    expect(plan.toAdd.map((r) => [r.row, r.fields.content])).toEqual([
      [2, '班子团结协作有待加强'],
      [3, '调研不够深入'],
      [5, '对下属单位指导不够'],
    ]);
  });

  it('reads a run whose hidden mark is switched off, and a paragraph mark’s hidden mark hides no text', () => {
    const cell = `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>甲</w:t></w:r><w:r><w:t>乙</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>丙</w:t></w:r></w:p>`;
    const r = docxTables(doc(`<w:tbl><w:tr><w:tc>${cell}</w:tc></w:tr></w:tbl>`));
    if (!r.ok) throw new Error(r.error);
    expect(r.sheets[0]!.rows[0]![0]!.text).toBe('甲乙');
  });
});

/** A .docx of this body, planned for the fixtures' 2025年度 meeting. */
function planBody(body: string) {
  const parts = unzipSync(fixtureBytes('docx/no-table.docx'));
  parts['word/document.xml'] = strToU8(doc(body));
  const read = readWorkbook(zipSync(parts), '意见.docx');
  if (!read.ok) throw new Error(read.error);
  const meeting = fixtureMeeting();
  const layout = findTables(read.workbook, meeting.members, meeting.ruleSet);
  const start = initialChoices(layout, meeting.ruleSet);
  return planImport(read.workbook, layout, { ...DEFAULT_CHOICES, ...start, fixed: { ...start.fixed, channel: '书面征求' } }, meeting);
}

describe('the year a Word table is of', () => {
  const list = (text: string) => tbl(header, tr('1', '领导班子', '上级领导', `${text}甲`), tr('2', '张三', '基层群众', `${text}乙`));

  it('leaves out a table under a title naming another year, however long the title', () => {
    const plan = planBody(p('中共某某县财政局党组2024年度民主生活会征求意见建议汇总表') + list('去年的意见'));
    expect(plan.toAdd).toEqual([]);
    expect(plan.sheets.map((s) => [s.included, s.reason])).toEqual([[false, '文档中的表格标题为2024年度，不是本次会议（2025年度）的意见']]);
  });

  it('reads this year’s table and leaves out last year’s appended under its own line', () => {
    const plan = planBody(p('2025年度民主生活会征求意见') + list('今年的意见') + p('附：2024年度征求意见（供对照）') + list('去年的意见'));
    expect(plan.toAdd.map((r) => r.fields.content)).toEqual(['今年的意见甲', '今年的意见乙']);
    expect(plan.sheets.map((s) => [s.sheet, s.included])).toEqual([['2025年度民主生活会征求意见', true], ['表2', false]]);
  });

  it('reads a 2025年度 list for a meeting held in January 2026, and a table whose caption names no year', () => {
    const plan = planBody(p('2025年度民主生活会征求意见汇总表（2026年1月）') + list('今年的意见') + p('二、对张三同志的意见') + tbl(header, tr('1', '张三', '上级领导', '再一条')));
    expect(plan.toAdd.length).toBe(3);
  });
});
