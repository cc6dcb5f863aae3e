// Runtime validators of the domain records, for data that comes from outside the app's own
// database (exchange packages, backups). `satisfies` ties each one to its type, so a field added
// to a type without a validator fails to compile.
import { isRealDate, isRealIsoTime } from '../util/dates';
import { arr, bool, dict, int, literal, nullable, obj, optional, SchemaError, str, tagged, type Validator } from '../util/schema';
import type { Audit, AuditSnapshot, ChangeLogEntry, Meeting, Member, Opinion, RuleSet, Unit } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DATE_OR_EMPTY = /^(\d{4}-\d{2}-\d{2})?$/;

export const idField = () => str({ pattern: UUID, patternName: 'UUID' });
const targetField = () => str({ pattern: /^(group|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, patternName: 'UUID 或 group' });
// A pattern is not enough: `2025-02-30` and `9999-99-99` match it. Only days that exist pass.
const time = (): Validator<string> => realDay(str({ pattern: ISO_TIME, patternName: 'ISO 时间' }), isRealIsoTime);
const date = (): Validator<string> => realDay(str({ pattern: DATE_OR_EMPTY, patternName: 'YYYY-MM-DD 日期' }), (s) => s === '' || isRealDate(s));
function realDay(base: Validator<string>, real: (s: string) => boolean): Validator<string> {
  return (v, path) => {
    const s = base(v, path);
    if (!real(s)) throw new SchemaError(path, `不是真实存在的日期或时间（${s}）`);
    return s;
  };
}
const text = (max = 200) => str({ max });
const stamps = { createdAt: time(), updatedAt: time(), deletedAt: optional(time()) };

export const ruleSetSchema = obj({
  categories: arr(text(40), { max: 50 }),
  channels: arr(text(40), { max: 50 }),
  minPerCategory: int({ min: 0, max: 100 }),
  groupIsTarget: bool(),
  excludeNonSubstantive: bool(),
  minPerProvider: nullable(int({ min: 1, max: 100 })),
  noOpinionPhrases: arr(text(100), { max: 1000 }),
  praisePhrases: arr(text(100), { max: 1000 }),
  talks: optional(
    obj({
      secretaryWithMembers: bool(),
      membersWithEachOther: bool(),
      membersWithDepartmentHeads: bool(),
      membersWithBranch: bool(),
      waived: arr(obj({ pair: text(300), reason: text(500) }), { max: 10_000 }),
    }),
  ),
  materials: optional(
    obj({
      minProblemShare: fraction(),
      answerThreshold: fraction(),
      genericPhrases: arr(text(100), { max: 1000 }),
      maxGenericSentences: int({ min: 0, max: 1000 }),
      planLeadDays: int({ min: 0, max: 365 }),
    }),
  ),
}) satisfies Validator<RuleSet>;

/** A share above 0 and at most 1 (the material rules' thresholds). */
function fraction(): Validator<number> {
  return (v, path) => {
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) throw new SchemaError(path, '应为大于 0、不大于 1 的比例');
    return v;
  };
}

export const unitSchema = obj({
  id: idField(),
  name: text(),
  shortName: text(),
  supervisoryGroup: text(),
  order: int({ min: -1e9, max: 1e9 }),
  ...stamps,
}) satisfies Validator<Unit>;

export const meetingSchema = obj({
  id: idField(),
  unitId: idField(),
  year: int({ min: 1990, max: 2200 }),
  title: text(),
  theme: text(1000),
  plannedDate: date(),
  ruleSet: ruleSetSchema,
  dimensionSet: text(),
  dimensions: arr(text(500), { max: 100 }),
  status: literal('preparing', 'held'),
  ...stamps,
}) satisfies Validator<Meeting>;

export const memberSchema = obj({
  id: idField(),
  meetingId: idField(),
  name: text(),
  position: text(),
  areas: text(2000),
  rank: int({ min: -1e9, max: 1e9 }),
  ...stamps,
}) satisfies Validator<Member>;

export const originSchema = tagged('kind', {
  typed: obj({ kind: literal('typed') }),
  pasted: obj({ kind: literal('pasted') }),
  imported: obj({ kind: literal('imported'), file: text(1000), sheet: text(), row: int({ min: 0, max: 10_000_000 }) }),
  package: obj({ kind: literal('package'), file: text(1000) }),
}) satisfies Validator<Opinion['origin']>;

export const opinionSchema = obj({
  id: idField(),
  meetingId: idField(),
  targetId: targetField(),
  category: text(40),
  channel: text(40),
  provider: text(),
  content: str({ max: 20_000 }),
  dimension: text(500),
  receivedDate: date(),
  enteredBy: text(),
  origin: originSchema,
  ...stamps,
}) satisfies Validator<Opinion>;

export const auditSnapshotSchema = obj({
  ready: bool(),
  shortfalls: arr(text(500), { max: 10_000 }),
  zeroTargets: arr(text(500), { max: 10_000 }),
  counts: dict(dict(int({ min: 0, max: 1e9 }), { maxKeys: 100 }), { maxKeys: 1000 }),
  fingerprint: text(200),
  totalOpinions: int({ min: 0, max: 1e9 }),
}) satisfies Validator<AuditSnapshot>;

export const auditSchema = obj({
  id: idField(),
  meetingId: idField(),
  at: time(),
  auditor: text(),
  verdict: literal('pass', 'return'),
  reasons: str({ max: 20_000 }),
  ticked: arr(text(1000), { max: 10_000 }),
  overrideReason: str({ max: 20_000 }),
  snapshot: auditSnapshotSchema,
}) satisfies Validator<Audit>;

export const changeLogSchema = obj({
  id: idField(),
  at: time(),
  actor: text(),
  entity: literal('unit', 'meeting', 'member', 'opinion', 'audit', 'consolidated', 'problem', 'ledger-entry', 'progress', 'talk', 'preparation', 'material'),
  recordId: str({ max: 100 }),
  meetingId: str({ max: 100 }),
  action: literal('create', 'update', 'delete', 'restore', 'import', 'merge', 'reorder'),
  summary: text(2000),
}) satisfies Validator<ChangeLogEntry>;
