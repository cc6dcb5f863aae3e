import { describe, expect, it } from 'vitest';
import { duplicateKey, findExactDuplicates, opinionKey } from '#shared/checks/duplicates';
import { flagLabels, flagOpinions } from '#shared/checks/opinion-flags';
import { praiseFindings } from '#shared/checks/praise';
import { computeReadiness } from '#shared/checks/readiness';
import { isPraiseWithNoOpinion, isSubstantive, phraseMatcher } from '#shared/checks/substance';
import { DEFAULT_NO_OPINION_PHRASES, DEFAULT_PRAISE_PHRASES, defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';

const matcher = phraseMatcher(DEFAULT_NO_OPINION_PHRASES, DEFAULT_PRAISE_PHRASES);

describe('the duplicate rule ignores leading numbering', () => {
  it.each(['1. 加强理论学习', '2、加强理论学习', '（1）加强理论学习', '①加强理论学习', '一、加强理论学习', '第三条 加强理论学习', '(12) 加强理论学习。'])(
    '%j is the same opinion as the text without its number',
    (numbered) => {
      expect(opinionKey(numbered)).toBe(opinionKey('加强理论学习'));
      expect(duplicateKey({ targetId: 't', category: '上级领导', content: numbered })).toBe(duplicateKey({ targetId: 't', category: '上级领导', content: '加强理论学习' }));
    },
  );
  it('keeps numbers that are part of the text', () => {
    expect(opinionKey('2024年调研次数偏少')).not.toBe(opinionKey('调研次数偏少'));
    expect(opinionKey('1.5亿元项目推进慢')).not.toBe(opinionKey('5亿元项目推进慢'));
  });
  it('counts a numbered copy from another tool once in readiness and flags', () => {
    const opinions = [
      { id: 'a', targetId: GROUP_TARGET, category: '上级领导', content: '1. 调研不够深入', provider: '', createdAt: '2025-01-01T00:00:00.000Z' },
      { id: 'b', targetId: GROUP_TARGET, category: '上级领导', content: '调研不够深入。', provider: '', createdAt: '2025-01-01T00:00:01.000Z' },
    ];
    const r = computeReadiness({ members: [{ id: 'm', name: '张三', position: '', rank: 1 }], opinions }, defaultRuleSet());
    expect(r.targets[0]!.cells[0]!.count).toBe(1);
    expect(r.totals.duplicates).toBe(1);
    expect(flagOpinions(opinions, defaultRuleSet()).get('b')?.duplicateOf).toBe('a');
    expect([...findExactDuplicates(opinions)]).toEqual(['b']);
  });
});

describe('praise closed by a no-opinion phrase', () => {
  it.each(['工作认真负责，成绩突出，无意见。', '希望继续保持，没有意见', '希望继续保持没有意见', '作风扎实，群众认可。暂无意见建议', '工作扎实，评价很高；无'])(
    '%j is not an opinion',
    (text) => {
      expect(isPraiseWithNoOpinion(text, matcher)).toBe(true);
      expect(isSubstantive(text, matcher)).toBe(false);
    },
  );
  it.each(['工作认真负责，但下基层调研偏少，无其他意见', '成绩突出，建议加强理论学习，无意见', '无故缺席会议较多', '群众反映办事难，没有意见反馈渠道'])('%j still counts', (text) => {
    expect(isSubstantive(text, matcher)).toBe(true);
  });
  it('follows the edited praise list', () => {
    expect(isSubstantive('很有魄力，无意见', matcher)).toBe(true);
    expect(isSubstantive('很有魄力，无意见', phraseMatcher(DEFAULT_NO_OPINION_PHRASES, [...DEFAULT_PRAISE_PHRASES, '很有魄力']))).toBe(false);
  });
  it('does not count, is tagged, and is found for the command line', () => {
    const rules = defaultRuleSet();
    const opinions = [
      { id: 'p', targetId: GROUP_TARGET, category: '上级领导', content: '工作认真负责，成绩突出，无意见。', createdAt: '2025-01-01T00:00:00.000Z' },
      { id: 'q', targetId: GROUP_TARGET, category: '上级领导', content: '希望继续保持', createdAt: '2025-01-01T00:00:01.000Z' },
    ];
    const flags = flagOpinions(opinions, rules);
    expect(flags.get('p')).toMatchObject({ substantive: false, counted: false, praiseNoOpinion: true });
    expect(flagLabels(flags.get('p')!)).toEqual(['仅表扬（无意见）']);
    expect(flags.get('q')).toMatchObject({ substantive: true, counted: true, praiseOnly: true });
    const r = computeReadiness({ members: [], opinions: opinions.map((o) => ({ ...o, provider: '' })) }, rules);
    expect(r.targets[0]!.cells[0]!.count).toBe(1);
    expect(praiseFindings(opinions, rules).map((p) => [p.id, p.kind])).toEqual([
      ['p', 'praise-no-opinion'],
      ['q', 'praise'],
    ]);
  });
  it('widens the default praise phrases', () => {
    for (const p of ['认真负责', '作风扎实', '成绩突出', '评价很高', '工作扎实', '群众认可']) expect(DEFAULT_PRAISE_PHRASES).toContain(p);
  });
});
