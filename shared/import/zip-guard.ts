// Measures an .xlsx archive before any spreadsheet library sees it. The central directory is read
// by hand and every entry is really inflated (with fflate, in small steps, counting the output and
// stopping at the cap), because the sizes an archive declares are whatever its author wrote.
// Worksheet XML and OpenDocument parts are scanned as they stream past (part-scanners.ts).
// SheetJS reads the archive its own way — the last end record in the file, the local headers'
// method, sizes and names, a size hint it allocates up front — so every place where the two ways
// could disagree is checked too. And SheetJS is never handed the file itself: it gets a plain
// archive rebuilt here from exactly the bytes that were measured (every part stored, sizes exact, no
// extra fields, no data descriptors). So the container variants real writers produce — data
// descriptors with zero local sizes, ZIP64 extra fields with placeholder sizes (streaming writers,
// .NET's packaging library), ZIP64 central records, stored parts, any order of parts — are read
// whatever SheetJS's own zip reader would make of them, while a size that lies is still refused.
import { Inflate } from 'fflate';
import { concatBytes } from '../util/bytes';
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './limits';
import { OdsScanner, SheetScanner, type Scanner } from './part-scanners';

export interface ZipLimits {
  maxEntries: number;
  maxUnzippedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: MAX_ZIP_ENTRIES, maxUnzippedBytes: MAX_UNZIPPED_BYTES };

/** What the archive holds: an Office Open XML workbook, an OpenDocument spreadsheet, or a Word document. */
export type ZipKind = 'xlsx' | 'ods' | 'docx';

/** What the caller expects inside the archive: `table` takes a workbook or a Word document (its tables are read). */
export type ArchiveExpect = 'spreadsheet' | 'word' | 'table';

export type ZipVerdict =
  | {
      ok: true;
      entries: string[];
      kind: ZipKind;
      /** The archive to hand SheetJS: the measured parts, stored. */
      archive: Uint8Array;
      /** Each part's bytes by name (for reading what SheetJS leaves out, such as a formula's text). */
      parts: Map<string, Uint8Array>;
    }
  | { ok: false; error: string };

