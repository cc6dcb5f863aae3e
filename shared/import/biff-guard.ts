// Checks the record structure of a legacy .xls workbook stream (BIFF) before SheetJS parses it.
// SheetJS trusts each record's length: a record shorter than the fields its reader reads makes it
// read a one-byte character count past the end (`undefined`), and its string reader then loops
// `for (i = 0; i != undefined; ++i)`, growing an array until the page runs out of memory (found
// by the importer fuzz test). Records are walked the way SheetJS walks them; a record that runs
// past the stream, or is too short for the count its reader starts with, is refused.

/**
 * Record types whose SheetJS reader starts with a one-byte character count at this offset (in
 * BIFF2–5, or always), so the record must reach one byte past it.
 */
export const COUNT_AT: ReadonlyMap<number, number> = new Map([
  [0x0004, 7], // LABEL (BIFF2)
  [0x0007, 0], // STRING (BIFF2)
  [0x0018, 3], // Lbl (a defined name): flags, shortcut key, then the name's length
  [0x001e, 0], // FORMAT (BIFF2)
  [0x005c, 0], // WriteAccess
  [0x0218, 3], // Lbl (BIFF2 numbering)
  [0x041e, 2], // Format
]);

const BOF = new Set([0x0009, 0x0209, 0x0409, 0x0809]);
const EOF = 0x000a;

const DAMAGED = '已损坏（工作簿数据的记录结构异常），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';

/** The Chinese reason a workbook stream is refused, or undefined when its records are sound. */
export function inspectWorkbookStream(stream: Uint8Array): string | undefined {
  let depth = 0;
  for (let p = 0; p < stream.length - 1; ) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    // As SheetJS: reading stops where the outermost substream has ended.
    if (depth === 0 && !BOF.has(type)) return undefined;
    const length = p + 2 === stream.length ? 0 : stream[p + 2]! | ((stream[p + 3] ?? 0) << 8);
    if (p + 4 + length > stream.length) return DAMAGED;
    const count = COUNT_AT.get(type);
    if (count !== undefined && length < count + 1) return DAMAGED;
    if (BOF.has(type)) depth++;
    else if (type === EOF) depth--;
    p += 4 + length;
  }
  return undefined;
}
