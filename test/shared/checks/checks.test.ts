import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findExactDuplicates } from '#shared/checks/duplicates';
import { flagOpinions } from '#shared/checks/opinion-flags';
import { computeReadiness, ROSTER_EMPTY_MESSAGE, type ReadinessInput } from '#shared/checks/readiness';
import { isPraiseOnly, isSubstantive, isTooShort, phraseMatcher } from '#shared/checks/substance';
import { DEFAULT_CATEGORIES, DEFAULT_NO_OPINION_PHRASES, DEFAULT_PRAISE_PHRASES, defaultRuleSet, ruleSetProblems } from '#shared/model/rule-set';
import { GROUP_TARGET, type RuleSet } from '#shared/model/types';

const noOpinion = phraseMatcher(DEFAULT_NO_OPINION_PHRASES);

describe('isSubstantive', () => {
  it.each(['无', '暂无', '没有意见', '无意见建议', '同意', '无建议', '暂无意见。', '  无 ', '没有！', '／', '——', ''])(
    '%j does not count',
    (text) => {
      expect(isSubstantive(text, noOpinion)).toBe(false);
    },
  );
  it.each(['无故缺席会议较多', '暂无明确的调研计划，建议制定', '同意见面会改期的做法欠妥'])('%j counts', (text) => {
    expect(isSubstantive(text, noOpinion)).toBe(true);
  });
  it('uses the edited list', () => {
    const edited = phraseMatcher([...DEFAULT_NO_OPINION_PHRASES, '挺好']);
    expect(isSubstantive('挺好', noOpinion)).toBe(true);
    expect(isSubstantive('挺好！', edited)).toBe(false);
  });
});

describe('isPraiseOnly', () => {
  it.each(['希望继续保持', '工作很好，群众满意', '一如既往，再接再厉！'])('%j is praise only', (t) => {
    expect(isPraiseOnly(t, DEFAULT_PRAISE_PHRASES)).toBe(true);
  });
  // Criticism in words other than 不/少/未: 滞后, 流于形式, 下降 … (the 督导审核意见 would list it as 敷衍应付).
  it.each(['工作很好，但调研不够深入', '希望继续保持，同时加强理论学习', '下基层次数偏少', '廉洁自律认真负责，但廉政谈话流于形式', '项目进度滞后，群众满意度下降', '工作扎实，但作风松懈、纪律意识淡薄', '群众满意度较前两年有差距，短板明显'])('%j is not', (t) => {
    expect(isPraiseOnly(t, DEFAULT_PRAISE_PHRASES)).toBe(false);
  });
  it('warns of too-short opinions', () => {
    expect(isTooShort('要多学习')).toBe(true);
    expect(isTooShort('建议每月至少下基层调研两次')).toBe(false);
  });
});

describe('findExactDuplicates', () => {
  it('counts the same opinion once per target and category', () => {
    const base = { targetId: 'a', category: '上级领导' };
    const repeats = findExactDuplicates([
      { id: '1', ...base, content: '加强学习。' },
      { id: '2', ...base, content: '加强 学习' },
      { id: '3', ...base, category: '下属单位', content: '加强学习' },
      { id: '4', ...base, targetId: 'b', content: '加强学习' },
    ]);
    expect([...repeats]).toEqual(['2']);
  });
});

const members = [
  { id: 'm2', name: '李四', position: '副县长', rank: 2 },
  { id: 'm1', name: '张三', position: '县长', rank: 1 },
  { id: 'm3', name: '王五', position: '', rank: 3 },
];

function op(targetId: string, category: string, content: string, extra: Partial<ReadinessInput['opinions'][number]> = {}) {
  return { targetId, category, content, provider: '', ...extra };
}

type Input = { members: ReadinessInput['members'][number][]; opinions: ReadinessInput['opinions'][number][] };

function fullInput(): Input {
  const opinions: Input['opinions'] = [];
  for (const t of [GROUP_TARGET, 'm1', 'm2', 'm3']) {
    for (const c of DEFAULT_CATEGORIES) {
      opinions.push(op(t, c, `${t}${c}意见一：调研不够深入`), op(t, c, `${t}${c}意见二：学习不够系统`));
    }
  }
  return { members, opinions };
}

