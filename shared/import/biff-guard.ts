// Checks, and makes safe, the workbook stream of a legacy .xls (BIFF records) before SheetJS
// parses it. SheetJS trusts what records say, and the importer fuzz test found it looping without
// end on small changes: a record too short for the one-byte count its reader starts with makes it
// loop on an `undefined` count, growing an array until the page runs out of memory; a formula
// token reading past its record sets the read position to NaN, and the formula loop never ends.
// So records are walked the way SheetJS walks them, those too short for their count are refused,
// and formulas are taken out: the import needs each cell's value, which a formula cell stores
// next to its formula, never the formula itself. Inside a compound file only BIFF5 and BIFF8
// (Excel 5.0 to 2003, WPS) are read; Excel 2.1–4.0 worksheets (BIFF2–4) and some BIFF5 exports are
// bare record streams, not compound files, and are read as such, with the same checks.

/**
 * Record types whose SheetJS reader starts with a one-byte character count at this offset, so the
 * record must reach one byte past it.
 */
export const COUNT_AT: ReadonlyMap<number, number> = new Map([
  [0x0004, 7], // LABEL (BIFF2)
  [0x0007, 0], // STRING (BIFF2)
  [0x001e, 0], // FORMAT (BIFF2)
  [0x005c, 0], // WriteAccess
  [0x041e, 2], // Format
]);

/** Formula cells: BIFF2, BIFF3, BIFF4 and BIFF5/8 (SheetJS reads all three types the same way). */
export const FORMULA_TYPES: ReadonlySet<number> = new Set([0x0006, 0x0206, 0x0406]);

/**
 * Where a formula's token count sits, and its width, as SheetJS reads it for each version: after
 * cell (6, or 7 in BIFF2), value (8), flags (1 in BIFF2, 2 after) and, from BIFF5, a chain (4).
 */
function formulaCount(biff: number): { at: number; width: number } {
  if (biff === 2) return { at: 16, width: 1 };
  if (biff < 5) return { at: 16, width: 2 };
  return { at: 20, width: 2 };
}

/** Records that hold only formulas (array and shared formulas, defined names, external names): skipped. */
export const FORMULA_ONLY_TYPES: ReadonlySet<number> = new Set([0x0021, 0x0221, 0x04bc, 0x0018, 0x0218, 0x0023, 0x0223]);
/** A type SheetJS knows and reads nothing from (BookExt without a reader): what a skipped record becomes. */
export const SKIPPED_TYPE = 0x0863;

const BOF = new Set([0x0009, 0x0209, 0x0409, 0x0809]);
const EOF = 0x000a;

const DAMAGED = '已损坏（工作簿数据的记录结构异常），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';
const TOO_OLD = '是 Excel 5.0 以前的旧格式，无法读取，请在 Excel 或 WPS 中另存为 .xlsx 后再导入';

export type StreamCheck = { ok: true; stream: Uint8Array; formulas: number; biff: number } | { ok: false; error: string };

const BARE_BOF: ReadonlyMap<number, number> = new Map([
  [0x0009, 2],
  [0x0209, 3],
  [0x0409, 4],
  [0x0809, 5],
]);

/**
 * Whether the bytes are a bare BIFF record stream (an Excel 2.1–5.0 worksheet or workbook written
 * without a compound file): a BOF record of a plausible length with a known version.
 */
export function isBareBiff(bytes: Uint8Array): boolean {
  const type = (bytes[0] ?? 0) | ((bytes[1] ?? 0) << 8);
  const length = (bytes[2] ?? 0) | ((bytes[3] ?? 0) << 8);
  return BARE_BOF.has(type) && length >= 4 && length <= 20 && bytes.length >= 4 + length;
}

/** The BIFF version SheetJS sets at a BOF record (it changes only while still at its default, 8). */
function biffAfterBof(current: number, type: number, data: Uint8Array): number {
  const version = data.length >= 2 ? data[0]! | (data[1]! << 8) : 0;
  const dt = data.length >= 4 ? data[2]! | (data[3]! << 8) : 0;
  let biff = current;
  if (biff === 8) biff = ({ 0x0009: 2, 0x0209: 3, 0x0409: 4 } as Record<number, number>)[type] ?? ({ 0x0200: 2, 0x0300: 3, 0x0400: 4, 0x0500: 5, 0x0600: 8, 0x0002: 2, 0x0007: 2 } as Record<number, number>)[version] ?? 8;
  if (version === 0 && dt === 0x1000) biff = 5;
  if (biff === 8 && version === 0 && dt === 16) biff = 2;
  return biff;
}

/**
 * Walks a workbook stream as SheetJS will: the refusal, or a copy with formulas taken out (token
 * counts set to 0, formula-only records turned into a record SheetJS skips; lengths unchanged, so
 * the sheets' positions in the stream stay right).
 */
export function checkWorkbookStream(input: Uint8Array, { bare = false }: { bare?: boolean } = {}): StreamCheck {
  // SheetJS is handed the stream itself and picks its reader by the first bytes: they must be a
  // BOF record — of BIFF5/8 (0x0809) from a compound file — or it would try other formats.
  if (bare ? !isBareBiff(input) : input[0] !== 0x09 || input[1] !== 0x08) return { ok: false, error: DAMAGED };
  let first = 0;
  const stream = input.slice();
  let depth = 0;
  let biff = 8;
  let formulas = 0;
  for (let p = 0; p < stream.length - 1; ) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    // As SheetJS: reading stops where the outermost substream has ended.
    if (depth === 0 && !BOF.has(type)) break;
    const length = p + 2 === stream.length ? 0 : stream[p + 2]! | ((stream[p + 3] ?? 0) << 8);
    const start = p + 4;
    if (start + length > stream.length) return { ok: false, error: DAMAGED };
    const count = COUNT_AT.get(type);
    if (FORMULA_ONLY_TYPES.has(type)) {
      stream[p] = SKIPPED_TYPE & 0xff;
      stream[p + 1] = SKIPPED_TYPE >> 8;
      formulas++;
    } else if (FORMULA_TYPES.has(type)) {
      const count = formulaCount(biff);
      if (length >= count.at + count.width) stream.fill(0, start + count.at, start + count.at + count.width);
      formulas++;
    } else if (count !== undefined && length < count + 1) {
      return { ok: false, error: DAMAGED };
    }
    if (BOF.has(type)) {
      biff = biffAfterBof(biff, type, stream.subarray(start, start + length));
      if (biff < 5 && !bare) return { ok: false, error: TOO_OLD };
      if (first === 0) first = biff;
      depth++;
    } else if (type === EOF) depth--;
    p = start + length;
  }
  return { ok: true, stream, formulas, biff: first };
}
