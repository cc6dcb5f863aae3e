// Workbooks as units send them: beside this year's list, a sheet with last year's list (named so,
// titled so, or dated so), a copy or backup of the first sheet, a 汇总/统计 sheet. Only this
// meeting's sheets are read by default; the others are named with the reason, and a sheet the
// user chooses is read. Each workbook is built with ExcelJS, as Excel and WPS save them.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findTables } from '#shared/import/find-table';
import { DEFAULT_CHOICES, initialChoices, planImport, type ImportChoices } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { collectionPeriod, type MeetingPeriod } from '#shared/import/sheet-scope';
import { fixtureMeeting } from '../../support/import-fixtures';

type Row = Array<string | number | Date | null>;
interface SheetSpec {
  name: string;
  title?: string;
  header?: string[];
  rows: Row[];
}

const HEADER = ['序号', '意见对象', '意见来源', '征求方式', '意见建议', '收到日期'];

const THIS_YEAR: Row[] = [
  [1, '张三', '上级领导', '谈心谈话', '理论学习与业务工作结合不够紧密', '2025-11-05'],
  [2, '李四', '基层群众', '走访', '到联系村走访的次数偏少', '2025-11-12'],
  [3, '领导班子', '服务对象', '座谈会', '政务服务事项网上办理的比例不高', '2025-12-01'],
  [4, '王五', '下属单位', '书面征求', '对基层业务培训安排不够系统', '2026-01-06'],
];

const LAST_YEAR: Row[] = [
  [1, '张三', '上级领导', '谈心谈话', '统筹协调分管工作的力度还不够', '2024-11-20'],
  [2, '李四', '分管领域', '书面征求', '分管科室之间协调配合不够顺畅', '2024-12-03'],
  [3, '领导班子', '基层群众', '走访', '为群众办实事的项目宣传不够', '2025-01-08'],
];

