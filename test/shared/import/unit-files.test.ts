// Summary tables as county units really fill them in: values typed once and merged down a column,
// 合计 rows, hidden rows. Each file is built here with SheetJS, the way Excel saves it.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { findTables } from '#shared/import/find-table';
import { DEFAULT_CHOICES, describeProblems, initialChoices, planImport } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { GROUP_TARGET } from '#shared/model/types';
import { fixtureBytes, fixtureMeeting, memberId } from '../../support/import-fixtures';

type Cell = string | number | null;

function xlsxOf(rows: Cell[][], edit: (ws: XLSX.WorkSheet) => void = () => undefined): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  edit(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '汇总表');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function planOf(bytes: Uint8Array) {
  const read = readWorkbook(bytes, '意见汇总.xlsx');
  if (!read.ok) throw new Error(read.error);
  const meeting = fixtureMeeting();
  const layout = findTables(read.workbook, meeting.members, meeting.ruleSet);
  const plan = planImport(read.workbook, layout, { ...DEFAULT_CHOICES, ...initialChoices(layout, meeting.ruleSet) }, meeting);
  return {
    plan,
    added: plan.toAdd.map((r) => [r.row, r.fields.targetId, r.fields.category, r.fields.content]),
    errors: plan.rejected.flatMap((r) => describeProblems(plan.file, r)),
  };
}

const range = (ref: string) => XLSX.utils.decode_range(ref);

describe('values merged down a column', () => {
  it('give every row beside them their target and category, as a clerk reads them', () => {
    const bytes = xlsxOf(
      [
        ['XX局征求意见汇总表', null, null, null, null],
        ['序号', '意见对象', '意见来源', '征求方式', '意见建议'],
        [1, '张三', '上级领导', '书面征求', '理论学习不够深入'],
        [2, null, null, '座谈会', '调研不够'],
        [3, null, '基层群众', '走访', '作风不够扎实'],
        [4, null, null, '走访', '联系群众不够'],
        [5, '领导班子', '下属单位', '座谈会', '班子统筹不够'],
      ],
      (ws) => (ws['!merges'] = [range('A1:E1'), range('B3:B6'), range('C3:C4'), range('C5:C6')]),
    );
    const { added, errors, plan } = planOf(bytes);
    expect(errors).toEqual([]);
    expect(added).toEqual([
      [3, memberId('张三'), '上级领导', '理论学习不够深入'],
      [4, memberId('张三'), '上级领导', '调研不够'],
      [5, memberId('张三'), '基层群众', '作风不够扎实'],
      [6, memberId('张三'), '基层群众', '联系群众不够'],
      [7, GROUP_TARGET, '下属单位', '班子统筹不够'],
    ]);
    expect(plan.total).toBe(5);
  });

  it('never copy an opinion: a row under a merged opinion cell is reported as empty', () => {
    const bytes = xlsxOf(
      [
        ['意见对象', '意见来源', '征求方式', '意见建议'],
        ['张三', '上级领导', '书面征求', '理论学习不够深入'],
        ['李四', '上级领导', '书面征求', null],
      ],
      (ws) => (ws['!merges'] = [range('D2:D3')]),
    );
    const { added, errors } = planOf(bytes);
    expect(added).toEqual([[2, memberId('张三'), '上级领导', '理论学习不够深入']]);
    expect(errors).toEqual(['意见汇总.xlsx · 工作表“汇总表” · 第 3 行 · D 列（意见建议）：意见内容为空']);
  });
});

describe('a 合计 row under the table', () => {
  it('is not an opinion and is named in the notes', () => {
    const bytes = xlsxOf([
      ['序号', '意见对象', '意见来源', '征求方式', '意见建议'],
      [1, '张三', '上级领导', '书面征求', '理论学习不够深入'],
      [2, '李四', '基层群众', '走访', '联系群众不够'],
      ['合计', null, null, null, '共2条'],
      ['总计：2条', null, null, null, null],
    ]);
    const { added, errors, plan } = planOf(bytes);
    expect(errors).toEqual([]);
    expect(added.map((a) => a[0])).toEqual([2, 3]);
    expect(plan.total).toBe(2);
    expect(plan.notes).toEqual(['工作表“汇总表”第 4、5 行是合计行，未作为意见导入']);
  });

  it('is still an opinion row when it names a target or says more than a count', () => {
    const bytes = xlsxOf([
      ['序号', '意见对象', '意见来源', '征求方式', '意见建议'],
      ['合计', '张三', '上级领导', '书面征求', '理论学习不够深入'],
      ['合计', null, null, null, '共2条，其中上级领导1条'],
    ]);
    const { added, errors } = planOf(bytes);
    expect(added).toEqual([[2, memberId('张三'), '上级领导', '理论学习不够深入']]);
    expect(errors).toHaveLength(3);
  });
});

