// The records each meeting's summary was last computed from, kept in memory, so that refreshing the
// summary after a write does not read the meeting's opinions again: a write reads back only the
// rows it changed (a DBCore middleware notes every key a write transaction touches) and patches the
// cached records with them. What may be trusted, and when:
// - an entry is used only after the transaction that stored it has committed;
// - it survives a write transaction only if that transaction refreshed its meeting (any other
//   write drops it), and a write to these tables outside the write path drops every entry;
// - it is used only while the stored summary is the one it was stored with (a write from another
//   tab or window stores another one).
// A summary refreshed from an entry is `pending` (see updatedSummary) and is computed again in
// full a moment later from a fresh read, so the cache never decides a summary for long.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { Audit, Meeting, Member, Opinion } from '#shared/model/types';
import type { FollowUpRecords, MeetingSummary } from '#shared/supervision/summary';

/** The tables whose rows a meeting's summary is computed from (besides copyFindings, read each time). */
const RECORD_TABLES = ['meetings', 'members', 'opinions', 'audits', 'consolidatedOpinions', 'problems', 'ledgerEntries', 'progressEntries', 'talks', 'preparations', 'materials'] as const;
type RecordTable = (typeof RECORD_TABLES)[number];
const TRACKED = new Set<string>(RECORD_TABLES);

type FollowUpTable = Exclude<RecordTable, 'meetings' | 'members' | 'opinions' | 'audits'>;
const FOLLOW_UP_KEYS: Record<FollowUpTable, keyof FollowUpRecords> = {
  consolidatedOpinions: 'consolidated',
  problems: 'problems',
  ledgerEntries: 'ledgerEntries',
  progressEntries: 'progressEntries',
  talks: 'talks',
  preparations: 'preparations',
  materials: 'materials',
};

/** A meeting's records as its summary reads them (soft-deleted rows included). */
export interface MeetingRecords {
  meeting: Meeting;
  members: readonly Member[];
  opinions: readonly Opinion[];
  audits: readonly Audit[];
  followUp: FollowUpRecords;
}

interface Entry {
  records: MeetingRecords;
  /** The summary stored with these records, as JSON. */
  stored: string;
  committed: boolean;
}

/** Keys written per table in one transaction; 'all' when a write cannot be told key by key. */
type Written = Map<RecordTable, Set<unknown>> | 'all';

/** Entries kept at most (a merge touches hundreds of meetings; a person edits one or two). */
const MAX_ENTRIES = 8;
/** Past this many changed rows of one table a write reads the meeting again instead of patching. */
const PATCH_LIMIT = 1000;

export class SummaryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly writeTransactions = new WeakSet<object>();
  private readonly written = new WeakMap<object, Written>();

  /** The write path's transaction: writes in it are noted, not treated as writes around the cache. */
  registerWrite(idbtrans: object): void {
    this.writeTransactions.add(idbtrans);
  }

  /** Called by the middleware before every write to a record table. */
  noteWrite(table: RecordTable, req: DBCoreMutateRequest): void {
    const trans = req.trans as object;
    if (!this.writeTransactions.has(trans)) {
      this.entries.clear();
      return;
    }
    const so = this.written.get(trans) ?? new Map<RecordTable, Set<unknown>>();
    if (so === 'all') return;
    const keys = writtenKeys(req);
    if (!keys) {
      this.written.set(trans, 'all');
      return;
    }
    const set = so.get(table) ?? new Set<unknown>();
    for (const k of keys) set.add(k);
    so.set(table, set);
    this.written.set(trans, so);
  }

  /** What a write transaction of the write path wrote, table by table; 'all' when it cannot be told, or for any other transaction. */
  writtenIn(idbtrans: object): Written {
    if (!this.writeTransactions.has(idbtrans)) return 'all';
    return this.written.get(idbtrans) ?? new Map();
  }

  /** The committed entry of a meeting whose stored summary is still the one given, if any. */
  usable(meetingId: string, stored: MeetingSummary | undefined): MeetingRecords | undefined {
    const entry = this.entries.get(meetingId);
    if (!entry || !entry.committed || !stored || JSON.stringify(stored) !== entry.stored) return undefined;
    return entry.records;
  }

  /**
   * Stores the records a summary was computed from in `idbtrans`, usable once it commits; every
   * other entry is dropped unless also stored in the same transaction (see `keepOnly`).
   */
  store(idbtrans: IDBTransaction, meetingId: string, records: MeetingRecords, summary: MeetingSummary): void {
    const entry: Entry = { records, stored: JSON.stringify(summary), committed: false };
    this.entries.delete(meetingId);
    this.entries.set(meetingId, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    idbtrans.addEventListener('complete', () => (entry.committed = true));
    idbtrans.addEventListener('abort', () => {
      if (this.entries.get(meetingId) === entry) this.entries.delete(meetingId);
    });
  }

  /** Drops the entries of every meeting but these (a write changed rows it did not refresh them for). */
  keepOnly(meetingIds: ReadonlySet<string>): void {
    for (const id of [...this.entries.keys()]) if (!meetingIds.has(id)) this.entries.delete(id);
  }

  forget(meetingId: string): void {
    this.entries.delete(meetingId);
  }
}

