// The per-meeting summaries (schema v2): recomputed from the meeting's rows inside the same
// transaction as the write that changed them. Repositories do not call refreshSummaries: the one
// write path (meeting-write.ts) does, once per transaction, for every meeting the write changed.
import type { Dexie, Table } from 'dexie';
import { computeMeetingSummary, updatedSummary, type FollowUpRecords, type MeetingSummary, type SummaryInput } from '#shared/supervision/summary';
import { meetingSummarySchema } from '#shared/supervision/summary-schema';
import { check } from '#shared/util/validation';
import type { LedgerEntry } from '#shared/model/ledger';
import type { Meeting } from '#shared/model/types';
import { previousMeeting } from '#shared/supervision/pre-meeting-review';
import type { WorkbenchDb } from '../database';
import { patchRecords, type MeetingRecords } from './summary-cache';

/** The tables refreshSummaries reads and writes: add them to the scope of the calling transaction. */
export function summaryTables(db: WorkbenchDb): Table[] {
  return [db.meetings, db.members, db.opinions, db.audits, db.copyFindings, db.meetingSummaries, ...followUpTables(db)];
}

/** The tables of a meeting's follow-up records (schema v3), as far as the open database has them. */
function followUpTables(db: WorkbenchDb): Table[] {
  return [db.consolidatedOpinions, db.problems, db.ledgerEntries, db.progressEntries, db.talks, db.preparations, db.materials].filter((t): t is Table => t !== undefined);
}

/** A transaction scope: the given tables plus the summary tables, each once. */
export function withSummaryTables(db: WorkbenchDb, ...tables: Table[]): Table[] {
  const all = new Map<string, Table>();
  // A database opened read-only at an older version may lack the summary tables: leave them out
  // of the scope, so the write reaches the read-only refusal rather than failing on a missing table.
  for (const t of [...tables, ...summaryTables(db)] as Array<Table | undefined>) if (t) all.set(t.name, t);
  return [...all.values()];
}

/**
 * Recomputes and stores the summaries of the given meetings. Call it inside the transaction that
 * changed them (its scope must include {@link summaryTables}). A meeting whose records are cached
 * from an earlier write (summary-cache.ts) is refreshed from them and the rows this transaction
 * wrote, its deferred parts left pending (see updatedSummary): the ids of those are returned, for
 * {@link flushSummaries}. Any other is read and computed in full. A meeting that no longer exists
 * loses its summary.
 */
export async function refreshSummaries(db: WorkbenchDb, meetingIds: Iterable<string>): Promise<string[]> {
  const ids = new Set(meetingIds);
  const cache = db.summaryCache;
  const idbtrans = currentIdbTransaction(db);
  const written = cache && idbtrans ? cache.writtenIn(idbtrans) : 'all';
  const pending: string[] = [];
  for (const meetingId of ids) {
    const [stored, findings] = await Promise.all([db.meetingSummaries.get(meetingId), db.copyFindings.get(meetingId)]);
    const cached = cache?.usable(meetingId, stored);
    const records = cached && stored ? await patchRecords(cached, meetingId, written, (table, keys) => db.table(table).bulkGet(keys)) : undefined;
    if (records && stored) {
      const laterLedger = (await loadUnitLedgers(db, records.meeting)).later;
      const summary = updatedSummary({ ...records, crossUnitWarnings: findings?.warnings.length, laterLedger }, stored);
      await db.meetingSummaries.put(summary);
      cache!.store(idbtrans!, meetingId, records, summary);
      pending.push(meetingId);
      continue;
    }
    const read = await readRecords(db, meetingId);
    if (!read) {
      cache?.forget(meetingId);
      await db.meetingSummaries.delete(meetingId);
      continue;
    }
    const summary = computeMeetingSummary({ ...read.records, crossUnitWarnings: findings?.warnings.length, previousLedger: read.previousLedger, laterLedger: read.laterLedger });
    await db.meetingSummaries.put(summary);
    if (cache && idbtrans) cache.store(idbtrans, meetingId, read.records, summary);
  }
  return pending;
}

/** A meeting's whole summary computed by a write from the records it holds, and those records (see MeetingWrite.summarised). */
export interface ComputedSummary {
  records: MeetingRecords;
  summary: MeetingSummary;
}

/**
 * Stores summaries a write computed itself, and remembers their records for the next write's
 * refresh (usable once the transaction commits). The write path calls it, inside the write.
 */
export async function storeSummaries(db: WorkbenchDb, computed: readonly ComputedSummary[]): Promise<void> {
  await db.meetingSummaries.bulkPut(computed.map((c) => c.summary));
  const idbtrans = currentIdbTransaction(db);
  if (db.summaryCache && idbtrans) for (const c of computed) db.summaryCache.store(idbtrans, c.summary.meetingId, c.records, c.summary);
}

