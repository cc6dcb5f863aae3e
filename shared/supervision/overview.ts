// The supervisory overview: one row per live meeting of a live unit, from the stored summaries —
// never from the opinions — so it stays instant at county scale. The app, the command line and
// the Excel overview all build their table here.
import type { Unit } from '../model/types';
import { overviewStatus, STATUS_LABELS, STATUS_ORDER, type MeetingSummary, type OverviewStatus } from './summary';
import type { WarningKind } from './warnings';
import { rectificationFigures, type RectificationFigures } from '../ledger/rectification-summary';
import { today as clockToday } from '../util/clock';
import { ratePercent } from '../util/percent';

export interface OverviewRow {
  meetingId: string;
  unitId: string;
  unitName: string;
  supervisoryGroup: string;
  unitOrder: number;
  year: number;
  title: string;
  status: OverviewStatus;
  /** The data changed after the latest verdict. */
  stale: boolean;
  shortfallCount: number;
  zeroTargets: string[];
  memberCount: number;
  raw: number;
  counted: number;
  warnings: Record<WarningKind, number>;
  /** All warnings of the meeting. */
  warningCount: number;
  lastAudit: MeetingSummary['lastAudit'];
  /** Consolidated opinions answered / all (absent for a summary stored before coverage was kept). */
  coverage?: MeetingSummary['coverage'];
  /** 整改台账: items, 已销号, 逾期 (counted on the day the rows are made), 销号率. */
  rectification: RectificationFigures;
  /** The 会前准备 checklist's state (谈心谈话, 对照检查材料 …), when the summary has it. */
  preparation?: MeetingSummary['preparation'];
}

/** The rows of the overview, in unit display order, then newest year first; overdue is judged on `today` (the domain clock's by default). */
export function overviewRows(units: readonly Unit[], summaries: readonly MeetingSummary[], today: string = clockToday()): OverviewRow[] {
  const live = new Map(units.filter((u) => !u.deletedAt).map((u) => [u.id, u]));
  return summaries
    .filter((s) => !s.deleted && live.has(s.unitId))
    .map((s): OverviewRow => {
      const unit = live.get(s.unitId)!;
      const { status, stale } = overviewStatus(s);
      return {
        meetingId: s.meetingId,
        unitId: s.unitId,
        unitName: unit.name,
        supervisoryGroup: unit.supervisoryGroup,
        unitOrder: unit.order,
        year: s.year,
        title: s.title,
        status,
        stale,
        shortfallCount: s.shortfallCount,
        zeroTargets: s.zeroTargets,
        memberCount: s.memberCount,
        raw: s.totals.raw,
        counted: s.totals.counted,
        warnings: s.warnings,
        warningCount: Object.values(s.warnings).reduce((a, b) => a + b, 0),
        lastAudit: s.lastAudit,
        // The rate from the stored counts, so a summary stored under an older rounding reads the same as a fresh one.
        ...(s.coverage ? { coverage: { ...s.coverage, percent: ratePercent(s.coverage.answered, s.coverage.total, 100) } } : {}),
        rectification: rectificationFigures(s.rectification, today),
        ...(s.preparation ? { preparation: s.preparation } : {}),
      };
    })
    .sort(byUnitThenYear);
}

/** The order units' meetings are listed in everywhere (overview, command line): unit order, unit name, newest year first, then id. */
export function byUnitThenYear(a: UnitMeetingKey, b: UnitMeetingKey): number {
  return a.unitOrder - b.unitOrder || (a.unitName < b.unitName ? -1 : a.unitName > b.unitName ? 1 : 0) || b.year - a.year || (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0);
}

export interface UnitMeetingKey {
  unitOrder: number;
  unitName: string;
  year: number;
  meetingId: string;
}

export interface OverviewFilter {
  /** A supervisory group, or undefined for all; `''` selects units with no group. */
  group?: string;
  year?: number;
  status?: OverviewStatus;
}

