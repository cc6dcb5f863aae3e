// 梳理 of a meeting: the consolidated opinions (梳理后意见) and their links to the raw opinions they
// merge. Every operation is the shared one (shared/consolidation/operations.ts) applied to the
// meeting's records read inside the write, and what it returns — new and changed consolidated
// opinions, problem items whose links moved — is written in one transaction through the one write
// path (change log 'consolidated', summary refreshed). Raw opinions are read, never written.
import { addSources, consolidate, dissolveConsolidated, mergeConsolidated, quote, rewordConsolidated, setAnswerReason, splitConsolidated, unlinkSource, type ConsolidationChange, type Outcome, type RawOpinion, type Stamp } from '#shared/consolidation/operations';
import type { ChangeInput } from '#shared/model/change-log';
import { ANSWER_REASON_LABELS, consolidatedOpinionSchema, problemItemSchema, type AnswerReasonRecord, type ConsolidatedOpinion, type ProblemItem } from '#shared/model/problems';
import { parseRecord } from '#shared/model/zod-fields';
import { newId, nowIso } from '#shared/util/ids';
import { refuse, UserError } from '../../lib/user-error';
import type { WorkbenchDb } from '../database';
import { writeMeetingData } from './meeting-write';

/** Every consolidated opinion of a meeting, soft-deleted ones included (their order numbers stay taken), by target then order. */
export async function listConsolidated(db: WorkbenchDb, meetingId: string): Promise<ConsolidatedOpinion[]> {
  const rows = await db.consolidatedOpinions.where('meetingId').equals(meetingId).toArray();
  return rows.sort((a, b) => (a.targetId === b.targetId ? a.order - b.order : a.targetId < b.targetId ? -1 : 1));
}

/** The meeting's records an operation reads, loaded inside the write. */
interface Records {
  raws: RawOpinion[];
  consolidated: ConsolidatedOpinion[];
  problems: ProblemItem[];
  stamp: Stamp;
}

/** One line per record written, in the words of the operation. */
type Describe = (change: ConsolidationChange) => string;

/**
 * Runs one 梳理 operation: reads the meeting's raw opinions, consolidated opinions and problem items
 * inside the transaction, applies `op`, checks every record it returns against its schema and its
 * meeting, and writes them with their change-log lines. A refusal writes nothing.
 */
async function apply(db: WorkbenchDb, meetingId: string, actor: string, op: (r: Records) => Outcome<ConsolidationChange>, describe: Describe): Promise<ConsolidationChange> {
  return writeMeetingData(db, [db.meetings, db.opinions, db.consolidatedOpinions, db.problems], async (w) => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
    const [raws, consolidated, problems] = await Promise.all([
      db.opinions.where('meetingId').equals(meetingId).toArray(),
      db.consolidatedOpinions.where('meetingId').equals(meetingId).toArray(),
      db.problems.where('meetingId').equals(meetingId).toArray(),
    ]);
    const at = nowIso();
    const outcome = op({ raws, consolidated, problems, stamp: { at, newId } });
    if (!outcome.ok) throw new UserError(outcome.error);
    const written: ConsolidatedOpinion[] = [];
    for (const c of [...outcome.created, ...outcome.updated]) {
      const parsed = parseRecord(consolidatedOpinionSchema, c);
      if (!parsed.ok) refuse([parsed.error]);
      if (parsed.value.meetingId !== meetingId) throw new UserError('梳理后意见不属于本次会议');
      written.push(parsed.value);
    }
    const relinked: ProblemItem[] = [];
    for (const p of outcome.problems) {
      const parsed = parseRecord(problemItemSchema, p);
      if (!parsed.ok) refuse([parsed.error]);
      if (parsed.value.meetingId !== meetingId) throw new UserError('查摆问题不属于本次会议');
      relinked.push(parsed.value);
    }
    await db.consolidatedOpinions.bulkPut(written);
    if (relinked.length > 0) await db.problems.bulkPut(relinked);
    const summary = describe(outcome);
    const created = new Set(outcome.created.map((c) => c.id));
    const lines: ChangeInput[] = [
      ...written.map((c): ChangeInput => ({ actor, entity: 'consolidated', recordId: c.id, meetingId, action: created.has(c.id) ? 'create' : c.deletedAt ? 'delete' : 'update', summary, at })),
      ...relinked.map((p): ChangeInput => ({ actor, entity: 'problem', recordId: p.id, meetingId, action: 'update', summary: `${summary}（查摆问题${quote(p.description)}的关联意见随之调整）`, at })),
    ];
    w.log(lines);
    return { created: outcome.created, updated: outcome.updated, problems: outcome.problems };
  });
}

/** Consolidates raw opinions of one target into a new consolidated opinion (its text: the given one, or the first raw's). */
export async function consolidateOpinions(
  db: WorkbenchDb,
  meetingId: string,
  input: { targetId: string; opinionIds: readonly string[]; text?: string; dimension?: string },
  actor: string,
): Promise<ConsolidatedOpinion> {
  const change = await apply(db, meetingId, actor, (r) => consolidate({ meetingId, ...input }, r.raws, r.consolidated, r.stamp), (c) => `梳理意见：${input.opinionIds.length}条原始意见梳理为${quote(c.created[0]!.text)}`);
  return change.created[0]!;
}

