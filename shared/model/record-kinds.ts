// The one registry of record kinds: every table the workbench stores, with its Chinese name, its
// validator, whether it travels in exchange packages, whether backups hold it, and how a merge
// treats it. Package tables, backup validators, table labels and change-log entity kinds are all
// derived from here; test/shared/model/record-kinds.test.ts fails when a database table has no entry.
import type { z } from 'zod';
import { auditSchema, changeLogSchema, meetingSchema, memberSchema, opinionSchema, unitSchema } from './record-schemas';
import { ledgerEntrySchema, progressEntrySchema } from './ledger';
import { materialSchema, meetingPreparationSchema } from './preparation';
import { consolidatedOpinionSchema, problemItemSchema } from './problems';
import { opinionImageSchema } from './opinion-images';
import { talkSchema } from './talks';
import { reportedWhole } from './zod-fields';

/**
 * How opening a package treats a kind: `three-way` merges by id against the stored merge base
 * (local change, their change or a conflict); `append-only` keeps ours and adds theirs (history
 * never changes; a progress entry that differs is a conflict, as it must never have been edited); `local` never travels; `derived` is recomputed from the other tables.
 */
type MergeRule = 'three-way' | 'append-only' | 'local' | 'derived';

interface RecordKind {
  /** The Chinese name shown in previews, messages and backup contents. */
  label: string;
  /**
   * Checks a record from outside (package, backup); kinds without one are checked for their key
   * only. A function with its type written out: the change log's validator names the entity kinds
   * this registry defines, and TypeScript needs the annotation to see that this is no circle.
   */
  validator?: () => z.ZodType;
  /** Travels in exchange packages. */
  exchanged: boolean;
  /** Held by backups (every table is: a restore must give back exactly what was there). */
  backedUp: boolean;
  merge: MergeRule;
  /** The change log's name for a change to such a record, when the change log records them. */
  entity?: string;
}

export const RECORD_KINDS = {
  units: { label: '单位', validator: (): z.ZodType => unitSchema, exchanged: true, backedUp: true, merge: 'three-way', entity: 'unit' },
  meetings: { label: '会议', validator: (): z.ZodType => meetingSchema, exchanged: true, backedUp: true, merge: 'three-way', entity: 'meeting' },
  members: { label: '班子成员', validator: (): z.ZodType => memberSchema, exchanged: true, backedUp: true, merge: 'three-way', entity: 'member' },
  opinions: { label: '意见建议', validator: (): z.ZodType => opinionSchema, exchanged: true, backedUp: true, merge: 'three-way', entity: 'opinion' },
  audits: { label: '审核记录', validator: (): z.ZodType => auditSchema, exchanged: true, backedUp: true, merge: 'three-way', entity: 'audit' },
  changeLog: { label: '变更记录', validator: (): z.ZodType => changeLogSchema, exchanged: true, backedUp: true, merge: 'append-only' },
  settings: { label: '设置项', exchanged: false, backedUp: true, merge: 'local' },
  meetingSummaries: { label: '会议汇总', exchanged: false, backedUp: true, merge: 'derived' },
  copyFindings: { label: '雷同检测结果', exchanged: false, backedUp: true, merge: 'derived' },
  mergeBases: { label: '合并记录', exchanged: false, backedUp: true, merge: 'local' },
  // Schema v3: the second half of the practice (梳理, 两张清单, 整改台账, 谈心谈话, 会前准备); in
  // packages from format 2. Ledger entries merge three-way with the ledger's own rule for status
  // (shared/ledger/merge-rules.ts); progress entries are appended, never edited: a union by id.
  consolidatedOpinions: { label: '梳理后意见', validator: (): z.ZodType => reportedWhole(consolidatedOpinionSchema), exchanged: true, backedUp: true, merge: 'three-way', entity: 'consolidated' },
  problems: { label: '查摆问题', validator: (): z.ZodType => reportedWhole(problemItemSchema), exchanged: true, backedUp: true, merge: 'three-way', entity: 'problem' },
  ledgerEntries: { label: '整改台账', validator: (): z.ZodType => reportedWhole(ledgerEntrySchema), exchanged: true, backedUp: true, merge: 'three-way', entity: 'ledger-entry' },
  progressEntries: { label: '整改进展', validator: (): z.ZodType => reportedWhole(progressEntrySchema), exchanged: true, backedUp: true, merge: 'append-only', entity: 'progress' },
  talks: { label: '谈心谈话', validator: (): z.ZodType => reportedWhole(talkSchema), exchanged: true, backedUp: true, merge: 'three-way', entity: 'talk' },
  preparations: { label: '会前准备', validator: (): z.ZodType => reportedWhole(meetingPreparationSchema), exchanged: true, backedUp: true, merge: 'three-way', entity: 'preparation' },
  materials: { label: '对照检查材料', validator: (): z.ZodType => reportedWhole(materialSchema), exchanged: true, backedUp: true, merge: 'three-way', entity: 'material' },
  // Schema v4: the picture of the paper each opinion read from a scanned form came from; in packages
  // of format 2 as an optional list. Never edited, it follows its opinion (merged by id, the opinion
  // part of its identity); no change-log lines of its own (the opinion's import line says it all).
  opinionImages: { label: '意见原件', validator: (): z.ZodType => reportedWhole(opinionImageSchema), exchanged: true, backedUp: true, merge: 'three-way' },
} as const satisfies Record<string, RecordKind>;

