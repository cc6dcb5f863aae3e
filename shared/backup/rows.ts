// What every row of a backup must look like, table by table. A restore replaces the whole
// database, so no row is trusted: the domain records go through the same validators as exchange
// packages, the app's own tables (settings, merge bases) through theirs, and the derived tables
// (meeting summaries, copy findings) are computed again from the records instead of being taken
// from the file (see DERIVED_TABLES).
import { z } from 'zod';
import type { DimensionSet } from '../model/dimensions';
import { recordValidator } from '../model/record-kinds';
import { ruleSetSchema } from '../model/record-schemas';
import { meetingSummarySchema } from '../supervision/summary-schema';
import { isRealIsoTime } from '../util/dates';
import { arr, dict, int, obj, str, tagged } from '../util/validation';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const isoTime = () => str({ max: 40 }).refine(isRealIsoTime, { error: '应为真实存在的 ISO 时间' });

/** A list of plain objects (the copy findings' warnings are recomputed; only their shape is checked). */
const objects = arr(
  z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: '应为对象' }),
  { max: 1_000_000 },
);

const dimensionSetSchema = obj({ label: str({ max: 200 }), year: int({ min: 1990, max: 2200 }), dimensions: arr(str({ max: 500 }), { max: 100 }) }) satisfies z.ZodType<DimensionSet>;

const settingSchema = tagged('key', [
  obj({ key: z.literal('operatorName'), value: str({ max: 200 }) }),
  obj({ key: z.literal('defaultRuleSet'), value: ruleSetSchema }),
  obj({ key: z.literal('dimensionSets'), value: arr(dimensionSetSchema, { max: 200 }) }),
]);

const mergeBaseSchema = obj({
  key: str({ max: 100, pattern: new RegExp(`^(units|meeting:${UUID})$`, 'i'), patternName: '分组编号' }),
  hashes: dict(str({ pattern: /^[0-9a-f]{16}$/, patternName: '记录摘要' }), { maxKeys: 10_000_000 }),
  at: isoTime(),
});

const copyFindingsSchema = obj({
  meetingId: str({ max: 100 }),
  scannedAt: isoTime(),
  fingerprint: str({ max: 200 }),
  scannedOpinions: int({ min: 0, max: 1e9 }),
  warnings: objects,
});

/** The app's own tables, which the record registry gives no validator (they never travel). */
const APP_ROW_VALIDATORS: Record<string, z.ZodType> = {
  settings: settingSchema,
  mergeBases: mergeBaseSchema,
  meetingSummaries: meetingSummarySchema,
  copyFindings: copyFindingsSchema,
};

/**
 * Tables whose rows are computed from the records: a restore computes them again and never keeps
 * the file's rows (a forged summary could otherwise claim a meeting is ready).
 */
export const DERIVED_TABLES = ['meetingSummaries', 'copyFindings'] as const;

/**
 * The validator of one table's rows, or undefined for a table this version does not describe
 * (a table added by a later schema: its rows are checked for their primary key only). The one
 * place restore asks: the record registry's validators (shared/model/record-kinds.ts) for the
 * domain records, this file's for the app's own tables.
 */
export function backupRowValidator(table: string): z.ZodType | undefined {
  return recordValidator(table) ?? (Object.prototype.hasOwnProperty.call(APP_ROW_VALIDATORS, table) ? APP_ROW_VALIDATORS[table] : undefined);
}

/**
 * The primary key of every table a backup of this version may hold (every schema version's tables),
 * for readers without the database schema at hand: the command line's `verify`. A test pins it to
 * renderer/src/db/schema-history.ts.
 */
export const BACKUP_TABLE_KEYS: Readonly<Record<string, string>> = {
  units: 'id',
  meetings: 'id',
  members: 'id',
  opinions: 'id',
  audits: 'id',
  changeLog: 'id',
  settings: 'key',
  meetingSummaries: 'meetingId',
  mergeBases: 'key',
  copyFindings: 'meetingId',
  consolidatedOpinions: 'id',
  problems: 'id',
  ledgerEntries: 'id',
  progressEntries: 'id',
  talks: 'id',
  preparations: 'id',
  materials: 'id',
  opinionImages: 'id',
};
