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

export const LATEST_VERSION = 1;
