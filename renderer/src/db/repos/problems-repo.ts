// The 查摆问题 of a meeting (the 两张清单): listed in list order, saved whole after the shared checks
// (zod schema, problemItemProblems), soft-deleted and restored — every write through the one write
// path, so the change log and the meeting's summary follow it.
import type { ProblemItem } from '#shared/model/problems';
import { problemItemSchema } from '#shared/model/problems';
import { parseRecord } from '#shared/model/zod-fields';
import { problemItemProblems } from '#shared/problems/checks';
import { newId, nowIso } from '#shared/util/ids';
import { refuse, UserError } from '../../lib/user-error';
import type { WorkbenchDb } from '../database';
import { writeMeetingData } from './meeting-write';

/** What staff fill in for a problem item; the record's identity, order and stamps are the repository's. */
export type ProblemDraft = Omit<ProblemItem, 'id' | 'meetingId' | 'order' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

/** A meeting's live problem items, by target then list order. */
export async function listProblems(db: WorkbenchDb, meetingId: string): Promise<ProblemItem[]> {
  const rows = await db.problems.where('meetingId').equals(meetingId).toArray();
  return rows.filter((p) => !p.deletedAt).sort((a, b) => (a.targetId === b.targetId ? a.order - b.order : a.targetId < b.targetId ? -1 : 1));
}

/**
 * Creates a problem item (no `id`) at the end of its target's list, or replaces the fields of an
 * existing one (its meeting and target never change). Refused in Chinese, nothing written, when a
 * field or a link is wrong.
 */
export async function saveProblem(db: WorkbenchDb, meetingId: string, draft: ProblemDraft, actor: string, id?: string): Promise<ProblemItem> {
  return writeMeetingData(db, [db.meetings, db.members, db.consolidatedOpinions, db.problems], async (w) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    const existing = id === undefined ? undefined : await db.problems.get(id);
    if (id !== undefined && (!existing || existing.deletedAt || existing.meetingId !== meetingId)) throw new UserError('该查摆问题不存在或已删除');
    if (existing && existing.targetId !== draft.targetId) throw new UserError('查摆问题的责任对象不能修改；请删除后在另一对象下新建');
    const siblings = await db.problems.where('[meetingId+targetId]').equals([meetingId, draft.targetId]).toArray();
    const now = nowIso();
    const candidate = {
      ...draft,
      id: existing?.id ?? newId(),
      meetingId,
      order: existing?.order ?? siblings.reduce((max, p) => Math.max(max, p.order), 0) + 1,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const parsed = parseRecord(problemItemSchema, candidate);
    if (!parsed.ok) refuse([parsed.error]);
    const [members, consolidated] = await Promise.all([
      db.members.where('meetingId').equals(meetingId).toArray(),
      db.consolidatedOpinions.where('meetingId').equals(meetingId).toArray(),
    ]);
    const problems = problemItemProblems(parsed.value, { meeting: { ...meeting, id: meeting.id }, memberIds: new Set(members.filter((m) => !m.deletedAt).map((m) => m.id)), consolidated });
    if (problems.length > 0) refuse(problems);
    await db.problems.put(parsed.value);
    w.log({ actor, entity: 'problem', recordId: parsed.value.id, meetingId, action: existing ? 'update' : 'create', summary: `${existing ? '修改' : '新增'}查摆问题：${parsed.value.description.slice(0, 30)}`, at: now });
    return parsed.value;
  });
}

/** Moves problem items to the recycle bin (or back), all or none, in one transaction. */
export async function setProblemsDeleted(db: WorkbenchDb, meetingId: string, ids: readonly string[], deleted: boolean, actor: string): Promise<void> {
  await writeMeetingData(db, [db.problems], async (w) => {
    const rows = await db.problems.bulkGet([...ids]);
    if (rows.some((p) => !p || p.meetingId !== meetingId)) throw new UserError('所选查摆问题已被修改，请刷新后重试');
    const now = nowIso();
    const changed = rows.map((p) => {
      const { deletedAt: _old, ...rest } = p!;
      return deleted ? { ...rest, deletedAt: now, updatedAt: now } : { ...rest, updatedAt: now };
    });
    await db.problems.bulkPut(changed);
    w.log(changed.map((p) => ({ actor, entity: 'problem' as const, recordId: p.id, meetingId, action: deleted ? ('delete' as const) : ('restore' as const), summary: `${deleted ? '删除' : '恢复'}查摆问题：${p.description.slice(0, 30)}`, at: now })));
  });
}
