// Writes bare BIFF record streams the way Excel 2.1, 3.0 and 4.0 wrote worksheets (and old finance
// and statistics systems still export them): BOF, CODEPAGE, DIMENSIONS, one LABEL per cell, EOF,
// text in a code page (GBK, 936, on Chinese systems). SheetJS writes these formats too, but turns
// every Chinese character into `_`, so the corpus generator uses this writer.
import * as codepages from 'xlsx/dist/cpexcel.full';

// The ES module (under vitest) exports `utils` beside the tables; the CommonJS one (under tsx) is
// one object holding both.
type Table = typeof codepages.cptable;
const loaded = codepages as unknown as { cptable?: Partial<Table>; default?: Table } & Partial<Table>;
const cptable = { utils: (loaded.utils ?? loaded.cptable?.utils ?? loaded.default?.utils)! };

export type OldBiff = 2 | 3 | 4;

function record(type: number, data: number[]): number[] {
  return [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data];
}

const u16 = (v: number) => [v & 0xff, (v >> 8) & 0xff];

/** A worksheet of text cells as a bare BIFF2, BIFF3 or BIFF4 stream, its text in `codepage`. */
export function writeOldBiff(version: OldBiff, rows: readonly (readonly string[])[], codepage = 936): Uint8Array {
  const out: number[] = [];
  const bofType = { 2: 0x0009, 3: 0x0209, 4: 0x0409 }[version];
  // Version and substream type (worksheet, 0x0010); BIFF3/4 add a build number.
  out.push(...record(bofType, version === 2 ? [...u16(0x0200), ...u16(0x0010)] : [...u16(version === 3 ? 0x0300 : 0x0400), ...u16(0x0010), ...u16(0)]));
  out.push(...record(0x0042, u16(codepage)));
  const width = Math.max(0, ...rows.map((r) => r.length));
  const dims = [...u16(0), ...u16(rows.length), ...u16(0), ...u16(width)];
  out.push(...record(version === 2 ? 0x0000 : 0x0200, version === 2 ? dims : [...dims, 0, 0]));
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text === '') return;
      const bytes = Array.from(cptable.utils.encode(codepage, text) as ArrayLike<number>);
      if (version === 2) out.push(...record(0x0004, [...u16(r), ...u16(c), 0, 0, 0, bytes.length, ...bytes]));
      else out.push(...record(0x0204, [...u16(r), ...u16(c), ...u16(15), ...u16(bytes.length), ...bytes]));
    }),
  );
  out.push(...record(0x000a, []));
  return Uint8Array.from(out);
}

/**
 * An Excel 5.0/95 workbook stream (BIFF5): workbook globals with the code page and one BOUNDSHEET,
 * then the worksheet of text cells. Put in a compound file as `Book`, it is an Excel 95 .xls; old
 * systems also write the stream bare.
 */
export function writeBiff5(sheetName: string, rows: readonly (readonly string[])[], codepage = 936): Uint8Array {
  const encode = (text: string) => Array.from(cptable.utils.encode(codepage, text) as ArrayLike<number>);
  const name = encode(sheetName);
  const globals = (sheetAt: number) => [
    ...record(0x0809, [...u16(0x0500), ...u16(0x0005), ...u16(0), ...u16(0)]),
    ...record(0x0042, u16(codepage)),
    ...record(0x0085, [sheetAt & 0xff, (sheetAt >> 8) & 0xff, (sheetAt >> 16) & 0xff, sheetAt >>> 24, 0, 0, name.length, ...name]),
    ...record(0x000a, []),
  ];
  const sheetAt = globals(0).length;
  const sheet: number[] = [...record(0x0809, [...u16(0x0500), ...u16(0x0010), ...u16(0), ...u16(0)])];
  const width = Math.max(0, ...rows.map((r) => r.length));
  sheet.push(...record(0x0200, [...u16(0), ...u16(rows.length), ...u16(0), ...u16(width), 0, 0]));
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text === '') return;
      const bytes = encode(text);
      sheet.push(...record(0x0204, [...u16(r), ...u16(c), ...u16(15), ...u16(bytes.length), ...bytes]));
    }),
  );
  sheet.push(...record(0x000a, []));
  return Uint8Array.from([...globals(sheetAt), ...sheet]);
}

/** Text in a code page (GBK by default), as old systems write CSV and BIFF text. */
export function encodeText(text: string, codepage = 936): Uint8Array {
  return Uint8Array.from(cptable.utils.encode(codepage, text) as ArrayLike<number>);
}
