// 梳理: raw opinions that say the same thing become one consolidated opinion (梳理后意见) of a target,
// with links to every raw opinion it merges. Pure functions: they read the raw opinions and return
// the consolidated records (and problem items) to write in one transaction. Raw opinions are never
// changed or deleted here — they alone count for the 5类必须 / 2个至少 rule. Provenance stays: a
// merge keeps the union of sources and names what it absorbed (mergedFrom / mergedInto), a split
// names its origin (splitFrom).
import { answerReasonSchema, type AnswerReasonRecord, type ConsolidatedOpinion, type ProblemItem } from '../model/problems';
import type { Opinion } from '../model/types';
import { cleanText } from '../text/normalize';

export type RawOpinion = Pick<Opinion, 'id' | 'meetingId' | 'targetId' | 'content' | 'dimension' | 'createdAt' | 'deletedAt'>;

/** The time and id source of a change (injected, so tests are deterministic). */
export interface Stamp {
  at: string;
  newId: () => string;
}

/** Records to write together: new and changed consolidated opinions, and problem items whose links moved. */
export interface ConsolidationChange {
  created: ConsolidatedOpinion[];
  updated: ConsolidatedOpinion[];
  problems: ProblemItem[];
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const live = <T extends { deletedAt?: string }>(xs: readonly T[]) => xs.filter((x) => !x.deletedAt);
/** `“加强调查研究…”`: a raw text short enough for a message. */
export const quote = (text: string, max = 20) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return `“${chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')}”`;
};

/** Which live consolidated opinion holds each raw opinion id. */
export function consolidatedBySource(consolidated: readonly ConsolidatedOpinion[]): Map<string, ConsolidatedOpinion> {
  const by = new Map<string, ConsolidatedOpinion>();
  for (const c of live(consolidated)) for (const id of c.sourceIds) by.set(id, c);
  return by;
}

/** Checks raw opinions for one target: all exist, live, in the meeting and target, and not yet consolidated (except into `into`). */
function checkSources(
  ids: readonly string[],
  where: { meetingId: string; targetId: string },
  raws: readonly RawOpinion[],
  consolidated: readonly ConsolidatedOpinion[],
  into?: string,
): Outcome<{ sources: RawOpinion[] }> {
  if (ids.length === 0) return fail('请至少选择一条原始意见');
  if (new Set(ids).size !== ids.length) return fail('同一条原始意见选择了两次');
  const byId = new Map(raws.map((o) => [o.id, o]));
  const holder = consolidatedBySource(consolidated);
  const sources: RawOpinion[] = [];
  for (const id of ids) {
    const o = byId.get(id);
    if (!o || o.meetingId !== where.meetingId) return fail('所选原始意见不属于本次会议');
    if (o.deletedAt) return fail(`原始意见${quote(o.content)}已删除，不能梳理`);
    if (o.targetId !== where.targetId) return fail(`原始意见${quote(o.content)}是对其他对象提出的，只能梳理同一对象的意见`);
    const h = holder.get(id);
    if (h && h.id !== into) return fail(`原始意见${quote(o.content)}已梳理在${quote(h.text)}中，请先将其移出`);
    sources.push(o);
  }
  return { ok: true, sources };
}

function nextOrder(consolidated: readonly ConsolidatedOpinion[], meetingId: string, targetId: string): number {
  let max = 0;
  for (const c of consolidated) if (c.meetingId === meetingId && c.targetId === targetId) max = Math.max(max, c.order);
  return max + 1;
}

/** The shared dimension of some raw opinions, or empty when they differ. */
function commonDimension(sources: readonly RawOpinion[]): string {
  const dims = new Set(sources.map((o) => o.dimension.trim()).filter((d) => d !== ''));
  return dims.size === 1 ? [...dims][0]! : '';
}

function wording(text: string | undefined, fallback: string): Outcome<{ text: string }> {
  const t = cleanText(text ?? fallback);
  if (t === '') return fail('梳理后意见不能为空');
  if (t.length > 20_000) return fail('梳理后意见过长（最多 20000 个字符）');
  return { ok: true, text: t };
}

/**
 * Consolidates raw opinions of one target into a new consolidated opinion. Its text is the one
 * given, or the first raw opinion's; its dimension the one given, or the raws' shared one.
 */
