// Measures an .xlsx archive before any spreadsheet library sees it. The central directory is read
// by hand and every entry is really inflated (with fflate, in small steps, counting the output and
// stopping at the cap), because the sizes an archive declares are whatever its author wrote.
// Worksheet XML is scanned as it streams past for an absurd `<dimension>` or `<mergeCell>` range.
// SheetJS reads the archive its own way — the last end record in the file, the local headers'
// method, sizes and names, a size hint it allocates up front — so every place where the two ways
// could disagree is checked too: an archive is read only if SheetJS will see what was measured.
import { Inflate } from 'fflate';
import { MAX_DECLARED_COLUMNS, MAX_DECLARED_ROWS, MAX_MERGE_CELLS, MAX_MERGES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './limits';
import { parseRangeRef, rangeCells } from './range-ref';

export interface ZipLimits {
  maxEntries: number;
  maxUnzippedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: MAX_ZIP_ENTRIES, maxUnzippedBytes: MAX_UNZIPPED_BYTES };

export type ZipVerdict = { ok: true; entries: string[] } | { ok: false; error: string };

interface Entry {
  name: string;
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const TRUNCATED = '不完整（可能在传输或保存时被截断），请重新获取原文件';
const INCONSISTENT = '已损坏（压缩包内部信息前后矛盾），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';
const ZIP64 = '过大或格式不受支持（ZIP64），请在 Excel 或 WPS 中另存后再导入';
const STEP = 4096;

/** Whether the bytes start like a zip archive (`PK\x03\x04`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Checks an .xlsx archive against the limits: entry count, real decompressed size, damaged or
 * truncated structure, encryption, and worksheets that declare an absurd range. Never throws.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, expect: ArchiveExpect = 'spreadsheet'): ZipVerdict {
  const directory = readDirectory(bytes, limits);
  if (!directory.ok) return directory;
  const { view, entries } = directory;

  const kind = expect === 'spreadsheet' ? archiveKind(entries.map((e) => e.name)) : wordKind(entries.map((e) => e.name));
  if (kind !== expect) return { ok: false, error: kind };

  let budget = limits.maxUnzippedBytes;
  // A contradiction is reported after the sizes are measured: a bomb is named as a bomb.
  let inconsistent = false;
  for (const entry of entries) {
    if (entry.flags & 1) return { ok: false, error: '已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入' };
    const start = dataStart(view, entry);
    if (start < 0 || start + entry.compressedSize > bytes.length) return { ok: false, error: TRUNCATED };
    if (!localHeaderAgrees(bytes, view, entry)) inconsistent = true;
    const data = bytes.subarray(start, start + entry.compressedSize);
    const scanner = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) ? new SheetScanner(entry.name) : undefined;
    const result = inflateCapped(entry.method, data, budget, scanner);
    if (!result.ok) return result;
    // SheetJS allocates the declared size before inflating: a small entry declaring 4 GB costs 4 GB.
    if (result.size !== entry.size) inconsistent = true;
    budget -= result.size;
    const problem = scanner?.problem();
    if (problem) return { ok: false, error: problem };
  }
  if (inconsistent) return { ok: false, error: INCONSISTENT };
  return { ok: true, entries: entries.map((e) => e.name) };
}

type Directory = { ok: true; view: DataView; entries: Entry[] } | { ok: false; error: string };

/** The central directory's entries, or why the archive cannot be read. */
function readDirectory(bytes: Uint8Array, limits: ZipLimits): Directory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) return { ok: false, error: TRUNCATED };
  if (eocd + 22 > bytes.length) return { ok: false, error: TRUNCATED };
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) return { ok: false, error: ZIP64 };
  // SheetJS counts the entries "on this disk"; a split archive, or two counts that differ, would
  // let it read entries never measured here.
  if (view.getUint16(eocd + 8, true) !== count || view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) return { ok: false, error: INCONSISTENT };
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
    // A ZIP64 extra field replaces the sizes for SheetJS.
    if (hasZip64Field(bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength))) return { ok: false, error: ZIP64 };
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    entries.push({
      name: new TextDecoder('utf-8').decode(nameBytes),
      nameBytes,
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, view, entries };
}

/** What the caller expects inside the archive. */
export type ArchiveExpect = 'spreadsheet' | 'word';

/** `'word'` when the archive holds a Word document's body, else the Chinese reason it is not one. */
function wordKind(names: string[]): string {
  if (names.some((x) => x.toLowerCase() === 'word/document.xml')) return 'word';
  if (names.some((n) => n.toLowerCase().startsWith('xl/'))) return '是 Excel 表格，不是 Word 文档';
  return '不是 Word 文档（压缩包中没有正文内容），请确认选择了正确的 .docx 文件';
}

export type ZipEntryRead = { ok: true; data: Uint8Array } | { ok: false; error: string };

/**
 * One entry's bytes, inflated under the same cap as {@link inspectZip} measured; call it only on an
 * archive inspectZip accepted. A missing entry is `ok` with no bytes only when `optional`.
 */
export function readZipEntry(bytes: Uint8Array, name: string, options: { limits?: ZipLimits; optional?: boolean } = {}): ZipEntryRead {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  const directory = readDirectory(bytes, limits);
  if (!directory.ok) return directory;
  const entry = directory.entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
  if (!entry) return options.optional ? { ok: true, data: new Uint8Array(0) } : { ok: false, error: `缺少 ${name}` };
  if (entry.flags & 1) return { ok: false, error: '已加密（设置了打开密码），请先取消密码再导入' };
  const start = dataStart(directory.view, entry);
  if (start < 0 || start + entry.compressedSize > bytes.length) return { ok: false, error: TRUNCATED };
  const chunks: Uint8Array[] = [];
  const collector = { push: (chunk: Uint8Array) => void chunks.push(chunk.slice()) };
  const result = inflateCapped(entry.method, bytes.subarray(start, start + entry.compressedSize), limits.maxUnzippedBytes, collector);
  if (!result.ok) return result;
  const data = new Uint8Array(result.size);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return { ok: true, data };
}

