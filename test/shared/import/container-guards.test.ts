// What the importer fuzz test found, and the checks that close it: SheetJS reads the containers of
// .xls and .xlsx files its own way (unbounded loops over sector chains and records, the zip's local
// headers, a size hint it allocates up front, a parser picked by a string's first characters).
// A legacy .xls is now read here and SheetJS gets its checked workbook stream alone; an .xlsx is
// checked the way SheetJS reads it. Each test is one way a file got past, or could get past.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { checkWorkbookStream, COUNT_AT } from '#shared/import/biff-guard';
import { readCompoundWorkbook } from '#shared/import/cfb-guard';
import { readWorkbook } from '#shared/import/read-workbook';
import { inspectZip } from '#shared/import/zip-guard';
import { fixtureBytes, planFixture } from '../../support/import-fixtures';
import { PLAIN_ZIP, writeZip } from '../../support/zip-writer';

const DAMAGED_XLS = '已损坏（文件结构异常），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';
const INCONSISTENT_ZIP = '已损坏（压缩包内部信息前后矛盾），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';

/** A legacy .xls with `rows` opinion rows, as SheetJS writes it (BIFF8 in a compound file). */
function legacyXls(rows: number): Uint8Array {
  const aoa = [['意见对象', '意见来源', '征求方式', '意见建议'], ...Array.from({ length: rows }, (_, i) => ['张三', '上级领导', '谈心谈话', `第${i + 1}条：调查研究不够深入`])];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '意见');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
}

/** Just enough of a compound file's layout to rewrite its FAT and directory entries. */
function compoundFile(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ssz = 1 << view.getUint16(30, true);
  const fatSectors: number[] = [];
  for (let j = 0; j < 109; j++) {
    const q = view.getInt32(76 + 4 * j, true);
    if (q < 0) break;
    fatSectors.push(q);
  }
  const fatAt = (j: number) => (fatSectors[Math.floor((j * 4) / ssz)]! + 1) * ssz + ((j * 4) % ssz);
  const next = (j: number) => view.getInt32(fatAt(j), true);
  const setNext = (j: number, n: number) => view.setInt32(fatAt(j), n, true);
  const entryOffsets: number[] = [];
  for (let s = view.getInt32(48, true); s >= 0; s = next(s)) for (let e = 0; e < ssz / 128; e++) entryOffsets.push((s + 1) * ssz + e * 128);
  const name = (at: number) => String.fromCharCode(...Array.from({ length: Math.max(0, view.getUint16(at + 64, true) / 2 - 1) }, (_, i) => view.getUint16(at + 2 * i, true)));
  const entry = (wanted: string) => {
    const at = entryOffsets.find((o) => name(o) === wanted)!;
    return { start: view.getInt32(at + 116, true), size: view.getInt32(at + 120, true), setStart: (s: number) => view.setInt32(at + 116, s, true) };
  };
  /** Sets the left, right or child link of the n-th directory entry. */
  const link = (n: number, which: 'L' | 'R' | 'C', to: number) => view.setInt32(entryOffsets[n]! + { L: 68, R: 72, C: 76 }[which], to, true);
  return { next, setNext, entry, link };
}

