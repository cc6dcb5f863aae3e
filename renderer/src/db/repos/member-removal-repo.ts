import { targetLabels } from '#shared/meeting/roster';
import { GROUP_TARGET } from '#shared/model/types';
import { nowIso } from '#shared/util/ids';
import type { WorkbenchDb } from '../database';
import { UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';

/**
 * Removes a member who has opinions by first moving every live opinion of theirs to another
 * target of the same meeting (the group or another live member), all in ONE transaction with
 * one summary refresh: the opinions are never orphaned, and a failure changes nothing.
 * Returns how many opinions moved.
 */
export async function moveOpinionsAndRemoveMember(db: WorkbenchDb, memberId: string, toTargetId: string, actor: string): Promise<number> {
  return writeMeetingData(db, [db.members, db.opinions], async (w) => {
    const member = await db.members.get(memberId);
    if (!member || member.deletedAt) throw new UserError('该成员不存在或已移除');
    if (toTargetId === memberId) throw new UserError('请选择另一位意见对象');
    const live = (await db.members.where('meetingId').equals(member.meetingId).toArray()).filter((m) => !m.deletedAt);
    if (toTargetId !== GROUP_TARGET && !live.some((m) => m.id === toTargetId)) throw new UserError('要改到的意见对象不在本次会议的名单中');
    const labels = targetLabels(live);
    const from = labels.get(memberId) ?? member.name;
    const to = labels.get(toTargetId) ?? '';
    const opinions = (await db.opinions.where('[meetingId+targetId]').equals([member.meetingId, memberId]).toArray()).filter((o) => !o.deletedAt);
    const now = nowIso();
    await db.opinions.bulkPut(opinions.map((o) => ({ ...o, targetId: toTargetId, updatedAt: now })));
    w.log(
      opinions.map((o) => ({ actor, entity: 'opinion', recordId: o.id, meetingId: member.meetingId, action: 'update', summary: `移除成员前将意见从${from}改到${to}：${o.content.slice(0, 30)}`, at: now })),
    );
    await db.members.put({ ...member, deletedAt: now, updatedAt: now });
    w.log({ actor, entity: 'member', recordId: memberId, meetingId: member.meetingId, action: 'delete', summary: `移除班子成员${member.name}（${opinions.length} 条意见改到${to}）`, at: now });
    return opinions.length;
  });
}
