// Merging whole packages into one (a county's package from its units'), with the app's own merge
// plan: each package in turn is planned against what the earlier ones gave, exactly as if it were
// opened into a workbench holding them. There are no merge bases between files, so a record two
// packages carry in different versions is a conflict; a record that reuses an id under another
// unit, meeting or kind refuses the merge. Nothing here writes: the caller writes the result.
import { PACKAGE_TABLES, emptyContent, sortContent, type PackageContent } from './format';
import { baseKey, mergeWrites, planMerge, type LocalSide, type MergeConflict, type MergeTable } from './merge';

type AnyRecord = PackageContent[MergeTable][number];

/** The local side of a merge over content held in memory, with no merge bases. */
export function memoryLocalSide(content: PackageContent): LocalSide {
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
    base: () => undefined,
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

/** Merges the packages in order into one content (sorted, as a package is written). */
export function mergePackages(packages: ReadonlyArray<{ name: string; content: PackageContent }>): MergePackagesResult {
  let merged = emptyContent();
  const conflicts: PackageConflict[] = [];
  const notes: string[] = [];
  for (const { name, content } of packages) {
    const plan = planMerge(content, memoryLocalSide(merged));
    if (plan.refusal !== undefined) return { ok: false, kind: 'refused', error: `“${name}”：${plan.refusal}` };
    notes.push(...plan.notes.map((n) => `“${name}”：${n}`));
    if (plan.conflicts.length > 0) {
      conflicts.push(...plan.conflicts.map((c) => ({ ...c, file: name })));
      continue;
    }
    const writes = mergeWrites(plan, new Map());
    if (!writes.ok) return { ok: false, kind: 'refused', error: `“${name}”：${writes.problem}` };
    merged = applyPuts(merged, writes.writes.puts);
  }
  if (conflicts.length > 0) return { ok: false, kind: 'conflicts', conflicts };
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
