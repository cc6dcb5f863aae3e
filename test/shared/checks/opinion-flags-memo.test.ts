// The ratings of texts are remembered per rule set's phrase lists (shared/checks/opinion-flags.ts):
// a text rated under one set of lists is rated afresh under another, whichever was asked first
// (written against the mutation report of shared/checks; see the README).
import { describe, expect, it } from 'vitest';
import { rateOpinions } from '#shared/checks/opinion-flags';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';

const opinion = (content: string) => ({ id: `o-${content}`, createdAt: '2025-11-01T08:00:00.000Z', targetId: GROUP_TARGET, category: '上级领导', content });

describe('rateOpinions under changed phrase lists', () => {
  it('rates a text again when the no-opinion or praise phrases change', () => {
    const text = '班子成员联系群众的方式还比较单一';
    const rules = defaultRuleSet();
    const noOpinion = { ...rules, noOpinionPhrases: [...rules.noOpinionPhrases, text] };
    const praise = { ...rules, praisePhrases: [...rules.praisePhrases, text] };
    const rate = (r: typeof rules) => rateOpinions([opinion(text)], r)[0]!.flags;
    for (let round = 0; round < 2; round++) {
      expect(rate(rules)).toMatchObject({ substantive: true, praiseOnly: false, counted: true });
      expect(rate(noOpinion)).toMatchObject({ substantive: false, counted: false });
      expect(rate(praise)).toMatchObject({ substantive: true, praiseOnly: true });
      expect(rate(rules)).toMatchObject({ substantive: true, praiseOnly: false, counted: true });
    }
  });
});