describe('computeReadiness', () => {
  it('orders targets: the group first, then members by rank', () => {
    const r = computeReadiness(fullInput(), defaultRuleSet());
    expect(r.targets.map((t) => t.label)).toEqual(['领导班子', '张三（县长）', '李四（副县长）', '王五']);
  });

  it('is ready when every cell meets the minimum', () => {
    const r = computeReadiness(fullInput(), defaultRuleSet());
    expect(r.ready).toBe(true);
    expect(r.messages).toEqual([]);
    expect(r.totals).toEqual({ raw: 40, counted: 40, nonSubstantive: 0, duplicates: 0 });
  });

  it('states each shortfall as one Chinese sentence', () => {
    const input = fullInput();
    input.opinions = input.opinions.filter((o) => !(o.targetId === 'm2' && o.category === '基层群众' && o.content.includes('二')));
    const r = computeReadiness(input, defaultRuleSet());
    expect(r.ready).toBe(false);
    expect(r.shortfalls.map((s) => s.message)).toEqual(['李四（副县长）：基层群众意见 1 条，至少需 2 条']);
    expect(r.targets[2]!.cells[4]).toMatchObject({ count: 1, min: 2, status: 'short' });
  });

  it('flags a target with no real opinion as zero-opinion', () => {
    const input = fullInput();
    input.opinions = input.opinions.filter((o) => o.targetId !== 'm3');
    input.opinions.push(op('m3', '上级领导', '无'), op('m3', '基层群众', '暂无意见'));
    const r = computeReadiness(input, defaultRuleSet());
    expect(r.zeroTargets.map((z) => z.message)).toEqual(['王五：没有一条实质性意见（零意见）']);
    expect(r.targets[3]).toMatchObject({ zero: true, count: 0, raw: 2 });
    expect(r.messages[0]).toBe('王五：没有一条实质性意见（零意见）');
    expect(r.totals.nonSubstantive).toBe(2);
  });

  it('counts the same opinion once per target and category', () => {
    const input = fullInput();
    input.opinions.push(op('m1', '上级领导', 'm1上级领导意见一：调研不够深入！'));
    const r = computeReadiness(input, defaultRuleSet());
    expect(r.targets[1]!.cells[0]).toMatchObject({ count: 2, raw: 3 });
    expect(r.totals.duplicates).toBe(1);
  });

  it('ignores deleted opinions and deleted members', () => {
    const input = fullInput();
    input.opinions = input.opinions.map((o) => (o.targetId === 'm1' && o.category === '上级领导' ? { ...o, deletedAt: '2026-01-01T00:00:00Z' } : o));
    input.members = [...members, { id: 'm9', name: '赵六', position: '', rank: 9, deletedAt: '2026-01-01T00:00:00Z' }];
    const r = computeReadiness(input, defaultRuleSet());
    expect(r.targets.map((t) => t.targetId)).toEqual([GROUP_TARGET, 'm1', 'm2', 'm3']);
    expect(r.shortfalls.map((s) => s.message)).toEqual(['张三（县长）：上级领导意见 0 条，至少需 2 条']);
  });

  it('leaves the group out when the rules say it is not a target', () => {
    const rules: RuleSet = { ...defaultRuleSet(), groupIsTarget: false };
    const r = computeReadiness({ members, opinions: [] }, rules);
    expect(r.targets.map((t) => t.targetId)).toEqual(['m1', 'm2', 'm3']);
  });

  it('counts no-opinion phrases when the rules say so', () => {
    const rules: RuleSet = { ...defaultRuleSet(), excludeNonSubstantive: false, minPerCategory: 1, categories: ['上级领导'] };
    const r = computeReadiness({ members: [members[1]!], opinions: [op(GROUP_TARGET, '上级领导', '无'), op('m1', '上级领导', '无')] }, rules);
    expect(r.ready).toBe(true);
  });

  it('is not ready without a roster', () => {
    const r = computeReadiness({ members: [], opinions: [] }, defaultRuleSet());
    expect(r.ready).toBe(false);
    expect(r.messages[0]).toBe(ROSTER_EMPTY_MESSAGE);
  });

  it('checks the minimum per named provider when it is on', () => {
    const input = fullInput();
    input.opinions.push(op('m1', '上级领导', '对张三的另一条意见：会议太多', { provider: '县发改局' }));
    const rules: RuleSet = { ...defaultRuleSet(), minPerProvider: 2 };
    const r = computeReadiness(input, rules);
    expect(r.providerShortfalls.map((p) => p.message)).toEqual(['张三（县长）：有 1 个提出方所提意见不足 2 条']);
    expect(r.ready).toBe(false);
    expect(r.messages.join('')).not.toContain('县发改局');
    expect(computeReadiness(input, defaultRuleSet()).ready).toBe(true);
  });
});

