// 谈心谈话 coverage: the pairs a meeting requires (from the roster, each member's 分管工作 and the
// rule set's talk options), which are done and which are missing, a matrix for the overview and
// the audit tab, and Chinese sentences of what is missing.
import { orderedMembers, targetLabel } from '../meeting/roster';
import { TALK_CHANNEL, talkRulesOf, type Talk, type TalkParty } from '../model/talks';
import type { Member, RuleSet } from '../model/types';
import { compareKey } from '../text/normalize';
import { isSecretaryPosition, parseCharge } from './areas';

type RosterMember = Pick<Member, 'id' | 'name' | 'position' | 'areas' | 'rank' | 'deletedAt'>;

export type PairReason = 'secretary' | 'members' | 'department' | 'branch';
export const PAIR_REASON_LABELS: Readonly<Record<PairReason, string>> = {
  secretary: '书记与班子成员',
  members: '班子成员之间',
  department: '班子成员与分管部门负责人',
  branch: '班子成员与党支部代表',
};

export interface RequiredPair {
  /** `m:<id>|m:<id>` (ids sorted), `m:<id>|d:<department key>`, `m:<id>|b:*`: the key waivers name. */
  key: string;
  memberId: string;
  /** The other member, for member pairs. */
  otherMemberId?: string;
  /** The department, for department-head pairs. */
  department?: string;
  reasons: PairReason[];
  /** `张三（局长）与李四（副局长）`, `李四（副局长）与分管的财务股负责人`. */
  label: string;
  /** Talks that satisfy the pair, earliest first. */
  talks: Talk[];
  /** A waiver's reason, when the pair is waived. */
  waived?: string;
  done: boolean;
}

export interface TalkCoverage {
  pairs: RequiredPair[];
  done: number;
  /** Required and not waived. */
  required: number;
  missing: RequiredPair[];
  complete: boolean;
  /** The secretary found on the roster (first 书记 by rank), if any. */
  secretaryId?: string;
  /** Chinese sentences, one per missing pair, then roster notes (no 书记 found …). */
  messages: string[];
  /** Talks that answer no requirement (still shown; never counted twice). */
  extraTalks: Talk[];
}

const memberPairKey = (x: string, y: string) => (x < y ? `m:${x}|m:${y}` : `m:${y}|m:${x}`);
const departmentPairKey = (memberId: string, department: string) => `m:${memberId}|d:${compareKey(department)}`;
const branchPairKey = (memberId: string) => `m:${memberId}|b:*`;

/** The required pairs of a meeting with what is done: the one coverage rule the app, documents and `check` read. */
export function talkCoverage(input: { members: readonly RosterMember[]; talks: readonly Talk[]; ruleSet: RuleSet | object }): TalkCoverage {
  const rules = talkRulesOf(input.ruleSet);
  const members = orderedMembers(input.members);
  const label = new Map(members.map((m) => [m.id, targetLabel(m)]));
  const pairs = new Map<string, RequiredPair>();
  const require = (key: string, pair: Omit<RequiredPair, 'key' | 'talks' | 'done' | 'reasons'>, reason: PairReason) => {
    const old = pairs.get(key);
    if (old) {
      if (!old.reasons.includes(reason)) old.reasons.push(reason);
      return;
    }
    pairs.set(key, { key, ...pair, reasons: [reason], talks: [], done: false });
  };

  const secretary = members.find((m) => isSecretaryPosition(m.position));
  const messages: string[] = [];
  for (const [i, m] of members.entries()) {
    for (const o of members.slice(i + 1)) {
      const bySecretary = rules.secretaryWithMembers && secretary !== undefined && (m.id === secretary.id || o.id === secretary.id);
      const pair = { memberId: m.id, otherMemberId: o.id, label: `${label.get(m.id)}与${label.get(o.id)}` };
      if (bySecretary) require(memberPairKey(m.id, o.id), pair, 'secretary');
      if (rules.membersWithEachOther) require(memberPairKey(m.id, o.id), pair, 'members');
    }
    if (rules.membersWithDepartmentHeads) {
      for (const d of parseCharge(m.areas).departments) require(departmentPairKey(m.id, d), { memberId: m.id, department: d, label: `${label.get(m.id)}与分管的${d}负责人` }, 'department');
    }
    if (rules.membersWithBranch) require(branchPairKey(m.id), { memberId: m.id, label: `${label.get(m.id)}与党支部代表` }, 'branch');
  }
  if (rules.secretaryWithMembers && !secretary && members.length > 0) messages.push('班子成员名单中没有职务为“书记”的成员，无法确定书记与班子成员的谈话要求');

  const extraTalks: Talk[] = [];
  const live = input.talks.filter((t) => !t.deletedAt).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const t of live) {
    const keys = pairKeysOf(t);
    const hit = keys.map((k) => pairs.get(k)).filter((p): p is RequiredPair => p !== undefined);
    if (hit.length === 0) extraTalks.push(t);
    for (const p of hit) p.talks.push(t);
  }
  const waived = new Map(rules.waived.map((w) => [w.pair, w.reason]));
  const list = [...pairs.values()];
  for (const p of list) {
    p.waived = waived.get(p.key);
    p.done = p.talks.length > 0;
  }
  const missing = list.filter((p) => !p.done && p.waived === undefined);
  const required = list.filter((p) => p.waived === undefined).length;
  return {
    pairs: list,
    done: list.filter((p) => p.done).length,
    required,
    missing,
    complete: missing.length === 0 && messages.length === 0,
    secretaryId: secretary?.id,
    messages: [...missing.map((p) => `${p.label}尚未谈心谈话（${p.reasons.map((r) => PAIR_REASON_LABELS[r]).join('、')}）`), ...messages],
    extraTalks,
  };
}