/** The rows that match a filter. */
export function filterOverview(rows: readonly OverviewRow[], filter: OverviewFilter): OverviewRow[] {
  return rows.filter(
    (r) => (filter.group === undefined || r.supervisoryGroup === filter.group) && (filter.year === undefined || r.year === filter.year) && (filter.status === undefined || r.status === filter.status),
  );
}

export interface OverviewTotals {
  units: number;
  meetings: number;
  byStatus: Record<OverviewStatus, number>;
  /** 通过 verdicts whose data changed afterwards. */
  stalePasses: number;
  raw: number;
  counted: number;
  shortfalls: number;
  warnings: Record<WarningKind, number>;
  /** 整改台账 over the rows: items, 已销号, 逾期, 7日内到期, 销号率 — each problem once: an item carried into a later meeting (已结转) counts there, not again in its first year's `items`. */
  rectification: RectificationFigures;
  /** 意见回应 over the rows that keep it: answered / all consolidated opinions, by the one rate rule; absent when no row has it. */
  coverage?: NonNullable<OverviewRow['coverage']>;
}

/** Totals of some rows: how many units and meetings, per status, opinions, shortfalls and warnings. */
export function overviewTotals(rows: readonly OverviewRow[]): OverviewTotals {
  const byStatus = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<OverviewStatus, number>;
  const warnings: Record<WarningKind, number> = { 'cross-target': 0, 'same-target': 0, 'cross-unit': 0, 'praise-only': 0, 'too-short': 0 };
  let stalePasses = 0;
  let raw = 0;
  let counted = 0;
  let shortfalls = 0;
  const rect = { items: 0, closed: 0, carried: 0, overdue: 0, dueSoon: 0, closedPercent: 0 };
  let coverage: { answered: number; total: number } | undefined;
  for (const r of rows) {
    if (r.coverage) coverage = { answered: (coverage?.answered ?? 0) + r.coverage.answered, total: (coverage?.total ?? 0) + r.coverage.total };
    rect.items += r.rectification.items - r.rectification.carried;
    rect.carried += r.rectification.carried;
    rect.closed += r.rectification.closed;
    rect.overdue += r.rectification.overdue;
    rect.dueSoon += r.rectification.dueSoon;
    byStatus[r.status]++;
    if (r.status === 'passed' && r.stale) stalePasses++;
    raw += r.raw;
    counted += r.counted;
    shortfalls += r.shortfallCount;
    for (const k of Object.keys(warnings) as WarningKind[]) warnings[k] += r.warnings[k];
  }
  rect.closedPercent = ratePercent(rect.closed, rect.items);
  return {
    units: new Set(rows.map((r) => r.unitId)).size,
    meetings: rows.length,
    byStatus,
    stalePasses,
    raw,
    counted,
    shortfalls,
    warnings,
    rectification: rect,
    // 100 when nothing is consolidated, as for a row (the cell then shows a dash).
    ...(coverage ? { coverage: { ...coverage, percent: ratePercent(coverage.answered, coverage.total, 100) } } : {}),
  };
}

/** The Chinese status of a row as a table shows it: `未就绪（待补 3 项）`, `已审核通过（审核后数据已变更）`. */
export function statusText(row: Pick<OverviewRow, 'status' | 'stale' | 'shortfallCount'>): string {
  const base = STATUS_LABELS[row.status];
  if (row.status === 'not-ready') return `${base}（待补 ${row.shortfallCount} 项）`;
  if (row.stale) return `${base}（审核后数据已变更）`;
  return base;
}

/**
 * The supervisory groups and years present, for the filters. Groups come in the order of their
 * first unit in the display order (第一督导组 before 第二督导组 when the units are set up that way;
 * neither code order nor pinyin order gets Chinese numerals right); years newest first.
 */
export function overviewChoices(rows: readonly OverviewRow[]): { groups: string[]; years: number[] } {
  return {
    groups: [...new Set(rows.map((r) => r.supervisoryGroup))],
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a),
  };
}

export { STATUS_LABELS, STATUS_ORDER };
