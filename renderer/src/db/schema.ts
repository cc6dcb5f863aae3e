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

// 2026-11-28 — version 2: supervision. `meetingSummaries`, one row per meeting (readiness state,
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

export const LATEST_VERSION = 2;
