import { prepareMember, type MemberDraft } from '#shared/model/drafts';
import { orderedMembers, targetLabel } from '#shared/meeting/roster';
import type { Member } from '#shared/model/types';
import { newId, nowIso } from '#shared/util/ids';
import type { WorkbenchDb } from '../database';
import { refuse, UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';

/** A meeting's live members in rank order. */
export async function listMembers(db: WorkbenchDb, meetingId: string): Promise<Member[]> {
  return orderedMembers(await db.members.where('meetingId').equals(meetingId).toArray());
}

/** How many live members each meeting has: one indexed query for all of them. */
export async function memberCounts(db: WorkbenchDb, meetingIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(meetingIds.map((id) => [id, 0]));
  const rows = await db.members.where('meetingId').anyOf([...meetingIds]).toArray();
  for (const m of rows) if (!m.deletedAt) counts.set(m.meetingId, (counts.get(m.meetingId) ?? 0) + 1);
  return counts;
}

export async function addMember(db: WorkbenchDb, meetingId: string, draft: MemberDraft, actor: string): Promise<Member> {
  const [member] = await addMembers(db, meetingId, [draft], actor);
  return member!;
}

/** Adds members at the end of the rank order, all or none, in one transaction. */
export async function addMembers(db: WorkbenchDb, meetingId: string, drafts: readonly MemberDraft[], actor: string): Promise<Member[]> {
  const prepared = drafts.map((d) => prepareMember(d));
  const problems = prepared.flatMap((p, i) => (p.ok ? [] : [drafts.length === 1 ? p.problems.join('；') : `第 ${i + 1} 行：${p.problems.join('；')}`]));
  if (problems.length > 0) refuse(problems, problems.length === 1 ? problems[0] : `有 ${problems.length} 行不能添加，未写入任何内容`);
  const values = prepared.map((p) => (p.ok ? p.value : undefined)).filter((v) => v !== undefined);
  return writeMeetingData(db, [db.meetings, db.members], async (w) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    const members = orderedMembers(await db.members.where('meetingId').equals(meetingId).toArray());
    const taken = new Set(members.map((m) => `${m.name}\u0001${m.position}`));
    const now = nowIso();
    let rank = members.reduce((max, m) => Math.max(max, m.rank), 0);
    const added: Member[] = [];
    for (const v of values) {
      const key = `${v.name}\u0001${v.position}`;
      if (taken.has(key)) throw new UserError(`名单中已有${targetLabel(v)}，未写入任何内容`);
      taken.add(key);
      added.push({ id: newId(), meetingId, ...v, rank: ++rank, createdAt: now, updatedAt: now });
    }
    await db.members.bulkAdd(added);
    w.log(added.map((m) => ({ actor, entity: 'member', recordId: m.id, meetingId, action: 'create', summary: `添加班子成员${m.name}`, at: now })));
    return added;
  });
}

export async function updateMember(db: WorkbenchDb, id: string, draft: MemberDraft, actor: string): Promise<void> {
  const prepared = prepareMember(draft);
  if (!prepared.ok) refuse(prepared.problems);
  await writeMeetingData(db, [db.members], async (w) => {
    const member = await db.members.get(id);
    if (!member || member.deletedAt) throw new UserError('该成员不存在或已删除');
    await db.members.put({ ...member, ...prepared.value, updatedAt: nowIso() });
    w.log({ actor, entity: 'member', recordId: id, meetingId: member.meetingId, action: 'update', summary: `修改班子成员${prepared.value.name}的信息` });
  });
}

/** Sets the rank order to the order of `orderedIds` (all live members of the meeting), in one transaction. */
export async function reorderMembers(db: WorkbenchDb, meetingId: string, orderedIds: string[], actor: string): Promise<void> {
  await writeMeetingData(db, [db.members], async (w) => {
    const members = orderedMembers(await db.members.where('meetingId').equals(meetingId).toArray());
    const ids = new Set(members.map((m) => m.id));
    if (orderedIds.length !== members.length || orderedIds.some((id) => !ids.has(id)) || new Set(orderedIds).size !== orderedIds.length) {
      throw new UserError('成员名单已被修改，请刷新后重新排序');
    }
    const now = nowIso();
    const byId = new Map(members.map((m) => [m.id, m]));
    await db.members.bulkPut(orderedIds.map((id, i) => ({ ...byId.get(id)!, rank: i + 1, updatedAt: now })));
    w.log({ actor, entity: 'member', recordId: meetingId, meetingId, action: 'reorder', summary: `调整班子成员排序：${orderedIds.map((id) => byId.get(id)!.name).join('、')}` });
  });
}

/** Moves a member one place up or down in rank order. */
export async function moveMember(db: WorkbenchDb, meetingId: string, id: string, direction: -1 | 1, actor: string): Promise<void> {
  const members = await listMembers(db, meetingId);
  const ids = members.map((m) => m.id);
  const i = ids.indexOf(id);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= ids.length) return;
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  await reorderMembers(db, meetingId, ids, actor);
}

/** Removes a member with no live opinions; one with opinions is refused so nothing is orphaned. */
export async function deleteMember(db: WorkbenchDb, id: string, actor: string): Promise<void> {
  await writeMeetingData(db, [db.members, db.opinions], async (w) => {
    const member = await db.members.get(id);
    if (!member || member.deletedAt) return;
    const opinions = (await db.opinions.where('[meetingId+targetId]').equals([member.meetingId, id]).toArray()).filter((o) => !o.deletedAt);
    if (opinions.length > 0) throw new UserError(`${member.name}已有 ${opinions.length} 条意见，请先删除或改到其他对象后再移除该成员`);
    const now = nowIso();
    await db.members.put({ ...member, deletedAt: now, updatedAt: now });
    w.log({ actor, entity: 'member', recordId: id, meetingId: member.meetingId, action: 'delete', summary: `移除班子成员${member.name}` });
  });
}

/** The members (deleted ones too) of several meetings: the other side of copy findings is named by them. */
export async function membersOfMeetings(db: WorkbenchDb, meetingIds: readonly string[]): Promise<Member[]> {
  if (meetingIds.length === 0) return [];
  return db.members.where('meetingId').anyOf([...meetingIds]).toArray();
}
