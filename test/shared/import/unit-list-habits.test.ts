// Lists as units write them by hand (in Word or a sheet): a 来源 column, a count after the heading,
// the source categories in their own words.
import { describe, expect, it } from 'vitest';
import { findTables } from '#shared/import/find-table';
import type { ParsedWorkbook } from '#shared/import/grid';
import { DEFAULT_CHOICES, initialChoices, planImport } from '#shared/import/plan';
import { matchCategory } from '#shared/import/values';
import { DEFAULT_CATEGORIES } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';
import { fixtureMeeting, memberId } from '../../support/import-fixtures';

function workbook(sheets: Array<[string, string[][]]>): ParsedWorkbook {
  return {
    fileName: '意见.xlsx',
    format: 'Excel 工作簿（.xlsx）',
    sheets: sheets.map(([name, rows]) => ({ name, hidden: false, merges: [], rows: rows.map((r) => r.map((text) => (text === '' ? null : { text }))) })),
    notes: [],
  };
}

function plan(wb: ParsedWorkbook) {
  const meeting = fixtureMeeting();
  const layout = findTables(wb, meeting.members, meeting.ruleSet);
  const start = initialChoices(layout, meeting.ruleSet);
  return { layout, plan: planImport(wb, layout, { ...DEFAULT_CHOICES, ...start, fixed: { ...start.fixed, channel: '书面征求' } }, meeting) };
}

describe('a hand-made list', () => {
  it('takes a bare 来源 column as the 意见来源 outside a questionnaire, even with one row', () => {
    const { layout, plan: p } = plan(workbook([['对张三同志的意见建议', [['序号', '来源', '意见建议'], ['1', '基层群众', '调研不够深入']]]]));
    expect(layout.tables[0]!.detected).toMatchObject({ category: 1, content: 2 });
    expect(p.rejected).toEqual([]);
    expect(p.toAdd.map((r) => [r.fields.targetId, r.fields.category])).toEqual([[memberId('张三'), '基层群众']]);
    expect(p.notes.some((n) => n.includes('答题人信息'))).toBe(false);
  });

  it('still leaves out a questionnaire’s 来源 (how the answer was submitted)', () => {
    const { layout } = plan(workbook([['Sheet1', [['提交答卷时间', '来源', '来自IP', '您的身份', '您对班子的意见建议'], ['2025/11/20 10:00', '手机提交', '1.2.3.4', '基层群众', '调研不够']]]]));
    expect(layout.tables[0]!.questionnaire).toBe(true);
    expect(layout.tables[0]!.columns[1]!.kind).toBe('identity');
    expect(layout.tables[0]!.detected.category).toBe(3);
  });

  it('takes the target from a heading or sheet name that ends with the count of opinions', () => {
    const rows = [['序号', '意见来源', '意见建议'], ['1', '上级领导', '班子建设有待加强'], ['2', '服务对象', '服务水平有待提升']];
    const { layout } = plan(workbook([['对领导班子的意见建议（共2条）', rows], ['对张三同志的意见建议(3条)', rows], ['李四（副局长）', rows]]));
    expect(layout.tables.map((t) => t.sheetTarget)).toEqual([GROUP_TARGET, memberId('张三'), memberId('李四')]);
  });
});

describe('the source categories as forms write them', () => {
  it('understands the staff, party members, party organizations and bracketed notes', () => {
    const cases: Array<[string, string]> = [
      ['上级党组织', '上级领导'],
      ['上级领导意见', '上级领导'],
      ['上级党委', '上级领导'],
      ['干部职工', '基层群众'],
      ['本单位干部职工', '基层群众'],
      ['党员干部', '基层群众'],
      ['下级党组织', '下属单位'],
      ['基层党组织', '下属单位'],
      ['服务对象（企业）', '服务对象'],
      ['上级党组织、上级领导', '上级领导'],
      ['干部职工和党员', '基层群众'],
    ];
    for (const [text, value] of cases) expect([text, matchCategory(text, DEFAULT_CATEGORIES)]).toEqual([text, { ok: true, value }]);
  });

  it('refuses a value naming two categories, saying which, and never guesses an unknown one', () => {
    expect(matchCategory('基层党组织和党员', DEFAULT_CATEGORIES)).toEqual({ ok: false, reason: '意见来源“基层党组织和党员”包含不同的来源类别（下属单位、基层群众），一条意见只能属于一类，请选定一类或分行填写' });
    expect(matchCategory('人大代表、政协委员', DEFAULT_CATEGORIES)).toEqual({ ok: false, reason: '意见来源“人大代表、政协委员”不在本次会议的来源类别中（上级领导、下属单位、分管领域、服务对象、基层群众）' });
    expect(matchCategory('上级领导、社会组织', DEFAULT_CATEGORIES).ok).toBe(false);
  });
});

describe('a copy of a sheet edited after it was made', () => {
  it('is still left out by its name, saying how many of its opinions no other sheet has', () => {
    const header = ['序号', '意见对象', '意见来源', '意见建议'];
    const rows = [['1', '领导班子', '上级领导', '理论学习不够深入'], ['2', '张三', '基层群众', '调研走访偏少'], ['3', '李四', '服务对象', '服务企业不主动']];
    const { plan: p } = plan(workbook([['Sheet1 (2)', [header, ...rows]], ['Sheet1', [header, ...rows.slice(0, 2)]]]));
    expect(p.sheets.map((s) => [s.sheet, s.included, s.reason])).toEqual([
      ['Sheet1 (2)', false, '工作表“Sheet1 (2)”的名称表明是备份或副本，其余工作表已有本次的意见（但其中有 1 条意见其余工作表中没有，请核对）'],
      ['Sheet1', true, undefined],
    ]);
  });
});
