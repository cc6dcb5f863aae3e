// The domain records. Every record has a UUID so data from several machines merges by id.
// Times are ISO-8601 strings (UTC); dates a person types (planned date, date received) are
// `YYYY-MM-DD` strings, because they name a calendar day, not an instant.

export type Id = string;

/** The target id that stands for the leadership group as a whole (班子). */
export const GROUP_TARGET = 'group';
/** How the group is called wherever a target is shown. */
export const GROUP_LABEL = '领导班子';

/** Fields every stored record carries. `deletedAt` marks a soft delete (recycle bin). */
export interface Stamped {
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

import type { z } from 'zod';
import type { auditSchema, changeLogSchema, meetingSchema, memberSchema, opinionSchema, ruleSetSchema, unitSchema } from './record-schemas';

// The record types are inferred from their schemas (record-schemas.ts): a field exists in one place.
export type Unit = z.infer<typeof unitSchema>;
export type RuleSet = z.infer<typeof ruleSetSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingStatus = Meeting['status'];
export type Member = z.infer<typeof memberSchema>;
export type Opinion = z.infer<typeof opinionSchema>;
export type OpinionOrigin = Opinion['origin'];
export type Audit = z.infer<typeof auditSchema>;
export type Verdict = Audit['verdict'];
/** What an audit judged: the counts per target and category at that moment. */
export type AuditSnapshot = Audit['snapshot'];

export type { EntityKind } from './record-kinds';
/** One append-only change-log line: who changed which record when. */
export type ChangeLogEntry = z.infer<typeof changeLogSchema>;
export type ChangeAction = ChangeLogEntry['action'];
