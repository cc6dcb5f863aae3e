import { prepareUnit, type UnitDraft } from '#shared/model/drafts';
import type { Unit } from '#shared/model/types';
import { newId, nowIso } from '#shared/util/ids';
import type { WorkbenchDb } from '../database';
import { refuse, UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';

/** Live units in display order. */
export async function listUnits(db: WorkbenchDb): Promise<Unit[]> {
  const rows = await db.units.orderBy('order').toArray();
  return rows.filter((u) => !u.deletedAt);
}

/** One unit by id (deleted or not), or undefined. */
export function getUnit(db: WorkbenchDb, id: string): Promise<Unit | undefined> {
  return db.units.get(id);
}

/** How many live meetings each unit has, by unit id. */
export async function meetingCounts(db: WorkbenchDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await db.meetings.toArray()) if (!m.deletedAt) counts.set(m.unitId, (counts.get(m.unitId) ?? 0) + 1);
  return counts;
}

export async function createUnit(db: WorkbenchDb, draft: UnitDraft, actor: string): Promise<Unit> {
  const prepared = prepareUnit(draft);
  if (!prepared.ok) refuse(prepared.problems);
  return writeMeetingData(db, [db.units], async (w) => {
    const all = await db.units.toArray();
    if (all.some((u) => !u.deletedAt && u.name === prepared.value.name)) throw new UserError(`已有名为“${prepared.value.name}”的单位`);
    const order = all.reduce((max, u) => Math.max(max, u.order), 0) + 1;
    const now = nowIso();
    const unit: Unit = { id: newId(), ...prepared.value, order, createdAt: now, updatedAt: now };
    await db.units.add(unit);
    w.log({ actor, entity: 'unit', recordId: unit.id, meetingId: '', action: 'create', summary: `新建单位“${unit.name}”` });
    return unit;
  });
}

export async function updateUnit(db: WorkbenchDb, id: string, draft: UnitDraft, actor: string): Promise<void> {
  const prepared = prepareUnit(draft);
  if (!prepared.ok) refuse(prepared.problems);
  await writeMeetingData(db, [db.units], async (w) => {
    const unit = await db.units.get(id);
    if (!unit || unit.deletedAt) throw new UserError('该单位不存在或已删除');
    const clash = (await db.units.toArray()).find((u) => !u.deletedAt && u.id !== id && u.name === prepared.value.name);
    if (clash) throw new UserError(`已有名为“${prepared.value.name}”的单位`);
    await db.units.put({ ...unit, ...prepared.value, updatedAt: nowIso() });
    w.log({ actor, entity: 'unit', recordId: id, meetingId: '', action: 'update', summary: `修改单位“${prepared.value.name}”` });
  });
}

/** Moves a unit up or down in the display order. */
export async function moveUnit(db: WorkbenchDb, id: string, direction: -1 | 1, actor: string): Promise<void> {
  await writeMeetingData(db, [db.units], async (w) => {
    const units = (await db.units.orderBy('order').toArray()).filter((u) => !u.deletedAt);
    const i = units.findIndex((u) => u.id === id);
    const j = i + direction;
    if (i < 0 || j < 0 || j >= units.length) return;
    const a = units[i]!;
    const b = units[j]!;
    const now = nowIso();
    await db.units.bulkPut([
      { ...a, order: b.order, updatedAt: now },
      { ...b, order: a.order, updatedAt: now },
    ]);
    w.log({ actor, entity: 'unit', recordId: id, meetingId: '', action: 'reorder', summary: `调整单位“${a.name}”的顺序` });
  });
}

/** Soft-deletes a unit that has no live meetings. */
export async function deleteUnit(db: WorkbenchDb, id: string, actor: string): Promise<void> {
  await writeMeetingData(db, [db.units, db.meetings], async (w) => {
    const unit = await db.units.get(id);
    if (!unit || unit.deletedAt) return;
    const meetings = (await db.meetings.where('unitId').equals(id).toArray()).filter((m) => !m.deletedAt);
    if (meetings.length > 0) throw new UserError(`“${unit.name}”还有 ${meetings.length} 次会议，请先删除会议再删除单位`);
    const now = nowIso();
    await db.units.put({ ...unit, deletedAt: now, updatedAt: now });
    w.log({ actor, entity: 'unit', recordId: id, meetingId: '', action: 'delete', summary: `删除单位“${unit.name}”` });
  });
}