export function consolidate(
  input: { meetingId: string; targetId: string; opinionIds: readonly string[]; text?: string; dimension?: string },
  raws: readonly RawOpinion[],
  consolidated: readonly ConsolidatedOpinion[],
  stamp: Stamp,
): Outcome<ConsolidationChange> {
  const checked = checkSources(input.opinionIds, input, raws, consolidated);
  if (!checked.ok) return checked;
  const text = wording(input.text, checked.sources[0]!.content);
  if (!text.ok) return text;
  const created: ConsolidatedOpinion = {
    id: stamp.newId(),
    meetingId: input.meetingId,
    targetId: input.targetId,
    text: text.text,
    dimension: input.dimension ?? commonDimension(checked.sources),
    sourceIds: [...input.opinionIds],
    mergedFrom: [],
    order: nextOrder(consolidated, input.meetingId, input.targetId),
    createdAt: stamp.at,
    updatedAt: stamp.at,
  };
  return { ok: true, created: [created], updated: [], problems: [] };
}

/** Adds raw opinions of the same target to an existing consolidated opinion (accepting a proposal to join it). */
export function addSources(
  input: { id: string; opinionIds: readonly string[] },
  raws: readonly RawOpinion[],
  consolidated: readonly ConsolidatedOpinion[],
  stamp: Stamp,
): Outcome<ConsolidationChange> {
  const c = live(consolidated).find((x) => x.id === input.id);
  if (!c) return fail('找不到这条梳理后意见（可能已删除或已合并）');
  const fresh = input.opinionIds.filter((id) => !c.sourceIds.includes(id));
  const checked = checkSources(fresh, c, raws, consolidated, c.id);
  if (!checked.ok) return checked;
  return { ok: true, created: [], updated: [{ ...c, sourceIds: [...c.sourceIds, ...fresh], updatedAt: stamp.at }], problems: [] };
}

/**
 * Merges consolidated opinions of one target into the first: it keeps its id and gains the others'
 * sources, links and reason; the others are soft-deleted with `mergedInto`, and problem items that
 * linked them now link the survivor.
 */
export function mergeConsolidated(
  input: { ids: readonly string[]; text?: string },
  consolidated: readonly ConsolidatedOpinion[],
  problems: readonly ProblemItem[],
  stamp: Stamp,
): Outcome<ConsolidationChange> {
  if (input.ids.length < 2) return fail('合并至少需要两条梳理后意见');
  if (new Set(input.ids).size !== input.ids.length) return fail('同一条梳理后意见选择了两次');
  const byId = new Map(live(consolidated).map((c) => [c.id, c]));
  const picked = input.ids.map((id) => byId.get(id));
  if (picked.some((c) => !c)) return fail('找不到所选的梳理后意见（可能已删除或已合并）');
  const [survivor, ...others] = picked as ConsolidatedOpinion[];
  if (others.some((c) => c.meetingId !== survivor!.meetingId || c.targetId !== survivor!.targetId)) return fail('只能合并同一对象的梳理后意见');
  const text = wording(input.text, survivor!.text);
  if (!text.ok) return text;
  const sourceIds = [...new Set([survivor!, ...others].flatMap((c) => c.sourceIds))];
  const merged: ConsolidatedOpinion = {
    ...survivor!,
    text: text.text,
    dimension: survivor!.dimension || others.find((c) => c.dimension !== '')?.dimension || '',
    sourceIds,
    mergedFrom: [...survivor!.mergedFrom, ...others.map((c) => c.id)],
    answer: survivor!.answer ?? others.find((c) => c.answer)?.answer,
    updatedAt: stamp.at,
  };
  if (merged.answer === undefined) delete merged.answer;
  const retired = others.map((c) => ({ ...c, mergedInto: survivor!.id, deletedAt: stamp.at, updatedAt: stamp.at }));
  const gone = new Set(others.map((c) => c.id));
  const relinked = problems
    .filter((p) => p.consolidatedIds.some((id) => gone.has(id)))
    .map((p) => ({ ...p, consolidatedIds: [...new Set(p.consolidatedIds.map((id) => (gone.has(id) ? survivor!.id : id)))], updatedAt: stamp.at }));
  return { ok: true, created: [], updated: [merged, ...retired], problems: relinked };
}

/**
 * Splits raw opinions off a consolidated opinion into a new one (`splitFrom` names the origin).
 * The new one starts unanswered: staff decide which problem answers it.
 */
