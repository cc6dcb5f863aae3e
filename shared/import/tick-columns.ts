// Forms that ask the source (or channel) by ticking a column: a header cell 意见来源 spans one column
// per choice (上级领导 | 下属单位 | … under it) and each row has a √ in one of them. Read column by
// column, the header is the spanning cell, the choices look like data and every row would be
// rejected; so such a group is folded into one column holding the ticked choice's name (two ticks
// give both names, which the category matcher then refuses as two categories), before the table is
// looked for. Meeting-independent: the choices are matched to the rule set later, like any value.
import { classifyHeader, exactField } from './fields';
import { columnLetter, sheetNoun, textAt, type GridCell, type ParsedWorkbook, type SheetGrid } from './grid';

/** The group header is looked for in the first rows only, as the table's header is. */
const SEARCH_ROWS = 30;
/** What people tick with; an empty box (□ ○) is no tick. */
const TICK = /^(?:[√✓✔☑☒■●✗×xX★]|是|1)$/;
const TOTAL = /^(?:合计|总计|小计)/;

/** The workbook with each tick group folded into its first column, and a note for each. */
export function foldTickColumns(workbook: ParsedWorkbook): ParsedWorkbook {
  const notes: string[] = [];
  const sheets = workbook.sheets.map((sheet) => {
    let out = sheet;
    for (const m of sheet.merges) {
      if (m.s.r !== m.e.r || m.e.c <= m.s.c || m.s.r >= SEARCH_ROWS) continue;
      const header = textAt(sheet, m.s.r, m.s.c);
      const kind = classifyHeader(header);
      if (kind.kind !== 'field' || (kind.field !== 'category' && kind.field !== 'channel')) continue;
      const folded = fold(out, m.s.r, m.s.c, m.e.c);
      if (!folded) continue;
      out = folded.sheet;
      const where = sheet.name === '' ? '表中' : `${sheetNoun(workbook)}“${sheet.name}”的`;
      notes.push(`${where} ${columnLetter(m.s.c)}–${columnLetter(m.e.c)} 列是勾选的“${header}”（${folded.choices.join('、')}），每行按所勾选的一项读取`);
    }
    return out;
  });
  return notes.length === 0 ? workbook : { ...workbook, sheets, notes: [...workbook.notes, ...notes] };
}

function fold(sheet: SheetGrid, r: number, first: number, last: number): { sheet: SheetGrid; choices: string[] } | undefined {
  const cols = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const choices = cols.map((c) => textAt(sheet, r + 1, c).trim());
  // Every column names a choice, and none is itself a column name (意见来源 / 来源类别 | 征求方式 is a two-row header).
  if (choices.some((c) => c === '' || exactField(c) !== undefined)) return undefined;
  const rows = sheet.rows.slice();
  let ticks = 0;
  for (let row = r + 2; row < rows.length; row++) {
    const cells = rows[row];
    if (!cells || cells.some((cell) => cell && TOTAL.test(cell.text.trim()))) continue;
    const ticked: string[] = [];
    for (const [i, c] of cols.entries()) {
      const t = cells[c]?.text.trim() ?? '';
      if (t === '') continue;
      if (!TICK.test(t)) return undefined;
      ticked.push(choices[i]!);
    }
    ticks += ticked.length;
    const copy: Array<GridCell | null | undefined> = cells.slice();
    for (const c of cols) copy[c] = null;
    if (ticked.length > 0) copy[first] = { text: ticked.join('、') };
    rows[row] = copy;
  }
  if (ticks === 0) return undefined;
  const sub = rows[r + 1]?.slice();
  if (sub) for (const c of cols) sub[c] = null;
  rows[r + 1] = sub && sub.some((cell) => cell) ? sub : null;
  // The header names the one column now: the others under it are empty, not more of the same.
  const merges = sheet.merges.filter((m) => !(m.s.r === r && m.e.r === r && m.s.c === first && m.e.c === last));
  return { sheet: { ...sheet, rows, merges }, choices };
}
