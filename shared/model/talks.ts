// 谈心谈话 records: who talked with whom, when, a short note, and the opinions raised in the talk
// (channel 谈心谈话). A side of a talk is a roster member, the named head of a department in a
// member's 分管工作, or a named party-branch representative. Schemas are zod 4 with Chinese
// messages, types inferred, as in problems.ts. Links to opinions live on the talk, so the existing
// opinion record and its validators stay as they are.
import { z } from 'zod';
import { zDate, zId, zStamps, zText } from './zod-fields';

/** The channel an opinion raised in a talk carries. */
export const TALK_CHANNEL = '谈心谈话';

export const talkPartySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('member'), memberId: zId('谈话人（班子成员）编号') }, { error: '谈话人应为对象' }),
    z.strictObject(
      {
        kind: z.literal('department-head'),
        /** The department as it is written in a member's 分管工作 (办公室, 财务股 …). */
        department: zText('部门', 60, true),
        /** The head's name (a person, not a post: supervisors check who was talked to). */
        name: zText('部门负责人姓名', 40, true),
      },
      { error: '谈话人应为对象' },
    ),
    z.strictObject({ kind: z.literal('branch'), branch: zText('党支部', 60, true), name: zText('党支部代表姓名', 40, true) }, { error: '谈话人应为对象' }),
  ],
  { error: '谈话人类型应为 班子成员 / 分管部门负责人 / 党支部代表 之一' },
);
export type TalkParty = z.infer<typeof talkPartySchema>;

export const talkSchema = z
  .strictObject(
    {
      id: zId('编号'),
      meetingId: zId('会议编号'),
      /** The day of the talk. */
      date: zDate('谈话日期'),
      a: talkPartySchema,
      b: talkPartySchema,
      /** 谈话要点: short, internal (never in leader-facing output). */
      note: zText('谈话要点', 2000),
      /** Opinions raised in the talk (channel 谈心谈话), by id. */
      opinionIds: z.array(zId('意见编号'), { error: '关联意见应为列表' }).max(1000, { error: '关联意见过多' }),
      ...zStamps,
    },
    { error: '谈心谈话记录应为对象' },
  )
  .refine((t) => t.a.kind === 'member' || t.b.kind === 'member', { error: '谈心谈话至少一方应为班子成员', path: ['a'] })
  .refine((t) => partyKey(t.a) !== partyKey(t.b), { error: '谈话双方不能是同一人', path: ['b'] });
export type Talk = z.infer<typeof talkSchema>;

/** A stable key of one side: `m:<id>`, `d:<department>:<name>`, `b:<branch>:<name>` (trimmed). */
export function partyKey(p: TalkParty): string {
  if (p.kind === 'member') return `m:${p.memberId}`;
  if (p.kind === 'department-head') return `d:${p.department.trim()}:${p.name.trim()}`;
  return `b:${p.branch.trim()}:${p.name.trim()}`;
}

/** Which pairs a meeting requires (rule-set options, read with defaults: see talkRulesOf). */
export interface TalkRules {
  /** 书记 ↔ every other member. */
  secretaryWithMembers: boolean;
  /** Every member ↔ every other member. */
  membersWithEachOther: boolean;
  /** Every member ↔ the head of each department in their 分管工作. */
  membersWithDepartmentHeads: boolean;
  /** Every member ↔ at least one party-branch representative (off in the county rule). */
  membersWithBranch: boolean;
  /** Required pairs waived with a reason (e.g. a member on long sick leave), by requirement key (see requiredTalkPairs). */
  waived: ReadonlyArray<{ pair: string; reason: string }>;
}

export const DEFAULT_TALK_RULES: TalkRules = {
  secretaryWithMembers: true,
  membersWithEachOther: true,
  membersWithDepartmentHeads: true,
  membersWithBranch: false,
  waived: [],
};

/** The rule set's `talks` option read with its defaults; the existing rule-set validator is untouched. */
export function talkRulesOf(ruleSet: object): TalkRules {
  const raw = (ruleSet as { talks?: unknown }).talks;
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_TALK_RULES };
  const r = raw as Record<string, unknown>;
  const flag = (k: keyof TalkRules, d: boolean) => (typeof r[k] === 'boolean' ? (r[k] as boolean) : d);
  const waived = Array.isArray(r.waived)
    ? r.waived.filter((w): w is { pair: string; reason: string } => typeof w === 'object' && w !== null && typeof w.pair === 'string' && typeof w.reason === 'string')
    : [];
  return {
    secretaryWithMembers: flag('secretaryWithMembers', DEFAULT_TALK_RULES.secretaryWithMembers),
    membersWithEachOther: flag('membersWithEachOther', DEFAULT_TALK_RULES.membersWithEachOther),
    membersWithDepartmentHeads: flag('membersWithDepartmentHeads', DEFAULT_TALK_RULES.membersWithDepartmentHeads),
    membersWithBranch: flag('membersWithBranch', DEFAULT_TALK_RULES.membersWithBranch),
    waived,
  };
}
