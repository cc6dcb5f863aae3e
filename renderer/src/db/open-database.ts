// Opening the database safely. Dexie 4 does not fail on a database newer than the app: it opens
// it anyway and may "patch" the schema it finds (dexie.mjs, dexieOpen: VersionError → retry with
// no version; SchemaDiff → bump the version). So the version on disk is read first, and:
//   newer than this app   → open read-only, schema-less, every write refused, a banner says why;
//   older than this app   → back up the old data (the caller's hook), then let Dexie upgrade;
//   same, or no database  → open normally.
import Dexie from 'dexie';
import { WorkbenchDb } from './database';
import { settleSummaries } from './repos/summaries-repo';
import { DB_NAME, LATEST_VERSION } from './schema-history';
import type { BackupTables } from '#shared/backup/tables';

export type DatabaseState =
  | { mode: 'normal'; db: WorkbenchDb; upgradedFrom?: number }
  | { mode: 'read-only'; db: WorkbenchDb; diskVersion: number; reason: string };

export interface OpenOptions {
  name?: string;
  /** Called with a snapshot of the old data before an upgrade; a failure keeps the old data untouched (read-only). */
  beforeUpgrade?: (snapshot: { schemaVersion: number; tables: BackupTables }) => Promise<void>;
}

/** The schema version of the database on disk (Dexie's number: IndexedDB's divided by 10), or 0 when there is none. */
export async function diskVersion(name: string): Promise<number> {
  const list = await indexedDB.databases();
  const found = list.find((d) => d.name === name);
  return found?.version ? found.version / 10 : 0;
}

/** What to do with a database at `disk` for an app at `latest`. */
export function openDecision(disk: number, latest: number = LATEST_VERSION): 'create' | 'open' | 'upgrade' | 'read-only' {
  if (disk === 0) return 'create';
  if (disk > latest) return 'read-only';
  if (disk < latest) return 'upgrade';
  return 'open';
}

export const NEWER_DATABASE_REASON = '本机数据由更新版本的工作台写入，当前版本无法安全修改。请安装最新版本的工作台后再编辑。';

/** Opens the app's database in the right mode (see the top of this file). */
export async function openWorkbenchDatabase(options: OpenOptions = {}): Promise<DatabaseState> {
  const name = options.name ?? DB_NAME;
  const disk = await diskVersion(name);
  const decision = openDecision(disk);
  if (decision === 'read-only') return openReadOnly(name, disk, NEWER_DATABASE_REASON);
  if (decision === 'upgrade' && options.beforeUpgrade) {
    try {
      await options.beforeUpgrade({ schemaVersion: disk, tables: await snapshotRaw(name) });
    } catch (e) {
      console.error('[db] backup before upgrade failed', e);
      return openReadOnly(name, disk, '升级数据格式前的自动备份未能完成，为保护数据，本次以只读方式打开。请检查磁盘空间后重新启动工作台。');
    }
  }
  const db = new WorkbenchDb(name);
  await db.open();
  // Summaries a write left pending when the last session ended within a moment of it: computed now,
  // in the background (the overview computes them for its read meanwhile).
  // A database closed meanwhile (the app's window closing, a restore replacing it) leaves them for its next opening.
  settleSummaries(db).catch((e: unknown) => {
    if (!db.isOpen()) return;
    console.warn('[db] computing pending summaries failed', e);
  });
  return decision === 'upgrade' ? { mode: 'normal', db, upgradedFrom: disk } : { mode: 'normal', db };
}

async function openReadOnly(name: string, version: number, reason: string): Promise<DatabaseState> {
  const db = new WorkbenchDb(name, { readOnly: { reason } });
  await db.open();
  return { mode: 'read-only', db, diskVersion: version, reason };
}

/** Every table of a database at whatever version it is, read in one transaction without declaring a schema. */
async function snapshotRaw(name: string): Promise<BackupTables> {
  const raw = new Dexie(name);
  try {
    await raw.open();
    const tables: BackupTables = {};
    await raw.transaction('r', raw.tables, async () => {
      for (const table of raw.tables) tables[table.name] = await table.toArray();
    });
    return tables;
  } finally {
    raw.close();
  }
}
