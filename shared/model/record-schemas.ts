// The domain records as zod 4 schemas: one definition gives both the runtime check of data from
// outside the app's own database (exchange packages, backups) and the TypeScript type (types.ts
// re-exports the inferred types), so a field cannot be added to one and forgotten in the other.
// Checked with `check` (shared/util/validation.ts), their problems read in the app's message style:
// `字段 content 缺失`, `字段 id 格式不正确（应为UUID）`, `字段 extra 是未知字段`.
import { z } from 'zod';
import { isRealDate, isRealIsoTime } from '../util/dates';
import { arr, bool, dict, int, literal, obj, str } from '../util/validation';
import type { EntityKind } from './record-kinds';
import { RECORD_KINDS } from './record-kinds';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TARGET = /^(group|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DATE_OR_EMPTY = /^(\d{4}-\d{2}-\d{2})?$/;

// Field builders. Each message is the reason only; `check` (shared/util/validation.ts) puts `字段 <path>` before it.
const text = (max = 200) => str({ max });
const id = () => str({ pattern: UUID, patternName: 'UUID' });
// A pattern is not enough: `2025-02-30` and `9999-99-99` match it. Only days that exist pass.
const time = () => str({ pattern: ISO_TIME, patternName: 'ISO 时间' }).refine(isRealIsoTime, { error: (i) => `不是真实存在的日期或时间（${String(i.input)}）` });
const date = () => str({ pattern: DATE_OR_EMPTY, patternName: 'YYYY-MM-DD 日期' }).refine((s) => s === '' || isRealDate(s), { error: (i) => `不是真实存在的日期或时间（${String(i.input)}）` });
const stamps = { createdAt: time(), updatedAt: time(), deletedAt: time().optional() };

export const ruleSetSchema = obj({
  /** Required source categories, in the order lists and documents use. */
  categories: arr(text(40), { max: 50 }),
  /** Channels through which opinions arrive. */
  channels: arr(text(40), { max: 50 }),
  /** Minimum distinct, substantive opinions per category per target. */
  minPerCategory: int({ min: 0, max: 100 }),
  /** Whether the group as a whole is a target that must meet the minimum. */
  groupIsTarget: bool(),
  /** Whether non-substantive opinions (无, 暂无 …) are left out of the counts. */
  excludeNonSubstantive: bool(),
  /** Minimum opinions per named provider and target; `null` when the rule is off. */
  minPerProvider: int({ min: 1, max: 100 }).nullable(),
  /** Phrases that mean "no opinion" and do not count. */
  noOpinionPhrases: arr(text(100), { max: 1000 }),
  /** Phrases of praise; an opinion made only of praise counts but is warned. */
  praisePhrases: arr(text(100), { max: 1000 }),
  /** The 两张清单 are ready for 公示 only when every consolidated opinion is answered (absent: off). */
  requireFullCoverage: bool().optional(),
  /** The meeting's 问题来源 list, in order (absent: the county's six, see shared/model/problems.ts). */
  problemSources: arr(text(40), { max: 20 }).optional(),
  /** Which 谈心谈话 pairs are required (absent: the county's defaults, see shared/model/talks.ts). */
  talks: obj({
    secretaryWithMembers: bool(),
    membersWithEachOther: bool(),
    membersWithDepartmentHeads: bool(),
    membersWithBranch: bool(),
    waived: arr(obj({ pair: text(300), reason: text(500) }), { max: 10_000 }),
  }).optional(),
  /** Thresholds of the 对照检查材料 checks (absent: the defaults, see shared/materials/rules.ts). */
  materials: obj({
    minProblemShare: fraction(),
    answerThreshold: fraction(),
    genericPhrases: arr(text(100), { max: 1000 }),
    maxGenericSentences: int({ min: 0, max: 1000 }),
    planLeadDays: int({ min: 0, max: 365 }),
  }).optional(),
});

/** A share above 0 and at most 1 (the material rules' thresholds). */
function fraction() {
  return z.number({ error: '应为大于 0、不大于 1 的比例' }).refine((v) => v > 0 && v <= 1, { error: '应为大于 0、不大于 1 的比例' });
}

export const unitSchema = obj({
  id: id(),
  name: text(),
  shortName: text(),
  /** 督导组, free text such as `第一督导组`. */
  supervisoryGroup: text(),
  order: int({ min: -1e9, max: 1e9 }),
  ...stamps,
});

export const meetingSchema = obj({
  id: id(),
  unitId: id(),
  year: int({ min: 1990, max: 2200 }),
  title: text(),
  theme: text(1000),
  /** `YYYY-MM-DD` or empty. */
  plannedDate: date(),
  ruleSet: ruleSetSchema,
  /** Label of the 对照检查 dimension set the meeting uses, e.g. `2025年度`. */
  dimensionSet: text(),
  /** The 对照检查 dimensions opinions may be classified under. */
  dimensions: arr(text(500), { max: 100 }),
  status: literal('preparing', 'held'),
  ...stamps,
});

export const memberSchema = obj({
  id: id(),
  meetingId: id(),
  name: text(),
  /** 职务 */
  position: text(),
  /** 分管工作 */
  areas: text(2000),
  /** Rank order in the group: lists are always in this order, never alphabetical. */
  rank: int({ min: -1e9, max: 1e9 }),
  ...stamps,
});

const originSchema = z.discriminatedUnion(
  'kind',
  [
    obj({ kind: z.literal('typed') }),
    obj({ kind: z.literal('pasted') }),
    obj({ kind: z.literal('imported'), file: text(1000), sheet: text(), row: int({ min: 0, max: 10_000_000 }) }),
    obj({ kind: z.literal('package'), file: text(1000) }),
  ],
  { error: '应为 "typed" / "pasted" / "imported" / "package" 之一' },
);

export const opinionSchema = obj({
  id: id(),
  meetingId: id(),
  /** A member id, or `group` (the group as a whole). */
  targetId: str({ pattern: TARGET, patternName: 'UUID 或 group' }),
  category: text(40),
  channel: text(40),
  /** 提出单位或个人 — sensitive; never in leader-facing output unless asked for. */
  provider: text(),
  content: text(20_000),
  /** 对照检查 dimension, or empty. */
  dimension: text(500),
  /** `YYYY-MM-DD` or empty. */
  receivedDate: date(),
  enteredBy: text(),
  origin: originSchema,
  ...stamps,
});

/** What an audit judged: the counts per target and category at that moment. */
const auditSnapshotSchema = obj({
  ready: bool(),
  shortfalls: arr(text(500), { max: 10_000 }),
  zeroTargets: arr(text(500), { max: 10_000 }),
  /** targetId → category → count */
  counts: dict(dict(int({ min: 0, max: 1e9 }), { maxKeys: 100 }), { maxKeys: 1000 }),
  /** A fingerprint of the meeting's data, to tell when the data changed after the verdict. */
  fingerprint: text(200),
  totalOpinions: int({ min: 0, max: 1e9 }),
});

export const auditSchema = obj({
  id: id(),
  meetingId: id(),
  at: time(),
  auditor: text(),
  verdict: literal('pass', 'return'),
  reasons: text(20_000),
  /** Shortfalls and warnings the auditor ticked from the computed list. */
  ticked: arr(text(1000), { max: 10_000 }),
  /** Required when a meeting with shortfalls is marked 通过. */
  overrideReason: text(20_000),
  snapshot: auditSnapshotSchema,
});

/** The change log's kinds of record: those the record registry names (read when a line is checked, so the registry can import this file). */
const isEntityKind = (v: unknown): v is EntityKind => typeof v === 'string' && Object.values(RECORD_KINDS).some((k) => 'entity' in k && k.entity === v);

export const changeLogSchema = obj({
  id: id(),
  at: time(),
  actor: text(),
  entity: z.custom<EntityKind>(isEntityKind, { error: '不是已知的记录类别' }),
  recordId: text(100),
  /** The meeting the record belongs to, when there is one; lets a meeting show its history. */
  meetingId: text(100),
  action: literal('create', 'update', 'delete', 'restore', 'import', 'merge', 'reorder'),
  /** A short Chinese description of the change. */
  summary: text(2000),
});
