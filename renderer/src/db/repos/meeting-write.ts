// The one write path for meeting data (units, meetings, rosters, opinions, audits): every such
// write runs inside writeMeetingData, which opens the transaction with the summary tables in its
// scope, writes the change-log lines the write records, and refreshes the summary of every meeting
// it changed — once per transaction, however many rows changed. Repositories never open a write
// transaction, write the change log or refresh summaries themselves; test/renderer/db/write-path.test.ts
// reads every repository and fails on one that does.
import type { Dexie, Table, Transaction } from 'dexie';
import type { ChangeInput } from '#shared/model/change-log';
import type { ChangeLogEntry } from '#shared/model/types';
import type { WorkbenchDb } from '../database';
import { changeEntry } from './change-log';
import { flushSummaries, followingMeetings, refreshSummaries, storeSummaries, withSummaryTables, type ComputedSummary } from './summaries-repo';

/** What a write may do besides writing its rows: record what it changed. */
interface MeetingWrite {
  /** Change-log lines (built here from ChangeInput, or whole entries copied from a package); their meetings count as changed. */
  log(entries: ChangeInput | ChangeLogEntry | ReadonlyArray<ChangeInput | ChangeLogEntry>): void;
  /** Meetings changed without a line of their own (e.g. rows of a merge): their summaries are refreshed too. */
  touch(meetingIds: Iterable<string>): void;
  /**
   * Summaries this write computed itself, each from all of its meeting's records as they are after
   * the write (the rows it read and the rows it writes, none read back): stored, and remembered for
   * the next write's incremental refresh, by the wrapper when the write ends; those meetings are not
   * refreshed again, however many lines or touches name them. A merge opening 300 new meetings or
   * an import of 10,000 rows computes them while IndexedDB writes, instead of reading every row back
   * afterwards.
   */
  summarised(computed: ReadonlyArray<ComputedSummary>): void;
}

/** Summaries refreshed per step when the write reports progress (300 meetings take a while). */
const SUMMARY_SLICE = 20;

interface WriteOptions {
  /** Called after each slice of summaries is refreshed, with how many are done (a merge shows it). */
  summaryProgress?: (done: number) => void;
}

interface WriteState {
  log: ChangeLogEntry[];
  touched: Set<string>;
  /** Summaries the write computed itself, by meeting (see MeetingWrite.summarised). */
  summarised: Map<string, ComputedSummary>;
  /** Meetings whose summary was refreshed with its deferred parts pending. */
  pending: string[];
}

// The state of each open write transaction, so that a write called inside another joins it and the
// summaries are refreshed once, when the outermost write ends.
const open = new WeakMap<Transaction, WriteState>();

// Dexie's static, reached through the database's class: importing Dexie's value here would load it
// before a test has installed its IndexedDB.
function current(db: WorkbenchDb): Transaction | undefined {
  return (db.constructor as typeof Dexie).currentTransaction ?? undefined;
}

function enclosing(db: WorkbenchDb): WriteState | undefined {
  for (let t = current(db); t; t = t.parent) {
    const state = open.get(t);
    if (state) return state;
  }
  return undefined;
}

/**
 * Runs `fn` in one read-write transaction over `tables` plus the change log and the summary
 * tables; then writes the logged lines and refreshes the changed meetings' summaries, in the same
 * transaction. Inside `fn` only Dexie may be awaited (a Dexie rule: anything else ends the
 * transaction). A write called inside another write joins it.
 */
