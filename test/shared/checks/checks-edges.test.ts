// Readiness ordering and labels, and copy detection's kinds, threshold and choice of partner, at
// their edges (written against the partial mutation report of shared/checks; see the README).
import { describe, expect, it } from 'vitest';
import { detectCopies, type CopyCandidate } from '#shared/checks/copy-detection';
import { orderedMembers, targetLabel } from '#shared/meeting/roster';
import { GROUP_TARGET } from '#shared/model/types';

describe('members in rank order', () => {
  const member = (id: string, rank: number) => ({ id, rank, name: id, deletedAt: undefined as string | undefined });

  it('orders by rank, then by id, whatever the input order', () => {
    const members = [member('m3', 2), member('m2', 1), member('m1', 1), member('m0', 3)];
    expect(orderedMembers(members).map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm0']);
    expect(orderedMembers([...members].reverse()).map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm0']);
  });

  it('leaves deleted members out', () => {
    expect(orderedMembers([member('m1', 1), { ...member('m2', 2), deletedAt: '2026-01-01T00:00:00Z' }]).map((m) => m.id)).toEqual(['m1']);
  });

  it('labels a member without a position (or a blank one) by name alone', () => {
    expect(targetLabel({ name: '张三', position: '  ' })).toBe('张三');
    expect(targetLabel({ name: '张三', position: '县长' })).toBe('张三（县长）');
  });
});

describe('copy detection at its edges', () => {
  let seq = 0;
  const op = (content: string, over: Partial<CopyCandidate> = {}): CopyCandidate => {
    seq++;
    return { id: `e-${String(seq).padStart(4, '0')}`, meetingId: 'm1', unitId: 'u1', targetId: 't1', category: '上级领导', content, createdAt: `2025-11-01T09:00:${String(seq % 60).padStart(2, '0')}.000Z`, ...over };
  };
  const base = '深入基层调研的次数偏少，对企业反映的问题跟踪解决不够及时';
  const near = '深入基层调研的次数较少，对企业反映的问题跟踪解决不够及时';
  const nearer = '深入基层调研的次数偏少，对企业反映的问题跟踪解决不够及时！呀';

  it('never calls two meetings’ opinions 雷同 or 近似重复, even for the same target id (the group)', () => {
    const a = op(base, { targetId: GROUP_TARGET, meetingId: 'm2024' });
    const b = op(near, { targetId: GROUP_TARGET, meetingId: 'm2025' });
    const c = op(near, { targetId: 't9', meetingId: 'm2025' });
    expect(detectCopies([a, b, c], { kinds: ['cross-target', 'same-target'] }).filter((w) => w.a.meetingId !== w.b.meetingId)).toEqual([]);
  });

  it('finds near copies inside one meeting when only the in-meeting kinds are asked for', () => {
    const warnings = detectCopies([op(base, { targetId: 't1' }), op(near, { targetId: 't2' })], { kinds: ['cross-target'] });
    expect(warnings.map((w) => w.kind)).toEqual(['cross-target']);
  });

  it('finds a near copy of a text that appears in two meetings, inside the meeting they share', () => {
    const warnings = detectCopies([op(base, { meetingId: 'm1', targetId: 't1' }), op(base, { meetingId: 'm2', targetId: 't1' }), op(near, { meetingId: 'm1', targetId: 't2' })], { kinds: ['cross-target'] });
    expect(warnings.map((w) => [w.a.meetingId, w.b.meetingId])).toEqual([['m1', 'm1']]);
  });

  it('uses the threshold it is given', () => {
    const pair = () => [op(base, { targetId: 't1' }), op(near, { targetId: 't2' })];
    expect(detectCopies(pair(), { kinds: ['cross-target'] })).toHaveLength(1);
    expect(detectCopies(pair(), { kinds: ['cross-target'], threshold: 0.99 })).toEqual([]);
    expect(detectCopies(pair(), { threshold: 0.99 })).toEqual([]);
  });

  it('pairs an opinion with its most similar partner, not the first one found', () => {
    const first = op(base, { targetId: 't1' });
    const lessSimilar = op(near, { targetId: 't2' });
    const moreSimilar = op(nearer, { targetId: 't3' });
    const warnings = detectCopies([first, lessSimilar, moreSimilar], { kinds: ['cross-target'] });
    expect(warnings.find((w) => w.a.id === first.id)?.b.id).toBe(moreSimilar.id);
    expect(warnings.some((w) => w.a.id === lessSimilar.id || w.b.id === lessSimilar.id)).toBe(true);
  });
});
