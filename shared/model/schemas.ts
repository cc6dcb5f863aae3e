// The domain records as zod 4 schemas: one definition gives both the runtime check of data from
// outside the app's own database (exchange packages, backups) and the TypeScript type (types.ts
// re-exports the inferred types), so a field cannot be added to one and forgotten in the other.
// The exported `…Schema` validators keep the app's message style: `字段 content 缺失`,
// `字段 id 格式不正确（应为UUID）`, `字段 extra 是未知字段` (see recordValidator below).
import { z } from 'zod';
import { isRealDate, isRealIsoTime } from '../util/dates';
import { SchemaError, type Validator } from '../util/schema';
import type { EntityKind } from './record-kinds';
import { RECORD_KINDS } from './record-kinds';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TARGET = /^(group|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DATE_OR_EMPTY = /^(\d{4}-\d{2}-\d{2})?$/;

// Field builders. Each message is the reason only; the adapter puts `字段 <path>` before it.
const text = (max = 200) => z.string({ error: '应为文本' }).max(max, { error: `过长（最多 ${max} 个字符）` });
const patterned = (pattern: RegExp, name: string) => z.string({ error: '应为文本' }).max(100_000, { error: '过长（最多 100000 个字符）' }).regex(pattern, { error: `格式不正确（应为${name}）` });
const id = () => patterned(UUID, 'UUID');
// A pattern is not enough: `2025-02-30` and `9999-99-99` match it. Only days that exist pass.
const time = () => patterned(ISO_TIME, 'ISO 时间').refine(isRealIsoTime, { error: (i) => `不是真实存在的日期或时间（${String(i.input)}）` });
const date = () => patterned(DATE_OR_EMPTY, 'YYYY-MM-DD 日期').refine((s) => s === '' || isRealDate(s), { error: (i) => `不是真实存在的日期或时间（${String(i.input)}）` });
const int = (min: number, max: number) =>
  z
    .number({ error: '应为整数' })
    .int({ error: '应为整数' })
    .min(min, { error: `不能小于 ${min}` })
    .max(max, { error: `不能大于 ${max}` });
const bool = () => z.boolean({ error: '应为是或否（布尔值）' });
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item, { error: '应为列表' }).max(max, { error: `条目过多（最多 ${max} 条）` });
const oneOf = <const T extends readonly [string, ...string[]]>(...values: T) => z.enum(values, { error: `应为 ${values.map((v) => JSON.stringify(v)).join(' / ')} 之一` });
const record = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape, { error: '应为对象' });
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A record of string keys (no keys that could reach an object's prototype). */
const dict = <T extends z.ZodType>(inner: T, maxKeys: number) =>
  z
    .record(z.string(), inner, { error: '应为对象' })
    .refine((d) => Object.keys(d).length <= maxKeys, { error: '键过多' })
    .refine((d) => !Object.keys(d).some((k) => UNSAFE_KEYS.has(k)), { error: '是不允许的键名' });
const stamps = { createdAt: time(), updatedAt: time(), deletedAt: time().optional() };

export const ruleSetRecord = record({
  /** Required source categories, in the order lists and documents use. */
  categories: list(text(40), 50),
  /** Channels through which opinions arrive. */
  channels: list(text(40), 50),
  /** Minimum distinct, substantive opinions per category per target. */
  minPerCategory: int(0, 100),
  /** Whether the group as a whole is a target that must meet the minimum. */
  groupIsTarget: bool(),
  /** Whether non-substantive opinions (无, 暂无 …) are left out of the counts. */
  excludeNonSubstantive: bool(),
  /** Minimum opinions per named provider and target; `null` when the rule is off. */
  minPerProvider: int(1, 100).nullable(),
  /** Phrases that mean "no opinion" and do not count. */
  noOpinionPhrases: list(text(100), 1000),
  /** Phrases of praise; an opinion made only of praise counts but is warned. */
  praisePhrases: list(text(100), 1000),
  /** The 两张清单 are ready for 公示 only when every consolidated opinion is answered (absent: off). */
  requireFullCoverage: bool().optional(),
  /** The meeting's 问题来源 list, in order (absent: the county's six, see shared/model/problems.ts). */
  problemSources: list(text(40), 20).optional(),
  /** Which 谈心谈话 pairs are required (absent: the county's defaults, see shared/model/talks.ts). */
  talks: record({
    secretaryWithMembers: bool(),
    membersWithEachOther: bool(),
    membersWithDepartmentHeads: bool(),
    membersWithBranch: bool(),
    waived: list(record({ pair: text(300), reason: text(500) }), 10_000),
  }).optional(),
  /** Thresholds of the 对照检查材料 checks (absent: the defaults, see shared/materials/rules.ts). */
  materials: record({
    minProblemShare: fraction(),
    answerThreshold: fraction(),
    genericPhrases: list(text(100), 1000),
    maxGenericSentences: int(0, 1000),
    planLeadDays: int(0, 365),
  }).optional(),
});

/** A share above 0 and at most 1 (the material rules' thresholds). */
function fraction() {
  return z.number({ error: '应为大于 0、不大于 1 的比例' }).refine((v) => v > 0 && v <= 1, { error: '应为大于 0、不大于 1 的比例' });
}

export const unitRecord = record({
  id: id(),
  name: text(),
  shortName: text(),
  /** 督导组, free text such as `第一督导组`. */
  supervisoryGroup: text(),
  order: int(-1e9, 1e9),
  ...stamps,
});

export const meetingRecord = record({
  id: id(),
  unitId: id(),
  year: int(1990, 2200),
  title: text(),
  theme: text(1000),
  /** `YYYY-MM-DD` or empty. */
  plannedDate: date(),
  ruleSet: ruleSetRecord,
  /** Label of the 对照检查 dimension set the meeting uses, e.g. `2025年度`. */
  dimensionSet: text(),
  /** The 对照检查 dimensions opinions may be classified under. */
  dimensions: list(text(500), 100),
  status: oneOf('preparing', 'held'),
  ...stamps,
});

export const memberRecord = record({
  id: id(),
  meetingId: id(),
  name: text(),
  /** 职务 */
  position: text(),
  /** 分管工作 */
  areas: text(2000),
  /** Rank order in the group: lists are always in this order, never alphabetical. */
  rank: int(-1e9, 1e9),
  ...stamps,
});

const originRecord = z.discriminatedUnion(
  'kind',
  [
    record({ kind: z.literal('typed') }),
    record({ kind: z.literal('pasted') }),
    record({ kind: z.literal('imported'), file: text(1000), sheet: text(), row: int(0, 10_000_000) }),
    record({ kind: z.literal('package'), file: text(1000) }),
  ],
  { error: '应为 "typed" / "pasted" / "imported" / "package" 之一' },
);

export const opinionRecord = record({
  id: id(),
  meetingId: id(),
  /** A member id, or `group` (the group as a whole). */
  targetId: patterned(TARGET, 'UUID 或 group'),
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
  origin: originRecord,
  ...stamps,
});

/** What an audit judged: the counts per target and category at that moment. */
const auditSnapshotRecord = record({
  ready: bool(),
  shortfalls: list(text(500), 10_000),
  zeroTargets: list(text(500), 10_000),
  /** targetId → category → count */
  counts: dict(dict(int(0, 1e9), 100), 1000),
  /** A fingerprint of the meeting's data, to tell when the data changed after the verdict. */
  fingerprint: text(200),
  totalOpinions: int(0, 1e9),
});

export const auditRecord = record({
  id: id(),
  meetingId: id(),
  at: time(),
  auditor: text(),
  verdict: oneOf('pass', 'return'),
  reasons: text(20_000),
  /** Shortfalls and warnings the auditor ticked from the computed list. */
  ticked: list(text(1000), 10_000),
  /** Required when a meeting with shortfalls is marked 通过. */
  overrideReason: text(20_000),
  snapshot: auditSnapshotRecord,
});

/** The change log's kinds of record: those the record registry names (read when a line is checked, so the registry can import this file). */
const isEntityKind = (v: unknown): v is EntityKind => typeof v === 'string' && Object.values(RECORD_KINDS).some((k) => 'entity' in k && k.entity === v);

export const changeLogRecord = record({
  id: id(),
  at: time(),
  actor: text(),
  entity: z.custom<EntityKind>(isEntityKind, { error: '不是已知的记录类别' }),
  recordId: text(100),
  /** The meeting the record belongs to, when there is one; lets a meeting show its history. */
  meetingId: text(100),
  action: oneOf('create', 'update', 'delete', 'restore', 'import', 'merge', 'reorder'),
  /** A short Chinese description of the change. */
  summary: text(2000),
});

/** A path as the app writes it: `origin.row`, `ticked[3]`. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

/** Whether the last key of `path` is not an own property of the object the rest of the path leads to. */
function isAbsent(value: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let parent: unknown = value;
  for (const key of path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? (parent as Record<PropertyKey, unknown>)[key] : undefined;
  return typeof parent === 'object' && parent !== null && !Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]!);
}

/** A record schema as the app's Validator: the value, or a SchemaError with the field's path and the reason in Chinese. */
function recordValidator<T>(schema: z.ZodType<T>): Validator<T> {
  return (value, path) => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const at = pathText(issue.path);
    const full = (key: string) => [path, at, key].filter((p) => p !== '').join('.');
    if (issue.code === 'unrecognized_keys') throw new SchemaError(full(issue.keys[0]!), '是未知字段');
    // A missing field: zod reports it as the wrong type; the field is absent from its object.
    if (issue.code === 'invalid_type' && issue.path.length > 0 && isAbsent(value, issue.path)) throw new SchemaError(full(''), '缺失');
    throw new SchemaError(full(''), issue.message);
  };
}

export const ruleSetSchema = recordValidator(ruleSetRecord);
export const unitSchema = recordValidator(unitRecord);
export const meetingSchema = recordValidator(meetingRecord);
export const memberSchema = recordValidator(memberRecord);
export const opinionSchema = recordValidator(opinionRecord);
export const auditSchema = recordValidator(auditRecord);
export const changeLogSchema = recordValidator(changeLogRecord);
