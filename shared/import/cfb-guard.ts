// Reads the workbook stream out of a legacy .xls container (an OLE compound file) without SheetJS.
// SheetJS's own container reader follows sector chains and the directory tree as the file says,
// with loops that have no bound: a chain that runs in a circle made it grow an array until V8
// aborted the whole process (found by the importer fuzz test), and it also parses the
// document-property streams, whose reader trusts the counts it finds (out of memory). So the
// container is read here — header, FAT, each chain walked once with a circle check, the directory
// as one tree — and SheetJS is given the workbook stream alone (see biff-guard.ts for what is
// checked inside it).
import { concatBytes } from '../util/bytes';
import { MAX_CFB_ENTRIES } from './limits';

export type CfbRead = { ok: true; name: 'Workbook' | 'Book'; stream: Uint8Array } | { ok: false; error: string };

const DAMAGED = '已损坏（文件结构异常），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';
const TRUNCATED = '不完整（可能在传输或保存时被截断），请重新获取原文件';
const ENDOFCHAIN = -2;
const NOSTREAM = -1;
const MINI_CUTOFF = 4096;
const MINI_SECTOR = 64;

/** The signed 32-bit little-endian integer at `at` (missing bytes read as 0). */
function int32(bytes: Uint8Array, at: number): number {
  return ((bytes[at + 3] ?? 0) << 24) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 1] ?? 0) << 8) | (bytes[at] ?? 0);
}

function uint16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

class Refusal extends Error {}

interface DirEntry {
  name: string;
  type: number;
  /** Left sibling, right sibling, child. */
  links: [number, number, number];
  start: number;
  size: number;
}

/**
 * The workbook stream of a compound file (`Workbook` for BIFF8, `Book` for BIFF5), or the Chinese
 * reason it cannot be read: a damaged or truncated structure, an encrypted file, a Word or
 * PowerPoint file, no workbook. Never throws; time and memory are linear in the file's size.
 */
export function readCompoundWorkbook(bytes: Uint8Array): CfbRead {
  try {
    return read(bytes);
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.message };
    return { ok: false, error: DAMAGED };
  }
}

