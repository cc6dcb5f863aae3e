import { describe, expect, it } from 'vitest';
import { computeReadiness } from '#shared/checks/readiness';
import { defaultRuleSet } from '#shared/model/rule-set';
import { removedCategories, removedCategoriesMessage } from '#shared/model/rule-set-change';
import { GROUP_TARGET } from '#shared/model/types';

const op = (category: string, content: string, deletedAt?: string) => ({ targetId: GROUP_TARGET, category, content, provider: '', ...(deletedAt ? { deletedAt } : {}) });

describe('removing a category that holds opinions', () => {
  const opinions = [op('下属单位', '对下属单位指导不够'), op('下属单位', '调研成果转化不足'), op('下属单位', '已删除的', '2025-01-01T00:00:00.000Z'), op('上级领导', '执行不严')];
  it('names each removed category with its live opinions, and only those', () => {
    const before = defaultRuleSet();
    const after = { categories: before.categories.filter((c) => c !== '下属单位' && c !== '服务对象') };
    expect(removedCategories(before, after, opinions)).toEqual([{ category: '下属单位', opinions: 2 }]);
    expect(removedCategories(before, before, opinions)).toEqual([]);
    expect(removedCategories(before, { categories: [...before.categories].reverse() }, opinions)).toEqual([]);
  });
  it('says what happens to them', () => {
    expect(removedCategoriesMessage([{ category: '下属单位', opinions: 2 }])).toMatch(/^将移除意见来源类别“下属单位”（2 条意见）。这 2 条意见不会删除，但不再计入就绪情况和合计/);
  });
  it('keeps 合计 equal to the shown columns and counts the rest apart', () => {
    const rules = { ...defaultRuleSet(), categories: ['上级领导', '分管领域'] };
    const r = computeReadiness({ members: [], opinions }, rules);
    const group = r.targets[0]!;
    expect(group.required).toBe(group.cells.reduce((s, c) => s + c.count, 0));
    expect([group.required, group.other, group.count]).toEqual([1, 2, 3]);
    expect(r.otherCategories).toEqual(['下属单位']);
  });
  it('follows the rule set order in the matrix', () => {
    const rules = { ...defaultRuleSet(), categories: ['分管领域', '上级领导'] };
    expect(computeReadiness({ members: [], opinions }, rules).targets[0]!.cells.map((c) => c.category)).toEqual(['分管领域', '上级领导']);
  });
});
