// What counts as an opinion, and the flags shown beside one, at their edges (written against the
// mutation report of shared/checks/substance.ts and opinion-flags.ts; see the README).
import { describe, expect, it } from 'vitest';
import { byEntry, flagLabels, flagOpinions, rateOpinions } from '#shared/checks/opinion-flags';
import { isPraiseOnly, isPraiseWithNoOpinion, isSubstantive, isTooShort, MIN_SPECIFIC_LENGTH, phraseMatcher } from '#shared/checks/substance';
import { DEFAULT_NO_OPINION_PHRASES, DEFAULT_PRAISE_PHRASES, defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';

const matcher = phraseMatcher(DEFAULT_NO_OPINION_PHRASES, DEFAULT_PRAISE_PHRASES);

describe('praise closed by a no-opinion phrase, at its edges', () => {
  it('takes the longest no-opinion phrase off the end, whatever the order of the list', () => {
    // 「没有意见」 taken off leaves praise; 「意见」 alone would leave 「…没有」, a critique word.
    for (const phrases of [['意见', '没有意见'], ['没有意见', '意见']]) {
      const m = phraseMatcher(phrases, DEFAULT_PRAISE_PHRASES);
      expect(isPraiseWithNoOpinion('工作很好没有意见', m)).toBe(true);
    }
  });

  it('reads a two-character phrase written on without a stop (希望继续保持同意)', () => {
    expect(isPraiseWithNoOpinion('希望继续保持同意', matcher)).toBe(true);
    expect(isSubstantive('希望继续保持同意', matcher)).toBe(false);
  });

  it('does not read a one-character phrase written on without a stop (…无) as one', () => {
    expect(isPraiseWithNoOpinion('希望继续保持无', matcher)).toBe(false);
    expect(isSubstantive('希望继续保持无', matcher)).toBe(true);
  });

  it('is not praise alone, with no no-opinion phrase', () => {
    expect(isPraiseWithNoOpinion('希望继续保持，再接再厉', matcher)).toBe(false);
    expect(isSubstantive('希望继续保持，再接再厉', matcher)).toBe(true);
  });

  it('tags praise plus 无意见 even when the whole text is itself on the edited no-opinion list', () => {
    const m = phraseMatcher([...DEFAULT_NO_OPINION_PHRASES, '继续保持无意见'], DEFAULT_PRAISE_PHRASES);
    expect(isSubstantive('继续保持无意见', m)).toBe(false);
    expect(isPraiseWithNoOpinion('继续保持无意见', m)).toBe(true);
  });

  it('is never praise without a praise list or without a no-opinion list', () => {
    expect(isPraiseWithNoOpinion('希望继续保持，无意见', phraseMatcher(DEFAULT_NO_OPINION_PHRASES))).toBe(false);
    expect(isPraiseWithNoOpinion('希望继续保持，无意见', phraseMatcher([], DEFAULT_PRAISE_PHRASES))).toBe(false);
    expect(isPraiseWithNoOpinion('', matcher)).toBe(false);
  });
});

describe('praise only, at its edges', () => {
  it('ignores a blank entry in an edited praise list (it praises nothing)', () => {
    expect(isPraiseOnly('深入基层调研走访', ['', '  ', '希望继续保持'])).toBe(false);
    expect(isPraiseOnly('希望继续保持', ['', '  ', '希望继续保持'])).toBe(true);
  });

  it('still calls praise praise when the praise phrase itself holds a critique word (不辞辛苦)', () => {
    expect(isPraiseOnly('不辞辛苦，任劳任怨', ['不辞辛苦', '任劳任怨'])).toBe(true);
    expect(isPraiseOnly('不辞辛苦，但调研偏少', ['不辞辛苦', '任劳任怨'])).toBe(false);
  });

  it('keeps two praise lists apart that join to the same letters', () => {
    // ['工作', '很好'] and ['工作很好'] are different lists: 「工作认真」 is praise by the first only.
    expect(isPraiseOnly('工作认真', ['工作', '很好'])).toBe(true);
    expect(isPraiseOnly('工作认真', ['工作很好'])).toBe(false);
  });

  it('is never praise for empty text', () => {
    expect(isPraiseOnly('', DEFAULT_PRAISE_PHRASES)).toBe(false);
    expect(isPraiseOnly('。。', DEFAULT_PRAISE_PHRASES)).toBe(false);
  });
});

describe('too short to be specific', () => {
  it(`warns below ${MIN_SPECIFIC_LENGTH} compared characters, not at ${MIN_SPECIFIC_LENGTH}`, () => {
    expect(isTooShort('调研不够深入全面')).toBe(false); // 8
    expect(isTooShort('调研不够深入全')).toBe(true); // 7
    expect(isTooShort('调研，不够 深入全。')).toBe(true); // 7 once punctuation and spaces are left out
  });

  it('counts characters, not UTF-16 units (𠮷 is one)', () => {
    expect(isTooShort('𠮷𠮷𠮷𠮷𠮷𠮷𠮷')).toBe(true);
    expect(isTooShort('𠮷𠮷𠮷𠮷𠮷𠮷𠮷a')).toBe(false); // 15 units, 8 characters
    expect(isTooShort('𠮷'.repeat(8))).toBe(false); // 16 units, 8 characters
  });

  it('does not warn of empty text', () => {
    expect(isTooShort('')).toBe(false);
    expect(isTooShort('……')).toBe(false);
  });
});

describe('the flags of an opinion', () => {
  const rules = defaultRuleSet();
  let seq = 0;
  const opinion = (content: string, createdAt: string, id = `o${++seq}`) => ({ id, targetId: GROUP_TARGET, category: '上级领导', content, createdAt, deletedAt: undefined as string | undefined });

  it('labels a no-opinion phrase 无实质内容 only: not short, not praise, not a repeat of another 无', () => {
    const a = opinion('无', '2025-01-01T00:00:00.000Z');
    const b = opinion('无', '2025-01-01T00:00:01.000Z');
    const flags = flagOpinions([a, b], rules);
    expect(flags.get(a.id)).toEqual({ substantive: false, praiseOnly: false, tooShort: false, counted: false });
    expect(flagLabels(flags.get(b.id)!)).toEqual(['无实质内容']);
  });

  it('repeats of no-opinion text are repeats when the rules count such text', () => {
    const a = opinion('无', '2025-01-01T00:00:00.000Z');
    const b = opinion('无', '2025-01-01T00:00:01.000Z');
    const flags = flagOpinions([a, b], { ...rules, excludeNonSubstantive: false });
    expect(flags.get(a.id)).toMatchObject({ counted: true });
    expect(flags.get(b.id)).toMatchObject({ counted: false, duplicateOf: a.id });
    expect(flagLabels(flags.get(b.id)!)).toEqual(['无实质内容', '重复']);
  });

  it('gives every label in order: 重复, 仅表扬, 过短', () => {
    const a = opinion('工作很好', '2025-01-01T00:00:00.000Z');
    const b = opinion('工作很好！', '2025-01-01T00:00:01.000Z');
    const flags = flagOpinions([b, a], rules);
    expect(flagLabels(flags.get(a.id)!)).toEqual(['仅表扬', '过短']);
    expect(flagLabels(flags.get(b.id)!)).toEqual(['重复', '仅表扬', '过短']);
  });

  it('decides which repeat is the original by the time it was entered, then by id, whatever the input order', () => {
    const later = opinion('调研不够深入，基层情况掌握不全', '2025-01-02T00:00:00.000Z', 'a');
    const earlier = opinion('调研不够深入，基层情况掌握不全。', '2025-01-01T00:00:00.000Z', 'z');
    expect(flagOpinions([later, earlier], rules).get('a')?.duplicateOf).toBe('z');
    expect(flagOpinions([earlier, later], rules).get('a')?.duplicateOf).toBe('z');
    const sameTimeB = opinion('调研不够深入，基层情况掌握不全', '2025-01-01T00:00:00.000Z', 'b');
    const sameTimeA = opinion('调研不够深入，基层情况掌握不全！', '2025-01-01T00:00:00.000Z', 'a');
    expect(flagOpinions([sameTimeB, sameTimeA], rules).get('b')?.duplicateOf).toBe('a');
    expect(flagOpinions([sameTimeA, sameTimeB], rules).get('b')?.duplicateOf).toBe('a');
  });

  it('lists the flags in the order the opinions were entered, and leaves deleted ones out', () => {
    const c = opinion('对分管领域的督导检查不够', '2025-01-03T00:00:00.000Z', 'c');
    const a = opinion('理论学习不够系统，以会代学', '2025-01-01T00:00:00.000Z', 'a');
    const b2 = opinion('下基层调研的次数偏少', '2025-01-02T00:00:00.000Z', 'b2');
    const b1 = opinion('联系服务群众不够经常', '2025-01-02T00:00:00.000Z', 'b1');
    const gone = { ...opinion('已删除的意见不再列出', '2025-01-01T00:00:00.000Z', 'gone'), deletedAt: '2025-02-01T00:00:00.000Z' };
    expect([...flagOpinions([c, b2, gone, a, b1], rules).keys()]).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('takes the smallest id as the original among a batch entered at one instant (an import of a hundred)', () => {
    // One created time for the whole batch (as an import stamps it), ids in no particular order, each
    // text's two copies half the batch apart.
    const scrambled = (n: number) => `id-${String((n * 37) % 101).padStart(3, '0')}`;
    const batch = Array.from({ length: 100 }, (_, n) => opinion(`整改清单中的${(n % 50) + 1}号措施落实不到位，群众反映仍然较多`, '2025-03-01T09:00:00.000Z', scrambled(n)));
    for (const input of [batch, [...batch].reverse()]) {
      const flags = flagOpinions(input, rules);
      for (let n = 0; n < 50; n++) {
        const [first, second] = [scrambled(n), scrambled(n + 50)].sort();
        expect(flags.get(first!)?.duplicateOf).toBeUndefined();
        expect(flags.get(second!)?.duplicateOf).toBe(first);
      }
    }
  });

  it('for counting only (readiness), keeps the input order: the first given is the original', () => {
    const later = opinion('调研不够深入，基层情况掌握不全', '2025-01-02T00:00:00.000Z', 'a');
    const earlier = opinion('调研不够深入，基层情况掌握不全。', '2025-01-01T00:00:00.000Z', 'z');
    expect(rateOpinions([later, earlier], rules, { countsOnly: true }).map((r) => r?.repeat)).toEqual([false, true]);
    expect(rateOpinions([later, earlier], rules).map((r) => r?.repeat)).toEqual([true, false]);
  });

  it('for counting only (readiness), leaves praise-only and too-short unset and names no original without ids', () => {
    const drafts = [
      { targetId: GROUP_TARGET, category: '上级领导', content: '工作很好', deletedAt: undefined },
      { targetId: GROUP_TARGET, category: '上级领导', content: '工作很好。', deletedAt: undefined },
      { targetId: GROUP_TARGET, category: '上级领导', content: '已删除', deletedAt: '2025-02-01T00:00:00.000Z' },
    ];
    const rated = rateOpinions(drafts, rules, { countsOnly: true });
    expect(rated[0]).toEqual({ flags: { substantive: true, praiseOnly: false, tooShort: false, counted: true }, eligible: true, repeat: false, key: '工作很好' });
    expect(rated[1]).toEqual({ flags: { substantive: true, praiseOnly: false, tooShort: false, counted: false }, eligible: true, repeat: true, key: '工作很好' });
    expect(rated[2]).toBeUndefined();
    expect(rated).toHaveLength(3);
  });
});

describe('the order opinions were entered in', () => {
  it('is the created time, then the id', () => {
    const at = (createdAt: string, id: string) => ({ createdAt, id });
    expect(byEntry(at('2025-01-01', 'b'), at('2025-01-02', 'a'))).toBe(-1);
    expect(byEntry(at('2025-01-02', 'a'), at('2025-01-01', 'b'))).toBe(1);
    expect(byEntry(at('2025-01-01', 'a'), at('2025-01-01', 'b'))).toBe(-1);
    expect(byEntry(at('2025-01-01', 'b'), at('2025-01-01', 'a'))).toBe(1);
    expect(byEntry(at('2025-01-01', 'a'), at('2025-01-01', 'a'))).toBe(0);
  });
});
