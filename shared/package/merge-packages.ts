// Merging whole packages into one (a county's package from its units'), with the app's own merge
// plan: each package in turn is planned against what the earlier ones gave, exactly as if it were
// opened into a workbench holding them. There are no merge bases between files, so a record two
// packages carry in different versions is a conflict; a record that reuses an id under another
// unit, meeting or kind refuses the merge. Nothing here writes: the caller writes the result.
import { PACKAGE_TABLES, emptyContent, sortContent, type PackageContent } from './format';
import { formatDateTime } from '../util/dates';
import { replacesPackage } from './latest-packages';
import { baseKey, mergeWrites, planMerge, recordHash, type LocalSide, type MergeConflict, type MergeTable } from './merge';

type AnyRecord = PackageContent[MergeTable][number];

/** The local side of a merge over content held in memory, with no merge bases unless `base` gives them. */
export function memoryLocalSide(content: PackageContent, base: (key: string) => string | undefined = () => undefined): LocalSide {
  const byKey = new Map<string, AnyRecord>();
  const kinds = new Map<string, MergeTable>();
  for (const table of PACKAGE_TABLES) {
    for (const r of content[table] as AnyRecord[]) {
      byKey.set(baseKey(table, r.id), r);
      kinds.set(r.id, table);
    }
  }
  return {
    get: (table, id) => byKey.get(baseKey(table, id)),
    base,
    unitNames: new Map(content.units.filter((u) => !u.deletedAt).map((u) => [u.name, u.id])),
    tableOf: (id) => kinds.get(id),
  };
}

interface PackageConflict extends MergeConflict {
  /** The package whose version differs from the earlier packages'. */
  file: string;
}

type MergePackagesResult =
  | { ok: true; content: PackageContent; notes: string[] }
  | { ok: false; kind: 'conflicts'; conflicts: PackageConflict[] }
  | { ok: false; kind: 'refused'; error: string };

/**
 * Merges the packages in order into one content (sorted, as a package is written). Given their export
 * times, a package that replaces another (`replacesPackage`: a later export carrying all its units)
 * is merged as if the other had been opened first into the workbench: the older version of a record
 * both carry is the merge base, so the later one's version stands, in whichever order they are given.
 */
export function mergePackages(packages: ReadonlyArray<{ name: string; content: PackageContent; exportedAt?: string }>): MergePackagesResult {
  let merged = emptyContent();
  const conflicts: PackageConflict[] = [];
  const notes: string[] = [];
  // Which package each merged record came from, and each package's record hashes (made when needed).
  const origin = new Map<string, number>();
  const hashes = packages.map(() => undefined as Map<string, string> | undefined);
  const hashOf = (i: number, key: string) => {
    hashes[i] ??= new Map(PACKAGE_TABLES.flatMap((t) => (packages[i]!.content[t] as AnyRecord[]).map((r) => [baseKey(t, r.id), recordHash(r)] as const)));
    return hashes[i].get(key);
  };
  const replaces = (newer: number, older: number) => {
    const [a, b] = [packages[newer]!, packages[older]!];
    return a.exportedAt !== undefined && b.exportedAt !== undefined && replacesPackage({ exportedAt: a.exportedAt, content: a.content }, { exportedAt: b.exportedAt, content: b.content });
  };
  // Pairs [newer, older] whose records differed, for one note each.
  const replaced = new Map<string, [number, number]>();
  for (const [i, { name, content }] of packages.entries()) {
    const base = (key: string) => {
      const from = origin.get(key);
      if (from === undefined) return undefined;
      const pair: [number, number] | undefined = replaces(i, from) ? [i, from] : replaces(from, i) ? [from, i] : undefined;
      if (!pair) return undefined;
      replaced.set(pair.join('|'), pair);
      return hashOf(pair[1], key);
    };
    const plan = planMerge(content, memoryLocalSide(merged, base));
    if (plan.refusal !== undefined) return { ok: false, kind: 'refused', error: `“${name}”：${plan.refusal}` };
    notes.push(...plan.notes.map((n) => `“${name}”：${n}`));
    if (plan.conflicts.length > 0) {
      conflicts.push(...plan.conflicts.map((c) => ({ ...c, file: name })));
      continue;
    }
    const writes = mergeWrites(plan, new Map());
    if (!writes.ok) return { ok: false, kind: 'refused', error: `“${name}”：${writes.problem}` };
    merged = applyPuts(merged, writes.writes.puts);
    for (const table of PACKAGE_TABLES) for (const r of writes.writes.puts[table] as AnyRecord[]) origin.set(baseKey(table, r.id), i);
  }
  if (conflicts.length > 0) return { ok: false, kind: 'conflicts', conflicts };
  for (const [newer, older] of replaced.values()) {
    const [a, b] = [packages[newer]!, packages[older]!];
    notes.push(`“${a.name}”（导出于 ${formatDateTime(a.exportedAt ?? '')}）是“${b.name}”（导出于 ${formatDateTime(b.exportedAt ?? '')}）之后重新导出的同一单位数据，两者不同的记录以前者为准`);
  }
  return { ok: true, content: sortContent(merged), notes };
}

/** The content with the records put (replaced by id, or added). */
function applyPuts(content: PackageContent, puts: PackageContent): PackageContent {
  const next = emptyContent();
  for (const table of PACKAGE_TABLES) {
    const byId = new Map((content[table] as AnyRecord[]).map((r) => [r.id, r]));
    for (const r of puts[table] as AnyRecord[]) byId.set(r.id, r);
    (next[table] as AnyRecord[]) = [...byId.values()];
  }
  return next;
}