describe('a CSV saved from a sheet with a two-row header', () => {
  it('reads the second header row (姓名 | 职务 under 意见对象) as header, not as a rejected opinion', () => {
    const csv = [
      'XX局征求意见汇总表,,,,',
      '意见对象,,意见来源,征求方式,意见建议',
      '姓名,职务,,,',
      '张伟,纪检组长,上级领导,书面征求,监督执纪不够精准',
      '李四,副局长,基层群众,走访,联系群众不够',
    ].join('\r\n');
    const { added, errors, plan } = planOf(new TextEncoder().encode(csv));
    expect(errors).toEqual([]);
    expect(added).toEqual([
      [4, memberId('张伟（纪检组长）'), '上级领导', '监督执纪不够精准'],
      [5, memberId('李四'), '基层群众', '联系群众不够'],
    ]);
    expect(plan.total).toBe(2);
  });
});

describe('a footer under the table', () => {
  it('is not an opinion when its label (备注, 填表人) sits in the 序号 column and its text beside it', () => {
    const bytes = xlsxOf([
      ['序号', '意见对象', '意见来源', '征求方式', '意见建议'],
      [1, '张三', '上级领导', '书面征求', '理论学习不够深入'],
      ['备注', '以上意见已逐条核实', null, null, null],
      ['填表人：', '王某', null, '联系电话：0571-1234567', '审核人：李某'],
    ]);
    const { added, errors, plan } = planOf(bytes);
    expect(errors).toEqual([]);
    expect(added.map((a) => a[0])).toEqual([2]);
    expect(plan.total).toBe(1);
    expect(plan.notes).toEqual(['工作表“汇总表”第 3、4 行是表尾的填表说明或签名，未作为意见导入']);
  });

  it('is still an opinion row when it has a category or a channel', () => {
    const bytes = xlsxOf([
      ['序号', '意见对象', '意见来源', '征求方式', '意见建议'],
      ['备注', '张三', '上级领导', null, '理论学习不够深入'],
    ]);
    const { errors } = planOf(bytes);
    expect(errors).toEqual(['意见汇总.xlsx · 工作表“汇总表” · 第 2 行 · D 列（征求方式）：征求方式为空']);
  });
});

describe('a header typed over two lines in its cell', () => {
  it('is named on one line in the mapping and in messages', () => {
    const bytes = xlsxOf([
      ['意见\n对象', '意见来源\n（类别）', '征求\r\n方式', '意见\n建议'],
      ['张三', '社会组织', '书面征求', '理论学习不够深入'],
    ]);
    const read = readWorkbook(bytes, '意见汇总.xlsx');
    if (!read.ok) throw new Error(read.error);
    const meeting = fixtureMeeting();
    const layout = findTables(read.workbook, meeting.members, meeting.ruleSet);
    expect(layout.tables[0]!.columns.map((c) => c.label)).toEqual(['意见对象', '意见来源（类别）', '征求方式', '意见建议']);
    expect(planOf(bytes).errors).toEqual([
      '意见汇总.xlsx · 工作表“汇总表” · 第 2 行 · B 列（意见来源（类别））：意见来源“社会组织”不在本次会议的来源类别中（上级领导、下属单位、分管领域、服务对象、基层群众）',
    ]);
  });
});

describe('a hidden row', () => {
  const rows: Cell[][] = [
    ['意见对象', '意见来源', '征求方式', '意见建议'],
    ['张三', '上级领导', '书面征求', '理论学习不够深入'],
    ['李四', '基层群众', '走访', '联系群众不够'],
  ];
  const hideRow3 = (ws: XLSX.WorkSheet) => (ws['!rows'] = [{}, {}, { hidden: true }]);

  it('is read as any row, and the preview names it for staff to check (.xlsx)', () => {
    const { added, plan } = planOf(xlsxOf(rows, hideRow3));
    expect(added.map((a) => a[0])).toEqual([2, 3]);
    expect(plan.notes).toEqual(['工作表“汇总表”第 3 行在表格中是隐藏的，已照常读取；请核对这些行是否应当导入']);
  });

  it('is named in an .xls saved by LibreOffice (hidden-row.xls: row 7 hidden, categories merged down)', () => {
    const { added, plan } = planOf(fixtureBytes('hidden-row.xls'));
    // Its second sheet, 去年意见, is last year's list: not read (sheet-scope.test.ts).
    expect(added).toHaveLength(6);
    expect(plan.sheets.map((s) => [s.sheet, s.included])).toEqual([['Sheet1', true], ['去年意见', false]]);
    expect(plan.notes).toContain('工作表“Sheet1”第 7 行在表格中是隐藏的，已照常读取；请核对这些行是否应当导入');
  });

  it('is not named when nothing is hidden', () => {
    expect(planOf(xlsxOf(rows)).plan.notes).toEqual([]);
  });
});
