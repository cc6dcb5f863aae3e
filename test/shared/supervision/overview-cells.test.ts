// The overview's column groups as text, shared by the app's 督导总览, the command line and the workbook.
import { describe, expect, it } from 'vitest';
import { coverageCell, preparationText, rectificationCells, RECTIFICATION_HEADERS, warningsCell } from '#shared/supervision/overview-cells';

const none = { 'cross-unit': 0, 'cross-target': 0, 'same-target': 0, 'praise-only': 0, 'too-short': 0 };

describe('the overview cells', () => {
  it('shows 意见回应 as answered/all with the rate, or a dash before anything is consolidated', () => {
    expect(coverageCell({ coverage: { answered: 2, total: 3, percent: 67 } })).toBe('2/3（67%）');
    expect(coverageCell({ coverage: { answered: 0, total: 0, percent: 100 } })).toBe('—');
    expect(coverageCell({})).toBe('—');
  });

  it('gives one 整改 cell per header, 已结转 among them, and dashes for a meeting with nothing registered', () => {
    expect(RECTIFICATION_HEADERS).toEqual(['挂号', '已销号', '已结转', '逾期', '销号率']);
    expect(rectificationCells({ items: 3, closed: 1, carried: 2, overdue: 0, dueSoon: 0, closedPercent: 33 })).toEqual([3, 1, 2, 0, '33%']);
    expect(rectificationCells({ items: 0, closed: 0, carried: 0, overdue: 0, dueSoon: 0, closedPercent: 0 })).toEqual(['—', '—', '—', '—', '—']);
  });

  it('lists the warnings by kind with 疑似抄袭 first, and 会前准备 with what is not done', () => {
    expect(warningsCell({ warnings: { ...none, 'cross-target': 2, 'cross-unit': 3 } })).toBe('疑似抄袭3、雷同2');
    expect(warningsCell({ warnings: none })).toBe('—');
    const items = { plan: 'done', study: 'not-done', opinions: 'done', talks: 'not-done', materials: 'unknown', rectification: 'done' } as const;
    expect(preparationText({ preparation: { items, talksDone: 3, talksRequired: 5, materialsExpected: 6, materialsSubmitted: 1, materialsWarned: 0 } })).toBe('未完成 2 项（谈话 3/5 · 材料 1/6）');
    expect(preparationText({})).toBe('—');
  });
});