async function workbookOf(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    const header = spec.header ?? HEADER;
    if (spec.title) {
      ws.addRow([spec.title]);
      ws.mergeCells(1, 1, 1, header.length);
    }
    ws.addRow(header);
    for (const row of spec.rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function planOf(sheets: SheetSpec[], options: { choices?: Partial<ImportChoices>; period?: MeetingPeriod } = {}) {
  const read = readWorkbook(await workbookOf(sheets), '征求意见.xlsx');
  if (!read.ok) throw new Error(read.error);
  const meeting = { ...fixtureMeeting(), ...(options.period ? { period: options.period } : {}) };
  const layout = findTables(read.workbook, meeting.members, meeting.ruleSet);
  const choices: ImportChoices = { ...DEFAULT_CHOICES, ...initialChoices(layout, meeting.ruleSet), ...options.choices };
  const plan = planImport(read.workbook, layout, choices, meeting);
  return {
    plan,
    sheets: plan.sheets.map((s) => [s.sheet, s.included, s.reason ?? '']),
    added: plan.toAdd.map((r) => `${r.sheet}:${r.row}`),
  };
}

describe('a sheet of another year’s opinions', () => {
  it('is not read when its name names another year, and is read when the user chooses it', async () => {
    const book = [
      { name: '2025年度', rows: THIS_YEAR },
      { name: '2024年度', rows: LAST_YEAR },
    ];
    const { sheets, added, plan } = await planOf(book);
    expect(sheets).toEqual([
      ['2025年度', true, ''],
      ['2024年度', false, '工作表“2024年度”名称为2024年度，不是本次会议（2025年度）的意见'],
    ]);
    expect(added).toEqual(['2025年度:2', '2025年度:3', '2025年度:4', '2025年度:5']);
    expect(plan.total).toBe(4);

    const chosen = await planOf(book, { choices: { sheets: { '2024年度': true } } });
    expect(chosen.plan.toAdd).toHaveLength(7);
    expect(chosen.plan.sheets[1]).toMatchObject({ included: true, chosen: true, kind: 'other-year' });
  });

  it('is not read when its name says 上年度, 去年 or 往年, or names last year’s meeting', async () => {
    for (const name of ['上年度', '去年意见', '往年意见汇总', '2024年民主生活会征求意见汇总']) {
      const { sheets } = await planOf([
        { name: 'Sheet1', rows: THIS_YEAR },
        { name, rows: LAST_YEAR },
      ]);
      expect(sheets[1]?.[1], name).toBe(false);
      expect(sheets[1]?.[2], name).toMatch(new RegExp(`^工作表“${name}”(?:名称为2024年|的名称表明是往年的意见)，不是本次会议（2025年度）的意见$`));
    }
  });

  it('is not read when its title row names another year, whatever the sheet is called', async () => {
    const { sheets, added } = await planOf([
      { name: 'Sheet1', title: '2025年度民主生活会征求意见汇总表', rows: THIS_YEAR },
      { name: 'Sheet2', title: '二〇二四年度民主生活会征求意见汇总表', rows: LAST_YEAR },
      { name: 'Sheet3', title: '上年度民主生活会征求意见情况', rows: [[1, '王五', '服务对象', '走访', '惠企政策兑现偏慢', '']] },
    ]);
    expect(sheets).toEqual([
      ['Sheet1', true, ''],
      ['Sheet2', false, '工作表“Sheet2”标题为2024年度，不是本次会议（2025年度）的意见'],
      ['Sheet3', false, '工作表“Sheet3”的标题“上年度民主生活会征求意见情况”表明是往年的意见，不是本次会议（2025年度）的意见'],
    ]);
    expect(added).toHaveLength(4);
  });

  it('is read when it names the meeting’s year: the 2025年度 meeting held in January 2026, or a title asking about 上年度整改', async () => {
    const { sheets } = await planOf([
      { name: '2026年1月征求', title: '2025年度民主生活会征求意见表', rows: THIS_YEAR },
      { name: '补充', title: '征求意见表（含对上年度整改落实情况的意见）', rows: [[1, '王五', '服务对象', '走访', '惠企政策兑现偏慢', '2025-11-30']] },
    ]);
    expect(sheets).toEqual([
      ['2026年1月征求', true, ''],
      ['补充', true, ''],
    ]);
  });

  it('is not read when every 收到日期 lies outside the meeting’s time, even with an ordinary name', async () => {
    const { sheets, added } = await planOf([
      { name: '意见', rows: THIS_YEAR },
      { name: '补充意见', rows: LAST_YEAR },
    ]);
    expect(sheets[1]).toEqual(['补充意见', false, '工作表“补充意见”的收到日期（2024-11-20 至 2025-01-08）都不在本次会议（2025年度）征求意见的时间（2025年3月至2026年2月）内']);
    expect(added).toHaveLength(4);
  });

  it('is read when its dates fall in a meeting held late, up to the planned day', async () => {
    const late: Row[] = [
      [1, '张三', '上级领导', '谈心谈话', '学习不够深入', '2026-03-10'],
      [2, '李四', '基层群众', '走访', '调研不够经常', '2026-03-20'],
    ];
    expect((await planOf([{ name: '意见', rows: late }])).sheets[0]?.[1]).toBe(false);
    expect((await planOf([{ name: '意见', rows: late }], { period: { year: 2025, plannedDate: '2026-04-10' } })).sheets[0]?.[1]).toBe(true);
    expect(collectionPeriod({ year: 2025, plannedDate: '2026-04-10' })).toEqual({ from: '2025-03-01', until: '2026-04-11' });
    expect(collectionPeriod({ year: 2025, plannedDate: '2026-01-15' })).toEqual({ from: '2025-03-01', until: '2026-03-01' });
  });

  it('is named even when it is the workbook’s only sheet, which then imports nothing until chosen', async () => {
    const book = [{ name: 'Sheet1', title: '2024年度民主生活会征求意见汇总表', rows: LAST_YEAR }];
    const { plan, sheets } = await planOf(book);
    expect(sheets).toEqual([['Sheet1', false, '工作表“Sheet1”标题为2024年度，不是本次会议（2025年度）的意见']]);
    expect(plan.total).toBe(0);
    expect(plan.toAdd).toEqual([]);
    expect((await planOf(book, { choices: { sheets: { Sheet1: true } } })).plan.toAdd).toHaveLength(3);
  });
});

describe('a copy or backup of a sheet', () => {
  it('is not read when its rows repeat another sheet’s, wherever Excel put the copy', async () => {
    const { sheets, added } = await planOf([
      { name: 'Sheet1 (2)', rows: THIS_YEAR },
      { name: 'Sheet1', rows: THIS_YEAR },
    ]);
    expect(sheets).toEqual([
      ['Sheet1 (2)', false, '工作表“Sheet1 (2)”的 4 条意见中有 4 条与工作表“Sheet1”中的相同，是副本'],
      ['Sheet1', true, ''],
    ]);
    expect(added).toEqual(['Sheet1:2', 'Sheet1:3', 'Sheet1:4', 'Sheet1:5']);
  });

  it('is not read when it is an earlier version with a row edited (most rows the same)', async () => {
    const more: Row[] = [...THIS_YEAR, [5, '张三', '服务对象', '问卷调查', '为企业办事的效率有待提高', '2025-11-20']];
    const edited = more.map((r, i) => (i === 3 ? [...r.slice(0, 4), '对基层业务培训安排不系统', r[5]!] : r));
    const { sheets } = await planOf([
      { name: 'Sheet2', rows: edited },
      { name: 'Sheet1', rows: more },
    ]);
    // Neither name says which is the copy: the first sheet is read, the second is its copy.
    expect(sheets).toEqual([
      ['Sheet2', true, ''],
      ['Sheet1', false, '工作表“Sheet1”的 5 条意见中有 4 条与工作表“Sheet2”中的相同，是副本'],
    ]);
  });

  it('is not read when its name says 备份 or 副本 beside a sheet that is read, though its rows differ', async () => {
    const { sheets } = await planOf([
      { name: '意见', rows: THIS_YEAR },
      { name: '意见 - 副本', rows: [[1, '王五', '服务对象', '走访', '惠企政策兑现偏慢', '2025-11-30']] },
    ]);
    expect(sheets[1]).toEqual(['意见 - 副本', false, '工作表“意见 - 副本”的名称表明是备份或副本，其余工作表已有本次的意见（但其中有 1 条意见其余工作表中没有，请核对）']);
  });

  it('is read when it is the only sheet, whatever its name', async () => {
    expect((await planOf([{ name: '备份', rows: THIS_YEAR }])).sheets).toEqual([['备份', true, '']]);
  });

  it('never takes one member’s sheet for a copy of another’s, though their opinions read the same', async () => {
    const same: Row[] = [
      [1, '上级领导', '谈心谈话', '理论学习不够深入', '2025-11-05'],
      [2, '基层群众', '走访', '调研不够经常', '2025-11-06'],
    ];
    const header = ['序号', '意见来源', '征求方式', '意见建议', '收到日期'];
    const { sheets, added } = await planOf([
      { name: '张三', header, rows: same },
      { name: '李四（副局长）', header, rows: same },
      { name: '王五同志意见', header, rows: same },
    ]);
    expect(sheets.map((s) => s[1])).toEqual([true, true, true]);
    expect(added).toHaveLength(6);
  });
});

describe('a 汇总 or 统计 sheet', () => {
  it('is not read beside the members’ sheets whose opinions it gathers', async () => {
    const header = ['序号', '意见来源', '征求方式', '意见建议'];
    const gathered = (last: string): SheetSpec => ({
      name: '汇总',
      header: ['序号', '意见对象', '意见来源', '征求方式', '意见建议'],
      rows: [
        [1, '张三', '上级领导', '谈心谈话', '理论学习不够深入'],
        [2, '张三', '基层群众', '走访', '调研不够经常'],
        [3, '李四', '服务对象', '座谈会', '窗口服务效率不高'],
        [4, '李四', '下属单位', '书面征求', last],
      ],
    });
    const members: SheetSpec[] = [
      { name: '张三', header, rows: [[1, '上级领导', '谈心谈话', '理论学习不够深入'], [2, '基层群众', '走访', '调研不够经常']] },
      { name: '李四', header, rows: [[1, '服务对象', '座谈会', '窗口服务效率不高'], [2, '下属单位', '书面征求', '对下属单位指导不够']] },
    ];
    // Gathered word for word: a copy of the members' sheets.
    const copied = await planOf([...members, gathered('对下属单位指导不够')]);
    expect(copied.sheets[2]).toEqual(['汇总', false, '工作表“汇总”的 4 条意见中有 4 条与工作表“张三”、“李四”中的相同，是副本']);
    expect(copied.added).toHaveLength(4);
    // One row edited while gathering: its name decides.
    const edited = await planOf([...members, gathered('对下属单位指导不够（已梳理）')]);
    expect(edited.sheets[2]).toEqual(['汇总', false, '工作表“汇总”的名称表明是汇总或统计表，其余工作表已有本次的意见（但其中有 1 条意见其余工作表中没有，请核对）']);
    expect(edited.added).toHaveLength(4);
  });

  it('is not read when its opinion column holds counts', async () => {
    const { sheets, added } = await planOf([
      { name: '意见', rows: THIS_YEAR },
      {
        name: '分类',
        header: ['意见对象', '意见来源', '意见建议'],
        rows: [['张三', '上级领导', 2], ['张三', '基层群众', '3条'], ['李四', '服务对象', 1]],
      },
    ]);
    expect(sheets[1]).toEqual(['分类', false, '工作表“分类”的意见内容列多为数字（条数），是统计表，不是意见']);
    expect(added).toHaveLength(4);
  });

  it('is read when it is the workbook’s list itself: 征求意见汇总表 alone, or beside a 说明 sheet', async () => {
    const { sheets, added } = await planOf([
      { name: '2025年度民主生活会征求意见汇总表', rows: THIS_YEAR },
      { name: '说明', header: ['请按表头填写，每行一条意见。'], rows: [] },
    ]);
    expect(sheets).toEqual([['2025年度民主生活会征求意见汇总表', true, '']]);
    expect(added).toHaveLength(4);
  });
});
