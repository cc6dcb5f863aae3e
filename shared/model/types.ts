// The domain records. Every record has a UUID so data from several machines merges by id.
// Times are ISO-8601 strings (UTC); dates a person types (planned date, date received) are
// `YYYY-MM-DD` strings, because they name a calendar day, not an instant.

export type Id = string;

/** The target id that stands for the leadership group as a whole (班子). */
export const GROUP_TARGET = 'group';
/** How the group is called wherever a target is shown. */
export const GROUP_LABEL = '领导班子';

/** Fields every stored record carries. `deletedAt` marks a soft delete (recycle bin). */
export interface Stamped {
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

export interface Unit extends Stamped {
  id: Id;
  name: string;
  shortName: string;
  /** 督导组, free text such as `第一督导组`. */
  supervisoryGroup: string;
  order: number;
}

export interface RuleSet {
  /** Required source categories, in the order lists and documents use. */
  categories: string[];
  /** Channels through which opinions arrive. */
  channels: string[];
  /** Minimum distinct, substantive opinions per category per target. */
  minPerCategory: number;
  /** Whether the group as a whole is a target that must meet the minimum. */
  groupIsTarget: boolean;
  /** Whether non-substantive opinions (无, 暂无 …) are left out of the counts. */
  excludeNonSubstantive: boolean;
  /** Minimum opinions per named provider and target; `null` when the rule is off. */
  minPerProvider: number | null;
  /** Phrases that mean "no opinion" and do not count. */
  noOpinionPhrases: string[];
  /** Phrases of praise; an opinion made only of praise counts but is warned. */
  praisePhrases: string[];
  /** 谈心谈话 requirements (read with defaults by talkRulesOf); absent: the county rule. */
  talks?: TalkRules;
  /** 对照检查材料 and 会前准备 options (read with defaults by materialRulesOf); absent: the defaults. */
  materials?: MaterialRules;
}

export type MeetingStatus = 'preparing' | 'held';

export interface Meeting extends Stamped {
  id: Id;
  unitId: Id;
  year: number;
  title: string;
  theme: string;
  /** `YYYY-MM-DD` or empty. */
  plannedDate: string;
  ruleSet: RuleSet;
  /** Label of the 对照检查 dimension set the meeting uses, e.g. `2025年度`. */
  dimensionSet: string;
  /** The 对照检查 dimensions opinions may be classified under. */
  dimensions: string[];
  status: MeetingStatus;
}

export interface Member extends Stamped {
  id: Id;
  meetingId: Id;
  name: string;
  /** 职务 */
  position: string;
  /** 分管工作 */
  areas: string;
  /** Rank order in the group: lists are always in this order, never alphabetical. */
  rank: number;
}

export type OpinionOrigin =
  | { kind: 'typed' }
  | { kind: 'pasted' }
  | { kind: 'imported'; file: string; sheet: string; row: number }
  | { kind: 'package'; file: string };

export interface Opinion extends Stamped {
  id: Id;
  meetingId: Id;
  /** A member id, or {@link GROUP_TARGET}. */
  targetId: Id;
  category: string;
  channel: string;
  /** 提出单位或个人 — sensitive; never in leader-facing output unless asked for. */
  provider: string;
  content: string;
  /** 对照检查 dimension, or empty. */
  dimension: string;
  /** `YYYY-MM-DD` or empty. */
  receivedDate: string;
  enteredBy: string;
  origin: OpinionOrigin;
}

export type Verdict = 'pass' | 'return';

/** What an audit judged: the counts per target and category at that moment. */
export interface AuditSnapshot {
  ready: boolean;
  shortfalls: string[];
  zeroTargets: string[];
  /** targetId → category → count */
  counts: Record<string, Record<string, number>>;
  /** A fingerprint of the meeting's data, to tell when the data changed after the verdict. */
  fingerprint: string;
  totalOpinions: number;
}

export interface Audit {
  id: Id;
  meetingId: Id;
  at: string;
  auditor: string;
  verdict: Verdict;
  reasons: string;
  /** Shortfalls and warnings the auditor ticked from the computed list. */
  ticked: string[];
  /** Required when a meeting with shortfalls is marked 通过. */
  overrideReason: string;
  snapshot: AuditSnapshot;
}

export type { EntityKind } from './record-kinds';
import type { TalkRules } from './talks';
import type { MaterialRules } from '../materials/rules';
import type { EntityKind } from './record-kinds';
export type ChangeAction = 'create' | 'update' | 'delete' | 'restore' | 'import' | 'merge' | 'reorder';

/** One append-only change-log line: who changed which record when. */
export interface ChangeLogEntry {
  id: Id;
  at: string;
  actor: string;
  entity: EntityKind;
  recordId: Id;
  /** The meeting the record belongs to, when there is one; lets a meeting show its history. */
  meetingId: Id;
  action: ChangeAction;
  /** A short Chinese description of the change. */
  summary: string;
}
