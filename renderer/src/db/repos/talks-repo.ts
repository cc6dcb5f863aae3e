// 谈心谈话 records of a meeting and the meeting's talk requirements: saved after the shared checks
// (zod schema, talkProblems against the roster and the linked opinions), soft-deleted and restored —
// every write through the one write path, so the change log and the meeting's summary follow it.
import { ruleSetSchema } from '#shared/model/record-schemas';
import { talkRulesOf, talkSchema, type Talk, type TalkRules } from '#shared/model/talks';
import { parseRecord } from '#shared/model/zod-fields';
import { partyLabel, talkProblems } from '#shared/talks/coverage';
import { newId, nowIso } from '#shared/util/ids';
import { check } from '#shared/util/validation';
import { refuse, UserError } from '../../lib/user-error';
import type { WorkbenchDb } from '../database';
import { writeMeetingData } from './meeting-write';

/** What staff fill in for a talk; identity and stamps are the repository's. */
type TalkDraft = Pick<Talk, 'date' | 'a' | 'b' | 'note' | 'opinionIds'>;

/** A meeting's live talks, by date (then when recorded). */
export async function listTalks(db: WorkbenchDb, meetingId: string): Promise<Talk[]> {
  const rows = await db.talks.where('meetingId').equals(meetingId).toArray();
  return rows.filter((t) => !t.deletedAt).sort((a, b) => (a.date === b.date ? (a.createdAt < b.createdAt ? -1 : 1) : a.date < b.date ? -1 : 1));
}

/**
 * Records a talk (no `id`) or replaces the fields of an existing one. Refused in Chinese, nothing
 * written, when a field is wrong, a side is not on the roster or in anyone's 分管工作, or a linked
 * opinion is not this meeting's live 谈心谈话 opinion.
 */
export async function saveTalk(db: WorkbenchDb, meetingId: string, draft: TalkDraft, actor: string, id?: string): Promise<Talk> {
  return writeMeetingData(db, [db.meetings, db.members, db.opinions, db.talks], async (w) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    const existing = id === undefined ? undefined : await db.talks.get(id);
    if (id !== undefined && (!existing || existing.deletedAt || existing.meetingId !== meetingId)) throw new UserError('该谈心谈话记录不存在或已删除');
    const now = nowIso();
    const parsed = parseRecord(talkSchema, { ...draft, id: existing?.id ?? newId(), meetingId, createdAt: existing?.createdAt ?? now, updatedAt: now });
    if (!parsed.ok) refuse([parsed.error]);
    const [members, opinions] = await Promise.all([db.members.where('meetingId').equals(meetingId).toArray(), db.opinions.where('meetingId').equals(meetingId).toArray()]);
    const problems = talkProblems(parsed.value, { members, opinions, plannedDate: meeting.plannedDate || undefined });
    if (problems.length > 0) refuse(problems);
    await db.talks.put(parsed.value);
    const who = `${partyLabel(parsed.value.a, members)}与${partyLabel(parsed.value.b, members)}`;
    w.log({ actor, entity: 'talk', recordId: parsed.value.id, meetingId, action: existing ? 'update' : 'create', summary: `${existing ? '修改' : '记录'}谈心谈话：${who}（${parsed.value.date}）`, at: now });
    return parsed.value;
  });
}

/** Moves talks to the recycle bin (or back), all or none, in one transaction. */
export async function setTalksDeleted(db: WorkbenchDb, meetingId: string, ids: readonly string[], deleted: boolean, actor: string): Promise<void> {
  await writeMeetingData(db, [db.talks, db.members], async (w) => {
    const rows = await db.talks.bulkGet([...ids]);
    if (rows.some((t) => !t || t.meetingId !== meetingId)) throw new UserError('所选谈心谈话记录已被修改，请刷新后重试');
    const members = await db.members.where('meetingId').equals(meetingId).toArray();
    const now = nowIso();
    const changed = rows.map((t) => {
      const { deletedAt: _old, ...rest } = t!;
      return deleted ? { ...rest, deletedAt: now, updatedAt: now } : { ...rest, updatedAt: now };
    });
    await db.talks.bulkPut(changed);
    w.log(
      changed.map((t) => ({
        actor,
        entity: 'talk' as const,
        recordId: t.id,
        meetingId,
        action: deleted ? ('delete' as const) : ('restore' as const),
        summary: `${deleted ? '删除' : '恢复'}谈心谈话：${partyLabel(t.a, members)}与${partyLabel(t.b, members)}（${t.date}）`,
        at: now,
      })),
    );
  });
}

/** Stores the meeting's talk requirements (rule set `talks`): which pairs are required, and waivers with their reasons. */
export async function saveTalkRules(db: WorkbenchDb, meetingId: string, rules: TalkRules, actor: string): Promise<void> {
  if (rules.waived.some((x) => x.reason.trim() === '')) throw new UserError('免谈须写明理由');
  await writeMeetingData(db, [db.meetings], async (w) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    const before = talkRulesOf(meeting.ruleSet);
    const waived = [...new Map(rules.waived.map((x) => [x.pair, { pair: x.pair, reason: x.reason.trim() }])).values()];
    const ruleSet = { ...meeting.ruleSet, talks: { ...rules, waived } };
    const checked = check(ruleSetSchema, ruleSet);
    if (!checked.ok) throw new UserError(`谈话要求有误：${checked.error}`);
    await db.meetings.put({ ...meeting, ruleSet: checked.value, updatedAt: nowIso() });
    const added = waived.length - before.waived.length;
    const what = added > 0 ? `新增免谈${added}项` : added < 0 ? `取消免谈${-added}项` : '修改谈心谈话要求';
    w.log({ actor, entity: 'meeting', recordId: meetingId, meetingId, action: 'update', summary: `谈心谈话要求：${what}` });
  });
}