/**
 * What a meeting's summary is computed from, read inside a write over {@link summaryTables}: its
 * records (soft-deleted rows included, each list in id order as a read by meeting returns it), last
 * year's ledger and the last cross-unit scan's count. A write that adds rows computes the summary
 * from these and its rows (see MeetingWrite.summarised). Undefined when the meeting is gone.
 */
export async function readSummarySources(db: WorkbenchDb, meetingId: string): Promise<(Omit<SummaryInput, keyof MeetingRecords> & { records: MeetingRecords }) | undefined> {
  const [read, findings] = await Promise.all([readRecords(db, meetingId), db.copyFindings.get(meetingId)]);
  return read && { records: read.records, previousLedger: read.previousLedger, laterLedger: read.laterLedger, crossUnitWarnings: findings?.warnings.length };
}

/**
 * Computes in full, from a fresh read, the summaries among `meetingIds` still pending, in one
 * transaction of its own. The write path calls it a moment after a write; a pending summary that a
 * crash left behind is computed by its readers (listSummaries) until the next write to its meeting.
 */
export async function flushSummaries(db: WorkbenchDb, meetingIds: Iterable<string>, due: (stored: MeetingSummary) => boolean = (s) => s.pending === true): Promise<void> {
  const ids = [...new Set(meetingIds)];
  if (ids.length === 0) return;
  await db.transaction('rw', summaryTables(db), async () => {
    const idbtrans = currentIdbTransaction(db);
    for (const meetingId of ids) {
      const stored = await db.meetingSummaries.get(meetingId);
      if (!stored || !due(stored)) continue;
      const [read, findings] = await Promise.all([readRecords(db, meetingId), db.copyFindings.get(meetingId)]);
      if (!read) continue;
      const summary = computeMeetingSummary({ ...read.records, crossUnitWarnings: findings?.warnings.length, previousLedger: read.previousLedger, laterLedger: read.laterLedger });
      await db.meetingSummaries.put(summary);
      if (db.summaryCache && idbtrans) db.summaryCache.store(idbtrans, meetingId, read.records, summary);
    }
  });
}

/**
 * Computes every pending summary in full now (see flushSummaries): for a backup, which should hold
 * complete summaries, and for anything that compares the stored rows. So is the summary of a meeting
 * with 谈心谈话, 对照检查材料 or a 会前准备 record stored before summaries kept their fingerprint
 * (`preMeetingFingerprint`), so that the overview judges its verdict on them too.
 */
export async function settleSummaries(db: WorkbenchDb): Promise<void> {
  const withRecords = new Set<string>();
  for (const table of [db.talks, db.materials, db.preparations] as Array<Table<unknown, string> | undefined>) {
    if (table) for (const id of await table.orderBy('meetingId').uniqueKeys()) withRecords.add(String(id));
  }
  const due = (s: MeetingSummary) => s.pending === true || (s.preMeetingFingerprint === undefined && withRecords.has(s.meetingId));
  const ids = await db.meetingSummaries.filter(due).primaryKeys();
  await flushSummaries(db, ids, due);
}

/** The IndexedDB transaction of the Dexie transaction the caller is in. */
function currentIdbTransaction(db: WorkbenchDb): IDBTransaction | undefined {
  return (db.constructor as typeof Dexie).currentTransaction?.idbtrans ?? undefined;
}

/** A meeting's records, last year's ledger and the later years' (inside a transaction over {@link summaryTables}); undefined when the meeting is gone. */
async function readRecords(db: WorkbenchDb, meetingId: string): Promise<{ records: MeetingRecords; previousLedger: LedgerEntry[] | undefined; laterLedger: LedgerEntry[] } | undefined> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return undefined;
  const [members, opinions, audits, followUp, ledgers] = await Promise.all([
    db.members.where('meetingId').equals(meetingId).toArray(),
    db.opinions.where('meetingId').equals(meetingId).toArray(),
    db.audits.where('meetingId').equals(meetingId).toArray(),
    loadFollowUp(db, meetingId),
    loadUnitLedgers(db, meeting),
  ]);
  return { records: { meeting, members, opinions, audits, followUp }, previousLedger: ledgers.previous, laterLedger: ledgers.later };
}

/** A meeting's summary computed from its rows (inside a transaction over {@link summaryTables}); undefined when the meeting is gone. */
async function summaryFromRecords(db: WorkbenchDb, meetingId: string): Promise<MeetingSummary | undefined> {
  const [read, findings] = await Promise.all([readRecords(db, meetingId), db.copyFindings.get(meetingId)]);
  return read && computeMeetingSummary({ ...read.records, crossUnitWarnings: findings?.warnings.length, previousLedger: read.previousLedger, laterLedger: read.laterLedger });
}

