// What a supervisor must know about years when reading many units' packages: a unit that sent last
// year's package instead of this year's is not ready, yet a year filter would only make it vanish
// from the list, and without a filter its old meeting would pass for the current one.
import type { OverviewRow } from './overview';

type YearRow = Pick<OverviewRow, 'unitId' | 'unitName' | 'unitOrder' | 'supervisoryGroup' | 'year'>;

/**
 * One Chinese sentence about the years of `rows` (already filtered by group, not by year), or none:
 * with `year`, the units that have no meeting of that year and the years they have; without it,
 * the years found when there are several, with the units of every year but the latest.
 */
export function yearNote(rows: readonly YearRow[], year: number | undefined): string | undefined {
  const byUnit = new Map<string, { name: string; order: number; years: Set<number> }>();
  for (const r of rows) {
    const unit = byUnit.get(r.unitId) ?? { name: r.unitName, order: r.unitOrder, years: new Set<number>() };
    unit.years.add(r.year);
    byUnit.set(r.unitId, unit);
  }
  const units = [...byUnit.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh-CN'));
  const yearsOf = (u: { years: Set<number> }) => [...u.years].sort((a, b) => a - b).map((y) => `${y}年度`).join('、');
  if (year !== undefined) {
    const missing = units.filter((u) => !u.years.has(year));
    if (missing.length === 0) return undefined;
    return `${missing.length} 个单位没有${year}年度的会议，未列出：${missing.map((u) => `${u.name}（只有${yearsOf(u)}）`).join('、')}`;
  }
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length < 2) return undefined;
  const latest = years[years.length - 1]!;
  const earlier = units.filter((u) => !u.years.has(latest));
  const counts = years.map((y) => `${y}年度 ${rows.filter((r) => r.year === y).length} 次`).join('、');
  return `会议分属 ${years.length} 个年度（${counts}）${earlier.length > 0 ? `，没有${latest}年度会议的单位：${earlier.map((u) => `${u.name}（${yearsOf(u)}）`).join('、')}` : ''}；可用 --year 只列一个年度`;
}
