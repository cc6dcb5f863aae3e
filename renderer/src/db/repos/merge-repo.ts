// Opening exchange packages into a database that already holds data: the plan is shared/package/
// merge.ts; here the local side is read for it, and the chosen result is written in ONE
// transaction with the merge bases, a change-log line per meeting and the meetings' summaries.
import { PACKAGE_TABLE_LABELS, PACKAGE_TABLES, type PackageContent } from '../../../../shared/package/format';
import { baseGroup, baseKey, mergeWrites, planMerge, recordHash, type LocalSide, type MergePlan, type MergeTable, type Resolution } from '../../../../shared/package/merge';
import { nowIso } from '../../../../shared/util/ids';
import type { MergeBaseRow, WorkbenchDb } from '../database';
import { UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';

type AnyRecord = PackageContent[MergeTable][number];

interface LocalRead extends LocalSide {
  /** The stored base groups the incoming records belong to (missing groups absent). */
  groups: Map<string, MergeBaseRow>;
}

async function readLocalSide(db: WorkbenchDb, incoming: PackageContent): Promise<LocalRead> {
  const records = new Map<string, AnyRecord>();
  const groupKeys = new Set<string>();
  for (const table of PACKAGE_TABLES) {
    const incomingRows = incoming[table] as AnyRecord[];
    const ids = incomingRows.map((r) => r.id);
    const rows = (await db.table(table).bulkGet(ids)) as Array<AnyRecord | undefined>;
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
  return { get: (table, id) => records.get(baseKey(table, id)), base: (key) => bases.get(key), unitNames, groups };
}

/** What opening the content would do: added, updated, left alone, in conflict. Writes nothing. */
export async function previewMerge(db: WorkbenchDb, incoming: PackageContent): Promise<MergePlan> {
  return db.transaction('r', [...PACKAGE_TABLES.map((t) => db.table(t)), db.mergeBases], async () => planMerge(incoming, await readLocalSide(db, incoming)));
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
  meta: { actor: string; fileName: string },
): Promise<MergeResult> {
  const result = mergeWrites(plan, resolutions);
  if (!result.ok) throw new UserError(result.problem);
  const { puts, bases, meetings } = result.writes;
  return writeMeetingData(db, [...PACKAGE_TABLES.map((t) => db.table(t)), db.mergeBases], async (w) => {
    const local = await readLocalSide(db, plan.incoming);
    for (const table of PACKAGE_TABLES) {
      for (const record of plan.incoming[table] as AnyRecord[]) {
        const key = baseKey(table, record.id);
        const mine = local.get(table, record.id);
        if ((mine ? recordHash(mine) : undefined) !== plan.localHashes.get(key)) {
          throw new UserError('预览之后本机数据已有变化，请重新打开数据包预览后再合并');
        }
      }
    }
    let written = 0;
    for (const table of PACKAGE_TABLES) {
      const rows = puts[table] as AnyRecord[];
      if (rows.length === 0) continue;
      await db.table(table).bulkPut(rows);
      written += rows.length;
    }
    const at = nowIso();
    // Only base groups that change: opening the same package twice writes nothing the second time.
    const changed = new Map<string, MergeBaseRow>();
    for (const b of bases) {
      if (local.base(b.key) === b.hash) continue;
      let row = changed.get(b.group);
      if (!row) changed.set(b.group, (row = { key: b.group, hashes: { ...(local.groups.get(b.group)?.hashes ?? {}) }, at }));
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
    w.touch(meetings);
    return { written, meetings: meetings.size };
  });
}

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
