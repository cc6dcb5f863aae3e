// The warnings a supervisor sees for a meeting, each with its Chinese message (the message is what
// an audit verdict records when the warning is ticked): copies inside the meeting, copies from
// other units (from the last cross-unit scan), praise-only and too-short opinions.
import { copyCandidates, detectCopies, type CopyKind, type CopyWarning, type OpinionRef } from '../checks/copy-detection';
import { byEntry, flagOpinions, type OpinionFlags } from '../checks/opinion-flags';
import { targetLabels } from '../meeting/roster';
import { GROUP_LABEL, GROUP_TARGET, type Meeting, type Member, type Opinion } from '../model/types';

export type WarningKind = CopyKind | 'praise-only' | 'too-short';

export const WARNING_KIND_LABELS: Record<WarningKind, string> = {
  'cross-target': '雷同',
  'same-target': '近似重复',
  'cross-unit': '疑似抄袭',
  'praise-only': '仅表扬',
  'too-short': '过短',
};

/** The kinds in the order they are shown: copies across units first, then inside a unit, then perfunctory opinions. */
export const WARNING_KINDS: readonly WarningKind[] = ['cross-unit', 'cross-target', 'same-target', 'praise-only', 'too-short'];

export interface MeetingWarning {
  kind: WarningKind;
  /** The opinion warned about. */
  a: OpinionRef;
  /** For copies: the opinion it resembles, shown beside it. */
  b?: OpinionRef;
  /** For copies: Jaccard similarity of the two texts, 0–1. */
  similarity?: number;
  /** One Chinese sentence, e.g. `雷同：张三（局长）与李四（副局长）的意见相同：“…”`. */
  message: string;
}

/** Names shown in messages: a target within its meeting, and a unit. */
export interface WarningLabels {
  target: (meetingId: string, targetId: string) => string;
  unit: (unitId: string) => string;
}

/** Labels across a county: every member given by id, a target not given as 已移除的成员, units by name. */
export function countyLabels(members: readonly Pick<Member, 'id' | 'name' | 'position'>[], unitNames: ReadonlyMap<string, string>): WarningLabels {
  const labels = targetLabels(members);
  return {
    target: (_meetingId, targetId) => labels.get(targetId) ?? '已移除的成员',
    unit: (unitId) => unitNames.get(unitId) ?? '其他单位',
  };
}

/**
 * Labels for the targets of one meeting's roster; other meetings' targets by the members given in
 * `others` (the other unit's member and position), else `其他会议的对象`.
 */
export function rosterLabels(
  meetingId: string,
  members: readonly Pick<Member, 'id' | 'name' | 'position'>[],
  unitName: (unitId: string) => string = () => '其他单位',
  others: readonly Pick<Member, 'id' | 'name' | 'position'>[] = [],
): WarningLabels {
  const labels = targetLabels(members);
  const otherLabels = targetLabels(others);
  return {
    target: (mId, targetId) =>
      targetId === GROUP_TARGET ? GROUP_LABEL : mId === meetingId ? (labels.get(targetId) ?? '已移除的成员') : (otherLabels.get(targetId) ?? '其他会议的对象'),
    unit: unitName,
  };
}

const PREVIEW = 40;
function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return `“${t.length > PREVIEW ? `${t.slice(0, PREVIEW)}…` : t}”`;
}

function likeness(similarity: number): string {
  return similarity >= 1 ? '相同' : `相似（相似度 ${Math.round(similarity * 100)}%）`;
}

/**
 * The Chinese message of a copy warning; when the search stopped early in a large cluster of similar
 * texts, it says how many more there are, e.g. `…；另有约2998条相似意见未逐一列出`.
 */
export function describeCopy(w: CopyWarning, labels: WarningLabels): string {
  const a = labels.target(w.a.meetingId, w.a.targetId);
  const b = labels.target(w.b.meetingId, w.b.targetId);
  const more = w.more ? `；另有约${w.more}条相似意见未逐一列出` : '';
  switch (w.kind) {
    case 'cross-target':
      return `雷同：${a}与${b}的意见${likeness(w.similarity)}：${quote(w.a.content)}${more}`;
    case 'same-target':
      return `近似重复：${a}的两条意见${likeness(w.similarity)}（${w.a.category}、${w.b.category}）：${quote(w.a.content)}${more}`;
    case 'cross-unit':
      return `疑似抄袭：${a}的意见与${labels.unit(w.b.unitId)}${b}的意见${likeness(w.similarity)}：${quote(w.a.content)}${more}`;
  }
}

