import { describe, expect, it } from 'vitest';
import { copyCandidates, crossUnitCounts, detectCopies, type CopyCandidate } from '#shared/checks/copy-detection';
import { findSimilarPairs, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles } from '#shared/checks/minhash';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';
import { compareKey } from '#shared/text/normalize';
import { meetingWarnings } from '#shared/supervision/warnings';

const sim = (a: string, b: string) => jaccard(shingles(compareKey(a)), shingles(compareKey(b)));

// Pairs a supervisor would call copies: the same opinion with its clauses swapped, its
// punctuation changed, or one word replaced.
const COPIES: Array<[string, string, string]> = [
  ['reordered clauses', '理论学习不够系统，以会代学的情况时有发生', '以会代学的情况时有发生，理论学习不够系统'],
  ['reordered clauses', '班子成员之间谈心谈话不够经常，批评与自我批评辣味不足', '班子成员之间开展批评与自我批评辣味不足，谈心谈话不够经常'],
  ['changed punctuation', '深入基层调研次数偏少；对企业反映问题跟踪不够。', '深入基层调研次数偏少，对企业反映问题跟踪不够！'],
  ['one word changed', '建议进一步加强对年轻干部的培养和使用', '建议进一步加强对青年干部的培养和使用'],
  ['one word changed', '深入基层调研的次数偏少，对企业反映的问题跟踪解决不够及时', '深入基层调研的次数较少，对企业反映的问题跟踪解决不够及时'],
  ['one word added', '落实“第一议题”制度有时流于形式，学习研讨不够深入', '落实“第一议题”制度有时流于形式，学习研讨还不够深入'],
];

// Same topic, different content: not copies.
const DIFFERENT: Array<[string, string]> = [
  ['理论学习不够系统，以会代学的情况时有发生', '理论学习的深度不够，学用结合还不紧密'],
  ['深入基层调研的次数偏少，对企业反映的问题跟踪解决不够及时', '深入基层调研时听汇报多、看现场少，了解的情况不够全面'],
  ['对分管领域的安全生产工作督促检查不够', '对分管领域的意识形态工作研判不够'],
  ['建议加强干部队伍建设，注重年轻干部培养', '建议加强作风建设，持续整治形式主义官僚主义'],
];

let seq = 0;
function op(content: string, over: Partial<CopyCandidate> = {}): CopyCandidate {
  seq++;
  return {
    id: `op-${String(seq).padStart(5, '0')}`,
    meetingId: 'm1',
    unitId: 'u1',
    targetId: 't1',
    category: '上级领导',
    content,
    createdAt: `2025-11-01T08:${String(Math.floor(seq / 60) % 60).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}.000Z`,
    ...over,
  };
}

