// Units type a target or a category once and merge it down beside the opinions it applies to
// (one 意见对象 cell over five rows). Every row under such an area is read as carrying the area's
// value, as a clerk reads it; the opinion text itself is never repeated this way (see plan.ts).
import { cellAt, type GridCell, type SheetGrid } from './grid';

/**
 * The cell a data row shows at `(r, c)`: its own, or the first cell of an area merged down the
 * column from a data row above (areas starting in the header rows are the header's own business).
 */
export function mergedDownReader(sheet: SheetGrid, firstDataRow: number): (r: number, c: number) => GridCell | undefined {
  const below = new Map<string, GridCell>();
  for (const m of sheet.merges) {
    if (m.s.r < firstDataRow || m.e.r <= m.s.r) continue;
    const first = cellAt(sheet, m.s.r, m.s.c);
    if (!first) continue;
    for (let r = m.s.r + 1; r <= m.e.r; r++) below.set(`${r}:${m.s.c}`, first);
  }
  return (r, c) => cellAt(sheet, r, c) ?? below.get(`${r}:${c}`);
}
