// Every schema version the database has ever had, kept forever: Dexie needs the whole history to
// upgrade an old database. Add a new constant under a dated comment; never edit an old one.

export const DB_NAME = 'mzsh-workbench';

// 2026-11-21 — version 1: units, meetings (rule set and dimensions embedded), members per meeting,
// opinions (soft delete; `deletedAt` is indexed sparsely, so only deleted rows are in that index),
// append-only audits and change log, key–value settings.
export const SCHEMA_V1 = {
  units: 'id, order',
  meetings: 'id, unitId',
  members: 'id, meetingId',
  opinions: 'id, meetingId, [meetingId+targetId], deletedAt',
  audits: 'id, meetingId, at',
  changeLog: 'id, meetingId, at',
  settings: 'key',
} as const;

// 2026-11-21 — version 2: supervision. `meetingSummaries`, one row per meeting (readiness state,
// counts, shortfall count, zero targets, warnings, fingerprint, latest verdict), recomputed in the
// same transaction as every write to a meeting's roster, opinions, rules or audits, so the overview
// reads 300 small rows instead of 100,000 opinions; the upgrade computes them for existing data.
// `mergeBases`: per record, the hash of the version last received from (or sent in) a package —
// the merge base that tells "changed here" from "changed there" — stored one row per meeting. `copyFindings`: per meeting, the
// 疑似抄袭 warnings of the last cross-unit copy scan.
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  meetingSummaries: 'meetingId, unitId',
  mergeBases: 'key',
  copyFindings: 'meetingId',
} as const;

// 2026-12-06 — version 3: the second half of the practice. `consolidatedOpinions` (梳理后意见, with
// links to the raw opinions they merge), `problems` (查摆问题, the 两张清单), `ledgerEntries` (整改台账,
// one account per registered problem) and their append-only `progressEntries`, `talks` (谈心谈话),
// `preparations` (方案报送, 学习研讨; one per meeting) and `materials` (对照检查材料 as read). Every one
// belongs to a meeting; nothing existing changes, so the upgrade only adds empty tables.
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  consolidatedOpinions: 'id, meetingId, [meetingId+targetId]',
  problems: 'id, meetingId, [meetingId+targetId]',
  ledgerEntries: 'id, meetingId, problemId',
  progressEntries: 'id, meetingId, entryId',
  talks: 'id, meetingId',
  preparations: 'id, meetingId',
  materials: 'id, meetingId, [meetingId+targetId]',
} as const;

// 2026-12-06 — version 4: `opinionImages`, the picture of the paper each opinion read from a scanned
// 征求意见表 came from (its table cell as a grey PNG in base64, with file, page, row, column and box),
// one per such opinion, looked up by `opinionId` when someone opens the opinion; kept apart from
// `opinions` so that lists, summaries and checks never load pictures. A new empty table: no upgrade.
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  opinionImages: 'id, meetingId, opinionId',
} as const;

export const LATEST_VERSION = 4;

/** Dexie's stores argument: table → index spec, or `null` for a table a version deletes. */
export type StoresSpec = Readonly<Record<string, string | null>>;

/**
 * Every version's stores, by version number, exactly as passed to `version(n).stores(…)` in
 * database.ts. The upgrade tests open a database at each old version with these, and a backup
 * made at an old version is restored through them. Add each new version here too.
 */
export const SCHEMA_HISTORY: Readonly<Record<number, StoresSpec>> = {
  1: SCHEMA_V1,
  2: SCHEMA_V2,
  3: SCHEMA_V3,
  4: SCHEMA_V4,
};

/** The complete stores of the database at a version: every version up to it, merged (Dexie carries unlisted tables over). */
export function storesAt(version: number, history: Readonly<Record<number, StoresSpec>> = SCHEMA_HISTORY): Record<string, string> {
  const merged: Record<string, string | null> = {};
  for (const v of Object.keys(history).map(Number).sort((a, b) => a - b)) {
    if (v > version) break;
    Object.assign(merged, history[v]);
  }
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
}

/** The tables of a stores spec with their primary keys: `{ units: 'id, order' }` → `[{ name: 'units', primaryKey: 'id' }]`. */
export function tableSpecsOf(stores: Readonly<Record<string, string>>): Array<{ name: string; primaryKey: string }> {
  return Object.entries(stores).map(([name, spec]) => ({ name, primaryKey: spec.split(',')[0]!.trim().replace(/^(\+\+|&)/, '') }));
}
