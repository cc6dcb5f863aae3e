// Measures an .xlsx archive before any spreadsheet library sees it. The central directory is read
// by hand and every entry is really inflated (with fflate, in small steps, counting the output and
// stopping at the cap), because the sizes an archive declares are whatever its author wrote.
// Worksheet XML is scanned as it streams past for an absurd `<dimension>` or `<mergeCell>` range.
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
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const TRUNCATED = '不完整（可能在传输或保存时被截断），请重新获取原文件';
const STEP = 4096;

/** Whether the bytes start like a zip archive (`PK\x03\x04`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Checks an .xlsx archive against the limits: entry count, real decompressed size, damaged or
 * truncated structure, encryption, and worksheets that declare an absurd range. Never throws.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) return { ok: false, error: TRUNCATED };
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) return { ok: false, error: '过大或格式不受支持（ZIP64），请在 Excel 或 WPS 中另存后再导入' };
  if (count > limits.maxEntries) return { ok: false, error: `内部包含 ${count} 个部件，超过上限 ${limits.maxEntries} 个，不像正常的 Excel 文件，已拒绝` };
  if (dirOffset + dirSize > eocd) return { ok: false, error: TRUNCATED };

  const entries: Entry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return { ok: false, error: TRUNCATED };
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > bytes.length) return { ok: false, error: TRUNCATED };
    entries.push({
      name: new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }

  const kind = archiveKind(entries.map((e) => e.name));
  if (kind !== 'spreadsheet') return { ok: false, error: kind };

  let budget = limits.maxUnzippedBytes;
  for (const entry of entries) {
    if (entry.flags & 1) return { ok: false, error: '已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入' };
    const start = dataStart(view, entry);
    if (start < 0 || start + entry.compressedSize > bytes.length) return { ok: false, error: TRUNCATED };
    const data = bytes.subarray(start, start + entry.compressedSize);
    const scanner = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) ? new SheetScanner(entry.name) : undefined;
    const result = inflateCapped(entry.method, data, budget, scanner);
    if (!result.ok) return result;
    budget -= result.size;
    const problem = scanner?.problem();
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, entries: entries.map((e) => e.name) };
}

function findEndOfDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
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

function inflateCapped(method: number, data: Uint8Array, budget: number, scanner: SheetScanner | undefined): Inflated {
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