export function writeMeetingData<T>(db: WorkbenchDb, tables: readonly Table[], fn: (w: MeetingWrite) => Promise<T>): Promise<T>;
export function writeMeetingData<T>(db: WorkbenchDb, tables: readonly Table[], options: WriteOptions, fn: (w: MeetingWrite) => Promise<T>): Promise<T>;
export function writeMeetingData<T>(
  db: WorkbenchDb,
  tables: readonly Table[],
  optionsOrFn: WriteOptions | ((w: MeetingWrite) => Promise<T>),
  maybeFn?: (w: MeetingWrite) => Promise<T>,
): Promise<T> {
  const [options, fn] = typeof optionsOrFn === 'function' ? [{} as WriteOptions, optionsOrFn] : [optionsOrFn, maybeFn!];
  const outer = enclosing(db);
  const written = db.transaction('rw', withSummaryTables(db, db.changeLog, ...tables), async () => {
    const state: WriteState = outer ?? { log: [], touched: new Set(), summarised: new Map(), pending: [] };
    if (!outer) {
      const tx = current(db)!;
      open.set(tx, state);
      db.summaryCache?.registerWrite(tx.idbtrans);
    }
    const w: MeetingWrite = {
      log(entries) {
        for (const e of Array.isArray(entries) ? entries : [entries as ChangeInput | ChangeLogEntry]) {
          const entry = 'id' in e && typeof e.id === 'string' && 'at' in e && typeof e.at === 'string' ? (e as ChangeLogEntry) : changeEntry(e);
          state.log.push(entry);
          if (entry.meetingId !== '') state.touched.add(entry.meetingId);
        }
      },
      touch(meetingIds) {
        for (const id of meetingIds) if (id !== '') state.touched.add(id);
      },
      summarised(computed) {
        for (const c of computed) state.summarised.set(c.summary.meetingId, c);
      },
    };
    const result = await fn(w);
    if (!outer) {
      // One bulk write: every line handed to the database at once, not a round trip per step.
      if (state.log.length > 0) await db.changeLog.bulkAdd(state.log);
      if (state.summarised.size > 0) await storeSummaries(db, [...state.summarised.values()]);
      const refresh = new Set([...state.touched].filter((id) => !state.summarised.has(id)));
      // The unit's meetings a year before and after a changed one read its ledger (上年度整改; 回头看's 已结转).
      for (const id of await followingMeetings(db, [...state.touched, ...state.summarised.keys()])) {
        if (state.summarised.has(id) || refresh.has(id)) continue;
        db.summaryCache?.forget(id);
        refresh.add(id);
      }
      if (options.summaryProgress) {
        const ids = [...refresh];
        for (let i = 0; i < ids.length; i += SUMMARY_SLICE) {
          state.pending.push(...(await refreshSummaries(db, ids.slice(i, i + SUMMARY_SLICE))));
          options.summaryProgress(Math.min(i + SUMMARY_SLICE, ids.length));
        }
      } else state.pending.push(...(await refreshSummaries(db, refresh)));
      // Rows of meetings this write did not summarise cannot be patched into their cached records later.
      db.summaryCache?.keepOnly(new Set([...refresh, ...state.summarised.keys()]));
    }
    return { result, pending: state.pending };
  });
  if (outer) return written.then(({ result }) => result);
  return written.then(({ result, pending }) => {
    if (pending.length > 0) scheduleFlush(db, pending);
    return result;
  });
}

/** How long after a write its pending summaries are computed in full: a burst of writes shares one. */
const FLUSH_DELAY_MS = 250;
const flushes = new WeakMap<WorkbenchDb, { ids: Set<string>; timer: ReturnType<typeof setTimeout> }>();

/** Computes the pending summaries in full a moment after the last write (see flushSummaries). */
function scheduleFlush(db: WorkbenchDb, meetingIds: readonly string[]): void {
  const queued = flushes.get(db);
  if (queued) clearTimeout(queued.timer);
  const ids = new Set([...(queued?.ids ?? []), ...meetingIds]);
  const timer = setTimeout(() => {
    flushes.delete(db);
    // A closed database stays closed (opening it again here would recreate a deleted one); its
    // pending summaries are computed by their readers, or at the next write.
    if (!db.isOpen()) return;
    flushSummaries(db, ids).catch((e: unknown) => console.warn('[summaries] computing pending summaries failed; the overview computes them when it reads them:', e));
  }, FLUSH_DELAY_MS);
  flushes.set(db, { ids, timer });
}