export function splitConsolidated(
  input: { id: string; opinionIds: readonly string[]; text?: string },
  raws: readonly RawOpinion[],
  consolidated: readonly ConsolidatedOpinion[],
  stamp: Stamp,
): Outcome<ConsolidationChange> {
  const c = live(consolidated).find((x) => x.id === input.id);
  if (!c) return fail('找不到这条梳理后意见（可能已删除或已合并）');
  if (input.opinionIds.length === 0) return fail('请选择要拆分出去的原始意见');
  if (input.opinionIds.some((id) => !c.sourceIds.includes(id))) return fail('所选原始意见不在这条梳理后意见中');
  const moved = new Set(input.opinionIds);
  const kept = c.sourceIds.filter((id) => !moved.has(id));
  if (kept.length === 0) return fail('不能把全部原始意见拆分出去，原梳理后意见至少保留一条');
  const movedRaws = raws.filter((o) => moved.has(o.id));
  const text = wording(input.text, movedRaws[0]?.content ?? '');
  if (!text.ok) return text;
  const created: ConsolidatedOpinion = {
    id: stamp.newId(),
    meetingId: c.meetingId,
    targetId: c.targetId,
    text: text.text,
    dimension: commonDimension(movedRaws) || c.dimension,
    sourceIds: c.sourceIds.filter((id) => moved.has(id)),
    mergedFrom: [],
    splitFrom: c.id,
    order: nextOrder(consolidated, c.meetingId, c.targetId),
    createdAt: stamp.at,
    updatedAt: stamp.at,
  };
  return { ok: true, created: [created], updated: [{ ...c, sourceIds: kept, updatedAt: stamp.at }], problems: [] };
}

/** Takes one raw opinion out of a consolidated opinion; one left with no source is soft-deleted. */
export function unlinkSource(input: { id: string; opinionId: string }, consolidated: readonly ConsolidatedOpinion[], stamp: Stamp): Outcome<ConsolidationChange> {
  const c = live(consolidated).find((x) => x.id === input.id);
  if (!c) return fail('找不到这条梳理后意见（可能已删除或已合并）');
  if (!c.sourceIds.includes(input.opinionId)) return fail('这条原始意见不在该梳理后意见中');
  const sourceIds = c.sourceIds.filter((id) => id !== input.opinionId);
  const updated = sourceIds.length === 0 ? { ...c, sourceIds, deletedAt: stamp.at, updatedAt: stamp.at } : { ...c, sourceIds, updatedAt: stamp.at };
  return { ok: true, created: [], updated: [updated], problems: [] };
}

/** Records (or, with `undefined`, clears) the reason a consolidated opinion needs no problem item. */
export function setAnswerReason(c: ConsolidatedOpinion, answer: AnswerReasonRecord | undefined, stamp: Pick<Stamp, 'at'>): Outcome<{ value: ConsolidatedOpinion }> {
  if (answer === undefined) {
    const { answer: _gone, ...rest } = c;
    return { ok: true, value: { ...rest, updatedAt: stamp.at } };
  }
  const r = answerReasonSchema.safeParse({ ...answer, text: cleanText(answer.text) });
  if (!r.success) return fail(r.error.issues[0]!.message);
  return { ok: true, value: { ...c, answer: r.data, updatedAt: stamp.at } };
}

/** Changes the wording and the dimension of a consolidated opinion (its sources and answer stay). */
export function rewordConsolidated(c: ConsolidatedOpinion, input: { text: string; dimension: string }, stamp: Pick<Stamp, 'at'>): Outcome<{ value: ConsolidatedOpinion }> {
  if (c.deletedAt) return fail('这条梳理后意见已删除或已合并');
  const text = wording(input.text, '');
  if (!text.ok) return text;
  const dimension = cleanText(input.dimension);
  if (dimension.length > 500) return fail('所属方面过长（最多 500 个字符）');
  return { ok: true, value: { ...c, text: text.text, dimension, updatedAt: stamp.at } };
}

/**
 * Undoes a consolidation: the consolidated opinion is soft-deleted (its raw opinions are free to be
 * consolidated again, and are untouched) and problem items stop linking it.
 */
export function dissolveConsolidated(input: { id: string }, consolidated: readonly ConsolidatedOpinion[], problems: readonly ProblemItem[], stamp: Pick<Stamp, 'at'>): Outcome<ConsolidationChange> {
  const c = live(consolidated).find((x) => x.id === input.id);
  if (!c) return fail('找不到这条梳理后意见（可能已删除或已合并）');
  const unlinked = live(problems)
    .filter((p) => p.consolidatedIds.includes(c.id))
    .map((p) => ({ ...p, consolidatedIds: p.consolidatedIds.filter((id) => id !== c.id), updatedAt: stamp.at }));
  return { ok: true, created: [], updated: [{ ...c, deletedAt: stamp.at, updatedAt: stamp.at }], problems: unlinked };
}
