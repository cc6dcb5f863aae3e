import { newOpinion, prepareOpinion, type OpinionDraft, type OpinionFields } from '#shared/model/drafts';
import { byEntry } from '#shared/checks/opinion-flags';
import { batchTime } from '#shared/model/entry-order';
import { targetLabels } from '#shared/meeting/roster';
import type { Opinion, OpinionOrigin } from '#shared/model/types';
import { nowIso } from '#shared/util/ids';
import type { WorkbenchDb } from '../database';
import { UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';

/** A meeting's live opinions, oldest first. About 4 ms for a meeting of a few hundred. */
export async function listOpinions(db: WorkbenchDb, meetingId: string): Promise<Opinion[]> {
  const rows = await db.opinions.where('meetingId').equals(meetingId).toArray();
  return rows.filter((o) => !o.deletedAt).sort(byEntry);
}

/** The meeting's recycle bin, most recently deleted first. */
export async function listDeletedOpinions(db: WorkbenchDb, meetingId: string): Promise<Opinion[]> {
  const rows = await db.opinions.where('meetingId').equals(meetingId).toArray();
  return rows.filter((o) => o.deletedAt).sort((a, b) => ((a.deletedAt ?? '') < (b.deletedAt ?? '') ? 1 : -1));
}

/** What validating an opinion for the meeting needs, read inside the caller's transaction: its live roster's labels and the validator's context. */
export async function opinionContext(db: WorkbenchDb, meetingId: string, refusal = '该会议不存在或已删除') {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting || meeting.deletedAt) throw new UserError(refusal);
  const members = (await db.members.where('meetingId').equals(meetingId).toArray()).filter((m) => !m.deletedAt);
  const labels = targetLabels(members);
  return { meeting, labels, context: { ruleSet: meeting.ruleSet, dimensions: meeting.dimensions, memberIds: new Set(members.map((m) => m.id)) } };
}

/**
 * Adds opinions to a meeting in one transaction: all of them, or (when any is invalid) none,
 * with every problem named by its position in the list.
 */
export async function addOpinions(
  db: WorkbenchDb,
  meetingId: string,
  drafts: readonly OpinionDraft[],
  meta: { actor: string; origin: OpinionOrigin },
): Promise<Opinion[]> {
  if (drafts.length === 0) return [];
  return writeMeetingData(db, [db.meetings, db.members, db.opinions], async (w) => {
    const { labels, context } = await opinionContext(db, meetingId);
    const problems: string[] = [];
    const fields: OpinionFields[] = [];
    drafts.forEach((draft, i) => {
      const prepared = prepareOpinion(draft, context);
      if (prepared.ok) fields.push(prepared.value);
      else problems.push(drafts.length === 1 ? prepared.problems.join('；') : `第 ${i + 1} 条：${prepared.problems.join('；')}`);
    });
    if (problems.length > 0) throw new UserError(problems.length === 1 ? problems[0]! : `有 ${problems.length} 条意见不能添加，未写入任何内容`, problems);
    const now = nowIso();
    const opinions = fields.map((f, i) => newOpinion(f, { meetingId, enteredBy: meta.actor, origin: meta.origin, now: batchTime(now, i) }));
    await db.opinions.bulkAdd(opinions);
    const first = opinions[0]!;
    const where = `${labels.get(first.targetId) ?? ''} · ${first.category}`;
    w.log(
      opinions.map((o) => ({
        actor: meta.actor,
        entity: 'opinion',
        recordId: o.id,
        meetingId,
        action: 'create',
        summary: `${opinions.length > 1 ? `批量添加意见（${opinions.length} 条，${where}）` : `添加意见（${where}）`}：${preview(o.content)}`,
        at: now,
      })),
    );
    return opinions;
  });
}

export async function updateOpinion(db: WorkbenchDb, id: string, draft: OpinionDraft, actor: string): Promise<void> {
  await writeMeetingData(db, [db.meetings, db.members, db.opinions], async (w) => {
    const opinion = await db.opinions.get(id);
    if (!opinion || opinion.deletedAt) throw new UserError('该意见不存在或已删除');
    const { context } = await opinionContext(db, opinion.meetingId);
    const prepared = prepareOpinion(draft, context);
    if (!prepared.ok) throw new UserError(prepared.problems.join('；'), prepared.problems);
    await db.opinions.put({ ...opinion, ...prepared.value, updatedAt: nowIso() });
    w.log({ actor, entity: 'opinion', recordId: id, meetingId: opinion.meetingId, action: 'update', summary: `修改意见：${preview(prepared.value.content)}` });
  });
}

/** Moves opinions to the recycle bin, in one transaction. */
export async function deleteOpinions(db: WorkbenchDb, ids: readonly string[], actor: string): Promise<number> {
  return setDeleted(db, ids, actor, true);
}

/** Brings opinions back from the recycle bin, in one transaction. */
export async function restoreOpinions(db: WorkbenchDb, ids: readonly string[], actor: string): Promise<number> {
  return setDeleted(db, ids, actor, false);
}

async function setDeleted(db: WorkbenchDb, ids: readonly string[], actor: string, deleted: boolean): Promise<number> {
  return writeMeetingData(db, [db.opinions], async (w) => {
    const rows = (await db.opinions.bulkGet([...ids])).filter((o): o is Opinion => o !== undefined && Boolean(o.deletedAt) !== deleted);
    const now = nowIso();
    await db.opinions.bulkPut(
      rows.map((o) => {
        const { deletedAt: _old, ...rest } = o;
        return deleted ? { ...rest, deletedAt: now, updatedAt: now } : { ...rest, updatedAt: now };
      }),
    );
    w.log(
      rows.map((o) => ({
        actor,
        entity: 'opinion',
        recordId: o.id,
        meetingId: o.meetingId,
        action: deleted ? 'delete' : 'restore',
        summary: `${deleted ? '删除意见（移入回收站）' : '从回收站恢复意见'}：${preview(o.content)}`,
        at: now,
      })),
    );
    return rows.length;
  });
}

function preview(content: string): string {
  return content.length > 30 ? `${content.slice(0, 30)}…` : content;
}
