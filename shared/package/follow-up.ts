// The records of the second half of the practice (梳理, 查摆问题, 整改台账 and its progress, 谈心谈话,
// 会前准备, 对照检查材料) as they travel in packages (format 2) and backups: the references that must
// hold inside one content, and the records of one meeting as the summary reads them.
import type { LedgerEntry, ProgressEntry } from '../model/ledger';
import type { MaterialRecord, MeetingPreparation } from '../model/preparation';
import type { ConsolidatedOpinion, ProblemItem } from '../model/problems';
import { RECORD_KINDS } from '../model/record-kinds';
import type { Talk, TalkParty } from '../model/talks';
import { GROUP_TARGET, type Opinion } from '../model/types';
import type { FollowUpRecords } from '../supervision/summary';
import { groupByMeeting } from '../util/group-by';

/** The follow-up tables of a content, in the registry's order. */
export const FOLLOW_UP_TABLES = ['consolidatedOpinions', 'problems', 'ledgerEntries', 'progressEntries', 'talks', 'preparations', 'materials'] as const;

/** Whether a table is one of the follow-up tables (format 2; empty in a format-1 package). */
export function isFollowUpTable(table: string): table is (typeof FOLLOW_UP_TABLES)[number] {
  return (FOLLOW_UP_TABLES as readonly string[]).includes(table);
}

export interface FollowUpContent {
  consolidatedOpinions: ConsolidatedOpinion[];
  problems: ProblemItem[];
  ledgerEntries: LedgerEntry[];
  progressEntries: ProgressEntry[];
  talks: Talk[];
  preparations: MeetingPreparation[];
  materials: MaterialRecord[];
}

/** No follow-up records (a format-1 package, a backup of schema v2). */
export function emptyFollowUp(): FollowUpContent {
  return { consolidatedOpinions: [], problems: [], ledgerEntries: [], progressEntries: [], talks: [], preparations: [], materials: [] };
}

/**
 * The follow-up records of each meeting, as computeMeetingSummary takes them (`followUp`): one pass
 * over the content, then a lookup per meeting. Missing tables count as empty.
 */
export function followUpByMeeting(content: Partial<FollowUpContent>): (meetingId: string) => FollowUpRecords {
  const consolidated = groupByMeeting(content.consolidatedOpinions ?? []);
  const problems = groupByMeeting(content.problems ?? []);
  const ledgerEntries = groupByMeeting(content.ledgerEntries ?? []);
  const progressEntries = groupByMeeting(content.progressEntries ?? []);
  const talks = groupByMeeting(content.talks ?? []);
  const preparations = groupByMeeting(content.preparations ?? []);
  const materials = groupByMeeting(content.materials ?? []);
  return (id) => ({
    consolidated: consolidated.get(id) ?? [],
    problems: problems.get(id) ?? [],
    ledgerEntries: ledgerEntries.get(id) ?? [],
    progressEntries: progressEntries.get(id) ?? [],
    talks: talks.get(id) ?? [],
    preparations: preparations.get(id) ?? [],
    materials: materials.get(id) ?? [],
  });
}

/** What the follow-up check needs of the rest of the content. */
interface Context {
  /** Member ids of each meeting present. */
  membersOf: ReadonlyMap<string, ReadonlySet<string>>;
  opinions: readonly Opinion[];
  place: string;
}

const short = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

/**
 * The first broken reference among the follow-up records, in Chinese, or undefined: every record's
 * meeting present; targets the group or a member of that meeting; a consolidated opinion's raw
 * opinions, a problem's consolidated opinions, a ledger entry's problem, a progress entry's ledger
 * entry and a talk's opinions and members all of the same meeting. (History links — mergedFrom,
 * splitFrom, carriedFrom — name records that may lie outside the content and are not checked.)
 */
export function followUpReferenceProblem(c: Partial<FollowUpContent>, ctx: Context): string | undefined {
  const { membersOf, place } = ctx;
  for (const table of FOLLOW_UP_TABLES) {
    for (const r of c[table] ?? []) {
      if (!membersOf.has(r.meetingId)) return `${RECORD_KINDS[table].label} ${r.id} 所属的会议不在${place}`;
    }
  }
  const validTarget = (meetingId: string, targetId: string) => targetId === GROUP_TARGET || membersOf.get(meetingId)!.has(targetId);
  const meetingOfOpinion = new Map(ctx.opinions.map((o) => [o.id, o.meetingId]));
  const meetingOfConsolidated = new Map<string, string>();
  for (const r of c.consolidatedOpinions ?? []) {
    if (!validTarget(r.meetingId, r.targetId)) return `梳理后意见“${short(r.text)}”的意见对象不在该会议的班子成员中`;
    const stray = r.sourceIds.find((id) => meetingOfOpinion.get(id) !== r.meetingId);
    if (stray !== undefined) return `梳理后意见“${short(r.text)}”合并的原始意见 ${stray} 不在该会议的意见中`;
    meetingOfConsolidated.set(r.id, r.meetingId);
  }
  const meetingOfProblem = new Map<string, string>();
  for (const p of c.problems ?? []) {
    if (!validTarget(p.meetingId, p.targetId)) return `查摆问题“${short(p.description)}”的对象不在该会议的班子成员中`;
    const stray = p.consolidatedIds.find((id) => meetingOfConsolidated.get(id) !== p.meetingId);
    if (stray !== undefined) return `查摆问题“${short(p.description)}”关联的梳理后意见 ${stray} 不在该会议中`;
    meetingOfProblem.set(p.id, p.meetingId);
  }
  const meetingOfEntry = new Map<string, string>();
  for (const e of c.ledgerEntries ?? []) {
    if (!validTarget(e.meetingId, e.targetId)) return `整改台账 ${short(e.accountNumber)} 的对象不在该会议的班子成员中`;
    if (meetingOfProblem.get(e.problemId) !== e.meetingId) return `整改台账 ${short(e.accountNumber)} 对应的查摆问题不在该会议中`;
    meetingOfEntry.set(e.id, e.meetingId);
  }
  for (const p of c.progressEntries ?? []) {
    if (meetingOfEntry.get(p.entryId) !== p.meetingId) return `整改进展 ${p.id} 对应的台账条目不在该会议中`;
  }
  const partyOk = (meetingId: string, p: TalkParty) => p.kind !== 'member' || membersOf.get(meetingId)!.has(p.memberId);
  for (const t of c.talks ?? []) {
    if (!partyOk(t.meetingId, t.a) || !partyOk(t.meetingId, t.b)) return `谈心谈话 ${t.id} 的谈话人不在该会议的班子成员中`;
    const stray = t.opinionIds.find((id) => meetingOfOpinion.get(id) !== t.meetingId);
    if (stray !== undefined) return `谈心谈话 ${t.id} 关联的意见 ${stray} 不在该会议的意见中`;
  }
  for (const m of c.materials ?? []) {
    if (!validTarget(m.meetingId, m.targetId)) return `对照检查材料“${short(m.title)}”的对象不在该会议的班子成员中`;
  }
  return undefined;
}