/** The requirement keys a talk can satisfy. */
function pairKeysOf(t: Talk): string[] {
  const side = (x: TalkParty, y: TalkParty): string[] => {
    if (x.kind !== 'member') return [];
    if (y.kind === 'member') return [memberPairKey(x.memberId, y.memberId)];
    if (y.kind === 'department-head') return [departmentPairKey(x.memberId, y.department)];
    return [branchPairKey(x.memberId)];
  };
  return [...new Set([...side(t.a, t.b), ...side(t.b, t.a)])];
}

export type MatrixCell = { kind: 'self' } | { kind: 'not-required' } | { kind: 'pair'; done: boolean; waived: boolean; talks: number; date?: string };

export interface TalkMatrix {
  /** Members in rank order: the rows and the first columns. */
  members: Array<{ id: string; label: string; secretary: boolean }>;
  /** rows[i][j]: member i with member j. */
  cells: MatrixCell[][];
  /** Per member (same order): the department-head pairs, done or not. */
  departments: Array<Array<{ department: string; done: boolean; waived: boolean; names: string[] }>>;
  /** Per member: the branch pair, when the rule asks for it. */
  branch: Array<{ done: boolean; waived: boolean } | undefined>;
}

/** The coverage as a member × member matrix plus each member's department heads, for the overview and the audit tab. */
export function talkMatrix(members: readonly RosterMember[], coverage: TalkCoverage): TalkMatrix {
  const ordered = orderedMembers(members);
  const byKey = new Map(coverage.pairs.map((p) => [p.key, p]));
  const cells = ordered.map((m) =>
    ordered.map((o): MatrixCell => {
      if (m.id === o.id) return { kind: 'self' };
      const p = byKey.get(memberPairKey(m.id, o.id));
      return p ? { kind: 'pair', done: p.done, waived: p.waived !== undefined, talks: p.talks.length, date: p.talks[0]?.date } : { kind: 'not-required' };
    }),
  );
  const departments = ordered.map((m) =>
    coverage.pairs
      .filter((p) => p.memberId === m.id && p.department !== undefined)
      .map((p) => ({
        department: p.department!,
        done: p.done,
        waived: p.waived !== undefined,
        names: [...new Set(p.talks.flatMap((t) => [t.a, t.b]).flatMap((x) => (x.kind === 'department-head' ? [x.name] : [])))],
      })),
  );
  const branch = ordered.map((m) => {
    const p = byKey.get(branchPairKey(m.id));
    return p ? { done: p.done, waived: p.waived !== undefined } : undefined;
  });
  return { members: ordered.map((m) => ({ id: m.id, label: targetLabel(m), secretary: m.id === coverage.secretaryId })), cells, departments, branch };
}

/** `谈心谈话应谈 21 对，已谈 18 对，尚缺 3 对` (waived pairs are left out of 应谈). */
export function talkCoverageSentence(c: Pick<TalkCoverage, 'required' | 'missing'>): string {
  const done = c.required - c.missing.length;
  return c.missing.length === 0 ? `谈心谈话应谈${c.required}对，已全部完成` : `谈心谈话应谈${c.required}对，已谈${done}对，尚缺${c.missing.length}对`;
}

/** Problems of one talk against the roster and the opinions it links: Chinese sentences, empty when sound. */
export function talkProblems(
  talk: Talk,
  input: { members: readonly RosterMember[]; opinions: ReadonlyArray<{ id: string; meetingId: string; channel: string; deletedAt?: string }>; plannedDate?: string },
): string[] {
  const problems: string[] = [];
  const members = new Map(input.members.filter((m) => !m.deletedAt).map((m) => [m.id, m]));
  const charged = new Set([...members.values()].flatMap((m) => parseCharge(m.areas).departments.map(compareKey)));
  for (const side of [talk.a, talk.b]) {
    if (side.kind === 'member' && !members.has(side.memberId)) problems.push('谈话人不在本班子成员名单中');
    if (side.kind === 'department-head' && !charged.has(compareKey(side.department))) problems.push(`“${side.department}”不在任何班子成员的分管工作中`);
  }
  if (input.plannedDate && talk.date > input.plannedDate) problems.push('谈话日期晚于民主生活会召开日期');
  const opinions = new Map(input.opinions.map((o) => [o.id, o]));
  for (const id of talk.opinionIds) {
    const o = opinions.get(id);
    if (!o || o.deletedAt || o.meetingId !== talk.meetingId) problems.push('关联的意见不存在或已删除');
    else if (o.channel !== TALK_CHANNEL) problems.push('关联的意见征求方式不是“谈心谈话”');
  }
  return [...new Set(problems)];
}

/** One side of a talk as lists and the change log name it: `张三（局长）`, `财务股负责人王芳`, `机关党支部代表刘洋`. */
export function partyLabel(p: TalkParty, members: readonly Pick<Member, 'id' | 'name' | 'position'>[]): string {
  if (p.kind === 'member') {
    const m = members.find((x) => x.id === p.memberId);
    return m ? targetLabel(m) : '已移除的成员';
  }
  if (p.kind === 'department-head') return `${p.department}负责人${p.name}`;
  return `${p.branch}代表${p.name}`;
}
