import Dexie, { type Table, type Transaction } from 'dexie';
import type { Audit, ChangeLogEntry, Meeting, Member, Opinion, Unit } from '#shared/model/types';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import type { LedgerEntry, ProgressEntry } from '#shared/model/ledger';
import type { Talk } from '#shared/model/talks';
import type { MaterialRecord, MeetingPreparation } from '#shared/model/preparation';
import type { OpinionImage } from '#shared/model/opinion-images';
import type { MeetingWarning } from '#shared/supervision/warnings';
import { computeMeetingSummary, type MeetingSummary } from '#shared/supervision/summary';
import { groupByMeeting } from '#shared/util/group-by';
import { readOnlyMiddleware } from './read-only';
import { SummaryCache, summaryCacheMiddleware } from './repos/summary-cache';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from './schema-history';

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * The merge bases of one group of records (a meeting's records, or all units; see baseGroup in
 * shared/package/merge.ts): for each record (`table:id`), the hash of the version last received
 * from or sent in a package.
 */
export interface MergeBaseRow {
  /** `meeting:<id>` or `units` */
  key: string;
  hashes: Record<string, string>;
  at: string;
}

/** A meeting's 疑似抄袭 warnings from the last cross-unit copy scan. */
export interface CopyFindingsRow {
  meetingId: string;
  scannedAt: string;
  /** The meeting's fingerprint when it was scanned: the findings may be out of date when it differs. */
  fingerprint: string;
  /** How many opinions (all units) the scan compared. */
  scannedOpinions: number;
  warnings: MeetingWarning[];
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
  meetingSummaries!: Table<MeetingSummary, string>;
  mergeBases!: Table<MergeBaseRow, string>;
  copyFindings!: Table<CopyFindingsRow, string>;
  consolidatedOpinions!: Table<ConsolidatedOpinion, string>;
  problems!: Table<ProblemItem, string>;
  ledgerEntries!: Table<LedgerEntry, string>;
  progressEntries!: Table<ProgressEntry, string>;
  talks!: Table<Talk, string>;
  preparations!: Table<MeetingPreparation, string>;
  materials!: Table<MaterialRecord, string>;
  opinionImages!: Table<OpinionImage, string>;
  /** Why writes are refused, when the database is open read-only. */
  readonly readOnlyReason: string | undefined;
  /** The records of recently written meetings, so that a write's summary refresh need not read them again (none when read-only). */
  readonly summaryCache: SummaryCache | undefined;

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
      this.summaryCache = undefined;
      return;
    }
    this.summaryCache = new SummaryCache();
    this.use(summaryCacheMiddleware(this.summaryCache));
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(computeSummariesOnUpgrade);
    // v2 → v3 adds empty tables only: no upgrade function.
    this.version(3).stores(SCHEMA_V3);
    // v3 → v4 adds the empty opinionImages table only: no upgrade function.
    this.version(4).stores(SCHEMA_V4);
  }
}

/** v1 → v2: every existing meeting gets its summary, computed by the same shared code as every write. */
async function computeSummariesOnUpgrade(tx: Transaction): Promise<void> {
  const [meetings, members, opinions, audits] = await Promise.all([
    tx.table<Meeting>('meetings').toArray(),
    tx.table<Member>('members').toArray(),
    tx.table<Opinion>('opinions').toArray(),
    tx.table<Audit>('audits').toArray(),
  ]);
  const [m, o, a] = [groupByMeeting(members), groupByMeeting(opinions), groupByMeeting(audits)];
  await tx
    .table<MeetingSummary>('meetingSummaries')
    .bulkPut(meetings.map((meeting) => computeMeetingSummary({ meeting, members: m.get(meeting.id) ?? [], opinions: o.get(meeting.id) ?? [], audits: a.get(meeting.id) ?? [] })));
}

/** The tables of an open database with their primary keys, from its schema (not from a list kept by hand). */
export function tableSpecs(db: Dexie): Array<{ name: string; primaryKey: string }> {
  return db.tables.map((t) => ({ name: t.name, primaryKey: String(t.schema.primKey.keyPath) }));
}
