// The import template: its drop-down lists, instructions, widths and frozen header, and the rule
// that matters most: a filled template imports with no mapping step.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findTables } from '#shared/import/find-table';
import { initialChoices, planImport } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { buildTemplate, TEMPLATE_ROWS } from '#shared/import/template';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';
import { DIMENSIONS, fixtureMeeting, memberId, ROSTER } from '../../support/import-fixtures';

const MEETING = { id: '00000000-0000-4000-8000-0000000000aa', title: '2025年度民主生活会', ruleSet: defaultRuleSet(), dimensions: DIMENSIONS };

async function template() {
  return buildTemplate({ unitName: '某某县财政局', meeting: MEETING, members: ROSTER });
}

describe('import template', () => {
  it('has the opinion sheet first, an instructions sheet and the lists on a hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['意见建议', 'visible'],
      ['下拉选项', 'hidden'],
      ['说明', 'visible'],
    ]);
    const ws = wb.getWorksheet('意见建议')!;
    expect(ws.getRow(1).values).toEqual([undefined, '意见对象', '意见来源', '征求方式', '意见建议', '所属方面', '提出单位或个人', '收到日期']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.columns.map((c) => c.width)).toEqual([24, 13, 15, 64, 34, 20, 13]);
    const lists = wb.getWorksheet('下拉选项')!;
    expect(lists.getColumn(1).values.slice(1)).toEqual(['意见对象', '领导班子', '张三（局长）', '李四（副局长）', '王五（副局长）', '张伟（副局长）', '张伟（纪检组长）']);
    expect(lists.getColumn(2).values.slice(1)).toEqual(['意见来源', ...MEETING.ruleSet.categories]);
    expect(lists.getColumn(3).values.slice(1)).toEqual(['征求方式', ...MEETING.ruleSet.channels]);
    expect(lists.getColumn(4).values.slice(1)).toEqual(['所属方面', ...DIMENSIONS]);
    const notes = wb.getWorksheet('说明')!;
    expect(String(notes.getCell('A1').value)).toBe('某某县财政局2025年度民主生活会 征求意见表 填写说明');
    expect(String(notes.getCell('A11').value)).toBe('班子成员（按排名）：领导班子、张三（局长）、李四（副局长）、王五（副局长）、张伟（副局长）、张伟（纪检组长）');
  });

  it('adds each drop-down list once, for a whole column range', async () => {
    const xml = strFromU8(unzipSync(await template())['xl/worksheets/sheet1.xml']!);
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]+)<\/formula1>/g)].map((m) => [m[1], m[2]!.replace(/&apos;/g, "'")]);
    const last = TEMPLATE_ROWS + 1;
    expect(ranges).toEqual([
      [`A2:A${last}`, "'下拉选项'!$A$2:$A$7"],
      [`B2:B${last}`, "'下拉选项'!$B$2:$B$6"],
      [`C2:C${last}`, "'下拉选项'!$C$2:$C$7"],
      [`E2:E${last}`, "'下拉选项'!$D$2:$D$3"],
    ]);
  });

  it('imports when filled, with no mapping step, and remembers the meeting it was made for', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('意见建议')!;
    ws.getRow(2).values = ['领导班子', '上级领导', '书面征求', '=会议多、文件多，基层负担仍然较重', '带头干事创业、担当作为', '007', new Date(Date.UTC(2025, 10, 1))];
    ws.getRow(3).values = ['张伟（纪检组长）', '基层群众', '走访', '监督检查的频次还不够', '', '县纪委', ''];
    ws.getRow(4).values = ['王五（副局长）', '服务对象', '问卷调查', '审批时限还可以再压缩'];
    const filled = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const read = readWorkbook(filled, '财政局意见.xlsx');
    if (!read.ok) throw new Error(read.error);
    expect(read.workbook.templateFor).toBe(MEETING.id);
    const meeting = fixtureMeeting();
    const layout = findTables(read.workbook, meeting.members);
    expect(layout.tables.map((t) => t.sheet)).toEqual(['意见建议']);
    expect(layout.tables[0]!.detected).toEqual({ target: 0, category: 1, channel: 2, content: 3, dimension: 4, provider: 5, receivedDate: 6 });
    const plan = planImport(read.workbook, layout, initialChoices(layout, meeting.ruleSet), meeting);
    expect(plan.notes).toEqual([]);
    expect(plan.rejected).toEqual([]);
    expect(plan.toAdd.map((r) => [r.row, r.fields])).toEqual([
      [2, { targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求', content: '=会议多、文件多，基层负担仍然较重', provider: '007', dimension: '带头干事创业、担当作为', receivedDate: '2025-11-01' }],
      [3, { targetId: memberId('张伟（纪检组长）'), category: '基层群众', channel: '走访', content: '监督检查的频次还不够', provider: '县纪委', dimension: '', receivedDate: '' }],
      [4, { targetId: memberId('王五'), category: '服务对象', channel: '问卷调查', content: '审批时限还可以再压缩', provider: '', dimension: '', receivedDate: '' }],
    ]);
  });

  it('imports nothing and says nothing when left empty', async () => {
    const read = readWorkbook(await template(), '空模板.xlsx');
    if (!read.ok) throw new Error(read.error);
    const meeting = fixtureMeeting();
    const layout = findTables(read.workbook, meeting.members);
    const plan = planImport(read.workbook, layout, initialChoices(layout, meeting.ruleSet), meeting);
    expect([plan.total, plan.notes]).toEqual([0, []]);
  });
});