interface Entry {
  name: string;
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const ENCRYPTED = '已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入';
const TRUNCATED = '不完整（可能在传输或保存时被截断），请重新获取原文件';
const INCONSISTENT = '已损坏（压缩包内部信息前后矛盾），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';
const STEP = 4096;
const MAX32 = 0xffffffff;

/** A guard's refusal as said of a Word file: the guard speaks of Excel and .xlsx. */
export function inWordTerms(error: string): string {
  return error
    .replace('不是 Excel 工作簿（压缩包中没有工作簿内容）', '不是 Word 文档（压缩包中没有正文内容），也不是 Excel 工作簿')
    .replace(/Excel 或 WPS/g, 'Word 或 WPS')
    .replace(/\.xlsx/g, '.docx');
}

/** Whether the bytes start like a zip archive (`PK\x03\x04`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Checks an .xlsx archive against the limits: entry count, real decompressed size, damaged or
 * truncated structure, encryption, and worksheets that declare an absurd range. Never throws.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, expect: ArchiveExpect = 'spreadsheet'): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) return { ok: false, error: TRUNCATED };
  if (eocd + 22 > bytes.length) return { ok: false, error: TRUNCATED };
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  // A split archive, or two counts that differ, is not one archive.
  if (view.getUint16(eocd + 8, true) !== count || view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) return { ok: false, error: INCONSISTENT };
  if (count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) {
    // A ZIP64 end record, found through its locator just before the classic one.
    const end64 = zip64End(view, eocd);
    if (!end64) return { ok: false, error: TRUNCATED };
    ({ count, dirSize, dirOffset } = end64);
  }
  if (count > limits.maxEntries) return { ok: false, error: `内部包含 ${count} 个部件，超过上限 ${limits.maxEntries} 个，不像正常的 Excel 文件，已拒绝` };
  if (dirOffset + dirSize > eocd) return { ok: false, error: TRUNCATED };

  const entries: Entry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return { ok: false, error: TRUNCATED };
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length) return { ok: false, error: TRUNCATED };
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    // A size or offset too large for 32 bits is in the ZIP64 field, in this order.
    const zip64 = zip64Values(bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    let next = 0;
    const wide = (value: number): number => (value === MAX32 ? (zip64?.[next++] ?? -1) : value);
    const size = wide(view.getUint32(p + 24, true));
    const compressedSize = wide(view.getUint32(p + 20, true));
    const localOffset = wide(view.getUint32(p + 42, true));
    if (size < 0 || compressedSize < 0 || localOffset < 0) return { ok: false, error: INCONSISTENT };
    entries.push({
      name: new TextDecoder('utf-8').decode(nameBytes),
      nameBytes,
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize,
      size,
      localOffset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }

  const kind = expect === 'word' ? wordKind(entries.map((e) => e.name)) : archiveKind(entries.map((e) => e.name), expect === 'table');
  if (typeof kind !== 'object') return { ok: false, error: kind };

  let budget = limits.maxUnzippedBytes;
  // A contradiction is reported after the sizes are measured: a bomb is named as a bomb.
  let inconsistent = false;
  const parts: Array<{ entry: Entry; data: Uint8Array }> = [];
  for (const entry of entries) {
    if (entry.flags & 1) return { ok: false, error: ENCRYPTED };
    const start = dataStart(view, entry);
    if (start < 0 || start + entry.compressedSize > bytes.length) return { ok: false, error: TRUNCATED };
    const local = localHeaderAgrees(bytes, view, entry);
    if (local === 'encrypted') return { ok: false, error: ENCRYPTED };
    if (!local) inconsistent = true;
    const data = bytes.subarray(start, start + entry.compressedSize);
    const scanner = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) ? new SheetScanner(entry.name) : /^(content|styles)\.xml$/i.test(entry.name) ? new OdsScanner() : undefined;
    const result = inflateCapped(entry.method, data, budget, scanner);
    if (!result.ok) return result;
    // Declared sizes are never trusted; one that is not the real size is damage (or a lie).
    if (result.data.length !== entry.size) inconsistent = true;
    budget -= result.data.length;
    const problem = scanner?.problem();
    if (problem) return { ok: false, error: problem };
    // Folders carry nothing.
    if (!(entry.name.endsWith('/') && result.data.length === 0)) parts.push({ entry, data: result.data });
  }
  if (inconsistent) return { ok: false, error: INCONSISTENT };
  return { ok: true, entries: entries.map((e) => e.name), kind: kind.kind, archive: storedArchive(parts), parts: new Map(parts.map((x) => [x.entry.name, x.data])) };
}

/** The ZIP64 end record's count, directory size and offset, or undefined when it is missing or damaged. */
function zip64End(view: DataView, eocd: number): { count: number; dirSize: number; dirOffset: number } | undefined {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return undefined;
  const at = uint64(view, locator + 8);
  if (at < 0 || at + 56 > locator || view.getUint32(at, true) !== 0x06064b50) return undefined;
  const count = uint64(view, at + 32);
  if (count !== uint64(view, at + 24) || view.getUint32(at + 16, true) !== 0 || view.getUint32(at + 20, true) !== 0) return undefined;
  return { count, dirSize: uint64(view, at + 40), dirOffset: uint64(view, at + 48) };
}

/** An unsigned 64-bit little-endian integer, or -1 when it is beyond what a 30 MB file can mean. */
function uint64(view: DataView, at: number): number {
  const high = view.getUint32(at + 4, true);
  return high > 0xffff ? -1 : high * 2 ** 32 + view.getUint32(at, true);
}

/** The 64-bit values of a ZIP64 extra field (0x0001), or undefined when there is none. */
function zip64Values(extra: Uint8Array): number[] | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = view.getUint16(p, true);
    const length = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let q = p + 4; q + 8 <= Math.min(p + 4 + length, extra.length); q += 8) values.push(uint64(view, q));
      return values;
    }
    p += 4 + length;
  }
  return undefined;
}

