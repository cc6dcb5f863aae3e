// Measures a legacy .xls container (an OLE compound file) before SheetJS sees it. SheetJS follows
// the container's sector chains and directory tree as the file says, and some of its loops have no
// bound: a chain that runs in a circle makes it grow an array until the whole page crashes (found
// by the importer fuzz test), and chains or trees shaped the wrong way make it quadratic. So the
// header, the FAT, every chain SheetJS will follow and the directory tree are checked here first,
// walking them exactly the way SheetJS will, with a budget.
import { MAX_CFB_CHAIN_STEPS_PER_SECTOR, MAX_CFB_ENTRIES } from './limits';

export type CfbVerdict = { ok: true; streams: string[] } | { ok: false; error: string };

const DAMAGED = '已损坏（文件结构异常），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入';
const TRUNCATED = '不完整（可能在传输或保存时被截断），请重新获取原文件';
const ENDOFCHAIN = -2;
const NOSTREAM = -1;
const MINI_CUTOFF = 4096;

/** The signed 32-bit little-endian integer at `at`, reading missing bytes as 0, as SheetJS does. */
function int32(bytes: Uint8Array, at: number): number {
  return ((bytes[at + 3] ?? 0) << 24) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 1] ?? 0) << 8) | (bytes[at] ?? 0);
}

function uint16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

class OverBudget extends Error {}

/**
 * Checks a compound file the way SheetJS will read it: header fields, the FAT sector list, every
 * sector chain (no cycles, total work within a budget proportional to the file), the directory
 * (entry count, links in range, one tree without cycles). Never throws.
 */
export function inspectCompoundFile(bytes: Uint8Array): CfbVerdict {
  try {
    return inspect(bytes);
  } catch (e) {
    if (e instanceof OverBudget) return { ok: false, error: DAMAGED };
    return { ok: false, error: DAMAGED };
  }
}

