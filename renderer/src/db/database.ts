import Dexie, { type Table } from 'dexie';
import type { Audit, ChangeLogEntry, Meeting, Member, Opinion, Unit } from '../../../shared/model/types';
import { DB_NAME, SCHEMA_V1 } from './schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

export class WorkbenchDb extends Dexie {
  units!: Table<Unit, string>;
  meetings!: Table<Meeting, string>;
  members!: Table<Member, string>;
  opinions!: Table<Opinion, string>;
  audits!: Table<Audit, string>;
  changeLog!: Table<ChangeLogEntry, string>;
  settings!: Table<SettingRow, string>;

  constructor(name: string = DB_NAME) {
    // Strict durability: a commit the user saw succeed is on disk, even if the PC loses power.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_V1);
  }
}

let instance: WorkbenchDb | undefined;

/** The app's database, opened once. */
export function getDb(): WorkbenchDb {
  instance ??= new WorkbenchDb();
  return instance;
}

/** The tables whose rows make up the user's data (everything but settings). */
export const DATA_TABLES = ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'] as const;
