// The overview's column groups as text, one implementation for the app's 督导总览, the command
// line's `overview` table and the Excel overview: 意见回应, 警示, 整改 (挂号, 已销号, 已结转, 逾期, 销号率)
// and 会前准备. A meeting with nothing to show in a group gets a dash, never a 0 that reads as a failure.
import type { RectificationFigures } from '../ledger/rectification-summary';
import type { OverviewRow } from './overview';
import { WARNING_KIND_LABELS, WARNING_KINDS } from './warnings';

/** The 整改 group's columns, in order (the app, the command line and the workbook show them so). */
export const RECTIFICATION_HEADERS = ['挂号', '已销号', '已结转', '逾期', '销号率'] as const;

/** `3/5（60%）`: consolidated opinions answered of all, or a dash before anything is consolidated. */
export function coverageCell(r: Pick<OverviewRow, 'coverage'>): string {
  return !r.coverage || r.coverage.total === 0 ? '—' : `${r.coverage.answered}/${r.coverage.total}（${r.coverage.percent}%）`;
}

/** `疑似抄袭3、雷同2`: the warnings by kind, 疑似抄袭 first, or a dash. */
export function warningsCell(r: Pick<OverviewRow, 'warnings'>): string {
  return (
    WARNING_KINDS.filter((k) => r.warnings[k] > 0)
      .map((k) => `${WARNING_KIND_LABELS[k]}${r.warnings[k]}`)
      .join('、') || '—'
  );
}

/**
 * 挂号, 已销号, 已结转 (carried into a later meeting by 回头看), 逾期, 销号率 (RECTIFICATION_HEADERS):
 * numbers, or a dash in each for a meeting with nothing registered.
 */
export function rectificationCells(f: RectificationFigures): Array<number | string> {
  return f.items === 0 ? RECTIFICATION_HEADERS.map(() => '—') : [f.items, f.closed, f.carried, f.overdue, `${f.closedPercent}%`];
}

/** The 会前准备 checklist items not done (待核实 is not counted: the app cannot know). */
export function preparationNotDone(r: Pick<OverviewRow, 'preparation'>): number {
  return r.preparation ? Object.values(r.preparation.items).filter((s) => s === 'not-done').length : 0;
}

/** 会前准备 in two parts — `未完成 2 项` / `已完成`, and `谈话 3/5 · 材料 1/6` — or undefined without a checklist. */
export function preparationCell(r: Pick<OverviewRow, 'preparation'>): { state: string; detail: string } | undefined {
  if (!r.preparation) return undefined;
  const n = preparationNotDone(r);
  return { state: n > 0 ? `未完成 ${n} 项` : '已完成', detail: `谈话 ${r.preparation.talksDone}/${r.preparation.talksRequired} · 材料 ${r.preparation.materialsSubmitted}/${r.preparation.materialsExpected}` };
}

/** 会前准备 on one line: `未完成 2 项（谈话 3/5 · 材料 1/6）`, or a dash. */
export function preparationText(r: Pick<OverviewRow, 'preparation'>): string {
  const c = preparationCell(r);
  return c ? `${c.state}（${c.detail}）` : '—';
}