describe('legacy .xls containers', () => {
  it('reads files written by SheetJS and by LibreOffice', () => {
    expect(readCompoundWorkbook(fixtureBytes('legacy.xls'))).toMatchObject({ ok: true });
    expect(readCompoundWorkbook(fixtureBytes('libreoffice.xls'))).toMatchObject({ ok: true });
    // libreoffice.xls is synonym-headers.xlsx saved as .xls by LibreOffice: the same plan.
    const [xls, xlsx] = [planFixture('libreoffice.xls').plan, planFixture('synonym-headers.xlsx').plan];
    expect(xls.toAdd.map((r) => r.fields)).toEqual(xlsx.toAdd.map((r) => r.fields));
    expect(xls.toAdd.length).toBeGreaterThan(0);
    const big = legacyXls(20_000);
    expect(readCompoundWorkbook(big)).toMatchObject({ ok: true });
  });

  it('refuses a sector chain that runs in a circle (the SheetJS container reader grew an array until the process aborted)', () => {
    const bytes = legacyXls(300);
    const cfb = compoundFile(bytes);
    const workbook = cfb.entry('Workbook');
    expect(workbook.size).toBeGreaterThanOrEqual(4096);
    const second = cfb.next(workbook.start);
    // s0 → s1 → s0 …, and the stream starts at s1, in the middle of the circle.
    cfb.setNext(second, workbook.start);
    workbook.setStart(second);
    const started = performance.now();
    expect(readWorkbook(bytes, '循环.xls')).toEqual({ ok: false, error: `“循环.xls”${DAMAGED_XLS}` });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads a stream whose chain runs backwards through the file, each sector once (the SheetJS container reader is quadratic on it)', () => {
    const bytes = legacyXls(2000);
    const cfb = compoundFile(bytes);
    const workbook = cfb.entry('Workbook');
    const chain: number[] = [];
    for (let s = workbook.start; s >= 0; s = cfb.next(s)) chain.push(s);
    expect(chain.length).toBeGreaterThan(100);
    // Block i of the stream moves to the i-th sector from the end, and the chain runs downwards.
    const blocks = chain.map((s) => bytes.slice((s + 1) * 512, (s + 2) * 512));
    const reversed = [...chain].reverse();
    reversed.forEach((s, i) => {
      bytes.set(blocks[i]!, (s + 1) * 512);
      cfb.setNext(s, i === reversed.length - 1 ? -2 : reversed[i + 1]!);
    });
    workbook.setStart(reversed[0]!);
    const started = performance.now();
    const read = readWorkbook(bytes, '倒序.xls');
    expect(read.ok && read.workbook.sheets[0]!.rows.length).toBe(2001);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a directory that is not one tree: a link out of range, an entry linked twice, a circle', () => {
    const outOfRange = fixtureBytes('libreoffice.xls');
    compoundFile(outOfRange).link(3, 'R', 999);
    expect(readCompoundWorkbook(outOfRange)).toEqual({ ok: false, error: DAMAGED_XLS });

    const circle = fixtureBytes('libreoffice.xls');
    // Entries 1 → 4 → 5 are a branch; 5 pointing back at 1 makes a circle (and links 1 twice).
    compoundFile(circle).link(5, 'L', 1);
    expect(readCompoundWorkbook(circle)).toEqual({ ok: false, error: DAMAGED_XLS });

    const detached = fixtureBytes('libreoffice.xls');
    // Two free entries pointing at each other: a circle nobody reaches from the root.
    compoundFile(detached).link(6, 'L', 7);
    compoundFile(detached).link(7, 'L', 6);
    expect(readCompoundWorkbook(detached)).toEqual({ ok: false, error: DAMAGED_XLS });
  });

  it('never reads document properties (SheetJS trusted an absurd count in them and ran out of memory)', () => {
    const bytes = fixtureBytes('libreoffice.xls');
    // The fuzz test's find: one byte of the mini-stream FAT sends the DocumentSummaryInformation
    // stream into other data, whose property count SheetJS then believes.
    bytes[1749] = 0xb4;
    const started = performance.now();
    const read = readWorkbook(bytes, '属性.xls');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(read.ok && read.workbook.sheets.map((sh) => sh.rows.length)).toEqual([6]);
  });

  it('names a Word .doc and an encrypted file for what they are', () => {
    const doc = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(doc, 'WordDocument', new Uint8Array(64));
    expect(readCompoundWorkbook(new Uint8Array(XLSX.CFB.write(doc, { type: 'array' }) as ArrayBuffer))).toMatchObject({ ok: false, error: expect.stringContaining('是 Word 文档（.doc，Word 97-2003 格式），无法直接读取。请在 Word 或 WPS 中打开后另存为 .docx') });
  });
});

