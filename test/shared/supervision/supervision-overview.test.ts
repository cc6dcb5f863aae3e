// The supervisory overview's rows, built from stored summaries: which meetings appear, their
// order, the year / group / status filters and the choices the filters offer.
import { describe, expect, it } from 'vitest';
import type { Unit } from '#shared/model/types';
import { filterOverview, overviewChoices, overviewRows, overviewTotals, type OverviewRow } from '#shared/supervision/overview';
import type { MeetingSummary } from '#shared/supervision/summary';

const T = '2025-11-01T08:00:00.000Z';

function unit(id: string, name: string, order: number, supervisoryGroup: string, deleted = false): Unit {
  return { id, name, shortName: name, supervisoryGroup, order, createdAt: T, updatedAt: T, ...(deleted ? { deletedAt: T } : {}) };
}

function summary(meetingId: string, unitId: string, year: number, fields: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    meetingId,
    unitId,
    year,
    title: `${year}年度民主生活会`,
    deleted: false,
    readiness: 'ready',
    shortfallCount: 0,
    zeroTargets: [],
    memberCount: 3,
    targetCount: 4,
    totals: { raw: 40, counted: 40, nonSubstantive: 0, duplicates: 0 },
    warnings: { 'cross-target': 0, 'same-target': 0, 'cross-unit': 0, 'praise-only': 0, 'too-short': 0 },
    fingerprint: `fp-${meetingId}`,
    lastAudit: null,
    auditCount: 0,
    ...fields,
  };
}

// Given out of display order on purpose: the rows must come back sorted.
const units = [
  unit('u-tj', '某某县统计局', 3, ''),
  unit('u-fg', '某某县发展和改革局', 1, '第一督导组'),
  unit('u-old', '某某县已撤并局', 0, '第一督导组', true),
  unit('u-cz', '某某县财政局', 2, '第二督导组'),
];
const summaries = [
  summary('m-cz-2025', 'u-cz', 2025, { readiness: 'not-ready', shortfallCount: 3 }),
  summary('m-fg-2024', 'u-fg', 2024, { lastAudit: { id: 'a1', verdict: 'pass', at: T, auditor: '王组长', fingerprint: 'fp-m-fg-2024' } }),
  summary('m-tj-2025', 'u-tj', 2025, { readiness: 'zero', shortfallCount: 2, zeroTargets: ['周立新（局长）'] }),
  summary('m-fg-2025', 'u-fg', 2025),
  summary('m-tj-2024', 'u-tj', 2024, { lastAudit: { id: 'a2', verdict: 'return', at: T, auditor: '王组长', fingerprint: 'older' } }),
  summary('m-cz-2023', 'u-cz', 2023, { deleted: true }),
  summary('m-old-2025', 'u-old', 2025),
  summary('m-gone-2025', 'u-missing', 2025),
];
const rows = overviewRows(units, summaries);
const ids = (list: readonly OverviewRow[]) => list.map((r) => r.meetingId);

describe('overviewRows', () => {
  it('lists the live meetings of live units in unit display order, newest year first within a unit', () => {
    // Left out: the meeting in the recycle bin, the deleted unit's meeting, a summary with no unit.
    expect(ids(rows)).toEqual(['m-fg-2025', 'm-fg-2024', 'm-cz-2025', 'm-tj-2025', 'm-tj-2024']);
  });

  it('gives each row its unit, group and status, with a verdict taking precedence over readiness', () => {
    expect(rows.map((r) => [r.unitName, r.supervisoryGroup, r.year, r.status, r.stale, r.shortfallCount])).toEqual([
      ['某某县发展和改革局', '第一督导组', 2025, 'ready', false, 0],
      ['某某县发展和改革局', '第一督导组', 2024, 'passed', false, 0],
      ['某某县财政局', '第二督导组', 2025, 'not-ready', false, 3],
      ['某某县统计局', '', 2025, 'zero', false, 2],
      ['某某县统计局', '', 2024, 'returned', true, 0],
    ]);
  });

  it('does not depend on the order of its input', () => {
    expect(ids(overviewRows([...units].reverse(), [...summaries].reverse()))).toEqual(ids(rows));
  });
});

describe('filterOverview', () => {
  it('keeps only the meetings of the chosen year, in the same order', () => {
    expect(ids(filterOverview(rows, { year: 2025 }))).toEqual(['m-fg-2025', 'm-cz-2025', 'm-tj-2025']);
    expect(ids(filterOverview(rows, { year: 2024 }))).toEqual(['m-fg-2024', 'm-tj-2024']);
    expect(filterOverview(rows, { year: 2023 })).toEqual([]);
    for (const year of [2024, 2025]) expect(filterOverview(rows, { year }).every((r) => r.year === year)).toBe(true);
  });

  it('keeps everything when no filter is set', () => {
    expect(ids(filterOverview(rows, {}))).toEqual(ids(rows));
  });

  it('filters by supervisory group, with an empty group meaning units with no group', () => {
    expect(ids(filterOverview(rows, { group: '第一督导组' }))).toEqual(['m-fg-2025', 'm-fg-2024']);
    expect(ids(filterOverview(rows, { group: '' }))).toEqual(['m-tj-2025', 'm-tj-2024']);
  });

  it('combines year, group and status', () => {
    expect(ids(filterOverview(rows, { year: 2025, status: 'zero' }))).toEqual(['m-tj-2025']);
    expect(ids(filterOverview(rows, { year: 2024, group: '第一督导组', status: 'passed' }))).toEqual(['m-fg-2024']);
    expect(filterOverview(rows, { year: 2025, status: 'passed' })).toEqual([]);
  });

  it('totals only the filtered year', () => {
    const totals = overviewTotals(filterOverview(rows, { year: 2025 }));
    expect(totals).toMatchObject({ units: 3, meetings: 3, shortfalls: 5, raw: 120 });
    expect(totals.byStatus).toEqual({ zero: 1, 'not-ready': 1, ready: 1, returned: 0, passed: 0 });
  });
});

describe('overviewChoices', () => {
  it('offers each year once, newest first, and the groups in unit display order', () => {
    expect(overviewChoices(rows)).toEqual({ years: [2025, 2024], groups: ['第一督导组', '第二督导组', ''] });
  });

  it('offers nothing for an empty overview', () => {
    expect(overviewChoices([])).toEqual({ years: [], groups: [] });
  });
});
