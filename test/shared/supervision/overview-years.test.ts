import { describe, expect, it } from 'vitest';
import { yearNote } from '#shared/supervision/overview-years';

const row = (unitId: string, unitName: string, unitOrder: number, year: number) => ({ unitId, unitName, unitOrder, supervisoryGroup: '第一督导组', year });
const rows = [row('a', '发改局', 1, 2025), row('b', '财政局', 2, 2024), row('c', '教育局', 3, 2024), row('c', '教育局', 3, 2025), row('d', '统计局', 4, 2023)];

describe('yearNote', () => {
  it('names the units that have no meeting of the chosen year, with the years they have', () => {
    expect(yearNote(rows, 2025)).toBe('2 个单位没有2025年度的会议，未列出：财政局（只有2024年度）、统计局（只有2023年度）');
    expect(yearNote(rows, 2024)).toBe('2 个单位没有2024年度的会议，未列出：发改局（只有2025年度）、统计局（只有2023年度）');
  });

  it('without a year, gives the years found and the units without a meeting of the latest', () => {
    expect(yearNote(rows, undefined)).toBe('会议分属 3 个年度（2023年度 1 次、2024年度 2 次、2025年度 2 次），没有2025年度会议的单位：财政局（2024年度）、统计局（2023年度）；可用 --year 只列一个年度');
    expect(yearNote([row('c', '教育局', 3, 2024), row('c', '教育局', 3, 2025)], undefined)).toBe('会议分属 2 个年度（2024年度 1 次、2025年度 1 次）；可用 --year 只列一个年度');
  });

  it('says nothing when every unit has the chosen year, or all meetings are of one year', () => {
    expect(yearNote([row('a', '发改局', 1, 2025), row('c', '教育局', 3, 2025)], undefined)).toBeUndefined();
    expect(yearNote(rows.filter((r) => r.unitId === 'c'), 2025)).toBeUndefined();
    expect(yearNote([], 2025)).toBeUndefined();
  });
});
