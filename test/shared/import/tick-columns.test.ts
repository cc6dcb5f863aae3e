// A form asking the 意见来源 (or 征求方式) by a tick in one column per choice is read as one column.
import { describe, expect, it } from 'vitest';
import type { CellRange, ParsedWorkbook } from '#shared/import/grid';
import { foldTickColumns } from '#shared/import/tick-columns';
import { GROUP_TARGET } from '#shared/model/types';
import { memberId, planFixture } from '../../support/import-fixtures';

function workbook(rows: string[][], merges: CellRange[]): ParsedWorkbook {
  return { fileName: '意见.xlsx', format: 'Excel 工作簿（.xlsx）', notes: [], sheets: [{ name: 'Sheet1', hidden: false, merges, rows: rows.map((r) => r.map((text) => (text === '' ? null : { text }))) }] };
}
const span = (r: number, c1: number, c2: number): CellRange => ({ s: { r, c: c1 }, e: { r, c: c2 } });

describe('tick columns', () => {
  it('reads the ticked source of each row of a Word form, two ticks being an error that names both', () => {
    const { workbook: wb, plan } = planFixture('docx/tick-source.docx', { fixed: { channel: '书面征求' } });
    expect(wb.notes).toEqual(['表中 D–H 列是勾选的“意见来源（请在对应栏打√）”（上级领导、下属单位、分管领域、服务对象、基层群众），每行按所勾选的一项读取']);
    expect(plan.toAdd.map((r) => [r.row, r.fields.targetId, r.fields.category])).toEqual([
      [3, GROUP_TARGET, '上级领导'],
      [4, memberId('张三'), '基层群众'],
      [5, memberId('李四'), '服务对象'],
    ]);
    expect(plan.rejected.map((r) => [r.row, r.problems.map((p) => p.reason)])).toEqual([[6, ['意见来源“下属单位、分管领域”包含不同的来源类别（下属单位、分管领域），一条意见只能属于一类，请选定一类或分行填写']]]);
  });

  it('leaves alone a two-row header whose second row names columns, and columns holding anything but ticks', () => {
    const twoRow = workbook([['意见对象', '意见来源', '', '意见建议'], ['', '来源类别', '征求方式', ''], ['张三', '上级领导', '座谈会', '调研不够']], [span(0, 1, 2)]);
    expect(foldTickColumns(twoRow)).toBe(twoRow);
    const notTicks = workbook([['意见对象', '意见来源', '', '意见建议'], ['', '上级', '群众', ''], ['张三', '3', '', '调研不够']], [span(0, 1, 2)]);
    expect(foldTickColumns(notTicks)).toBe(notTicks);
  });

  it('folds a channel group in a sheet, and leaves a total row as it is', () => {
    const wb = workbook(
      [['意见对象', '意见建议', '征求方式', '', ''], ['', '', '座谈会', '谈心谈话', '问卷调查'], ['张三', '调研不够', '', '√', ''], ['合计', '', '0', '1', '0']],
      [span(0, 2, 4)],
    );
    const folded = foldTickColumns(wb);
    expect(folded.sheets[0]!.rows.map((r) => r?.map((c) => c?.text ?? ''))).toEqual([['意见对象', '意见建议', '征求方式', '', ''], undefined, ['张三', '调研不够', '谈心谈话', '', ''], ['合计', '', '0', '1', '0']]);
    expect(folded.notes).toEqual(['工作表“Sheet1”的 C–E 列是勾选的“征求方式”（座谈会、谈心谈话、问卷调查），每行按所勾选的一项读取']);
  });
});
