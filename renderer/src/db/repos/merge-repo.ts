// Opening exchange packages into a database that already holds data: the plan is shared/package/
// merge.ts; here the local side is read for it, and the chosen result is written in ONE
// transaction with the merge bases, a change-log line per meeting and the meetings' summaries.
import { PACKAGE_TABLE_LABELS, PACKAGE_TABLES, type PackageContent } from '#shared/package/format';
import { FOLLOW_UP_TABLES, followUpByMeeting } from '#shared/package/follow-up';
import { baseGroup, baseKey, mergeWrites, planMerge, recordHash, type LocalSide, type MergePlan, type MergeTable, type Resolution } from '#shared/package/merge';
import { computeMeetingSummary } from '#shared/supervision/summary';
import { previousMeeting } from '#shared/supervision/pre-meeting-review';
import type { Meeting } from '#shared/model/types';
import { groupByMeeting } from '#shared/util/group-by';
import { nowIso } from '#shared/util/ids';
import type { MergeBaseRow, WorkbenchDb } from '../database';
import { UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';
import type { ComputedSummary } from './summaries-repo';
import type { MeetingRecords } from './summary-cache';

type AnyRecord = PackageContent[MergeTable][number];


/** Below this many incoming rows a table's local versions are fetched by id; above, its keys are read first. */
const FETCH_BY_ID = 2000;
/** Rows per bulk write, so that progress can be shown between them (one transaction all the same). */
const WRITE_CHUNK = 5000;
/** Summaries computed from memory between two queued writes, so that progress moves. */
const SUMMARY_SLICE = 20;

/**
 * The local versions of the given ids of one table. A county's package brings 100,000 ids of which
 * a fresh workbench has none: one read of the table's keys (getAllKeys) then a fetch of those that
 * exist costs a fraction of 100,000 single gets.
 */
async function localVersions(db: WorkbenchDb, table: MergeTable, ids: readonly string[]): Promise<Array<AnyRecord | undefined>> {
  if (ids.length <= FETCH_BY_ID) return (await db.table(table).bulkGet([...ids])) as Array<AnyRecord | undefined>;
  const present = new Set((await db.table(table).toCollection().primaryKeys()) as string[]);
  const wanted = ids.filter((id) => present.has(id));
  const rows = wanted.length === 0 ? [] : ((await db.table(table).bulkGet(wanted)) as Array<AnyRecord | undefined>);
  const byId = new Map(wanted.map((id, i) => [id, rows[i]]));
  return ids.map((id) => byId.get(id));
}

/** The kind of every local record by id (primary keys only). */
async function localKinds(db: WorkbenchDb): Promise<Map<string, MergeTable>> {
  const kinds = new Map<string, MergeTable>();
  for (const table of PACKAGE_TABLES) for (const id of (await db.table(table).toCollection().primaryKeys()) as string[]) kinds.set(id, table);
  return kinds;
}

async function readLocalSide(db: WorkbenchDb, incoming: PackageContent): Promise<LocalSide> {
  const records = new Map<string, AnyRecord>();
  const groupKeys = new Set<string>();
  for (const table of PACKAGE_TABLES) {
    const incomingRows = incoming[table] as AnyRecord[];
    const ids = incomingRows.map((r) => r.id);
    const rows = await localVersions(db, table, ids);
    rows.forEach((row, i) => {
      if (row) records.set(baseKey(table, ids[i]!), row);
    });
    for (const r of incomingRows) {
      const group = baseGroup(table, r);
      if (group !== undefined) groupKeys.add(group);
    }
  }
  const groupRows = await db.mergeBases.bulkGet([...groupKeys]);
  const groups = new Map(groupRows.filter((g): g is MergeBaseRow => g !== undefined).map((g) => [g.key, g]));
  const bases = new Map<string, string>();
  for (const g of groups.values()) for (const [key, hash] of Object.entries(g.hashes)) bases.set(key, hash);
  const unitNames = new Map((await db.units.toArray()).filter((u) => !u.deletedAt).map((u) => [u.name, u.id]));
  // Every local id of every kind (keys only: ~0.1 s for 100,000 rows), so a package cannot reuse
  // the id of a local record of another kind (planMerge refuses it).
  const kinds = await localKinds(db);
  return { get: (table, id) => records.get(baseKey(table, id)), base: (key) => bases.get(key), unitNames, tableOf: (id) => kinds.get(id) };
}

/** What opening the content would do: added, updated, left alone, in conflict. Writes nothing. */
export async function previewMerge(db: WorkbenchDb, incoming: PackageContent): Promise<MergePlan> {
  const plan = await db.transaction('r', [...PACKAGE_TABLES.map((t) => db.table(t)), db.mergeBases], async () => planMerge(incoming, await readLocalSide(db, incoming)));
  // Every record behind a refusal is listed (a dialog that stays, not a passing message).
  if (plan.refusal !== undefined) throw new UserError(plan.refusal.replace(/。.*$/, '。'), [...plan.identityProblems, '本机数据未改动。']);
  return plan;
}

export interface MergeResult {
  written: number;
  meetings: number;
}

/**
 * Writes a previewed merge with the user's choice for every conflict, all or nothing. If the local
 * data changed after the preview (another window, another write), it is refused: the choices were
 * made against data that no longer exists.
 */
export async function applyMerge(
  db: WorkbenchDb,
  plan: MergePlan,
  resolutions: ReadonlyMap<string, Resolution>,
  meta: { actor: string; fileName: string; onProgress?: MergeProgress },
): Promise<MergeResult> {
  const result = mergeWrites(plan, resolutions);
  if (!result.ok) throw new UserError(result.problem);
  const { puts, bases, meetings } = result.writes;
  const progress = meta.onProgress ?? (() => undefined);
  const total = PACKAGE_TABLES.reduce((n, t) => n + puts[t].length, 0) + meetings.size;
  let done = 0;
  // The summaries are refreshed by the write path when the write ends, in slices that move the progress.
  const summaryProgress = (n: number) => progress(Math.min(done + n, total), total);
  try {
    return await writeMeetingData(db, [...PACKAGE_TABLES.map((t) => db.table(t)), db.mergeBases], { summaryProgress }, async (w) => {
      // The records that existed at the preview must be as they were then; those that did not must
      // still not exist — which the adds below check by themselves (an add of an existing id fails).
      const previewed = new Map<MergeTable, string[]>();
      for (const key of plan.localHashes.keys()) {
        const table = key.slice(0, key.indexOf(':')) as MergeTable;
        (previewed.get(table) ?? previewed.set(table, []).get(table)!).push(key.slice(table.length + 1));
      }
      const local = new Map<string, AnyRecord | undefined>();
      for (const [table, ids] of previewed) {
        const rows = (await db.table(table).bulkGet(ids)) as Array<AnyRecord | undefined>;
        ids.forEach((id, i) => local.set(baseKey(table, id), rows[i]));
      }
      for (const [key, hash] of plan.localHashes) {
        const mine = local.get(key);
        if (!mine || recordHash(mine) !== hash) throw new UserError(CHANGED_SINCE_PREVIEW);
      }
      // The records checked above keep the parents the preview judged. A record the preview saw as
      // new must still be new under every kind: an id that appeared since, even in another table,
      // is refused (the same table's add would fail by itself; another table's would not).
      const kinds = await localKinds(db);
      for (const table of PACKAGE_TABLES) {
        for (const r of puts[table] as AnyRecord[]) {
          if (plan.actions.get(baseKey(table, r.id)) === 'add' && kinds.has(r.id)) throw new UserError(CHANGED_SINCE_PREVIEW);
        }
      }
      // Meetings that are new here, with no rows of theirs here either: after the write their rows are
      // exactly the package's, so their summaries can be computed from memory while IndexedDB writes.
      const fresh = [...meetings].filter((id) => plan.actions.get(baseKey('meetings', id)) === 'add');
      const meetingTables = [db.members, db.opinions, db.audits, ...FOLLOW_UP_TABLES.map((t) => db.table(t)), db.opinionImages];
      const orphans = fresh.length === 0 ? 0 : (await Promise.all(meetingTables.map((t) => t.where('meetingId').anyOf(fresh).count()))).reduce((a, b) => a + b, 0) + (await db.copyFindings.bulkGet(fresh)).filter(Boolean).length;
      // Last year's meeting of a fresh meeting's unit (its 上年度整改) must be in memory too: fresh as well.
      const units = [...new Set(plan.incoming.meetings.filter((m) => fresh.includes(m.id)).map((m) => m.unitId))];
      const unitMeetings = units.length === 0 ? [] : await db.meetings.where('unitId').anyOf(units).toArray();
      const previous = orphans === 0 ? inMemoryMeetings(puts, new Set(fresh), unitMeetings) : new Map<string, string | undefined>();
      const inMemory = new Set(previous.keys());

      progress(0, total);
      // Every write is queued at once; the summaries are computed while the database works through them.
      let written = 0;
      const writes: Array<{ rows: number; done: Promise<unknown> }> = [];
      for (const table of PACKAGE_TABLES) {
        const rows = puts[table] as AnyRecord[];
        if (rows.length === 0) continue;
        const adds = rows.filter((r) => plan.actions.get(baseKey(table, r.id)) === 'add');
        const others = rows.filter((r) => plan.actions.get(baseKey(table, r.id)) !== 'add');
        for (let i = 0; i < adds.length; i += WRITE_CHUNK) writes.push({ rows: Math.min(WRITE_CHUNK, adds.length - i), done: db.table(table).bulkAdd(adds.slice(i, i + WRITE_CHUNK)) });
        if (others.length > 0) writes.push({ rows: others.length, done: db.table(table).bulkPut(others) });
        written += rows.length;
      }
      // Settled promises only: the transaction fails on the first error, reported by the await below.
      for (const w of writes) w.done.catch(() => undefined);
      // A slice of summaries, then the next write awaited (requests run in order: awaiting a later
      // one would wait for all), and the summaries stored once every write is through.
      const pending = summariesFromMemory(puts, previous);
      const computed: ComputedSummary[] = [];
      while (pending.length > 0 || writes.length > 0) {
        for (const compute of pending.splice(0, SUMMARY_SLICE)) {
          computed.push(compute());
          done++;
        }
        const next = writes.shift();
        if (next) {
          await next.done;
          done += next.rows;
        }
        progress(done, total);
      }
      // Stored when the write ends; their change-log lines below do not make them refreshed again.
      w.summarised(computed);
      const at = nowIso();
      // Only base groups that change: opening the same package twice writes nothing the second time.
      const groupRows = await db.mergeBases.bulkGet([...new Set(bases.map((b) => b.group))]);
      const groups = new Map(groupRows.filter((g): g is MergeBaseRow => g !== undefined).map((g) => [g.key, g]));
      const changed = new Map<string, MergeBaseRow>();
      for (const b of bases) {
        const stored = groups.get(b.group);
        if (stored?.hashes[b.key] === b.hash) continue;
        let row = changed.get(b.group);
        if (!row) changed.set(b.group, (row = { key: b.group, hashes: { ...(stored?.hashes ?? {}) }, at }));
        row.hashes[b.key] = b.hash;
      }
      await db.mergeBases.bulkPut([...changed.values()]);
      const titles = new Map(plan.incoming.meetings.map((m) => [m.id, m.title]));
      const perMeeting = new Map<string, Map<MergeTable, number>>();
      for (const table of PACKAGE_TABLES) {
        if (table === 'changeLog' || table === 'units') continue;
        for (const r of puts[table] as AnyRecord[]) {
          const meetingId = table === 'meetings' ? r.id : (r as { meetingId: string }).meetingId;
          const counts = perMeeting.get(meetingId) ?? new Map<MergeTable, number>();
          counts.set(table, (counts.get(table) ?? 0) + 1);
          perMeeting.set(meetingId, counts);
        }
      }
      w.log(
        [...perMeeting].map(([meetingId, counts]) => ({
          actor: meta.actor,
          entity: 'meeting',
          recordId: meetingId,
          meetingId,
          action: 'merge',
          summary: `合并数据包“${meta.fileName}”${titles.has(meetingId) ? `（${titles.get(meetingId)}）` : ''}：写入${[...counts].map(([t, n]) => `${PACKAGE_TABLE_LABELS[t]} ${n} 条`).join('、')}`,
          at,
        })),
      );
      // The others' summaries: refreshed by the write path when this callback returns.
      w.touch([...meetings].filter((id) => !inMemory.has(id)));
      return { written, meetings: meetings.size };
    });
  } catch (e) {
    // An add whose id appeared after the preview: the local data changed under the user's choices.
    if (e instanceof Error && (e.name === 'BulkError' || e.name === 'ConstraintError')) throw new UserError(CHANGED_SINCE_PREVIEW);
    throw e;
  }
}

/**
 * The fresh meetings whose summaries can be computed from the package alone, each with its unit's
 * last-year meeting after the write (see previousMeeting; its ledger is the 上年度整改): those whose
 * last-year meeting, if any, is fresh too, so that its ledger is all in the package.
 * `local`: the local meetings of the fresh meetings' units.
 */
function inMemoryMeetings(puts: PackageContent, fresh: ReadonlySet<string>, local: readonly Meeting[]): Map<string, string | undefined> {
  const incoming = new Set(puts.meetings.map((m) => m.id));
  // In id order, as the refresh reads them by unit: the same one is taken when two tie.
  const after = [...local.filter((m) => !incoming.has(m.id)), ...puts.meetings].sort(byId);
  const out = new Map<string, string | undefined>();
  for (const m of puts.meetings) {
    if (!fresh.has(m.id)) continue;
    const previous = previousMeeting(after, m);
    if (previous === undefined || fresh.has(previous.id)) out.set(m.id, previous?.id);
  }
  return out;
}

/**
 * The summary of each meeting in `ids` as computed from the rows written for it, deferred: the
 * same computeMeetingSummary that refreshSummaries calls, fed from memory instead of a read-back,
 * with the records in id order, as a read by meeting returns them (the next write patches them).
 */
function summariesFromMemory(puts: PackageContent, ids: ReadonlyMap<string, string | undefined>): Array<() => ComputedSummary> {
  const rows = <T extends { id: string; meetingId: string }>(list: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const r of list) if (ids.has(r.meetingId)) (by.get(r.meetingId) ?? by.set(r.meetingId, []).get(r.meetingId)!).push(r);
    for (const group of by.values()) group.sort(byId);
    return by;
  };
  const members = rows(puts.members);
  const opinions = rows(puts.opinions);
  const audits = rows(puts.audits);
  const followUp = followUpByMeeting(Object.fromEntries(FOLLOW_UP_TABLES.map((t) => [t, [...puts[t]].sort(byId)])));
  const ledgers = groupByMeeting(puts.ledgerEntries);
  return puts.meetings
    .filter((m) => ids.has(m.id))
    .map((meeting) => () => {
      const records: MeetingRecords = { meeting, members: members.get(meeting.id) ?? [], opinions: opinions.get(meeting.id) ?? [], audits: audits.get(meeting.id) ?? [], followUp: followUp(meeting.id) };
      // Last year's meeting is fresh too (see inMemoryMeetings): its ledger is the package's.
      const previous = ids.get(meeting.id);
      const previousLedger = previous === undefined ? undefined : [...(ledgers.get(previous) ?? [])].sort(byId);
      // The package's entries may carry this meeting's items on (回头看); a later meeting only here is refreshed by the write path.
      return { records, summary: computeMeetingSummary({ ...records, previousLedger, laterLedger: puts.ledgerEntries }) };
    });
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const CHANGED_SINCE_PREVIEW = '预览之后本机数据已有变化，请重新打开数据包预览后再合并';

/** Progress of a merge write: rows written and meetings summarised, of all there are. */
export type MergeProgress = (done: number, total: number) => void;

/**
 * Stores the merge bases of content received or sent: every record's hash in its base group.
 * Call inside a transaction whose scope includes `db.mergeBases`.
 */
export async function putMergeBases(db: WorkbenchDb, content: PackageContent): Promise<void> {
  const at = nowIso();
  const groups = new Map<string, Record<string, string>>();
  for (const table of PACKAGE_TABLES) {
    for (const r of content[table] as AnyRecord[]) {
      const group = baseGroup(table, r);
      if (group === undefined) continue;
      const hashes = groups.get(group) ?? {};
      hashes[baseKey(table, r.id)] = recordHash(r);
      groups.set(group, hashes);
    }
  }
  const existing = await db.mergeBases.bulkGet([...groups.keys()]);
  await db.mergeBases.bulkPut([...groups].map(([key, hashes], i) => ({ key, hashes: { ...(existing[i]?.hashes ?? {}), ...hashes }, at })));
}
