// Readiness at its edges: what a target row says of itself, and what a named provider's count is
// made of (written against the mutation report of shared/checks/readiness.ts; see the README).
import { describe, expect, it } from 'vitest';
import { computeReadiness } from '#shared/checks/readiness';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_LABEL, GROUP_TARGET, type RuleSet } from '#shared/model/types';

const members = [{ id: 'm1', name: '张三', position: '县长', rank: 1 }];
const opinion = (targetId: string, content: string, provider = '', category = '上级领导') => ({ targetId, category, content, provider });

describe('a target row', () => {
  it('marks the group as the group, with no position, and a member as a member with theirs', () => {
    const r = computeReadiness({ members, opinions: [] }, defaultRuleSet());
    expect(r.targets.map((t) => ({ targetId: t.targetId, isGroup: t.isGroup, name: t.name, position: t.position }))).toEqual([
      { targetId: GROUP_TARGET, isGroup: true, name: GROUP_LABEL, position: '' },
      { targetId: 'm1', isGroup: false, name: '张三', position: '县长' },
    ]);
  });
});

describe('a named provider’s count', () => {
  const rules: RuleSet = { ...defaultRuleSet(), categories: ['上级领导', '基层群众'], minPerCategory: 0, minPerProvider: 2 };

  it('leaves out what the provider said that does not count (无)', () => {
    const r = computeReadiness({ members, opinions: [opinion('m1', '调研不够深入，基层情况掌握不全', '县发改局'), opinion('m1', '无', '县发改局')] }, rules);
    expect(r.providerShortfalls).toMatchObject([{ targetId: 'm1', providers: 1, need: 2 }]);
  });

  it('takes in 无 when the rules count no-opinion text', () => {
    const counting = { ...rules, excludeNonSubstantive: false };
    const r = computeReadiness({ members, opinions: [opinion('m1', '调研不够深入，基层情况掌握不全', '县发改局'), opinion('m1', '无', '县发改局')] }, counting);
    expect(r.providerShortfalls).toEqual([]);
  });

  it('counts one text given under two categories twice', () => {
    const text = '调研不够深入，基层情况掌握不全';
    const r = computeReadiness({ members, opinions: [opinion('m1', text, '县发改局', '上级领导'), opinion('m1', text, '县发改局', '基层群众')] }, rules);
    expect(r.providerShortfalls).toEqual([]);
  });

  it('never treats opinions without a provider as one provider', () => {
    const r = computeReadiness({ members, opinions: [opinion('m1', '调研不够深入，基层情况掌握不全'), opinion(GROUP_TARGET, '理论学习不够系统', ' ')] }, rules);
    expect(r.providerShortfalls).toEqual([]);
  });

  it('is one provider however its name is spaced or punctuated', () => {
    const r = computeReadiness({ members, opinions: [opinion('m1', '调研不够深入，基层情况掌握不全', '县发改局'), opinion('m1', '理论学习不够系统', ' 县发改局。')] }, rules);
    expect(r.providerShortfalls).toEqual([]);
  });
});
