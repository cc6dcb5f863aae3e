import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReadiness } from '#shared/checks/readiness';
import { meetingView } from '#shared/meeting/view';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET, type Meeting, type Member, type Opinion } from '#shared/model/types';
import { meetingFingerprint } from '#shared/supervision/fingerprint';
import { meetingWarnings } from '#shared/supervision/warnings';
import { sampleContent } from '../../support/sample-content';

const content = sampleContent({ units: 2 });
const meeting = content.meetings[0]!;
const records = { meeting, members: content.members.filter((m) => m.meetingId === meeting.id), opinions: content.opinions.filter((o) => o.meetingId === meeting.id) };

describe('meetingView', () => {
  it('lists the group first, then live members in rank order, and judges the group only when the rules say so', () => {
    const members = [...records.members].reverse();
    const view = meetingView({ ...records, members });
    expect(view.targets[0]).toMatchObject({ id: GROUP_TARGET, order: 0, judged: true });
    expect(view.targets.slice(1).map((t) => t.order)).toEqual(view.members.map((_, i) => i + 1));
    const rankOrder = [...records.members].filter((m) => !m.deletedAt).sort((a, b) => a.rank - b.rank).map((m) => m.id);
    expect(view.targets.slice(1).map((t) => t.id)).toEqual(rankOrder);
    const notJudged = meetingView({ ...records, meeting: { ...meeting, ruleSet: { ...meeting.ruleSet, groupIsTarget: false } } });
    expect(notJudged.targets[0]).toMatchObject({ id: GROUP_TARGET, judged: false });
    expect(notJudged.readiness.targets.map((t) => t.targetId)).toEqual(rankOrder);
  });

  it('gives the same readiness, warnings and fingerprint as the checks computed one by one', () => {
    const view = meetingView(records);
    expect(view.readiness).toEqual(computeReadiness(records, meeting.ruleSet));
    expect(view.warnings).toEqual(meetingWarnings(records));
    expect(view.fingerprint).toBe(meetingFingerprint(records));
  });

  it('counts exactly the opinions it flags as counted, for any opinions and rules', () => {
    const roster: Member[] = records.members.slice(0, 2);
    const targets = [GROUP_TARGET, ...roster.map((m) => m.id)];
    const categories = meeting.ruleSet.categories.slice(0, 3);
    const opinionArb = fc.record({
      targetId: fc.constantFrom(...targets),
      category: fc.constantFrom(...categories, '其他'),
      content: fc.oneof(fc.constantFrom('无', '暂无', '希望继续保持', '加强学习', '改进作风，深入基层调研'), fc.string({ maxLength: 10 })),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(opinionArb, { maxLength: 30 }), fc.boolean(), fc.boolean(), (drafts, exclude, groupIsTarget) => {
        const m: Meeting = { ...meeting, ruleSet: { ...defaultRuleSet(), categories, excludeNonSubstantive: exclude, groupIsTarget } };
        const opinions: Opinion[] = drafts.map((d, i) => ({
          ...records.opinions[0]!,
          id: `o${String(i).padStart(3, '0')}`,
          targetId: d.targetId,
          category: d.category,
          content: d.content,
          createdAt: `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
          ...(d.deleted ? { deletedAt: '2025-02-01T00:00:00Z' } : {}),
        }));
        const view = meetingView({ meeting: m, members: roster, opinions });
        for (const t of view.readiness.targets) {
          for (const cell of t.cells) {
            const counted = view.opinions.filter((o) => o.targetId === t.targetId && o.category === cell.category && view.flags.get(o.id)!.counted);
            expect(counted.length).toBe(cell.count);
          }
        }
        expect(view.readiness).toEqual(computeReadiness({ members: roster, opinions }, m.ruleSet));
      }),
    );
  });
});
