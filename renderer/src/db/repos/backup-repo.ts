// Backup and restore of the whole database. The list of tables always comes from the database's
// schema, so a table added by a later version is backed up and restored without a change here.
import Dexie from 'dexie';
import { restoreRefusal, type BackupManifest, type BackupReason } from '#shared/backup/format';
import type { BackupTables, TableSpec } from '#shared/backup/tables';
import { newId } from '#shared/util/ids';
import { makeBackupFile, readBackupTables, type MadeBackup } from '../../backup-engine/backup-file';
import { recomputeDerivedTables } from '../../backup-engine/derived-tables';
import { tableSpecs, WorkbenchDb } from '../database';
import { DB_NAME, LATEST_VERSION, SCHEMA_HISTORY, storesAt, tableSpecsOf, type StoresSpec } from '../schema-history';
import { UserError } from '../../lib/user-error';
import { settleSummaries } from './summaries-repo';

/**
 * Every table's rows, read in one transaction so the snapshot is consistent. Tables in name order:
 * a database opened with or without its schema (the backup worker) gives the same bytes.
 */
export async function snapshotTables(db: Dexie): Promise<BackupTables> {
  // A backup holds every summary computed in full, not one a write left pending a moment ago.
  if (db instanceof WorkbenchDb && db.summaryCache) await settleSummaries(db);
  const tables: BackupTables = {};
  const ordered = [...db.tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  await db.transaction('r', ordered, async () => {
    for (const table of ordered) tables[table.name] = await table.toArray();
  });
  return tables;
}

/** A backup file of the whole database, at the schema version it is in. */
export async function createBackup(
  db: WorkbenchDb,
  options: { appVersion: string; reason: BackupReason; password?: string; iterations?: number },
): Promise<MadeBackup> {
  const tables = await snapshotTables(db);
  return makeBackupFile(tables, { schemaVersion: db.verno, ...options });
}

export type RestoreData = { ok: true; manifest: BackupManifest; tables: BackupTables } | { ok: false; error: string };

/**
 * Reads a verified backup into rows for this database: refuses a backup from a newer schema,
 * decrypts with the password, checks every row of every table, brings a backup from an older
 * schema up to date through the real upgrade code, and computes the derived tables (summaries,
 * copy findings) again from the records. Never throws for bad input.
 */
export async function prepareRestore(
  db: WorkbenchDb,
  opened: { manifest: BackupManifest; payload: Uint8Array },
  password = '',
  history: Readonly<Record<number, StoresSpec>> = SCHEMA_HISTORY,
): Promise<RestoreData> {
  const { manifest } = opened;
  if (db.readOnlyReason) return { ok: false, error: `只读模式下不能恢复备份：${db.readOnlyReason}` };
  const refusal = restoreRefusal(manifest, db.verno);
  if (refusal) return { ok: false, error: refusal };
  const current = manifest.schemaVersion === db.verno;
  if (!current && history[manifest.schemaVersion] === undefined) {
    return { ok: false, error: `备份的数据版本 ${manifest.schemaVersion} 无法识别，不能恢复` };
  }
  const specs: TableSpec[] = current ? tableSpecs(db) : tableSpecsOf(storesAt(manifest.schemaVersion, history));
  const read = await readBackupTables(opened, specs, password);
  if (!read.ok) return read;
  if (current) return { ok: true, manifest, tables: recomputeDerivedTables(read.tables) };
  try {
    return { ok: true, manifest, tables: recomputeDerivedTables(await upgradeTables(read.tables, manifest.schemaVersion, history)) };
  } catch (e) {
    console.error('[backup] upgrading an old backup failed', e);
    return { ok: false, error: `无法把数据版本 ${manifest.schemaVersion} 的备份升级到当前版本，数据未改动` };
  }
}

/**
 * Replaces every table with the given rows in ONE transaction: either the restore is complete or
 * the database is as it was. The tables must be exactly the database's.
 */
export async function replaceAllData(db: WorkbenchDb, tables: BackupTables): Promise<void> {
  const names = db.tables.map((t) => t.name);
  const given = Object.keys(tables);
  if (names.length !== given.length || names.some((n) => !given.includes(n))) {
    throw new UserError('备份的数据表与本程序不一致，未恢复，数据未改动');
  }
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      await table.bulkAdd(tables[table.name]!);
    }
  });
}

/**
 * The restore: first a backup of the current data through `keepCurrent` (into the backups folder,
 * or a download), and only when that succeeded, everything replaced in one transaction.
 */
export async function restoreAll(
  db: WorkbenchDb,
  data: { tables: BackupTables },
  keepCurrent: (backup: MadeBackup) => Promise<void>,
  appVersion: string,
  onStage: (stage: RestoreStage) => void = () => undefined,
): Promise<void> {
  if (db.readOnlyReason) throw new UserError(`只读模式下不能恢复备份：${db.readOnlyReason}`);
  onStage('backing-up');
  const current = await createBackup(db, { appVersion, reason: 'before-restore' });
  onStage('keeping');
  await keepCurrent(current);
  onStage('replacing');
  await replaceAllData(db, data.tables);
}

/** The steps of a restore, for the progress shown meanwhile (the last is one transaction: no finer progress is honest). */
export type RestoreStage = 'backing-up' | 'keeping' | 'replacing';

/** Runs an old backup's rows through the app's own upgrade: written into a scratch database at the old version, opened by today's schema. */
async function upgradeTables(tables: BackupTables, fromVersion: number, history: Readonly<Record<number, StoresSpec>>): Promise<BackupTables> {
  const name = `${DB_NAME}-restore-${newId()}`;
  try {
    const old = new Dexie(name);
    old.version(fromVersion).stores(storesAt(fromVersion, history));
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const table of old.tables) await table.bulkAdd(tables[table.name] ?? []);
    });
    old.close();
    const upgraded = new WorkbenchDb(name);
    try {
      await upgraded.open();
      if (upgraded.verno !== LATEST_VERSION) throw new Error(`upgraded to ${upgraded.verno}, expected ${LATEST_VERSION}`);
      return await snapshotTables(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    await Dexie.delete(name);
  }
}
