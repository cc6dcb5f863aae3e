// The exchange package on the database side: export every record (deleted ones too, so that a
// later merge keeps them in the recycle bin) and open a package into an empty workbench. Merging
// a package into a workbench that already holds data is merge-repo.ts.
import { PACKAGE_TABLES, selectUnits, type PackageContent } from '#shared/package/format';
import { FOLLOW_UP_TABLES } from '#shared/package/follow-up';
import type { ChangeLogEntry } from '#shared/model/types';
import { nowIso } from '#shared/util/ids';
import type { WorkbenchDb } from '../database';
import { changeEntry } from './change-log';
import { UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';
import { putMergeBases } from './merge-repo';

/**
 * Every record of the given units (all data when `unitIds` is left out), soft-deleted ones included,
 * read in one transaction: every table a package carries, the follow-up records (梳理, 查摆问题,
 * 整改台账 …) of the exported meetings too.
 */
export async function exportContent(db: WorkbenchDb, unitIds?: readonly string[]): Promise<PackageContent> {
  // A database opened read-only at an older schema (its upgrade backup failed) lacks the newer
  // tables: they export empty rather than failing the export.
  const present = PACKAGE_TABLES.filter((t) => db.tables.some((table) => table.name === t));
  const content = await db.transaction('r', present.map((t) => db.table(t)), async () => {
    const out = Object.fromEntries(PACKAGE_TABLES.map((t) => [t, [] as unknown[]]));
    for (const table of present) out[table] = await db.table(table).toArray();
    return out as unknown as PackageContent;
  });
  return unitIds === undefined ? content : selectUnits(content, unitIds);
}

/** How many units there are, live and deleted: what decides whether a package may be opened as it is. */
export async function unitCounts(db: WorkbenchDb): Promise<{ live: number; all: number }> {
  const units = await db.units.toArray();
  return { live: units.filter((u) => !u.deletedAt).length, all: units.length };
}

export interface OpenedSummary {
  units: number;
  meetings: number;
  members: number;
  opinions: number;
  audits: number;
}

/** The refusal when the workbench already holds data; merging comes in a later version. */
export function notEmptyMessage(counts: { live: number; all: number }): string {
  const held = counts.live > 0 ? `已有 ${counts.live} 个单位的数据` : '已有数据（回收站中有已删除的单位）';
  return `本机${held}。数据包不能直接打开到已有数据的工作台，可以合并：先预览新增、更新、不变和冲突的记录，确认后一次写入。`;
}

/**
 * Opens a package (as `readPackage` returned it) into an empty workbench: every record exactly as
 * it is in the package, plus one change-log line per unit and meeting, in one transaction — all
 * of it or nothing. Refused when the workbench already holds any unit.
 */
export async function openIntoEmpty(db: WorkbenchDb, content: PackageContent, meta: { file: string; actor: string }): Promise<OpenedSummary> {
  return writeMeetingData(db, [db.units, db.meetings, db.members, db.opinions, db.audits, ...FOLLOW_UP_TABLES.map((t) => db.table(t)), db.opinionImages, db.mergeBases], async (w) => {
    const counts = await unitCounts(db);
    if (counts.all > 0 || (await db.meetings.count()) > 0) throw new UserError(notEmptyMessage(counts));
    await db.units.bulkAdd(content.units);
    await db.meetings.bulkAdd(content.meetings);
    await db.members.bulkAdd(content.members);
    await db.opinions.bulkAdd(content.opinions);
    await db.audits.bulkAdd(content.audits);
    for (const table of FOLLOW_UP_TABLES) if (content[table].length > 0) await db.table(table).bulkAdd(content[table]);
    if (content.opinionImages.length > 0) await db.opinionImages.bulkAdd(content.opinionImages);
    w.log(content.changeLog);
    w.log(openedLog(content, meta));
    w.touch(content.meetings.map((m) => m.id));
    // What was received is the merge base of a later package from the same source.
    await putMergeBases(db, content);
    return {
      units: content.units.length,
      meetings: content.meetings.length,
      members: content.members.length,
      opinions: content.opinions.length,
      audits: content.audits.length,
    };
  });
}

function openedLog(content: PackageContent, meta: { file: string; actor: string }): ChangeLogEntry[] {
  const at = nowIso();
  const count = <T extends { meetingId: string }>(rows: readonly T[]) => {
    const byMeeting = new Map<string, number>();
    for (const r of rows) byMeeting.set(r.meetingId, (byMeeting.get(r.meetingId) ?? 0) + 1);
    return byMeeting;
  };
  const members = count(content.members);
  const opinions = count(content.opinions);
  return [
    ...content.units.map((u) =>
      changeEntry({ at, actor: meta.actor, entity: 'unit', recordId: u.id, meetingId: '', action: 'import', summary: `从数据包“${meta.file}”打开单位“${u.name}”` }),
    ),
    ...content.meetings.map((m) =>
      changeEntry({
        at,
        actor: meta.actor,
        entity: 'meeting',
        recordId: m.id,
        meetingId: m.id,
        action: 'import',
        summary: `从数据包“${meta.file}”打开会议“${m.title}”（${members.get(m.id) ?? 0} 名成员，${opinions.get(m.id) ?? 0} 条意见）`,
      }),
    ),
  ];
}