/** The end record SheetJS will use: the last signature in the file (the caller checks it is whole). */
function findEndOfDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 4; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

function hasZip64Field(extra: Uint8Array): boolean {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra[p]! | (extra[p + 1]! << 8);
    if (id === 0x0001) return true;
    p += 4 + (extra[p + 2]! | (extra[p + 3]! << 8));
  }
  return false;
}

/**
 * SheetJS trusts the local header: its method, its name, its sizes (the uncompressed one is
 * allocated as is), its extra field. They must say what the central directory said.
 */
function localHeaderAgrees(bytes: Uint8Array, view: DataView, entry: Entry): boolean {
  const p = entry.localOffset;
  const flags = view.getUint16(p + 6, true);
  const nameLength = view.getUint16(p + 26, true);
  const extraLength = view.getUint16(p + 28, true);
  if (view.getUint16(p + 8, true) !== entry.method || nameLength !== entry.nameBytes.length) return false;
  const name = bytes.subarray(p + 30, p + 30 + nameLength);
  if (name.some((b, i) => b !== entry.nameBytes[i])) return false;
  if (hasZip64Field(bytes.subarray(p + 30 + nameLength, p + 30 + nameLength + extraLength))) return false;
  // With a data descriptor (flag 8) the local sizes may be left 0.
  const described = (flags & 8) !== 0;
  const csize = view.getUint32(p + 18, true);
  const size = view.getUint32(p + 22, true);
  return (csize === entry.compressedSize || (described && csize === 0)) && (size === entry.size || (described && size === 0));
}

/** `'spreadsheet'`, or the Chinese reason the archive is something else. */
function archiveKind(names: string[]): string {
  const has = (n: string) => names.some((x) => x.toLowerCase() === n);
  if (has('xl/workbook.xml') || has('xl/workbook.bin') || has('content.xml')) return 'spreadsheet';
  if (has('word/document.xml')) return '是 Word 文档，不是 Excel 表格。请把意见整理到 Excel 表格（或使用导入模板）后再导入';
  if (names.some((n) => n.toLowerCase().startsWith('ppt/'))) return '是 PowerPoint 文件，不是 Excel 表格';
  return '不是 Excel 工作簿（压缩包中没有工作簿内容），请确认选择了正确的文件';
}

function dataStart(view: DataView, entry: Entry): number {
  const p = entry.localOffset;
  if (p + 30 > view.byteLength || view.getUint32(p, true) !== 0x04034b50) return -1;
  return p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
}

type Inflated = { ok: true; size: number } | { ok: false; error: string };

function inflateCapped(method: number, data: Uint8Array, budget: number, scanner: Pick<SheetScanner, 'push'> | undefined): Inflated {
  const tooBig: Inflated = { ok: false, error: `解压后超过 ${Math.round(MAX_UNZIPPED_BYTES / 1048576)} MB（疑似“压缩炸弹”），已拒绝` };
  if (method === 0) {
    if (data.length > budget) return tooBig;
    scanner?.push(data);
    return { ok: true, size: data.length };
  }
  if (method !== 8) return { ok: false, error: '使用了不支持的压缩方式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入' };
  let size = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget) over = true;
    else scanner?.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !over; i += STEP) {
      inflate.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch {
    return { ok: false, error: '已损坏或不完整，无法解压，请重新获取原文件' };
  }
  return over ? tooBig : { ok: true, size };
}

/** Watches worksheet XML as it is inflated, for a used range or merged area no real sheet has. */
class SheetScanner {
  private decoder = new TextDecoder('utf-8');
  private tail = '';
  private merges = 0;
  private found: string | undefined;
  private sawDimension = false;

  constructor(private readonly entry: string) {}

  push(chunk: Uint8Array): void {
    if (this.found) return;
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    const re = /<(?:\w+:)?(dimension|mergeCell)\s+ref="([^"]*)"/g;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = re.exec(text)) !== null) {
      consumed = re.lastIndex;
      this.check(m[1]!, m[2]!);
      if (this.found) return;
    }
    // Keep enough of the end to catch a tag split across two chunks.
    this.tail = text.slice(Math.max(consumed, text.length - 200));
  }

  private check(tag: string, ref: string): void {
    const range = parseRangeRef(ref);
    if (tag === 'dimension') {
      if (this.sawDimension || !range) return;
      this.sawDimension = true;
      const rows = range.e.r - range.s.r + 1;
      const cols = range.e.c - range.s.c + 1;
      if (rows > MAX_DECLARED_ROWS || cols > MAX_DECLARED_COLUMNS) {
        this.found = `的工作表已用范围异常（${ref}，${rows} 行 × ${cols} 列），不像正常的表格，已拒绝`;
      }
      return;
    }
    this.merges++;
    if (this.merges > MAX_MERGES) this.found = `的工作表中合并单元格超过 ${MAX_MERGES} 处，不像正常的表格，已拒绝`;
    else if (range && rangeCells(range) > MAX_MERGE_CELLS) this.found = `的工作表中有范围异常的合并单元格（${ref}），已拒绝`;
  }

  problem(): string | undefined {
    return this.found ? `${this.found}（${this.entry.replace(/^xl\/worksheets\//i, '')}）` : undefined;
  }
}