export interface MeetingWarningInput {
  meeting: Pick<Meeting, 'id' | 'unitId' | 'ruleSet'>;
  /** The roster; a deleted member's opinions are labelled 已移除的成员. */
  members: readonly (Pick<Member, 'id' | 'name' | 'position'> & Partial<Pick<Member, 'deletedAt'>>)[];
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'category' | 'content' | 'createdAt' | 'deletedAt'>[];
}

/**
 * What a verdict judges and the audit tab lists, in the same words in both places: the stored
 * cross-unit findings of the last scan, then the meeting's own warnings.
 */
export function auditWarnings(input: MeetingWarningInput, findings: readonly MeetingWarning[] = []): MeetingWarning[] {
  return [...findings, ...meetingWarnings(input)];
}

/**
 * The warnings found inside one meeting: the same or nearly the same opinion given to different
 * targets (雷同) or twice to one target in other words (近似重复), then praise-only and too-short
 * opinions (the same flags the opinion list shows). Deterministic: the same data, the same list.
 */
export function meetingWarnings(
  input: MeetingWarningInput,
  labels: WarningLabels = rosterLabels(input.meeting.id, input.members.filter((m) => !m.deletedAt)),
  /** The opinions' flags when the caller has them already (the meeting view does). */
  flags: ReadonlyMap<string, OpinionFlags> = flagOpinions(input.opinions, input.meeting.ruleSet),
): MeetingWarning[] {
  const { meeting, opinions } = input;
  const copies = detectCopies(copyCandidates(meeting, opinions), { kinds: ['cross-target', 'same-target'] }).map(
    (w): MeetingWarning => ({ ...w, message: describeCopy(w, labels) }),
  );
  const perfunctory: MeetingWarning[] = [];
  for (const kind of PERFUNCTORY_KINDS) {
    for (const o of opinions) {
      const f = flags.get(o.id);
      if (!f || perfunctoryKind(f) !== kind) continue;
      const a: OpinionRef = { id: o.id, meetingId: meeting.id, unitId: meeting.unitId, targetId: o.targetId, category: o.category, content: o.content };
      perfunctory.push({ kind, a, message: `${WARNING_KIND_LABELS[kind]}：${labels.target(meeting.id, o.targetId)}·${o.category}：${quote(o.content)}` });
    }
  }
  const byId = new Map(opinions.map((o) => [o.id, o]));
  perfunctory.sort((x, y) => byEntry(byId.get(x.a.id)!, byId.get(y.a.id)!));
  return [...copies, ...perfunctory];
}

const PERFUNCTORY_KINDS = ['praise-only', 'too-short'] as const;
type PerfunctoryKind = (typeof PERFUNCTORY_KINDS)[number];

/** The perfunctory warning an opinion gets from its flags (仅表扬 before 过短; a repeat gets none), if any. */
function perfunctoryKind(f: OpinionFlags): PerfunctoryKind | undefined {
  if (f.duplicateOf) return undefined;
  return f.praiseOnly ? 'praise-only' : f.tooShort ? 'too-short' : undefined;
}

/** How many 仅表扬 and 过短 warnings {@link meetingWarnings} gives for these flags, without looking for copies. */
export function perfunctoryCounts(flags: Iterable<OpinionFlags>): Record<PerfunctoryKind, number> {
  const counts: Record<PerfunctoryKind, number> = { 'praise-only': 0, 'too-short': 0 };
  for (const f of flags) {
    const kind = perfunctoryKind(f);
    if (kind) counts[kind]++;
  }
  return counts;
}

/** How many warnings of each kind. */
export function countWarnings(warnings: readonly Pick<MeetingWarning, 'kind'>[]): Record<WarningKind, number> {
  const counts: Record<WarningKind, number> = { 'cross-target': 0, 'same-target': 0, 'cross-unit': 0, 'praise-only': 0, 'too-short': 0 };
  for (const w of warnings) counts[w.kind]++;
  return counts;
}
