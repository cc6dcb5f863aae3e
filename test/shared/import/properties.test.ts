// Properties of the import over generated files: every row is accounted for exactly once, and
// opinions exported to a spreadsheet come back with the same texts.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSubstantive, phraseMatcher } from '#shared/checks/substance';
import { targetLabel } from '#shared/meeting/roster';
import { findTables } from '#shared/import/find-table';
import { initialChoices, planImport } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { DEFAULT_CATEGORIES, DEFAULT_CHANNELS, DEFAULT_NO_OPINION_PHRASES } from '#shared/model/rule-set';
import { GROUP_LABEL, GROUP_TARGET } from '#shared/model/types';
import { cleanText } from '#shared/text/normalize';
import { stripNumbering } from '#shared/text/numbering';
import { fixtureMeeting, ROSTER } from '../../support/import-fixtures';

const TARGETS = [GROUP_LABEL, '张三', '李四（副局长）', '王五', '张伟（纪检组长）', '张伟', '赵六', ''];
const CATEGORIES = [...DEFAULT_CATEGORIES, '上级', '群众', '社会组织', ''];
const CHANNELS = [...DEFAULT_CHANNELS, '谈话', '电话', '飞鸽传书', ''];
const CONTENTS = ['学习不够深入，学用结合不紧', '调研偏少，办法不多', '=会议多文件多', '“身入”多，“心入”少', '无', '暂无意见。', '', '007号文件落实不到位', '多处存在问题\n整改不彻底', '同意'];

const row = fc.record({
  target: fc.constantFrom(...TARGETS),
  category: fc.constantFrom(...CATEGORIES),
  channel: fc.constantFrom(...CHANNELS),
  content: fc.constantFrom(...CONTENTS),
  blank: fc.boolean(),
});

function csv(rows: string[][]): Uint8Array {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return new TextEncoder().encode(rows.map((r) => r.map(quote).join(',')).join('\n'));
}

describe('import properties', () => {
  it('accounts for every row exactly once: added + skipped + rejected = rows', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.boolean(), fc.subarray(CONTENTS.slice(0, 3)), (rows, keep, already) => {
        const lines = [['意见对象', '意见来源', '征求方式', '意见建议'], ...rows.map((r) => (r.blank ? ['', '', '', ''] : [r.target, r.category, r.channel, r.content]))];
        const read = readWorkbook(csv(lines), '生成.csv');
        if (!read.ok) throw new Error(read.error);
        const existing = already.map((content) => ({ targetId: GROUP_TARGET, category: '上级领导', content }));
        const meeting = fixtureMeeting(existing);
        const layout = findTables(read.workbook, meeting.members);
        const plan = planImport(read.workbook, layout, { ...initialChoices(layout, meeting.ruleSet), keepNonSubstantive: keep }, meeting);

        const dataRows = rows.filter((r) => !r.blank && [r.target, r.category, r.channel, r.content].some((v) => v !== ''));
        expect(plan.total).toBe(dataRows.length);
        expect(plan.toAdd.length + plan.skipped.length + plan.rejected.length).toBe(plan.total);
        expect(plan.skipped.length).toBe(plan.duplicates + plan.nonSubstantive);
        const seen = [...plan.toAdd, ...plan.skipped, ...plan.rejected].map((r) => r.row).sort((a, b) => a - b);
        expect(new Set(seen).size).toBe(seen.length);
        // Every rejected row says why, with a column or the field it lacks.
        for (const r of plan.rejected) expect(r.problems.every((p) => p.reason !== '' && p.header !== '')).toBe(true);
        // Nothing added says nothing, unless asked; nothing added is a duplicate of another.
        const noOpinion = phraseMatcher(DEFAULT_NO_OPINION_PHRASES);
        if (!keep) for (const r of plan.toAdd) expect(isSubstantive(r.fields.content, noOpinion)).toBe(true);
        const keys = plan.toAdd.map((r) => `${r.fields.targetId}|${r.fields.category}|${r.fields.content}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 150 },
    );
  });

  it('gives back the same texts when exported opinions are imported again', async () => {
    const text = fc
      .array(fc.constantFrom(...'意见建议学习调研作风落实群众企业基层，。、；：“”（）=+-@0123456789 \nAbc'.split('')), { minLength: 1, maxLength: 60 })
      .map((cs) => cleanText(cs.join('')));
    const opinion = fc.record({
      target: fc.constantFrom(GROUP_TARGET, ...ROSTER.map((m) => m.id)),
      category: fc.constantFrom(...DEFAULT_CATEGORIES),
      channel: fc.constantFrom(...DEFAULT_CHANNELS),
      content: text,
    });
    const noOpinion = phraseMatcher(DEFAULT_NO_OPINION_PHRASES);
    await fc.assert(
      // Texts come back without leading list numbering (`1、` `-`), which the import strips.
      fc.asyncProperty(fc.uniqueArray(opinion, { selector: (o) => `${o.target}|${o.category}|${stripNumbering(o.content)}`, maxLength: 30 }), async (drawn) => {
        const opinions = drawn.filter((o) => stripNumbering(o.content) !== '' && isSubstantive(stripNumbering(o.content), noOpinion));
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('意见台账');
        ws.addRow(['序号', '意见对象', '意见来源', '征求方式', '意见内容']);
        opinions.forEach((o, i) => {
          const member = ROSTER.find((m) => m.id === o.target);
          ws.addRow([i + 1, member ? targetLabel(member) : GROUP_LABEL, o.category, o.channel, o.content]);
        });
        const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        const read = readWorkbook(bytes, '台账.xlsx');
        if (!read.ok) throw new Error(read.error);
        const meeting = fixtureMeeting();
        const layout = findTables(read.workbook, meeting.members);
        const plan = planImport(read.workbook, layout, initialChoices(layout, meeting.ruleSet), meeting);
        expect(plan.rejected).toEqual([]);
        expect(plan.toAdd.map((r) => [r.fields.targetId, r.fields.category, r.fields.channel, r.fields.content])).toEqual(opinions.map((o) => [o.target, o.category, o.channel, stripNumbering(o.content)]));
      }),
      { numRuns: 40 },
    );
  });
});

describe('a cell that holds several numbered opinions', () => {
  function planOf(contents: string[]) {
    const lines = [['意见对象', '意见来源', '征求方式', '意见建议'], ...contents.map((c) => ['张三', '上级领导', '谈心谈话', c])];
    const read = readWorkbook(csv(lines), '多条.csv');
    if (!read.ok) throw new Error(read.error);
    const meeting = fixtureMeeting();
    const layout = findTables(read.workbook, meeting.members);
    return planImport(read.workbook, layout, initialChoices(layout, meeting.ruleSet), meeting);
  }

  it('stays one opinion per row, and the preview names the rows to split by hand', () => {
    const plan = planOf(['1、理论学习不够深入。2、调研不够经常。', '学习不够深入', '（1）会议偏多\n（2）文件偏长', '2024年度调研偏少，办法不多。']);
    expect(plan.toAdd.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(plan.notes).toEqual(['第 2、4 行的意见内容中有多条编号意见，每行按一条意见导入和计数；如应分别计数，请在表格中拆成多行后再导入']);
  });

  it('says nothing for a single numbered opinion, or a sentence with numbers in it', () => {
    expect(planOf(['1.理论学习不够深入', '第2、3季度调研偏少', '落实“1+3”制度不到位。']).notes).toEqual([]);
  });
});