function inspect(bytes: Uint8Array): CfbVerdict {
  if (bytes.length < 512) return { ok: false, error: TRUNCATED };
  const major = uint16(bytes, 26);
  const shift = uint16(bytes, 30);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) return { ok: false, error: DAMAGED };
  if (uint16(bytes, 32) !== 6 || int32(bytes, 56) !== MINI_CUTOFF) return { ok: false, error: DAMAGED };
  if (major === 3 && int32(bytes, 40) !== 0) return { ok: false, error: DAMAGED };
  const ssz = 1 << shift;
  if (bytes.length < ssz) return { ok: false, error: TRUNCATED };
  const dirStart = int32(bytes, 48);
  const difatStart = int32(bytes, 68);
  const difatCount = int32(bytes, 72);

  // The sectors as SheetJS cuts them: sector i starts at (i + 1) * ssz; the last may be short.
  const count = Math.ceil(bytes.length / ssz) - 1;
  const sector = (i: number): Uint8Array | undefined => (Number.isInteger(i) && i >= 0 && i < count ? bytes.subarray((i + 1) * ssz, (i + 2) * ssz) : undefined);

  // FAT sector locations: the header's list up to the first negative entry, then the DIFAT chain.
  const fatAddrs: number[] = [];
  for (let j = 0; j < 109; j++) {
    const q = int32(bytes, 76 + 4 * j);
    if (q < 0) break;
    fatAddrs.push(q);
  }
  if (difatStart === ENDOFCHAIN) {
    if (difatCount !== 0) return { ok: false, error: DAMAGED };
  } else if (difatStart !== -1) {
    const seen = new Set<number>();
    let idx = difatStart;
    let left = difatCount;
    for (;;) {
      const s = sector(idx);
      if (!s) break;
      if (seen.has(idx)) return { ok: false, error: DAMAGED };
      seen.add(idx);
      for (let i = 0; i < ssz / 4 - 1; i++) {
        const q = int32(s, i * 4);
        if (q === ENDOFCHAIN) break;
        fatAddrs.push(q);
      }
      if (left < 1) break;
      left--;
      idx = int32(s, ssz - 4);
    }
  }

  // One budget for all chain walking: SheetJS keeps every walked sector's bytes, so the budget
  // bounds its memory as well as its time.
  let budget = count * MAX_CFB_CHAIN_STEPS_PER_SECTOR + 64;
  const step = () => {
    if (--budget < 0) throw new OverBudget();
  };
  /** The next sector of a chain as SheetJS reads it, or undefined where SheetJS stops. */
  const next = (j: number): number | undefined => {
    const fat = sector(fatAddrs[Math.floor((j * 4) / ssz)] ?? -1);
    return fat ? int32(fat, (j * 4) & (ssz - 1)) : undefined;
  };

  // SheetJS's make_sector_list: a chain from every sector not yet seen, stopping at a repeat.
  const listed = new Map<number, number[]>();
  const checked = new Set<number>();
  for (let i = 0; i < count; i++) {
    let k = i + dirStart;
    if (k >= count) k -= count;
    if (checked.has(k)) continue;
    const nodes: number[] = [];
    const seen = new Set<number>();
    for (let j: number | undefined = k; j !== undefined && j >= 0; ) {
      step();
      seen.add(j);
      checked.add(j);
      nodes.push(j);
      j = next(j);
      if (j !== undefined && seen.has(j)) break;
    }
    listed.set(k, nodes);
  }

  const directory = listed.get(dirStart);
  if (!directory) return { ok: false, error: DAMAGED };
  const dirBytes = concat(directory.map((i) => sector(i) ?? new Uint8Array(0)));
  const entries = Math.ceil(dirBytes.length / 128);
  if (entries === 0) return { ok: false, error: DAMAGED };
  if (entries > MAX_CFB_ENTRIES) return { ok: false, error: `内部包含 ${entries} 个目录项，超过上限 ${MAX_CFB_ENTRIES} 个，不像正常的 Excel 文件，已拒绝` };

  interface DirEntry {
    name: string;
    type: number;
    links: number[];
    start: number;
    size: number;
  }
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

  // The directory is one tree (red-black siblings under each storage): every link in range, no
  // entry linked twice, the root linked never, and everything linked reachable from the root.
  const parents = new Array<number>(entries).fill(0);
  for (const d of dir) {
    for (const link of d.links) {
      if (link === NOSTREAM) continue;
      if (link < 0 || link >= entries) return { ok: false, error: DAMAGED };
      parents[link]!++;
    }
  }
  if (parents[0] !== 0 || parents.some((p) => p > 1)) return { ok: false, error: DAMAGED };
  const reached = new Set<number>([0]);
  const stack = [0];
  while (stack.length > 0) {
    for (const link of dir[stack.pop()!]!.links) {
      if (link !== NOSTREAM && !reached.has(link)) {
        reached.add(link);
        stack.push(link);
      }
    }
  }
  if (parents.some((p, i) => p === 1 && !reached.has(i))) return { ok: false, error: DAMAGED };

  // SheetJS's read_directory: a large stream not starting a listed chain is walked again from its
  // start (get_sector_list), with no check for a circle: walk it here first.
  for (const d of dir) {
    if (d.type === 5 || d.size < MINI_CUTOFF || listed.has(d.start)) continue;
    const seen = new Set<number>();
    const nodes: number[] = [];
    for (let j: number | undefined = d.start; j !== undefined && j >= 0; ) {
      step();
      if (seen.has(j)) return { ok: false, error: DAMAGED };
      seen.add(j);
      nodes.push(j);
      j = next(j);
    }
    listed.set(d.start, nodes);
  }

  const streams = dir.filter((d) => d.type === 2).map((d) => d.name);
  if (dir.some((d) => d.name === 'EncryptedPackage' || d.name === 'EncryptionInfo')) {
    return { ok: false, error: '已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入' };
  }
  if (!streams.some((s) => s === 'Workbook' || s === 'Book')) {
    if (streams.includes('WordDocument')) return { ok: false, error: '是 Word 文档（.doc），不是 Excel 表格。请把意见整理到 Excel 表格（或使用导入模板）后再导入' };
    if (streams.includes('PowerPoint Document')) return { ok: false, error: '是 PowerPoint 文件，不是 Excel 表格' };
    return { ok: false, error: '不是 Excel 工作簿（文件中没有工作簿内容），请确认选择了正确的文件' };
  }
  return { ok: true, streams };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