/**
 * Adds raw opinions of the same target to a consolidated opinion (accepting a proposal to join it),
 * with a new wording and dimension when given — one write.
 */
export async function addToConsolidated(
  db: WorkbenchDb,
  meetingId: string,
  input: { id: string; opinionIds: readonly string[]; text?: string; dimension?: string },
  actor: string,
): Promise<void> {
  await apply(
    db,
    meetingId,
    actor,
    (r) => {
      const added = addSources(input, r.raws, r.consolidated, r.stamp);
      if (!added.ok || (input.text === undefined && input.dimension === undefined)) return added;
      const c = added.updated[0]!;
      const out = rewordConsolidated(c, { text: input.text ?? c.text, dimension: input.dimension ?? c.dimension }, r.stamp);
      return out.ok ? { ...added, updated: [out.value] } : out;
    },
    (c) => `梳理意见：${quote(c.updated[0]!.text)}并入${input.opinionIds.length}条原始意见`,
  );
}

/** Merges consolidated opinions of one target into the first (the others are kept, deleted, with mergedInto). */
export async function mergeConsolidatedOpinions(db: WorkbenchDb, meetingId: string, input: { ids: readonly string[]; text?: string }, actor: string): Promise<void> {
  await apply(db, meetingId, actor, (r) => mergeConsolidated(input, r.consolidated, r.problems, r.stamp), (c) => `合并梳理后意见：${input.ids.length}条合并为${quote(c.updated[0]!.text)}`);
}

/** Splits raw opinions off a consolidated opinion into a new one. */
export async function splitConsolidatedOpinion(db: WorkbenchDb, meetingId: string, input: { id: string; opinionIds: readonly string[]; text?: string }, actor: string): Promise<void> {
  await apply(db, meetingId, actor, (r) => splitConsolidated(input, r.raws, r.consolidated, r.stamp), (c) => `拆分梳理后意见：${input.opinionIds.length}条原始意见另列为${quote(c.created[0]!.text)}`);
}

/** Takes one raw opinion out of a consolidated opinion (one left without a source is deleted). */
export async function unlinkRawOpinion(db: WorkbenchDb, meetingId: string, input: { id: string; opinionId: string }, actor: string): Promise<void> {
  await apply(db, meetingId, actor, (r) => unlinkSource(input, r.consolidated, r.stamp), (c) => `梳理意见：从${quote(c.updated[0]!.text)}移出1条原始意见`);
}

/** Undoes a consolidation: the consolidated opinion is deleted, its raw opinions are free again, problem items stop linking it. */
export async function dissolveConsolidatedOpinion(db: WorkbenchDb, meetingId: string, id: string, actor: string): Promise<void> {
  await apply(db, meetingId, actor, (r) => dissolveConsolidated({ id }, r.consolidated, r.problems, r.stamp), (c) => `取消梳理：${quote(c.updated[0]!.text)}`);
}

/** Changes the wording and dimension of a consolidated opinion. */
export async function rewordConsolidatedOpinion(db: WorkbenchDb, meetingId: string, id: string, input: { text: string; dimension: string }, actor: string): Promise<void> {
  await apply(
    db,
    meetingId,
    actor,
    (r) => {
      const c = r.consolidated.find((x) => x.id === id);
      if (!c) return { ok: false, error: '找不到这条梳理后意见（可能已删除或已合并）' };
      const out = rewordConsolidated(c, input, r.stamp);
      return out.ok ? { ok: true, created: [], updated: [out.value], problems: [] } : out;
    },
    (c) => `修改梳理后意见：${quote(c.updated[0]!.text)}`,
  );
}

/** Records (or, with `undefined`, clears) why a consolidated opinion needs no problem item. */
export async function setConsolidatedAnswer(db: WorkbenchDb, meetingId: string, id: string, answer: AnswerReasonRecord | undefined, actor: string): Promise<void> {
  await apply(
    db,
    meetingId,
    actor,
    (r) => {
      const c = r.consolidated.find((x) => x.id === id && !x.deletedAt);
      if (!c) return { ok: false, error: '找不到这条梳理后意见（可能已删除或已合并）' };
      const out = setAnswerReason(c, answer, r.stamp);
      return out.ok ? { ok: true, created: [], updated: [out.value], problems: [] } : out;
    },
    (c) => {
      const a = c.updated[0]!.answer;
      return a ? `意见回应：${quote(c.updated[0]!.text)}记为“${answerLabel(a)}”` : `意见回应：清除${quote(c.updated[0]!.text)}的回应理由`;
    },
  );
}

const answerLabel = (a: AnswerReasonRecord) => `${ANSWER_REASON_LABELS[a.reason]}${a.text.trim() === '' ? '' : `：${a.text.trim().slice(0, 30)}`}`;
