import type { CellRange } from './grid';
import { columnIndex } from './grid';

/** `B3:D10` → a 0-based range; `A1` alone is a one-cell range; undefined when malformed. */
export function parseRangeRef(ref: string): CellRange | undefined {
  const [a, b = a] = ref.trim().split(':');
  const s = parseCellRef(a ?? '');
  const e = parseCellRef(b ?? '');
  if (!s || !e) return undefined;
  return { s: { r: Math.min(s.r, e.r), c: Math.min(s.c, e.c) }, e: { r: Math.max(s.r, e.r), c: Math.max(s.c, e.c) } };
}

function parseCellRef(ref: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  const c = columnIndex(m[1]!);
  const r = Number(m[2]) - 1;
  return c < 0 || r < 0 ? undefined : { r, c };
}

/** The number of cells in a range. */
export function rangeCells(range: CellRange): number {
  return (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1);
}