function writtenKeys(req: DBCoreMutateRequest): unknown[] | undefined {
  if (req.type === 'deleteRange') return undefined;
  if (req.type === 'delete') return req.keys;
  const keys: unknown[] = [...(req.keys ?? [])];
  if (!req.keys) for (const v of req.values) keys.push((v as { id?: unknown } | null)?.id);
  if (req.type === 'put' && req.updates) keys.push(...req.updates.keys);
  return keys.every((k) => typeof k === 'string') ? keys : undefined;
}

/** The middleware that tells the cache what each transaction writes to the record tables. */
export function summaryCacheMiddleware(cache: SummaryCache): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'summary-cache',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!TRACKED.has(name)) return table;
        return {
          ...table,
          mutate: (req) => {
            cache.noteWrite(name as RecordTable, req);
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

/** Reads rows by key inside the calling transaction (a Dexie bulkGet). */
type ReadRows = (table: RecordTable, keys: string[]) => PromiseLike<Array<{ id: string; meetingId?: string } | undefined>>;

/**
 * The records after a write: each row the transaction wrote read back and put in place of the cached
 * one (or left out when it is gone or belongs to another meeting). Undefined when the write cannot
 * be patched in (too many rows, or writes that cannot be told key by key): read the meeting again.
 */
export async function patchRecords(records: MeetingRecords, meetingId: string, written: Written, read: ReadRows): Promise<MeetingRecords | undefined> {
  if (written === 'all') return undefined;
  for (const keys of written.values()) if (keys.size > PATCH_LIMIT) return undefined;
  const tables = [...written.keys()];
  const rows = await Promise.all(tables.map((t) => read(t, [...written.get(t)!] as string[])));
  let meeting: Meeting | undefined = records.meeting;
  const next = { ...records, followUp: { ...records.followUp } };
  tables.forEach((table, i) => {
    const changed = new Map((rows[i] ?? []).filter((r): r is { id: string; meetingId?: string } => r !== undefined).map((r) => [r.id, r]));
    const keys = written.get(table)!;
    if (table === 'meetings') {
      if (keys.has(meetingId)) meeting = changed.get(meetingId) as Meeting | undefined;
      return;
    }
    // In primary-key order, as a read by meetingId returns them: the summary sees the same lists either way.
    const patch = <T extends { id: string; meetingId: string }>(list: readonly T[]): T[] => {
      const out = list.filter((r) => !keys.has(r.id));
      for (const r of changed.values()) if (r.meetingId === meetingId) out.push(r as unknown as T);
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    };
    if (table === 'members') next.members = patch(records.members);
    else if (table === 'opinions') next.opinions = patch(records.opinions);
    else if (table === 'audits') next.audits = patch(records.audits);
    else {
      const key = FOLLOW_UP_KEYS[table];
      (next.followUp as Record<keyof FollowUpRecords, unknown>)[key] = patch(records.followUp[key] as ReadonlyArray<{ id: string; meetingId: string }>);
    }
  });
  if (!meeting) return undefined;
  return { ...next, meeting };
}
