import { describe, expect, it } from 'vitest';
import { GROUP_TARGET } from '#shared/model/types';
import { defaultRuleSet } from '#shared/model/rule-set';
import { NOT_OPINION, planPaste, type PasteMeeting } from '#shared/text/paste-plan';
import { isSerialCell, readPastedTable, splitTabbed } from '#shared/text/paste-table';

const meeting: PasteMeeting = {
  members: [
    { id: 'm1', name: '张三', position: '局长' },
    { id: 'm2', name: '李四', position: '副局长' },
  ],
  ruleSet: defaultRuleSet(),
  dimensions: [],
};

const ticked = (plan: ReturnType<typeof planPaste>) => plan.entries.filter((e) => !e.skip);

describe('reading a pasted table', () => {
  it('splits tabs and lines, and reads a cell Excel quoted whole', () => {
    expect(splitTabbed('a\tb\n"two\nlines"\t"say ""hi"""')).toEqual([
      ['a', 'b'],
      ['two\nlines', 'say "hi"'],
    ]);
    expect(splitTabbed('"放管服"改革慢\tx')).toEqual([['"放管服"改革慢', 'x']]);
  });

  it('is not a table without tabs, or with a stray tab in prose', () => {
    expect(readPastedTable('1. 加强学习\n2. 改进作风')).toBeUndefined();
    expect(readPastedTable('第一行\n第二行\n第三行\t附注\n第四行\n第五行')).toBeUndefined();
  });

  it.each(['1', '12.', '3、', '（1）', '(二)', '③', '一、', '第3条'])('%j is a serial cell', (s) => expect(isSerialCell(s)).toBe(true));
  it.each(['1.5亿', '2024年', '加强学习'])('%j is not a serial cell', (s) => expect(isSerialCell(s)).toBe(false));
});

describe('planning a paste', () => {
  it('never counts the header row, drops the serial column, sends 提出单位 to the provider', () => {
    const plan = planPaste('序号\t意见建议\t提出单位\n1\t下基层调研不够深入\t财政局\n2\t理论学习不够系统\t教育局\n', meeting);
    expect(plan.kind).toBe('table');
    expect(plan.columns.map((c) => c.role)).toEqual(['serial', 'content', 'provider']);
    expect(ticked(plan).map((e) => [e.text, e.fields.provider])).toEqual([
      ['下基层调研不够深入', '财政局'],
      ['理论学习不够系统', '教育局'],
    ]);
    expect(plan.done).toEqual(expect.arrayContaining(['表头行未作为意见', '序号列已去除', '“提出单位”列填入提出方']));
    expect(plan.done.join('；')).not.toContain('编号已去除');
  });

  it('a header row plus one real row is one opinion, not two', () => {
    const plan = planPaste('意见内容\t提出人\n办事流程仍然偏多\t王五', meeting);
    expect(plan.entries).toHaveLength(1);
    expect(ticked(plan)).toHaveLength(1);
  });

  it('puts target, category and channel columns where the importer would', () => {
    const plan = planPaste('意见对象\t意见来源\t征求方式\t意见建议\n张三\t群众\t谈话\t走访群众次数偏少\n领导班子\t上级\t书面征求\t民主集中制执行不够\n赵六\t上级\t书面征求\t某意见', meeting);
    expect(plan.entries.map((e) => e.fields)).toEqual([
      { targetId: 'm1', category: '基层群众', channel: '谈心谈话' },
      { targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求' },
      { category: '上级领导', channel: '书面征求' },
    ]);
    expect(plan.entries[2]!.skip).toContain('“赵六”不在班子成员名单中');
  });

  it('without a header, takes serials as the serial column and the longest text as the opinion', () => {
    const plan = planPaste('1\t财政局\t招商引资项目落地推进偏慢\n2\t教育局\t对基层学校调研次数偏少', meeting);
    expect(plan.columns.map((c) => c.role)).toEqual(['serial', 'unused', 'content']);
    expect(ticked(plan).map((e) => e.text)).toEqual(['招商引资项目落地推进偏慢', '对基层学校调研次数偏少']);
    expect(plan.done).toContain('“第 2 列”列未使用');
  });

  it('unticks repeated headers and rows with only a number, each with its reason', () => {
    const plan = planPaste('序号\t意见建议\n1\t调研不够深入\n序号\t意见建议\n2\t\n3\t1. 学习不够系统', meeting);
    expect(plan.entries.map((e) => [e.text, e.skip])).toEqual([
      ['调研不够深入', undefined],
      ['序号 意见建议', NOT_OPINION.header],
      ['2', '意见内容为空'],
      ['学习不够系统', undefined],
    ]);
    expect(plan.done).toContain('1 条意见开头的编号已去除');
  });

  it('joins a cell with several paragraphs to its row', () => {
    const plan = planPaste('意见建议\t提出单位\n调研不够深入，\n建议每月下基层\t财政局', meeting);
    expect(ticked(plan).map((e) => [e.text, e.fields.provider])).toEqual([['调研不够深入，\n建议每月下基层', '财政局']]);
  });

  it('reads numbered lines as before, and says so', () => {
    const plan = planPaste('1. 加强学习\n2. 改进作风', meeting);
    expect(plan.kind).toBe('lines');
    expect(plan.entries.map((e) => e.text)).toEqual(['加强学习', '改进作风']);
    expect(plan.done).toEqual(['按编号拆分为 2 条，编号已去除']);
  });

  it('unticks a header-like or serial-looking line in a plain block', () => {
    const plan = planPaste('意见建议\n调研不够深入\n学习不够系统\n3', meeting);
    expect(plan.entries.map((e) => e.skip)).toEqual([NOT_OPINION.header, undefined, undefined, NOT_OPINION.serial]);
    expect(plan.done).toEqual(['按行拆分为 4 条', '2 行疑似不是意见，未勾选']);
  });
});

describe('a cell with paragraphs', () => {
  it('joins the pieces of a row broken inside its middle cell', () => {
    const plan = planPaste('序号\t意见建议\t提出单位\n1\t调研不够深入，\n建议每月下基层\t财政局\n2\t学习不够系统\t教育局', meeting);
    expect(ticked(plan).map((e) => [e.text, e.fields.provider])).toEqual([
      ['调研不够深入，\n建议每月下基层', '财政局'],
      ['学习不够系统', '教育局'],
    ]);
  });
});
