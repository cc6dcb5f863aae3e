// Whatever sequence of 梳理 operations staff make, the invariants hold: raw opinions are never
// changed, a raw opinion sits in at most one live consolidated opinion and only of its own target,
// every live consolidated opinion has a source, problem links point at live records, and the counts
// add up (collected is the raw count; 梳理为 = live consolidated + pending counted raws).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagOpinions } from '#shared/checks/opinion-flags';
import { consolidationCounts } from '#shared/consolidation/counts';
import { consolidate, mergeConsolidated, splitConsolidated, unlinkSource, type ConsolidationChange } from '#shared/consolidation/operations';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import { GROUP_TARGET } from '#shared/model/types';
import { documentSample } from '../../support/document-sample';
import { problemItem, stampAt } from '../../support/problem-sample';
import { fakeUuid } from '../../support/sample-content';

type Op =
  | { kind: 'consolidate'; target: number; picks: number[] }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'split'; c: number; pick: number }
  | { kind: 'unlink'; c: number; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('consolidate' as const), target: fc.nat(4), picks: fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(30), b: fc.nat(30) }),
  fc.record({ kind: fc.constant('split' as const), c: fc.nat(30), pick: fc.nat(10) }),
  fc.record({ kind: fc.constant('unlink' as const), c: fc.nat(30), pick: fc.nat(10) }),
);

describe('梳理 invariants under any sequence of operations', () => {
  it('keeps raw opinions unchanged, each in at most one live consolidated opinion of its target, and the counts consistent', () => {
    const s = documentSample();
    const raws = s.opinions;
    const frozen = JSON.stringify(raws);
    const targets = [GROUP_TARGET, ...s.members.map((m) => m.id)];
    const flags = flagOpinions(raws, s.meeting.ruleSet);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let store: ConsolidatedOpinion[] = [];
        let problems: ProblemItem[] = [];
        const stamp = stampAt('2025-12-01T00:00:00.000Z', 500_000);
        const apply = (change: ConsolidationChange) => {
          const byId = new Map(store.map((c) => [c.id, c]));
          for (const c of [...change.created, ...change.updated]) byId.set(c.id, c);
          store = [...byId.values()];
          const pById = new Map(problems.map((p) => [p.id, p]));
          for (const p of change.problems) pById.set(p.id, p);
          problems = [...pById.values()];
        };
        const live = () => store.filter((c) => !c.deletedAt);
        for (const o of ops) {
          if (o.kind === 'consolidate') {
            const target = targets[o.target % targets.length]!;
            const mine = raws.filter((r) => r.targetId === target);
            if (mine.length === 0) continue;
            const ids = [...new Set(o.picks.map((i) => mine[i % mine.length]!.id))];
            const r = consolidate({ meetingId: s.meeting.id, targetId: target, opinionIds: ids }, raws, store, stamp);
            if (r.ok) {
              apply(r);
              // Link every new consolidated opinion from a problem, so merges have links to move.
              problems.push(problemItem({ id: stamp.newId(), meetingId: s.meeting.id, targetId: target, description: 'x', consolidatedIds: r.created.map((c) => c.id) }));
            }
          } else if (o.kind === 'merge') {
            const l = live();
            if (l.length === 0) continue;
            const a = l[o.a % l.length]!;
            const b = l[o.b % l.length]!;
            const r = mergeConsolidated({ ids: [a.id, b.id] }, store, problems, stamp);
            if (a.id === b.id || a.targetId !== b.targetId) expect(r.ok).toBe(false);
            else if (r.ok) apply(r);
            else throw new Error(r.error);
          } else {
            const l = live();
            if (l.length === 0) continue;
            const c = l[o.c % l.length]!;
            const pick = c.sourceIds[o.pick % c.sourceIds.length]!;
            const r = o.kind === 'split' ? splitConsolidated({ id: c.id, opinionIds: [pick] }, raws, store, stamp) : unlinkSource({ id: c.id, opinionId: pick }, store, stamp);
            if (o.kind === 'split' && c.sourceIds.length === 1) expect(r.ok).toBe(false);
            else if (r.ok) apply(r);
            else throw new Error(r.error);
          }
        }
        expect(JSON.stringify(raws)).toBe(frozen);
        const holder = new Map<string, string>();
        const rawById = new Map(raws.map((r) => [r.id, r]));
        for (const c of live()) {
          expect(c.sourceIds.length).toBeGreaterThan(0);
          for (const id of c.sourceIds) {
            expect(holder.has(id), 'a raw opinion sits in two live consolidated opinions').toBe(false);
            holder.set(id, c.id);
            expect(rawById.get(id)!.targetId).toBe(c.targetId);
          }
        }
        const liveIds = new Set(live().map((c) => c.id));
        // Links follow merges: no problem points at a consolidated opinion that was merged away.
        for (const p of problems) for (const id of p.consolidatedIds) expect(store.find((c) => c.id === id)?.mergedInto).toBeUndefined();
        for (const c of store.filter((x) => x.mergedInto)) expect(liveIds.has(c.mergedInto!) || store.some((x) => x.id === c.mergedInto)).toBe(true);
        const counts = consolidationCounts({ opinions: raws, consolidated: store, flags, targets: targets.map((id) => ({ id, label: id })), channels: s.meeting.ruleSet.channels });
        const liveRaws = raws.filter((r) => !r.deletedAt);
        expect(counts.total.collected).toBe(liveRaws.length);
        const pending = liveRaws.filter((r) => !holder.has(r.id) && flags.get(r.id)?.counted).length;
        expect(counts.total).toEqual({ collected: liveRaws.length, consolidated: live().length + pending, pending });
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it('never links a problem to a consolidated opinion that was merged away', () => {
    const s = documentSample();
    const stamp = stampAt('2025-12-01T00:00:00.000Z', 600_000);
    const group = s.opinions.filter((o) => o.targetId === GROUP_TARGET && !o.deletedAt);
    const a = consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [group[0]!.id] }, s.opinions, [], stamp);
    const b = consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [group[1]!.id] }, s.opinions, a.ok ? a.created : [], stamp);
    if (!a.ok || !b.ok) throw new Error('setup');
    const store = [...a.created, ...b.created];
    const p = problemItem({ id: fakeUuid(600_900), meetingId: s.meeting.id, targetId: GROUP_TARGET, description: 'x', consolidatedIds: [b.created[0]!.id] });
    const r = mergeConsolidated({ ids: [a.created[0]!.id, b.created[0]!.id] }, store, [p], stamp);
    if (!r.ok) throw new Error(r.error);
    expect(r.problems[0]!.consolidatedIds).toEqual([a.created[0]!.id]);
  });
});
