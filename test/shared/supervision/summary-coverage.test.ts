// The meeting summary carries coverage (every consolidated opinion answered, no 只征不用), so the
// overview reads it without loading the records: the same figures computeCoverage gives, for the
// live targets only.
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '#shared/problems/coverage';
import { computeMeetingSummary, type FollowUpRecords } from '#shared/supervision/summary';
import { meetingSummarySchema } from '#shared/supervision/summary-schema';
import { check } from '#shared/util/validation';
import { problemSample } from '../../support/problem-sample';

const followUp = (s: ReturnType<typeof problemSample>, over: Partial<FollowUpRecords> = {}): FollowUpRecords => ({
  consolidated: s.consolidated,
  problems: s.problems,
  ledgerEntries: [],
  progressEntries: [],
  talks: [],
  preparations: [],
  materials: [],
  ...over,
});

describe('coverage in the meeting summary', () => {
  it('equals the coverage of the lists, and passes the stored-summary check', () => {
    const s = problemSample();
    const summary = computeMeetingSummary({ meeting: s.meeting, members: s.members, opinions: s.opinions, audits: [], followUp: followUp(s) });
    const c = computeCoverage(s.consolidated, s.problems, [{ id: 'group', label: '领导班子' }, ...s.members.filter((m) => !m.deletedAt).map((m) => ({ id: m.id, label: m.name }))]);
    expect(summary.coverage).toEqual({ answered: c.answered, total: c.total, percent: c.percent });
    expect(summary.coverage!.answered).toBe(summary.coverage!.total - 1);
    expect(check(meetingSummarySchema, summary).ok).toBe(true);
    expect(check(meetingSummarySchema, { ...summary, coverage: undefined }).ok).toBe(true);
    expect(check(meetingSummarySchema, { ...summary, coverage: { answered: 1, total: 2, percent: 101 } }).ok).toBe(false);
  });

  it('has no coverage while nothing is consolidated, and leaves out deleted records and removed members', () => {
    const s = problemSample();
    const none = computeMeetingSummary({ meeting: s.meeting, members: s.members, opinions: s.opinions, audits: [] });
    expect(none.coverage).toBeUndefined();
    const li = s.byName('李四');
    const gone = s.members.map((m) => (m.id === li ? { ...m, deletedAt: '2026-01-01T00:00:00.000Z' } : m));
    const without = computeMeetingSummary({ meeting: s.meeting, members: gone, opinions: s.opinions, audits: [], followUp: followUp(s) });
    expect(without.coverage!.answered).toBe(without.coverage!.total);
    const unlinked = computeMeetingSummary({
      meeting: s.meeting,
      members: s.members,
      opinions: s.opinions,
      audits: [],
      followUp: followUp(s, { problems: s.problems.map((p) => ({ ...p, deletedAt: '2026-01-01T00:00:00.000Z' })) }),
    });
    expect(unlinked.coverage!.answered).toBeLessThan(unlinked.coverage!.total - 1);
  });
});