/** A copy of a legacy .xls with its workbook stream's records changed by `edit`. */
function withRecords(xls: Uint8Array, edit: (records: Array<[type: number, data: Uint8Array]>) => void): Uint8Array {
  const container = XLSX.CFB.read(xls, { type: 'array' });
  const entry = XLSX.CFB.find(container, '/Workbook')!;
  const stream = new Uint8Array(entry.content as ArrayLike<number>);
  const records: Array<[number, Uint8Array]> = [];
  for (let p = 0; p + 4 <= stream.length; ) {
    const length = stream[p + 2]! | (stream[p + 3]! << 8);
    records.push([stream[p]! | (stream[p + 1]! << 8), stream.slice(p + 4, p + 4 + length)]);
    p += 4 + length;
  }
  edit(records);
  const out = new Uint8Array(records.reduce((n, [, d]) => n + 4 + d.length, 0));
  let p = 0;
  for (const [type, data] of records) {
    out.set([type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data], p);
    p += 4 + data.length;
  }
  XLSX.CFB.utils.cfb_del(container, '/Workbook');
  XLSX.CFB.utils.cfb_add(container, '/Workbook', out);
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayBuffer);
}

describe('legacy .xls workbook streams (BIFF records)', () => {
  it('reads a stream rebuilt record by record unchanged', () => {
    const same = withRecords(legacyXls(50), () => undefined);
    const read = readWorkbook(same, '原样.xls');
    expect(read.ok && read.workbook.sheets[0]!.rows.length).toBe(51);
  });

  it('refuses a record too short for the count its reader starts with (SheetJS would loop until out of memory)', () => {
    // An empty STRING record after the first BOF: its character count would be read past the end.
    const bytes = withRecords(legacyXls(50), (records) => records.splice(1, 0, [0x0007, new Uint8Array(0)]));
    const started = performance.now();
    expect(readWorkbook(bytes, '短记录.xls')).toEqual({ ok: false, error: '“短记录.xls”已损坏（工作簿数据的记录结构异常），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a record that runs past the end of the stream, and stops where SheetJS stops', () => {
    expect(checkWorkbookStream(new Uint8Array([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 1, 2]))).toMatchObject({ ok: false, error: expect.stringContaining('记录结构异常') });
    // After the last EOF, padding is not read.
    expect(checkWorkbookStream(new Uint8Array([0x09, 0x08, 0x02, 0x00, 0x00, 0x06, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff]))).toMatchObject({ ok: true });
  });

  it('refuses a stream SheetJS would read as BIFF2–4 (older than Excel 5.0)', () => {
    expect(checkWorkbookStream(new Uint8Array([0x09, 0x08, 0x04, 0x00, 0x00, 0x04, 0x10, 0x00]))).toMatchObject({ ok: false, error: expect.stringContaining('Excel 5.0 以前的旧格式') });
    // A stream that does not begin with a BIFF5/8 BOF would make SheetJS try other formats.
    expect(checkWorkbookStream(new Uint8Array([0x03, 0x7d, 0x0b, 0x15, 0x41, 0x41, 0x41, 0x41]))).toMatchObject({ ok: false, error: expect.stringContaining('记录结构异常') });
  });

  it('keeps the value of a formula cell and never parses its formula (a token reading past its record looped forever)', () => {
    // A Formula record for B2 = 1+2 with its value 3 stored: cell, value, flags, chain, 7 bytes of tokens.
    const formula = new Uint8Array(22 + 7);
    const view = new DataView(formula.buffer);
    view.setUint16(0, 1, true); // row 2
    view.setUint16(2, 1, true); // column B
    view.setFloat64(6, 3, true);
    view.setUint16(20, 7, true);
    formula.set([0x1e, 1, 0, 0x1e, 2, 0, 0x03], 22); // PtgInt 1, PtgInt 2, PtgAdd
    const bytes = withRecords(legacyXls(1), (records) => {
      const at = records.findIndex(([type, data]) => type === 0x0204 && data[0] === 1 && data[2] === 1);
      records.splice(at, 1, [0x0006, formula]);
    });
    const read = readWorkbook(bytes, '公式.xls');
    expect(read.ok && read.workbook.sheets[0]!.rows[1]!.map((c) => c?.text)).toEqual(['张三', '3', '谈心谈话', '第1条：调查研究不够深入']);
    // The fuzz test's find: an array formula whose tokens set SheetJS's read position to NaN.
    const started = performance.now();
    expect(readWorkbook(fixtureBytes('hostile/formula-loop.xls'), 'formula-loop.xls')).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('knows the records whose SheetJS reader starts with a one-byte count (checked against the installed SheetJS)', () => {
    // Found the way Node finds it (not by a path from here): Stryker runs the tests from a copy of the project.
    const source = readFileSync(resolve(dirname(createRequire(import.meta.url).resolve('xlsx')), 'xlsx.mjs'), 'utf8');
    const start = source.indexOf('var XLSRecordEnum = {');
    const table = source.slice(start, source.indexOf('\n};', start));
    const entries = [...table.matchAll(/^\s*0x([0-9a-f]{4}): \{ \/\* n:"(\w+)", \*\/ f:(\w+)/gim)].map((m) => ({ type: parseInt(m[1]!, 16), reader: m[3]! }));
    // Each listed record is still read by the reader the offset was taken from; an upgraded SheetJS fails here.
    const readers = Object.fromEntries(entries.filter((e) => COUNT_AT.has(e.type)).map((e) => [e.type, e.reader]));
    expect(readers).toEqual({ 0x0004: 'parse_BIFF2STR', 0x0007: 'parse_BIFF2STRING', 0x001e: 'parse_BIFF2Format', 0x005c: 'parse_WriteAccess', 0x041e: 'parse_Format' });
  });
});

const SMALL_BOOK = { 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData/></worksheet>') };

describe('.xlsx archives: SheetJS sees what was measured', () => {
  it('refuses a local header whose method differs from the central directory (a stored entry read as a deflate stream)', () => {
    const zip = zipSync(SMALL_BOOK, { level: 0 });
    const view = new DataView(zip.buffer);
    expect(inspectZip(zip)).toMatchObject({ ok: true });
    view.setUint16(8, 8, true);
    expect(inspectZip(zip)).toEqual({ ok: false, error: INCONSISTENT_ZIP });
  });

  it('refuses a local header with another name or other sizes', () => {
    const renamed = zipSync(SMALL_BOOK);
    renamed[30 + 'xl/'.length] = 'X'.charCodeAt(0);
    expect(inspectZip(renamed)).toEqual({ ok: false, error: INCONSISTENT_ZIP });
    const resized = zipSync(SMALL_BOOK);
    new DataView(resized.buffer).setUint32(22, 0x7fffffff, true);
    expect(inspectZip(resized)).toEqual({ ok: false, error: INCONSISTENT_ZIP });
  });

  it('refuses a decoy end record in the last bytes, where SheetJS looks first', () => {
    const zip = zipSync(SMALL_BOOK);
    const decoy = new Uint8Array(zip.length + 12);
    decoy.set(zip);
    decoy.set([0x50, 0x4b, 0x05, 0x06], zip.length + 2);
    new DataView(decoy.buffer).setUint16(zip.length - 2, 12, true); // the real record's comment covers the decoy
    expect(inspectZip(decoy)).toMatchObject({ ok: false });
  });

  it('refuses differing entry counts', () => {
    const counts = zipSync(SMALL_BOOK);
    new DataView(counts.buffer).setUint16(counts.length - 22 + 8, 3, true);
    expect(inspectZip(counts)).toEqual({ ok: false, error: INCONSISTENT_ZIP });
  });

  it('accepts a local ZIP64 field whose sizes are placeholders (0) or the real ones, and refuses one that lies', () => {
    const parts = Object.entries(SMALL_BOOK).map(([name, data]) => ({ name, data }));
    for (const sizes of ['zip64-placeholder', 'zip64-real', 'descriptor'] as const) {
      for (const zip64Central of [false, true]) {
        const zip = writeZip(parts, { ...PLAIN_ZIP, sizes, zip64Central, zip64End: zip64Central });
        expect(inspectZip(zip), `${sizes}${zip64Central ? ' + ZIP64 central records' : ''}`).toMatchObject({ ok: true });
      }
    }
    // fflate writes the extra field into both headers: the central sizes are 32-bit, so the zeros are placeholders.
    const zeros = zipSync({ ...SMALL_BOOK, 'xl/worksheets/sheet1.xml': [strToU8('<worksheet/>'), { extra: { 1: new Uint8Array(16) } }] });
    expect(inspectZip(zeros)).toMatchObject({ ok: true });
    // The .NET layout with the local ZIP64 field's uncompressed size changed to 4 GB.
    const lying = writeZip(parts, { ...PLAIN_ZIP, sizes: 'zip64-real' });
    const at = lying.findIndex((b, i) => b === 0x01 && lying[i + 1] === 0x00 && lying[i + 2] === 16 && lying[i + 3] === 0);
    new DataView(lying.buffer).setUint32(at + 4, 0xfffffff0, true);
    expect(inspectZip(lying)).toEqual({ ok: false, error: INCONSISTENT_ZIP });
    // A central ZIP64 field whose uncompressed size is not the real one.
    const central = writeZip(parts, { ...PLAIN_ZIP, zip64Central: true });
    const dir = central.length - 22 - parts.reduce((n, p) => n + 46 + p.name.length + 28, 0);
    new DataView(central.buffer).setUint32(dir + 46 + parts[0]!.name.length + 4, 7, true);
    expect(inspectZip(central)).toEqual({ ok: false, error: INCONSISTENT_ZIP });
  });

  it('hands SheetJS an archive rebuilt from the measured parts (stored, exact sizes, no extra fields)', () => {
    const zip = writeZip(Object.entries(SMALL_BOOK).map(([name, data]) => ({ name, data })), { ...PLAIN_ZIP, sizes: 'zip64-placeholder' });
    const verdict = inspectZip(zip);
    if (!verdict.ok) throw new Error(verdict.error);
    const again = inspectZip(verdict.archive);
    expect(again).toMatchObject({ ok: true, entries: ['xl/workbook.xml', 'xl/worksheets/sheet1.xml'] });
    expect(again.ok && again.archive).toEqual(verdict.archive);
    expect([...(verdict.parts.get('xl/workbook.xml') ?? [])]).toEqual([...SMALL_BOOK['xl/workbook.xml']]);
  });

  it('still reads every real workbook fixture', () => {
    for (const name of ['questionnaire.xlsx', 'same-name.xlsx', 'sheet-per-member.xlsx', 'synonym-headers.xlsx', 'title-merged-header.xlsx', 'e2e-unknown-header.xlsx']) {
      expect(inspectZip(fixtureBytes(name)), name).toMatchObject({ ok: true });
    }
  });
});

describe('text files: SheetJS reads them as text', () => {
  const read = (text: string, encoding: 'utf-8' | 'utf-16le' = 'utf-8') => {
    const bytes = encoding === 'utf-8' ? new TextEncoder().encode(text) : new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    const r = readWorkbook(bytes, '意见.csv');
    return r.ok ? r.workbook.sheets.map((s) => s.rows.map((row) => (row ?? []).map((c) => c?.text ?? ''))) : r.error;
  };

  it('reads a CSV whose header begins with ID or TABLE as a CSV (not SYLK, not DIF)', () => {
    expect(read('ID,意见对象,意见建议\n1,张三,学习不够\n')).toEqual([[['ID', '意见对象', '意见建议'], ['1', '张三', '学习不够']]]);
    // SheetJS took this for a DIF file and read nothing at all.
    expect(read('TABLE,意见对象\n1,张三\n')).toEqual([[['TABLE', '意见对象'], ['1', '张三']]]);
  });

  it('reads UTF-16 text that spells out a zip or a database header as text, never as that format', () => {
    expect(read('PK\u0003\u0004意见对象,意见建议', 'utf-16le')).toEqual([[['PK\u0003\u0004意见对象', '意见建议']]]);
    expect(read('\u0003\u007d\u000b\u0015AAAA意见', 'utf-16le')).toEqual([[['\u0003}\u000b\u0015AAAA意见']]]);
  });
});