/**
 * The meetings whose summary reads one of `meetingIds`' ledger: as last year's (the 上年度整改 of the
 * 会前准备 check), the live meetings of the same unit one year later; as the one carrying its items
 * on (回头看: they are 已结转 there), those one year earlier. Only when this transaction
 * wrote ledger entries or meetings (anything else leaves last year's ledger as it was), so that an
 * everyday write costs no extra read.
 */
export async function followingMeetings(db: WorkbenchDb, meetingIds: readonly string[]): Promise<string[]> {
  if (meetingIds.length === 0 || !db.ledgerEntries) return [];
  const idbtrans = currentIdbTransaction(db);
  const written = db.summaryCache && idbtrans ? db.summaryCache.writtenIn(idbtrans) : 'all';
  if (written !== 'all' && !written.has('ledgerEntries') && !written.has('meetings')) return [];
  const changed = (await db.meetings.bulkGet([...new Set(meetingIds)])).filter((m): m is Meeting => m !== undefined);
  const wanted = new Set(changed.flatMap((m) => [`${m.unitId}\u0000${m.year + 1}`, `${m.unitId}\u0000${m.year - 1}`]));
  if (wanted.size === 0) return [];
  const units = [...new Set(changed.map((m) => m.unitId))];
  const candidates = await db.meetings.where('unitId').anyOf(units).toArray();
  return candidates.filter((m) => !m.deletedAt && wanted.has(`${m.unitId}\u0000${m.year}`)).map((m) => m.id);
}

/**
 * The ledgers of the meeting's unit that its summary reads: last year's (the checklist's 上年度整改;
 * undefined when last year's meeting is not here or the schema is older) and the live later years'
 * (回头看 marks what they carry on as 已结转 here). One read of the unit's meetings for both.
 */
export async function loadUnitLedgers(db: WorkbenchDb, meeting: Meeting): Promise<{ previous: LedgerEntry[] | undefined; later: LedgerEntry[] }> {
  if (!db.ledgerEntries) return { previous: undefined, later: [] };
  const ledger = db.ledgerEntries;
  // Dexie promises chained (no native await between reads): the calling transaction must stay open.
  return db.meetings
    .where('unitId')
    .equals(meeting.unitId)
    .toArray()
    .then((meetings) => {
      const previous = previousMeeting(meetings, meeting);
      const later = meetings.filter((m) => !m.deletedAt && m.year > meeting.year).map((m) => m.id);
      return Promise.all([
        previous ? ledger.where('meetingId').equals(previous.id).toArray() : undefined,
        later.length === 0 ? [] : ledger.where('meetingId').anyOf(later).toArray(),
      ]).then(([previousLedger, laterLedger]) => ({ previous: previousLedger, later: laterLedger }));
    });
}

/** A meeting's follow-up records (inside a transaction over {@link summaryTables}); empty lists at an older schema. */
async function loadFollowUp(db: WorkbenchDb, meetingId: string): Promise<FollowUpRecords> {
  const of = <T>(table: Table<T, string> | undefined): Promise<T[]> => (table ? table.where('meetingId').equals(meetingId).toArray() : Promise.resolve([]));
  const [consolidated, problems, ledgerEntries, progressEntries, talks, preparations, materials] = await Promise.all([
    of(db.consolidatedOpinions),
    of(db.problems),
    of(db.ledgerEntries),
    of(db.progressEntries),
    of(db.talks),
    of(db.preparations),
    of(db.materials),
  ]);
  return { consolidated, problems, ledgerEntries, progressEntries, talks, preparations, materials };
}

/**
 * Every meeting's summary: what the overview reads (one small row per meeting, no opinions). A row
 * that is not a well-formed summary (damaged, or written by hand) is computed again from its
 * meeting's records for this read, so one bad row cannot take the overview down; a row with no
 * meeting behind it is left out. So is a pending row (its deferred parts not yet computed again
 * after a write): the overview always shows every part as the records say.
 */
export async function listSummaries(db: WorkbenchDb): Promise<MeetingSummary[]> {
  const rows = (await db.meetingSummaries.toArray()) as unknown[];
  const good: MeetingSummary[] = [];
  const bad: string[] = [];
  for (const row of rows) {
    const checked = check(meetingSummarySchema, row);
    if (checked.ok && !checked.value.pending) good.push(checked.value);
    else if (checked.ok) bad.push(checked.value.meetingId);
    else {
      const id = (row as { meetingId?: unknown } | null)?.meetingId;
      if (typeof id === 'string') bad.push(id);
      console.warn('[summaries] a stored summary is not well-formed and is computed again:', checked.error);
    }
  }
  if (bad.length === 0) return good;
  const recomputed = await db.transaction('r', summaryTables(db), async () => {
    const out: MeetingSummary[] = [];
    for (const meetingId of bad) {
      const summary = await summaryFromRecords(db, meetingId);
      if (summary) out.push(summary);
    }
    return out;
  });
  return [...good, ...recomputed];
}