describe('similarity threshold', () => {
  it.each(COPIES)('%s stays at or above the threshold: %s / %s', (_why, a, b) => {
    expect(sim(a, b)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });
  it.each(DIFFERENT)('same topic, different content stays below it: %s / %s', (a, b) => {
    expect(sim(a, b)).toBeLessThan(0.4);
  });
});

describe('detectCopies', () => {
  it.each(COPIES)('finds %s given to different members of one meeting', (_why, a, b) => {
    const warnings = detectCopies([op(a, { targetId: 'zhang' }), op(b, { targetId: 'li' })]);
    expect(warnings.map((w) => w.kind)).toEqual(['cross-target']);
    expect(warnings[0]!.a.content).toBe(a);
    expect(warnings[0]!.b.content).toBe(b);
  });

  it.each(COPIES)('finds %s in another unit (疑似抄袭), once for each side', (_why, a, b) => {
    const warnings = detectCopies([op(a, { unitId: 'u1', meetingId: 'm1' }), op(b, { unitId: 'u2', meetingId: 'm2' })], { kinds: ['cross-unit'] });
    expect(warnings.map((w) => [w.a.unitId, w.b.unitId])).toEqual([
      ['u1', 'u2'],
      ['u2', 'u1'],
    ]);
  });

  it.each(DIFFERENT)('does not warn of opinions on the same topic with different content: %s / %s', (a, b) => {
    expect(detectCopies([op(a, { targetId: 'zhang' }), op(b, { targetId: 'li', unitId: 'u2', meetingId: 'm2' })])).toEqual([]);
  });

  it('leaves the exact repeat for one target and category to the duplicate count, but warns of a near repeat', () => {
    const exact = detectCopies([op('理论学习不够系统，以会代学'), op('理论学习不够系统。以会代学！')]);
    expect(exact).toEqual([]);
    const near = detectCopies([op('建议进一步加强对年轻干部的培养和使用'), op('建议进一步加强对青年干部的培养和使用')]);
    expect(near.map((w) => w.kind)).toEqual(['same-target']);
    const otherCategory = detectCopies([op('理论学习不够系统，以会代学'), op('理论学习不够系统，以会代学', { category: '基层群众' })]);
    expect(otherCategory.map((w) => [w.kind, w.similarity])).toEqual([['same-target', 1]]);
  });

  it('reports a pair inside one meeting once, and the earlier opinion as the original', () => {
    const first = op('理论学习不够系统，以会代学的情况时有发生', { targetId: 'zhang' });
    const second = op('以会代学的情况时有发生，理论学习不够系统', { targetId: 'li' });
    const warnings = detectCopies([second, first]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.a.id).toBe(first.id);
    expect(warnings[0]!.similarity).toBeCloseTo(0.89, 2);
  });

  it('links each copy of a widely copied text to one partner, not every other copy', () => {
    const text = '落实“第一议题”制度有时流于形式，学习研讨不够深入';
    const many = Array.from({ length: 200 }, (_, i) => op(text, { unitId: `u${i}`, meetingId: `m${i}` }));
    const warnings = detectCopies(many, { kinds: ['cross-unit'] });
    expect(warnings).toHaveLength(200);
    expect(crossUnitCounts(warnings)[0]).toEqual({ units: ['u0', 'u1'], count: 2 });
  });

  it("does not call a unit's own opinion of another year 疑似抄袭", () => {
    const text = '落实“第一议题”制度有时流于形式，学习研讨不够深入';
    const warnings = detectCopies([op(text, { unitId: 'u1', meetingId: 'm2024' }), op(text, { unitId: 'u1', meetingId: 'm2025' })], { kinds: ['cross-unit'] });
    expect(warnings).toEqual([]);
  });

  it('gives the same result whatever the input order', () => {
    const input = [...COPIES.flatMap(([, a, b], i) => [op(a, { targetId: `a${i}` }), op(b, { targetId: `b${i}`, unitId: 'u2', meetingId: 'm2' })])];
    const forward = detectCopies(input);
    const backward = detectCopies([...input].reverse());
    expect(backward).toEqual(forward);
  });
});

describe('findSimilarPairs', () => {
  // A deterministic pseudo-random source, so the data and the figures repeat.
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  }
  const CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
  function text(r: () => number) {
    const n = 23 + Math.floor(r() * 60);
    let s = '';
    for (let i = 0; i < n; i++) s += CHARS[Math.floor(r() * CHARS.length)];
    return s;
  }
  function nearCopy(s: string, r: () => number) {
    const chars = [...s];
    const i = Math.floor(r() * (chars.length - 2));
    chars[i] = CHARS[Math.floor(r() * CHARS.length)]!;
    if (r() < 0.5) {
      const cut = Math.floor(chars.length / 2);
      return [...chars.slice(cut), ...chars.slice(0, cut)].join('');
    }
    return chars.join('');
  }

  it('finds at least 90% of the near-copies whose real similarity is above the threshold', () => {
    const r = rng(7);
    const keys: string[] = [];
    const planted: Array<[number, number]> = [];
    for (let i = 0; i < 1500; i++) keys.push(text(r));
    for (let i = 0; i < 500; i++) {
      planted.push([i, keys.length]);
      keys.push(nearCopy(keys[i]!, r));
    }
    const { pairs, sets } = findSimilarPairs(keys);
    const found = new Set(pairs.map((p) => `${p.a}|${p.b}`));
    const eligible = planted.filter(([a, b]) => jaccard(sets[a]!, sets[b]!) >= NEAR_DUPLICATE_THRESHOLD);
    expect(eligible.length).toBeGreaterThan(400);
    const recall = eligible.filter(([a, b]) => found.has(`${a}|${b}`)).length / eligible.length;
    expect(recall).toBeGreaterThanOrEqual(0.9);
    // Every pair reported is verified: nothing below the threshold.
    expect(pairs.every((p) => p.similarity >= NEAR_DUPLICATE_THRESHOLD && p.similarity === jaccard(sets[p.a]!, sets[p.b]!))).toBe(true);
  });

  it('verifies a number of candidates proportional to the texts, not every pair', () => {
    const r = rng(11);
    const keys = Array.from({ length: 3000 }, () => text(r));
    let verified = 0;
    findSimilarPairs(keys, {
      accept: () => {
        verified++;
        return true;
      },
    });
    // All pairs would be 4.5 million.
    expect(verified).toBeLessThan(keys.length * 5);
  });
});

describe('copyCandidates and meetingWarnings', () => {
  const meeting = { id: 'm1', unitId: 'u1', ruleSet: defaultRuleSet() };
  const at = '2025-11-01T08:00:00.000Z';
  const o = (id: string, targetId: string, content: string, extra: { deletedAt?: string; createdAt?: string } = {}) => ({
    id,
    targetId,
    category: '上级领导',
    content,
    createdAt: extra.createdAt ?? at,
    ...(extra.deletedAt ? { deletedAt: extra.deletedAt } : {}),
  });

  it('leaves out deleted and no-opinion texts', () => {
    const c = copyCandidates(meeting, [o('a', GROUP_TARGET, '暂无意见'), o('b', 'zhang', '无'), o('c', 'li', '调研不够深入，问题解决不及时', { deletedAt: at })]);
    expect(c).toEqual([]);
  });

  it('lists copies between members, then praise-only and too-short opinions, each with a Chinese message', () => {
    const members = [
      { id: 'zhang', name: '张三', position: '局长' },
      { id: 'li', name: '李四', position: '副局长' },
    ];
    const warnings = meetingWarnings({
      meeting,
      members,
      opinions: [
        o('1', 'zhang', '理论学习不够系统，以会代学的情况时有发生', { createdAt: '2025-11-01T08:00:01.000Z' }),
        o('2', 'li', '理论学习不够系统，以会代学的情况时有发生。', { createdAt: '2025-11-01T08:00:02.000Z' }),
        o('3', GROUP_TARGET, '希望继续保持', { createdAt: '2025-11-01T08:00:03.000Z' }),
        o('4', 'li', '要多学习', { createdAt: '2025-11-01T08:00:04.000Z' }),
      ],
    });
    expect(warnings.map((w) => w.message)).toEqual([
      '雷同：张三（局长）与李四（副局长）的意见相同：“理论学习不够系统，以会代学的情况时有发生”',
      '仅表扬：领导班子·上级领导：“希望继续保持”',
      '过短：李四（副局长）·上级领导：“要多学习”',
    ]);
  });
});
