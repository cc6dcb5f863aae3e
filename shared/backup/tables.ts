// The payload of a backup: every table of the database as JSON, `{ "units": [...], ... }`. The
// list of tables comes from the database schema at run time (the caller passes it), so a table
// added in a later schema version is backed up without touching this file. Rows of the domain
// tables are checked with the same validators as exchange packages.
import { recordLabel, recordRow, tablesProblem } from '../model/record-kinds';
import { contentReferenceProblem, type PackageContent } from '../package/format';
import { check } from '../util/validation';
import type { BackupManifest } from './format';
import { backupRowValidator } from './rows';

export type BackupTables = Record<string, unknown[]>;

/** A table as the database declares it: its name and the field that is its primary key. */
export interface TableSpec {
  name: string;
  primaryKey: string;
}

/** The payload's JSON bytes, tables in the given order. Throws for data JSON cannot hold (a programming error, not user input). */
export function serializeTables(tables: BackupTables): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify(tables, function (this: Record<string, unknown>, key, value: unknown) {
      // `this[key]` is the value before toJSON: a Date would otherwise pass as a string and come back as one.
      const original = this[key];
      if (original instanceof Date) throw new TypeError('serializeTables: only JSON data can be backed up');
      if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('serializeTables: non-finite number');
      if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') throw new TypeError(`serializeTables: cannot store ${typeof value}`);
      if (value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Map || value instanceof Set) {
        throw new TypeError('serializeTables: only JSON data can be backed up');
      }
      return value;
    }),
  );
}

/** Row counts by table, in the tables' order. */
export function countRows(tables: BackupTables): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
}

export type ParseTablesResult = { ok: true; tables: BackupTables } | { ok: false; error: string };

/**
 * Reads a payload's JSON and checks it against the manifest and the tables it must fill: the
 * same tables, the counted number of rows, every row a record with a unique primary key and valid
 * for its table (shared/backup/rows.ts), and the records' references intact. Never throws for bad input.
 */
export function parseTables(json: Uint8Array, manifest: BackupManifest, specs: readonly TableSpec[]): ParseTablesResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return fail('备份数据已损坏：无法解析');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('备份数据已损坏：内容不是数据表');
  const data = parsed as Record<string, unknown>;
  const names = Object.keys(data);
  const expected = specs.map((s) => s.name);
  const listed = Object.keys(manifest.tables);
  if (!sameSet(names, listed)) return fail('备份数据与清单不符：数据表不一致');
  const missing = expected.filter((n) => !names.includes(n));
  const unknown = names.filter((n) => !expected.includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    const labels = (tables: string[]) => tables.map(recordLabel).join('、');
    return fail(`备份的数据表与本程序不一致${missing.length ? `，缺少：${labels(missing)}` : ''}${unknown.length ? `，多出：${labels(unknown)}` : ''}`);
  }
  const tables: BackupTables = {};
  for (const spec of specs) {
    const rows = data[spec.name];
    if (!Array.isArray(rows)) return fail(`备份数据已损坏：${tablesProblem(spec.name, '不是列表')}`);
    if (rows.length !== manifest.tables[spec.name]) return fail(`备份数据与清单不符：${tablesProblem(spec.name, `应有 ${manifest.tables[spec.name]} 条，实有 ${rows.length} 条`)}`);
    const problem = rowsProblem(spec, rows);
    if (problem) return fail(`备份数据不正确：${problem}`);
    tables[spec.name] = rows;
  }
  // The records must hang together as in a package: every meeting's unit, every member's and
  // opinion's meeting, every opinion's target, every audit's meeting present, the follow-up
  // records' meetings, targets, problems, entries and linked opinions present; ids unique.
  const broken = contentReferenceProblem(tables as unknown as PackageContent, '备份中');
  if (broken) return fail(`备份数据不正确：${broken}`);
  return { ok: true, tables };
}

function rowsProblem(spec: TableSpec, rows: unknown[]): string | undefined {
  const validator = backupRowValidator(spec.name);
  const seen = new Set<unknown>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return `${recordRow(spec.name, i)}不是记录`;
    const key = (row as Record<string, unknown>)[spec.primaryKey];
    if (typeof key !== 'string' && typeof key !== 'number') return `${recordRow(spec.name, i)}缺少主键 ${spec.primaryKey}`;
    if (seen.has(key)) return tablesProblem(spec.name, `中的主键 ${String(key).slice(0, 60)} 重复`);
    seen.add(key);
    if (validator) {
      const result = check(validator, row);
      if (!result.ok) return tablesProblem(`${spec.name}[${i}]${result.path === '' || result.path.startsWith('[') ? '' : '.'}${result.path}`, result.reason);
    }
  }
  return undefined;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function fail(error: string): ParseTablesResult {
  return { ok: false, error };
}
