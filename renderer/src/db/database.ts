import Dexie, { type Table } from 'dexie';
import type { Audit, ChangeLogEntry, Meeting, Member, Opinion, Unit } from '../../../shared/model/types';
import { readOnlyMiddleware } from './read-only';
import { DB_NAME, SCHEMA_V1 } from './schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface WorkbenchDbOptions {
  /**
   * Open whatever version is on disk without declaring a schema, and refuse every write. For a
   * database written by a newer app: declaring our older schema would let Dexie "patch" theirs.
   */
  readOnly?: { reason: string };
}

export class WorkbenchDb extends Dexie {
  units!: Table<Unit, string>;
  meetings!: Table<Meeting, string>;
  members!: Table<Member, string>;
  opinions!: Table<Opinion, string>;
  audits!: Table<Audit, string>;
  changeLog!: Table<ChangeLogEntry, string>;
  settings!: Table<SettingRow, string>;
  /** Why writes are refused, when the database is open read-only. */
  readonly readOnlyReason: string | undefined;

  constructor(name: string = DB_NAME, options: WorkbenchDbOptions = {}) {
    // Strict durability: a commit the user saw succeed is on disk, even if the PC loses power.
    super(name, { chromeTransactionDurability: 'strict' });
    this.readOnlyReason = options.readOnly?.reason;
    if (options.readOnly) {
      this.use(readOnlyMiddleware(options.readOnly.reason));
      // Without a declared schema Dexie reads the one on disk; bind the typed tables once it is open.
      this.on('ready', () => {
        for (const table of this.tables) (this as unknown as Record<string, unknown>)[table.name] = table;
      });
      return;
    }
    this.version(1).stores(SCHEMA_V1);
  }
}

/** The tables of an open database with their primary keys, from its schema (not from a list kept by hand). */
export function tableSpecs(db: Dexie): Array<{ name: string; primaryKey: string }> {
  return db.tables.map((t) => ({ name: t.name, primaryKey: String(t.schema.primKey.keyPath) }));
}

/** The tables whose rows make up the user's data (everything but settings). */
export const DATA_TABLES = ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'] as const;
