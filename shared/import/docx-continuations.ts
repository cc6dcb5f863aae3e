// A Word table that runs over a page is often split by its writer (Ctrl+Shift+Enter, or a page break
// typed between rows) into two tables, the second without the header. Read alone, that second
// table has no header and its rows would be silently left out; so a table of the body that follows
// the one before it with nothing but empty paragraphs between, has no heading or title of its own,
// the same number of grid columns and no header row, is read as the rest of that table, and the
// preview says so. A target merged down across the split carries on into the continuation.
import type { Table } from './docx-tables';
import { matchHeaderRow } from './fields';

/** How far down a table its header is looked for (as find-table does). */
const HEADER_ROWS = 30;

interface Join {
  into: Table;
  /** 1-based row of the joined table where the continuation starts. */
  firstRow: number;
  note: (name: string) => string;
}

/** The tables with each continuation joined to the table it continues, and what was joined. */
export function joinContinuations(found: readonly Table[], hasTitleRow: (t: Table) => boolean): { tables: Table[]; joins: Join[] } {
  const byOrder = [...found].sort((a, b) => a.order - b.order);
  const out: Table[] = [];
  const joins: Join[] = [];
  let previous: Table | undefined;
  for (const t of byOrder) {
    const body = t.inner.length === 0 && !found.some((x) => x.inner.includes(t));
    if (!body) {
      out.push(t);
      if (t.inner.length > 0) previous = undefined;
      continue;
    }
    if (previous && t.follows && continues(previous, t, hasTitleRow)) {
      const firstRow = previous.r + 2;
      append(previous, t);
      const count = t.r + 1;
      joins.push({
        into: previous,
        firstRow,
        note: (name) =>
          `${name === '' ? '意见表' : `表格“${name}”`}之后紧接着一个没有表头、列数相同的表格（Word 中跨页拆开的续表），已作为它的第 ${count > 1 ? `${firstRow}–${firstRow + count - 1}` : firstRow} 行一并读取；如不是同一张表，请在 Word 中给后一个表格加上表头后再导入`,
      });
      continue;
    }
    out.push(t);
    previous = t;
  }
  return { tables: out, joins };
}

function continues(before: Table, t: Table, hasTitleRow: (t: Table) => boolean): boolean {
  if (t.heading !== undefined || hasTitleRow(t) || t.width !== before.width || t.r < 0) return false;
  if (!hasHeader(before)) return false;
  const first = t.rows.findIndex((row) => row?.some((c) => c));
  return first >= 0 && !matchHeaderRow(cellTexts(t, first)).isHeader;
}

function hasHeader(t: Table): boolean {
  for (let r = 0; r < Math.min(t.rows.length, HEADER_ROWS); r++) if (t.rows[r] && matchHeaderRow(cellTexts(t, r)).isHeader) return true;
  return false;
}

function cellTexts(t: Table, r: number): string[] {
  return Array.from({ length: t.width }, (_, c) => t.rows[r]?.[c]?.text ?? '');
}

/** Appends the continuation's rows and merged areas to the table; a merge cut by the split is one again. */
function append(into: Table, t: Table): void {
  const offset = into.r + 1;
  t.rows.forEach((row, r) => {
    if (row) into.rows[offset + r] = row;
  });
  for (const area of t.merges) {
    const shifted = { s: { r: area.s.r + offset, c: area.s.c }, e: { r: area.e.r + offset, c: area.e.c } };
    if (t.orphans.includes(area)) {
      // The cell above the split holds the value: the area runs on from it.
      const above = into.merges.find((m) => m.e.r === into.r && m.s.c === area.s.c && m.e.c === area.e.c);
      if (above) {
        above.e.r = shifted.e.r;
        continue;
      }
      if (into.rows[into.r]?.[area.s.c]) {
        into.merges.push({ s: { r: into.r, c: area.s.c }, e: shifted.e });
        continue;
      }
    }
    into.merges.push(shifted);
  }
  into.r = offset + t.r;
  into.grid = { name: '', hidden: false, rows: into.rows, merges: into.merges.filter((m) => m.e.r > m.s.r || m.e.c > m.s.c) };
}