describe('computeReadiness properties', () => {
  const categories = ['上级领导', '下属单位', '基层群众'];
  const rules: RuleSet = { ...defaultRuleSet(), categories };
  const targets = [GROUP_TARGET, 'm1', 'm2'];
  const roster = [
    { id: 'm1', name: '甲', position: '书记', rank: 1 },
    { id: 'm2', name: '乙', position: '', rank: 2 },
  ];
  const opinionArb = fc.record({
    targetId: fc.constantFrom(...targets),
    category: fc.constantFrom(...categories, '其他'),
    content: fc.oneof(fc.constantFrom('无', '暂无', '同意', '加强学习', '改进作风', '深入基层调研'), fc.string({ maxLength: 12 })),
    provider: fc.constantFrom('', '甲单位', '乙单位'),
  });
  const counts = (input: ReadinessInput) => computeReadiness(input, rules).targets.flatMap((t) => t.cells.map((c) => c.count));

  it('adding a substantive opinion never lowers a count', () => {
    fc.assert(
      fc.property(fc.array(opinionArb, { maxLength: 40 }), opinionArb, (opinions, extra) => {
        const before = counts({ members: roster, opinions });
        const after = counts({ members: roster, opinions: [...opinions, extra] });
        return after.every((n, i) => n >= before[i]!);
      }),
    );
  });

  it('the order of the input never changes the result', () => {
    fc.assert(
      fc.property(fc.array(opinionArb, { maxLength: 40 }), fc.integer(), (opinions, seed) => {
        const shuffled = [...opinions].sort((a, b) => ((hash(a.content + seed) - hash(b.content + seed)) | 0) || 0);
        const r1 = computeReadiness({ members: roster, opinions }, rules);
        const r2 = computeReadiness({ members: [...roster].reverse(), opinions: shuffled }, rules);
        expect(r2).toEqual(r1);
      }),
    );
  });

  it('the opinions flagged as counted are exactly the ones readiness counts, whether or not no-opinion text is excluded', () => {
    fc.assert(
      fc.property(fc.array(opinionArb, { maxLength: 40 }), fc.boolean(), (drafts, exclude) => {
        const ruleSet = { ...rules, excludeNonSubstantive: exclude };
        const opinions = drafts.map((o, i) => ({ ...o, id: `o${i}`, createdAt: `2025-01-01T00:00:${String(i).padStart(2, '0')}Z` }));
        const flags = flagOpinions(opinions, ruleSet);
        for (const t of computeReadiness({ members: roster, opinions }, ruleSet).targets) {
          for (const cell of t.cells) {
            const counted = opinions.filter((o) => o.targetId === t.targetId && o.category === cell.category && flags.get(o.id)!.counted);
            expect(counted.length).toBe(cell.count);
          }
        }
      }),
    );
  });

  it('a no-opinion phrase never counts', () => {
    fc.assert(
      fc.property(
        fc.array(opinionArb, { maxLength: 30 }),
        fc.constantFrom(...DEFAULT_NO_OPINION_PHRASES),
        fc.constantFrom(...targets),
        fc.constantFrom(...categories),
        fc.constantFrom('', '。', '！', ' ', '…'),
        (opinions, phrase, targetId, category, tail) => {
          const before = counts({ members: roster, opinions });
          const after = counts({ members: roster, opinions: [...opinions, { targetId, category, content: phrase + tail, provider: '' }] });
          expect(after).toEqual(before);
        },
      ),
    );
  });
});

describe('ruleSetProblems', () => {
  it('accepts the default rules', () => {
    expect(ruleSetProblems(defaultRuleSet())).toEqual([]);
  });
  it('names what is wrong', () => {
    expect(ruleSetProblems({ ...defaultRuleSet(), categories: ['上级领导', '上级领导'], minPerCategory: -1 })).toEqual([
      '意见来源类别有重复',
      '每类最少条数应为 0 到 100 之间的整数',
    ]);
  });
});

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