/**
 * A plain archive of the measured parts for SheetJS: every part under its own name bytes, with its
 * real sizes, no extra fields and no data descriptors. Each part is a deflate stream of stored
 * blocks (no compression work, one copy): SheetJS then inflates it into a Node Buffer, which it
 * decodes natively on the command line (a method-0 part stays a plain array, decoded in JS). The
 * CRC is left 0: SheetJS does not check it, and this archive never leaves memory.
 */
function storedArchive(parts: ReadonlyArray<{ entry: Entry; data: Uint8Array }>): Uint8Array {
  const BLOCK = 0xffff;
  const blocks = (n: number) => Math.max(1, Math.ceil(n / BLOCK));
  const localSize = parts.reduce((n, p) => n + 30 + p.entry.nameBytes.length + p.data.length + 5 * blocks(p.data.length), 0);
  const dirSize = parts.reduce((n, p) => n + 46 + p.entry.nameBytes.length, 0);
  // One allocation for the whole archive: the parts are copied once, straight into place.
  const out = new Uint8Array(localSize + dirSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  let dir = localSize;
  for (const { entry, data } of parts) {
    const compressed = data.length + 5 * blocks(data.length);
    const name = entry.nameBytes;
    for (const [p, signature, headerSize] of [[at, 0x04034b50, 30], [dir, 0x02014b50, 46]] as const) {
      const central = signature === 0x02014b50 ? 2 : 0;
      view.setUint32(p, signature, true);
      if (central) view.setUint16(p + 4, 20, true);
      view.setUint16(p + 4 + central, 20, true);
      view.setUint16(p + 6 + central, entry.flags & 0x0800, true);
      view.setUint16(p + 8 + central, 8, true);
      view.setUint32(p + 14 + central, 0, true);
      view.setUint32(p + 18 + central, compressed, true);
      view.setUint32(p + 22 + central, data.length, true);
      view.setUint16(p + 26 + central, name.length, true);
      if (central) view.setUint32(p + 42, at, true);
      out.set(name, p + headerSize);
    }
    dir += 46 + name.length;
    at += 30 + name.length;
    // A raw deflate stream of stored blocks (RFC 1951 §3.2.4): 5 bytes of header per 65,535.
    const count = blocks(data.length);
    for (let b = 0; b < count; b++) {
      const chunk = data.subarray(b * BLOCK, Math.min(data.length, (b + 1) * BLOCK));
      out[at] = b === count - 1 ? 1 : 0;
      view.setUint16(at + 1, chunk.length, true);
      view.setUint16(at + 3, ~chunk.length & 0xffff, true);
      out.set(chunk, at + 5);
      at += 5 + chunk.length;
    }
  }
  view.setUint32(dir, 0x06054b50, true);
  view.setUint16(dir + 8, parts.length, true);
  view.setUint16(dir + 10, parts.length, true);
  view.setUint32(dir + 12, dirSize, true);
  view.setUint32(dir + 16, localSize, true);
  return out;
}

/** The end record SheetJS will use: the last signature in the file (the caller checks it is whole). */
function findEndOfDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 4; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

/**
 * The local header must say what the central directory said: method, name, and sizes that are the
 * same, or left open the ways writers leave them — 0 before a data descriptor (flag 8), or
 * 0xFFFFFFFF with a ZIP64 field whose sizes are placeholders (0) or the same. Never other sizes.
 */
function localHeaderAgrees(bytes: Uint8Array, view: DataView, entry: Entry): boolean | 'encrypted' {
  const p = entry.localOffset;
  const flags = view.getUint16(p + 6, true);
  if (flags & 1) return 'encrypted';
  const nameLength = view.getUint16(p + 26, true);
  const extraLength = view.getUint16(p + 28, true);
  if (view.getUint16(p + 8, true) !== entry.method || nameLength !== entry.nameBytes.length) return false;
  const name = bytes.subarray(p + 30, p + 30 + nameLength);
  if (name.some((b, i) => b !== entry.nameBytes[i])) return false;
  const zip64 = zip64Values(bytes.subarray(p + 30 + nameLength, p + 30 + nameLength + extraLength));
  // A local ZIP64 field holds the uncompressed size, then the compressed one.
  if (zip64 && !(zip64.length >= 2 && [entry.size, entry.compressedSize].every((real, i) => zip64[i] === 0 || zip64[i] === real))) return false;
  const described = (flags & 8) !== 0;
  const fits = (local: number, real: number) => local === Math.min(real, MAX32) || (described && local === 0) || (zip64 !== undefined && local === MAX32);
  return fits(view.getUint32(p + 18, true), entry.compressedSize) && fits(view.getUint32(p + 22, true), entry.size);
}

/** A Word document when the archive holds its body, else the Chinese reason it is not one. */
function wordKind(names: string[]): { kind: ZipKind } | string {
  if (names.some((x) => x.toLowerCase() === 'word/document.xml')) return { kind: 'docx' };
  if (names.some((n) => n.toLowerCase().startsWith('xl/'))) return '是 Excel 表格，不是 Word 文档';
  return '不是 Word 文档（压缩包中没有正文内容），请确认选择了正确的 .docx 文件';
}

/** What kind of workbook the archive is, or the Chinese reason it is something else. */
function archiveKind(names: string[], wordToo: boolean): { kind: ZipKind } | string {
  const has = (n: string) => names.some((x) => x.toLowerCase() === n);
  if (has('xl/workbook.xml') || has('xl/workbook.bin')) return { kind: 'xlsx' };
  if (has('content.xml')) return { kind: 'ods' };
  if (wordToo && has('word/document.xml')) return { kind: 'docx' };
  if (has('word/document.xml')) return '是 Word 文档，不是 Excel 表格。请把意见整理到 Excel 表格（或使用导入模板）后再导入';
  if (names.some((n) => n.toLowerCase().startsWith('ppt/'))) return '是 PowerPoint 文件，不是 Excel 表格';
  return '不是 Excel 工作簿（压缩包中没有工作簿内容），请确认选择了正确的文件';
}

function dataStart(view: DataView, entry: Entry): number {
  const p = entry.localOffset;
  if (p + 30 > view.byteLength || view.getUint32(p, true) !== 0x04034b50) return -1;
  return p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
}

type Inflated = { ok: true; data: Uint8Array } | { ok: false; error: string };

function inflateCapped(method: number, data: Uint8Array, budget: number, scanner: Scanner | undefined): Inflated {
  const tooBig: Inflated = { ok: false, error: `解压后超过 ${Math.round(MAX_UNZIPPED_BYTES / 1048576)} MB（疑似“压缩炸弹”），已拒绝` };
  if (method === 0) {
    if (data.length > budget) return tooBig;
    scanner?.push(data);
    return { ok: true, data };
  }
  if (method !== 8) return { ok: false, error: '使用了不支持的压缩方式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入' };
  let size = 0;
  let over = false;
  const chunks: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget) over = true;
    else {
      // fflate hands over a fresh array each time (its output window is copied out): kept as is.
      chunks.push(chunk);
      scanner?.push(chunk);
    }
  });
  try {
    for (let i = 0; i < data.length && !over; i += STEP) {
      inflate.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch {
    return { ok: false, error: '已损坏或不完整，无法解压，请重新获取原文件' };
  }
  return over ? tooBig : { ok: true, data: concatBytes(chunks) };
}