function read(bytes: Uint8Array): CfbRead {
  const damaged = () => new Refusal(DAMAGED);
  if (bytes.length < 512) return { ok: false, error: TRUNCATED };
  const major = uint16(bytes, 26);
  const shift = uint16(bytes, 30);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw damaged();
  if (uint16(bytes, 32) !== 6 || int32(bytes, 56) !== MINI_CUTOFF) throw damaged();
  const ssz = 1 << shift;
  if (bytes.length < 2 * ssz) return { ok: false, error: TRUNCATED };
  const count = Math.ceil(bytes.length / ssz) - 1;
  const sector = (i: number): Uint8Array => {
    if (!Number.isInteger(i) || i < 0 || i >= count) throw damaged();
    return bytes.subarray((i + 1) * ssz, (i + 2) * ssz);
  };

  // FAT sector locations, by position (an unused one is -1): the header's 109, then the DIFAT
  // chain's sectors (each one's last entry links to the next).
  const fatSectors: number[] = [];
  for (let j = 0; j < 109; j++) fatSectors.push(int32(bytes, 76 + 4 * j));
  const seenDifat = new Set<number>();
  for (let idx = int32(bytes, 68), left = int32(bytes, 72); idx !== ENDOFCHAIN && idx !== NOSTREAM && left > 0; left--) {
    if (seenDifat.has(idx)) throw damaged();
    seenDifat.add(idx);
    const s = sector(idx);
    for (let i = 0; i < ssz / 4 - 1; i++) fatSectors.push(int32(s, i * 4));
    idx = int32(s, ssz - 4);
  }
  const next = (j: number): number => int32(sector(fatSectors[Math.floor((j * 4) / ssz)] ?? -1), (j * 4) % ssz);

  /** The sectors of a chain, in order; a circle, a link out of the file or a chain too short is damage. */
  const chain = (start: number, bytesNeeded: number): Uint8Array => {
    const seen = new Set<number>();
    const parts: Uint8Array[] = [];
    let length = 0;
    for (let j = start; j !== ENDOFCHAIN && length < bytesNeeded; j = next(j)) {
      if (seen.has(j)) throw damaged();
      seen.add(j);
      const s = sector(j);
      parts.push(s);
      length += s.length;
    }
    if (length < bytesNeeded) throw new Refusal(TRUNCATED);
    return concatBytes(parts).subarray(0, bytesNeeded);
  };

  const dirStart = int32(bytes, 48);
  // The directory is read to its end: its length is not declared.
  const dirBytes = chain(dirStart, directoryLength(dirStart, next, count, ssz));
  const entries = Math.floor(dirBytes.length / 128);
  if (entries === 0) throw damaged();
  if (entries > MAX_CFB_ENTRIES) throw new Refusal(`内部包含 ${entries} 个目录项，超过上限 ${MAX_CFB_ENTRIES} 个，不像正常的 Excel 文件，已拒绝`);
  const dir: DirEntry[] = [];
  for (let e = 0; e < entries; e++) {
    const at = e * 128;
    const nameBytes = Math.min(64, uint16(dirBytes, at + 64));
    let name = '';
    for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(uint16(dirBytes, at + i));
    dir.push({
      name,
      type: dirBytes[at + 66] ?? 0,
      links: [int32(dirBytes, at + 68), int32(dirBytes, at + 72), int32(dirBytes, at + 76)],
      start: int32(dirBytes, at + 116),
      size: int32(dirBytes, at + 120),
    });
  }
  checkTree(dir);
  const root = dir[0]!;
  if (root.type !== 5) throw damaged();

  // The root's children: the sibling tree under its child link.
  const children: DirEntry[] = [];
  for (const stack = [root.links[2]]; stack.length > 0; ) {
    const i = stack.pop()!;
    if (i === NOSTREAM) continue;
    const d = dir[i]!;
    children.push(d);
    stack.push(d.links[0], d.links[1]);
  }
  const named = (n: string) => children.find((d) => d.type === 2 && d.name === n);
  if (children.some((d) => d.name === 'EncryptedPackage' || d.name === 'EncryptionInfo')) {
    return { ok: false, error: '已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入' };
  }
  const workbook = named('Workbook') ?? named('Book');
  if (!workbook) {
    if (named('WordDocument')) return { ok: false, error: '是 Word 文档（.doc，Word 97-2003 格式），无法直接读取。请在 Word 或 WPS 中打开后另存为 .docx 再导入（其中的意见表格可直接导入），或把意见整理到 Excel 表格后再导入' };
    if (named('PowerPoint Document')) return { ok: false, error: '是 PowerPoint 文件，不是 Excel 表格' };
    return { ok: false, error: '不是 Excel 工作簿（文件中没有工作簿内容），请确认选择了正确的文件' };
  }
  const size = Math.max(0, workbook.size);
  if (size > bytes.length) throw new Refusal(TRUNCATED);
  let stream: Uint8Array;
  if (size >= MINI_CUTOFF) stream = chain(workbook.start, size);
  else {
    // A small stream lives in the mini stream (the root's chain), in 64-byte sectors chained by the mini FAT.
    const miniStream = chain(root.start, Math.max(0, root.size));
    const miniFat = chain(int32(bytes, 60), Math.max(0, int32(bytes, 64)) * ssz);
    const parts: Uint8Array[] = [];
    const seen = new Set<number>();
    for (let idx = workbook.start, left = size; left > 0; left -= MINI_SECTOR, idx = int32(miniFat, idx * 4)) {
      if (idx < 0 || seen.has(idx) || (idx + 1) * MINI_SECTOR > miniStream.length) throw damaged();
      seen.add(idx);
      parts.push(miniStream.subarray(idx * MINI_SECTOR, (idx + 1) * MINI_SECTOR));
    }
    stream = concatBytes(parts).subarray(0, size);
  }
  return { ok: true, name: workbook.name as 'Workbook' | 'Book', stream };
}

/** The directory's length in bytes: its whole chain (checked for circles by `chain` afterwards). */
function directoryLength(start: number, next: (j: number) => number, count: number, ssz: number): number {
  let n = 0;
  for (let j = start; j !== ENDOFCHAIN && n <= count; j = next(j)) n++;
  return n * ssz;
}

/** The directory is one tree: every link in range, no entry linked twice, none linked to the root, nothing detached. */
function checkTree(dir: readonly DirEntry[]): void {
  const parents = new Array<number>(dir.length).fill(0);
  for (const d of dir) {
    for (const link of d.links) {
      if (link === NOSTREAM) continue;
      if (link < 0 || link >= dir.length) throw new Refusal(DAMAGED);
      parents[link]!++;
    }
  }
  if (parents[0] !== 0 || parents.some((p) => p > 1)) throw new Refusal(DAMAGED);
  const reached = new Set<number>([0]);
  for (const stack = [0]; stack.length > 0; ) {
    for (const link of dir[stack.pop()!]!.links) {
      if (link !== NOSTREAM && !reached.has(link)) {
        reached.add(link);
        stack.push(link);
      }
    }
  }
  if (parents.some((p, i) => p === 1 && !reached.has(i))) throw new Refusal(DAMAGED);
}
