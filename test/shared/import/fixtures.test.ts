// Real files made the way staff make them (scripts/make-import-fixtures.mjs): the exact rows each
// import adds, and the exact errors it reports.
import { describe, expect, it } from 'vitest';
import { describeProblems, type ImportPlan } from '#shared/import/plan';
import { GROUP_TARGET } from '#shared/model/types';
import { memberId, planFixture } from '../../support/import-fixtures';

/** The rows a plan adds, as `[row, target, category, channel, content, provider, dimension, date]`. */
function added(plan: ImportPlan) {
  return plan.toAdd.map((r) => [r.sheet, r.row, r.fields.targetId, r.fields.category, r.fields.channel, r.fields.content, r.fields.provider, r.fields.dimension, r.fields.receivedDate]);
}

function errors(plan: ImportPlan) {
  return plan.rejected.flatMap((r) => describeProblems(plan.file, r));
}

function skipped(plan: ImportPlan) {
  return plan.skipped.map((r) => [r.sheet, r.row, r.reason]);
}

const ZHANG = memberId('张三');
const LI = memberId('李四');
const WANG = memberId('王五');

describe('import fixtures', () => {
  it('finds the table under a title row and a merged two-row header, and reports every bad row', () => {
    const { plan, layout } = planFixture('title-merged-header.xlsx');
    expect(layout.tables[0]).toMatchObject({ sheet: '征求意见汇总', headerFirstRow: 4, headerLastRow: 4 });
    expect(added(plan)).toEqual([
      ['征求意见汇总', 5, GROUP_TARGET, '上级领导', '书面征求', '理论学习中心组学习形式单一，以传达文件为主，研讨交流不够深入', '县委办', '', '2025-11-03'],
      ['征求意见汇总', 6, ZHANG, '下属单位', '座谈会', '=深入基层调研的次数偏少，对基层反映的困难跟踪解决不够', '预算科', '', '2025-11-05'],
      ['征求意见汇总', 7, LI, '基层群众', '走访', '落实“最多跑一次”改革不够彻底，个别事项仍需群众多次往返', '007', '', ''],
      ['征求意见汇总', 12, GROUP_TARGET, '基层群众', '走访', '涉企收费清理后续跟踪不到位，身份证号330102199001011234的企业主反映退费未到账', '330102199001011234', '', ''],
      ['征求意见汇总', 14, memberId('张伟（纪检组长）'), '上级领导', '谈心谈话', '监督执纪“四种形态”运用不够精准，第一种形态用得不多', '县纪委', '', ''],
    ]);
    expect(skipped(plan)).toEqual([
      ['征求意见汇总', 11, '无实质内容（如“无”“暂无”），未导入'],
      ['征求意见汇总', 13, '与本文件第 6 行重复（同一对象、同一来源、内容相同），未导入'],
    ]);
    expect(errors(plan)).toEqual([
      'title-merged-header.xlsx · 工作表“征求意见汇总” · 第 8 行 · B 列（意见对象）：“赵六”不在班子成员名单中',
      'title-merged-header.xlsx · 工作表“征求意见汇总” · 第 9 行 · C 列（来源类别）：意见来源“社会组织”不在本次会议的来源类别中（上级领导、下属单位、分管领域、服务对象、基层群众）',
      'title-merged-header.xlsx · 工作表“征求意见汇总” · 第 10 行 · E 列（意见建议）：意见内容为空',
      'title-merged-header.xlsx · 工作表“征求意见汇总” · 第 15 行 · B 列（意见对象）：班子中有 2 名“张伟”，请注明职务，如“张伟（副局长）”',
    ]);
    expect(plan.total).toBe(11);
    expect(plan.notes).toEqual(['工作表“征求意见汇总”第 18 行是表尾的填表说明或签名，未作为意见导入']);
  });

  it('recognises synonym headers, variant values and dates typed in several ways', () => {
    const { plan, layout } = planFixture('synonym-headers.xlsx');
    expect(layout.tables[0]!.detected).toEqual({ target: 0, category: 1, channel: 2, content: 3, provider: 4, dimension: 5, receivedDate: 6 });
    expect(added(plan)).toEqual([
      ['Sheet1', 2, GROUP_TARGET, '上级领导', '谈心谈话', '班子成员之间谈心谈话不够经常，开展批评有顾虑', '县委组织部', '带头强化政治忠诚、提高政治能力', '2025-11-02'],
      ['Sheet1', 3, ZHANG, '分管领域', '领导信箱/电话', '对分管领域重点项目资金拨付进度督促不够', '', '', '2025-11-03'],
      ['Sheet1', 4, WANG, '服务对象', '走访', '惠企政策兑现还不够快，部分资金到位时间较长', '某建材公司', '带头干事创业、担当作为', '2025-11-04'],
    ]);
    expect(errors(plan)).toEqual([
      'synonym-headers.xlsx · 工作表“Sheet1” · 第 5 行 · F 列（对照方面）：所属方面“作风建设”不在本次会议的对照检查方面中',
      'synonym-headers.xlsx · 工作表“Sheet1” · 第 6 行 · G 列（收到时间）：收到日期“2025-13-01”无法识别，应为 2025-11-01 这样的日期',
    ]);
  });

  it('reads a sheet per member, named after the member, and names a sheet that is not one', () => {
    const { plan, layout } = planFixture('sheet-per-member.xlsx');
    expect(layout.tables.map((t) => [t.sheet, t.sheetTarget])).toEqual([
      ['领导班子', GROUP_TARGET],
      ['张三', ZHANG],
      ['李四（副局长）', LI],
      ['王五同志意见', WANG],
      ['赵六', undefined],
    ]);
    expect(added(plan)).toEqual([
      ['领导班子', 2, GROUP_TARGET, '上级领导', '书面征求', '班子统筹谋划全局工作的能力有待提升', '', '', ''],
      ['领导班子', 3, GROUP_TARGET, '基层群众', '座谈会', '联系服务群众的制度落实不够经常', '', '', ''],
      ['张三', 2, ZHANG, '下属单位', '谈心谈话', '听取下属单位意见不够主动', '', '', ''],
      ['张三', 3, ZHANG, '服务对象', '问卷调查', '为企业办事的效率有待提高', '', '', ''],
      ['李四（副局长）', 2, LI, '分管领域', '走访', '分管科室之间协调配合不够顺畅', '', '', ''],
      ['王五同志意见', 2, WANG, '基层群众', '领导信箱/电话', '对群众来信回复不够及时', '', '', ''],
    ]);
    expect(errors(plan)).toEqual(['sheet-per-member.xlsx · 工作表“赵六” · 第 2 行 · 意见对象：未指定意见对象：表中没有意见对象列，工作表名“赵六”也不是班子成员']);
    expect(layout.skipped).toEqual([{ sheet: '说明', kind: 'no-header', reason: '没有找到意见表的表头（如“意见对象”“意见来源”“意见建议”），未导入' }]);
    expect(plan.notes).toEqual(['按工作表名称确定意见对象：“领导班子”→领导班子，“张三”→张三（局长），“李四（副局长）”→李四（副局长），“王五同志意见”→王五（副局长）']);
  });

  it('reads a legacy .xls with text as typed', () => {
    const { plan, workbook } = planFixture('legacy.xls');
    expect(workbook.format).toBe('Excel 97-2003 工作簿（.xls）');
    expect(added(plan)).toEqual([
      ['意见', 2, GROUP_TARGET, '下属单位', '座谈会', '班子深入基层调研的频次不高', '007', '', ''],
      ['意见', 3, WANG, '基层群众', '走访', '对困难群众的帮扶措施还不够精准', '东城社区', '', ''],
      ['意见', 4, LI, '服务对象', '问卷调查', '审批事项办理时限还可以再压缩', '123456789012345678', '', ''],
    ]);
    expect(errors(plan)).toEqual([]);
  });

  it('detects GBK in a CSV without a BOM, with quoted commas and a line break inside a cell', () => {
    const { plan, workbook } = planFixture('gbk.csv');
    expect(workbook.format).toBe('文本表格（GBK/GB18030）');
    expect(added(plan)).toEqual([
      ['', 2, GROUP_TARGET, '上级领导', '书面征求', '班子议事决策程序执行不够严格，个别事项会前酝酿不充分', '县委办', '', ''],
      ['', 3, ZHANG, '基层群众', '座谈会', '调研时与群众面对面交流偏少，“身入”多“心入”少', '城关镇，东门村', '', ''],
      ['', 4, LI, '分管领域', '谈心谈话', '分管领域风险防控措施不够细\n对苗头性问题提醒不够及时', '', '', ''],
    ]);
  });

  it('keeps =, +, @, leading zeros, long digit strings and 1/2 exactly as typed in a UTF-8 CSV without a BOM', () => {
    const { plan, workbook } = planFixture('utf8-no-bom.csv');
    expect(workbook.format).toBe('文本表格（UTF-8）');
    expect(added(plan)).toEqual([
      ['', 2, GROUP_TARGET, '服务对象', '问卷调查', '=号开头的意见：会议多、文件多，基层负担仍然较重', '007', '', ''],
      ['', 3, WANG, '下属单位', '书面征求', '1/2 的下属单位反映培训内容与实际脱节', '123456789012345678', '', ''],
      ['', 4, ZHANG, '上级领导', '谈心谈话', '+2 项年度重点任务进度滞后，统筹推进不够有力', '-', '', ''],
      ['', 6, LI, '服务对象', '走访', '@企业服务专员制度落实不到位', '0012', '', ''],
    ]);
    expect(plan.total).toBe(4);
  });

  it('drops a questionnaire export’s identity columns, says so, and takes 问卷调查 as the channel', () => {
    const { plan, layout, choices } = planFixture('questionnaire.xlsx');
    expect(layout.tables[0]!.questionnaire).toBe(true);
    expect(layout.tables[0]!.detected).toEqual({ target: 7, category: 8, content: 9 });
    expect(choices.fixed).toEqual({ channel: '问卷调查' });
    expect(plan.notes).toEqual(['已忽略问卷的答题人信息列：提交答卷时间、所用时间、来源、来源详情、来自IP、昵称（如需保留提出方，请把对应的列指定为“提出方”）']);
    expect(added(plan)).toEqual([
      ['Sheet1', 2, GROUP_TARGET, '基层群众', '问卷调查', '村级事务公开的内容不够全面，群众关心的事公开得不及时', '', '', ''],
      ['Sheet1', 3, ZHANG, '服务对象', '问卷调查', '企业开办“一件事”办理中部门衔接还有断点', '', '', ''],
    ]);
    expect(skipped(plan)).toEqual([
      ['Sheet1', 4, '无实质内容（如“无”“暂无”），未导入'],
      ['Sheet1', 7, '无实质内容（如“无”“暂无”），未导入'],
    ]);
    expect(errors(plan)).toEqual([
      'questionnaire.xlsx · 工作表“Sheet1” · 第 5 行 · J 列（3、您对该同志（班子）的意见建议）：意见内容为空',
      'questionnaire.xlsx · 工作表“Sheet1” · 第 6 行 · H 列（1、意见对象）：“钱七”不在班子成员名单中',
    ]);
  });

  it('keeps a respondent’s nickname as the provider only when it is mapped', () => {
    const { plan } = planFixture('questionnaire.xlsx', { columns: { Sheet1: { target: 7, category: 8, content: 9, provider: 6 } } });
    expect(plan.toAdd.map((r) => r.fields.provider)).toEqual(['山水', '']);
    expect(plan.notes[0]).toBe('已忽略问卷的答题人信息列：提交答卷时间、所用时间、来源、来源详情、来自IP（如需保留提出方，请把对应的列指定为“提出方”）');
  });

  it('imports the no-opinion rows too when asked', () => {
    const { plan } = planFixture('questionnaire.xlsx', { keepNonSubstantive: true });
    expect(plan.toAdd.map((r) => r.row)).toEqual([2, 3, 4, 7]);
    expect(plan.nonSubstantive).toBe(0);
  });

  it('tells apart two members who share a name by the position column, and refuses to guess', () => {
    const { plan } = planFixture('same-name.xlsx');
    expect(added(plan).map((r) => [r[1], r[2]])).toEqual([
      [2, memberId('张伟（副局长）')],
      [3, memberId('张伟（纪检组长）')],
      [6, ZHANG],
    ]);
    expect(errors(plan)).toEqual([
      'same-name.xlsx · 工作表“意见” · 第 4 行 · A 列（姓名）：班子中有 2 名“张伟”，请注明职务，如“张伟（副局长）”',
      'same-name.xlsx · 工作表“意见” · 第 5 行 · A 列（姓名）：班子中有 2 名“张伟”（张伟（副局长）、张伟（纪检组长）），职务“局长”无法确定是哪一位',
    ]);
  });

  it('proposes a column whose header it does not know by its values, says so, and takes the user’s correction', () => {
    const before = planFixture('e2e-unknown-header.xlsx');
    expect(before.layout.tables[0]!.detected).toEqual({ target: 0, category: 1, channel: 2, content: 3 });
    expect(before.layout.tables[0]!.columns[0]).toMatchObject({ field: 'target', byValues: true });
    expect(before.plan.notes).toEqual(['A 列“被征求人”按其中的内容识别为“意见对象”，请核对']);
    expect(before.plan.toAdd.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(errors(before.plan)).toEqual(['e2e-unknown-header.xlsx · 工作表“意见” · 第 6 行 · A 列（被征求人）：“孙八”不在班子成员名单中']);
    // Unmapped by the user: nothing has a target.
    const unmapped = planFixture('e2e-unknown-header.xlsx', { columns: { 意见: { category: 1, channel: 2, content: 3 } } });
    expect(unmapped.plan.toAdd).toEqual([]);
    expect(unmapped.plan.rejected).toHaveLength(5);
    expect(unmapped.plan.notes).toEqual(['未导入的列：A 列“被征求人”']);
  });

  it('strips the list numbering a cell begins with, so the same opinion with and without its number counts once', () => {
    const { plan } = planFixture('numbered-cells.xlsx');
    expect(added(plan)).toEqual([
      ['意见', 2, GROUP_TARGET, '上级领导', '书面征求', '理论学习中心组学习形式单一', '', '', ''],
      ['意见', 3, ZHANG, '下属单位', '座谈会', '深入基层调研的次数偏少', '', '', ''],
      ['意见', 4, LI, '基层群众', '走访', '联系服务群众不够经常', '', '', ''],
      ['意见', 5, WANG, '服务对象', '问卷调查', '惠企政策兑现还不够快', '', '', ''],
      ['意见', 6, GROUP_TARGET, '基层群众', '座谈会', '为群众办实事的项目宣传不够', '', '', ''],
      // A decimal number is not numbering.
      ['意见', 9, LI, '分管领域', '书面征求', '1.5亿元专项资金拨付进度偏慢', '', '', ''],
    ]);
    expect(plan.toAdd.every((r) => r.draft.content === r.fields.content)).toBe(true);
    expect(skipped(plan)).toEqual([['意见', 7, '与本文件第 3 行重复（同一对象、同一来源、内容相同），未导入']]);
    expect(errors(plan)).toEqual(['numbered-cells.xlsx · 工作表“意见” · 第 8 行 · D 列（意见建议）：意见内容只有编号“3.”']);
    expect(plan.notes).toEqual([]);
  });

  it('reads a questionnaire’s identity question (`2、您的身份`) as the source, and proposes columns by their values', () => {
    // A sheet named 汇总 beside the questionnaire is left out unless chosen (sheet-scope.ts); chosen here.
    expect(planFixture('identity-question.xlsx').plan.sheets.map((s) => [s.sheet, s.kind, s.included])).toEqual([['问卷', 'this', true], ['汇总', 'summary', false]]);
    const { plan, layout } = planFixture('identity-question.xlsx', { sheets: { 汇总: true } });
    expect(layout.tables.map((t) => [t.sheet, t.detected, t.questionnaire])).toEqual([
      ['问卷', { target: 4, category: 5, content: 6 }, true],
      ['汇总', { target: 0, category: 1, channel: 2, content: 3 }, false],
    ]);
    expect(added(plan)).toEqual([
      ['问卷', 2, ZHANG, '基层群众', '问卷调查', '下乡调研的次数偏少，听取意见不够广泛', '', '', ''],
      ['问卷', 3, LI, '服务对象', '问卷调查', '企业诉求回应还不够及时', '', '', ''],
      ['问卷', 4, GROUP_TARGET, '下属单位', '问卷调查', '对下属单位的考核指标过多过细', '', '', ''],
      ['汇总', 2, WANG, '上级领导', '谈心谈话', '统筹协调分管工作的力度还不够', '', '', ''],
      ['汇总', 3, ZHANG, '基层群众', '走访', '到联系村走访的次数偏少', '', '', ''],
      ['汇总', 4, GROUP_TARGET, '服务对象', '座谈会', '政务服务事项网上办理的比例不高', '', '', ''],
      ['汇总', 5, LI, '下属单位', '书面征求', '对基层业务培训安排不够系统', '', '', ''],
    ]);
    expect(errors(plan)).toEqual([]);
    expect(plan.notes).toEqual([
      '工作表“问卷”已忽略问卷的答题人信息列：提交答卷时间、来源、来自IP（如需保留提出方，请把对应的列指定为“提出方”）',
      '工作表“汇总”A 列“被征求人”按其中的内容识别为“意见对象”、B 列“情况”按其中的内容识别为“意见来源”、C 列“形式”按其中的内容识别为“征求方式”，请核对',
    ]);
  });

  it('imports what a formula cell shows, or its formula as text when the stored result is empty', () => {
    const { plan, workbook } = planFixture('formula-empty-result.xlsx');
    expect(workbook.format).toBe('Excel 工作簿（.xlsx）');
    expect(added(plan)).toEqual([
      ['Sheet1', 2, ZHANG, '上级领导', '书面征求', '="统筹协调"&"力度不够"', '', '', ''],
      ['Sheet1', 3, LI, '基层群众', '走访', '=CONCATENATE("联系群众","不够经常")', '', '', ''],
      ['Sheet1', 4, WANG, '服务对象', '座谈会', '惠企政策兑现偏慢', '', '', ''],
    ]);
    expect(errors(plan)).toEqual([]);
  });

  it('skips rows already in the meeting: the same file imported twice adds nothing', () => {
    const first = planFixture('title-merged-header.xlsx');
    const existing = first.plan.toAdd.map((r) => r.fields);
    const second = planFixture('title-merged-header.xlsx', {}, existing);
    expect(second.plan.toAdd).toEqual([]);
    expect(second.plan.duplicates).toBe(first.plan.toAdd.length + first.plan.duplicates);
    expect(second.plan.skipped.find((s) => s.row === 5)?.reason).toBe('与会议中已有的意见重复（同一对象、同一来源、内容相同），未导入');
  });
});