type Kinds = typeof RECORD_KINDS;
type RecordTable = keyof Kinds;

/** The tables an exchange package carries, in the registry's order. */
export type ExchangedTable = { [K in RecordTable]: Kinds[K]['exchanged'] extends true ? K : never }[RecordTable];

/** The kinds of record a change-log line is about. */
export type EntityKind = { [K in RecordTable]: Kinds[K] extends { entity: infer E } ? E : never }[RecordTable];

const TABLES = Object.keys(RECORD_KINDS) as RecordTable[];

export const EXCHANGED_TABLES: readonly ExchangedTable[] = TABLES.filter((t): t is ExchangedTable => RECORD_KINDS[t].exchanged);

/** The Chinese name of a table; a table the registry does not know shows its own name. */
export function recordLabel(table: string): string {
  return (RECORD_KINDS as Record<string, RecordKind>)[table]?.label ?? table;
}

/** The Chinese name of a change-log entity kind (`ledger-entry` → 整改台账), from the registry; an unknown kind shows itself. */
export function entityLabel(entity: string): string {
  const kind = Object.values(RECORD_KINDS as Record<string, RecordKind>).find((k) => k.entity === entity);
  return kind?.label ?? entity;
}

/** A row of a table as people count it, for messages: `意见建议第 4 条` for `opinions[3]`. */
export function recordRow(table: string, index: number): string {
  return `${recordLabel(table)}第 ${index + 1} 条`;
}

/**
 * A validator's complaint about a set of tables (a package's content, a backup's payload), with
 * the table named in Chinese: path `opinions[3].content`, reason `应为文本` →
 * `意见建议第 4 条：content 应为文本`; `units`, `应为列表` → `单位应为列表`. Field names stay as the
 * file spells them (they are what someone repairing the file looks for).
 */
export function tablesProblem(path: string, reason: string): string {
  const m = /^([A-Za-z][A-Za-z0-9_]*)(?:\[(\d+)\])?(.*)$/s.exec(path);
  if (!m) return path === '' ? `数据${reason}` : `${path} ${reason}`;
  const [, table = '', index, rest = ''] = m;
  const within = rest.replace(/^\./, '');
  if (index !== undefined) return `${recordRow(table, Number(index))}：${within === '' ? reason : `${within} ${reason}`}`;
  const label = recordLabel(table);
  return within === '' ? `${label}${spaced(label)}${reason}` : `${label}的 ${within} ${reason}`;
}

/** A space after a name that ends in Latin letters or digits (a table the registry does not know), none after Chinese. */
function spaced(name: string): string {
  return /[A-Za-z0-9]$/.test(name) ? ' ' : '';
}

/** The validator of a table's records, if the registry has one. */
export function recordValidator(table: string): z.ZodType | undefined {
  return (RECORD_KINDS as Record<string, RecordKind>)[table]?.validator?.();
}

/** Every table in the registry's order (the order people think of them in). */
export const RECORD_TABLES: readonly RecordTable[] = TABLES;
