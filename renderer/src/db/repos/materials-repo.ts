// 对照检查材料 of a meeting: each target's material as read from a .docx or pasted, kept as its
// structured text. Importing again replaces a target's material: the previous one goes to the
// recycle bin in the same transaction. The material rule options live in the meeting's rule set.
import { materialSchema, type MaterialRecord } from '#shared/model/preparation';
import { ruleSetSchema } from '#shared/model/record-schemas';
import type { MaterialRules } from '#shared/materials/rules';
import { parseRecord } from '#shared/model/zod-fields';
import { targetLabels } from '#shared/meeting/roster';
import { newId, nowIso } from '#shared/util/ids';
import { check } from '#shared/util/validation';
import { refuse, UserError } from '../../lib/user-error';
import type { WorkbenchDb } from '../database';
import { writeMeetingData } from './meeting-write';

type MaterialDraft = Pick<MaterialRecord, 'targetId' | 'origin' | 'title' | 'blocks'>;

/** A meeting's live materials (every target's, older ones of a target included only if not replaced). */
export async function listMaterials(db: WorkbenchDb, meetingId: string): Promise<MaterialRecord[]> {
  return (await db.materials.where('meetingId').equals(meetingId).toArray()).filter((m) => !m.deletedAt);
}

/** Stores a target's material; the target's previous live material goes to the recycle bin. */
export async function saveMaterial(db: WorkbenchDb, meetingId: string, draft: MaterialDraft, actor: string): Promise<MaterialRecord> {
  return writeMeetingData(db, [db.meetings, db.members, db.materials], async (w) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    const members = (await db.members.where('meetingId').equals(meetingId).toArray()).filter((m) => !m.deletedAt);
    const label = targetLabels(members).get(draft.targetId);
    if (!label) throw new UserError('材料所属对象不是本会议的班子或班子成员');
    const now = nowIso();
    const parsed = parseRecord(materialSchema, { ...draft, id: newId(), meetingId, createdAt: now, updatedAt: now });
    if (!parsed.ok) refuse([parsed.error]);
    const previous = (await db.materials.where('[meetingId+targetId]').equals([meetingId, draft.targetId]).toArray()).filter((m) => !m.deletedAt);
    if (previous.length > 0) await db.materials.bulkPut(previous.map((m) => ({ ...m, deletedAt: now, updatedAt: now })));
    await db.materials.add(parsed.value);
    const from = parsed.value.origin.kind === 'docx' ? `导入“${parsed.value.origin.file}”` : '粘贴';
    w.log({ actor, entity: 'material', recordId: parsed.value.id, meetingId, action: previous.length > 0 ? 'update' : 'create', summary: `${label}的对照检查材料：${from}${previous.length > 0 ? '（替换原材料）' : ''}`, at: now });
    return parsed.value;
  });
}

/** Moves a material to the recycle bin (or back: then it replaces the target's current one). */
export async function setMaterialDeleted(db: WorkbenchDb, meetingId: string, id: string, deleted: boolean, actor: string): Promise<void> {
  await writeMeetingData(db, [db.members, db.materials], async (w) => {
    const m = await db.materials.get(id);
    if (!m || m.meetingId !== meetingId) throw new UserError('该对照检查材料不存在');
    const members = await db.members.where('meetingId').equals(meetingId).toArray();
    const label = targetLabels(members).get(m.targetId) ?? '已移除的成员';
    const now = nowIso();
    const { deletedAt: _old, ...rest } = m;
    if (!deleted) {
      const current = (await db.materials.where('[meetingId+targetId]').equals([meetingId, m.targetId]).toArray()).filter((x) => !x.deletedAt && x.id !== id);
      if (current.length > 0) await db.materials.bulkPut(current.map((x) => ({ ...x, deletedAt: now, updatedAt: now })));
    }
    await db.materials.put(deleted ? { ...rest, deletedAt: now, updatedAt: now } : { ...rest, updatedAt: now });
    w.log({ actor, entity: 'material', recordId: id, meetingId, action: deleted ? 'delete' : 'restore', summary: `${deleted ? '删除' : '恢复'}${label}的对照检查材料`, at: now });
  });
}

/** Stores the meeting's material options (rule set `materials`: problem share, generic phrases, 方案 lead days …). */
export async function saveMaterialRules(db: WorkbenchDb, meetingId: string, rules: MaterialRules, actor: string): Promise<void> {
  await writeMeetingData(db, [db.meetings], async (w) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    const genericPhrases = [...new Set(rules.genericPhrases.map((p) => p.trim()).filter((p) => p !== ''))];
    const checked = check(ruleSetSchema, { ...meeting.ruleSet, materials: { ...rules, genericPhrases } });
    if (!checked.ok) throw new UserError(`材料审核要求有误：${checked.error}`);
    await db.meetings.put({ ...meeting, ruleSet: checked.value, updatedAt: nowIso() });
    w.log({ actor, entity: 'meeting', recordId: meetingId, meetingId, action: 'update', summary: '修改对照检查材料审核要求' });
  });
}
