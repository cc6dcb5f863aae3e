// Which of many received packages a reader of all of them counts. A supervisory group collects the
// packages units send into one folder: a unit that sends the same file twice, or sends its data
// again after correcting it, must count once and with its latest data, not stop the whole reading.
import { formatDateTime } from '../util/dates';
import type { PackageContent } from './format';

export interface ReceivedPackage {
  /** The file's name, as the user gave it. */
  name: string;
  /** ISO time of the export. */
  exportedAt: string;
  checksum: string;
  content: PackageContent;
}

interface PackageChoice<P extends ReceivedPackage> {
  /** The packages to read, in the order given. */
  kept: P[];
  /** One Chinese sentence per package left out, saying why. */
  notes: string[];
}

/**
 * Whether `newer` is a later export that carries every unit of `older` (a unit that sent its data
 * again, or a county's package made after a unit's): then its versions of their records stand.
 * A time that does not parse compares false: such a package replaces nothing and is not replaced.
 */
export function replacesPackage(newer: Pick<ReceivedPackage, 'exportedAt' | 'content'>, older: Pick<ReceivedPackage, 'exportedAt' | 'content'>): boolean {
  if (!(Date.parse(newer.exportedAt) > Date.parse(older.exportedAt)) || older.content.units.length === 0) return false;
  const units = new Set(newer.content.units.map((u) => u.id));
  return older.content.units.every((u) => units.has(u.id));
}

/**
 * Leaves out a package given twice (the same checksum: counted once) and a package every unit of
 * which a later export also carries (a unit that sent its data again: the later one replaces it).
 * Packages that only partly overlap are all kept: which data is right is then the reader's call.
 */
export function latestPackages<P extends ReceivedPackage>(packages: readonly P[]): PackageChoice<P> {
  const firstWithChecksum = new Map<string, P>();
  const kept: P[] = [];
  const notes: string[] = [];
  for (const p of packages) {
    const same = firstWithChecksum.get(p.checksum);
    if (same) {
      notes.push(`“${p.name}”与“${same.name}”是同一数据包（校验码相同），只计一次`);
      continue;
    }
    firstWithChecksum.set(p.checksum, p);
    let newer: P | undefined;
    for (const q of packages) {
      if (q.checksum === p.checksum || !replacesPackage(q, p)) continue;
      if (!newer || Date.parse(q.exportedAt) > Date.parse(newer.exportedAt)) newer = q;
    }
    if (newer) {
      notes.push(`“${p.name}”（导出于 ${formatDateTime(p.exportedAt)}）已由同一单位较新的“${newer.name}”（导出于 ${formatDateTime(newer.exportedAt)}）取代，未计入`);
      continue;
    }
    kept.push(p);
  }
  return { kept, notes };
}
