// Merging exchange packages into data that already exists, as a pure plan: records merge by id;
// what changed on only one side since the last exchange is taken from that side; a record changed
// on both sides is a conflict the user resolves by choice — nothing is silently overwritten.
//
// The merge base: for each record, the hash of the version last received from (or sent in) a
// package. With it, for a record present on both sides and different:
//   local unchanged since the base (local = base)   → take the incoming version  (update)
//   incoming is the base (the other side did not change it) → keep the local one (keep)
//   both changed, or no base at all                 → conflict
// Soft deletes are ordinary changes (`deletedAt`), so a record deleted on one side goes to the
// recycle bin on the other, never vanishes. Records the package does not carry are left alone.
// Append-only kinds never update: change-log lines keep ours, progress entries are a union by id
// (a differing one is a conflict); a ledger entry both sides changed is judged by the ledger's rule.
import type { LedgerEntry, ProgressEntry } from '../model/ledger';
import { GROUP_LABEL, GROUP_TARGET } from '../model/types';
import { canonicalJson } from '../util/canonical-json';
import { hash64 } from '../util/hash64';
import { PACKAGE_TABLE_LABELS, PACKAGE_TABLES, emptyContent, type PackageContent } from './format';
import { decideLedgerEntry, decideProgressEntry, describeFollowUp, FOLLOW_UP_FIELD_LABELS } from './merge-follow-up';

export type MergeTable = (typeof PACKAGE_TABLES)[number];
type RecordOf<T extends MergeTable> = PackageContent[T][number];
type AnyRecord = RecordOf<MergeTable>;

/** add: new here · update: take the incoming version · same: identical · keep: incoming is old, keep ours · conflict: both changed. */
export type MergeAction = 'add' | 'update' | 'same' | 'keep' | 'conflict';

/** The key of a record's merge base: `opinions:<uuid>`. */
export function baseKey(table: MergeTable, id: string): string {
  return `${table}:${id}`;
}

/**
 * Merge bases are stored in groups, one row per meeting (its meeting, members, opinions and
 * audits) plus one for all units: 300 rows for a county instead of 100,000 (IndexedDB writes
 * cost about 0.1 ms a row, whatever their size). The change log and progress entries have no
 * bases: they never change.
 */
export function baseGroup(table: MergeTable, record: AnyRecord): string | undefined {
  switch (table) {
    case 'units':
      return 'units';
    case 'meetings':
      return `meeting:${record.id}`;
    case 'changeLog':
    case 'progressEntries':
      return undefined;
    default:
      return `meeting:${(record as { meetingId: string }).meetingId}`;
  }
}

/**
 * The hash a merge base stores: a 64-bit hash of the record's canonical JSON. Not cryptographic:
 * an accidental collision among a county's records is about 1 in 10⁹, and a forged one could at
 * most make an update look old (kept, not overwritten) — the package checksum guards the file.
 */
export function recordHash(record: object): string {
  return hash64(canonicalJson(record));
}

export interface MergeConflict {
  table: MergeTable;
  id: string;
  /** `意见“理论学习不够…”` */
  label: string;
  local: AnyRecord;
  incoming: AnyRecord;
  /** The fields that differ, in Chinese (`内容`, `删除时间` …). */
  fields: string[];
  /** Why it is a conflict, where a kind's own rule says more than the fields (a ledger status changed on both sides). */
  message?: string;
}

export type MergeCounts = Record<MergeTable, Record<MergeAction, number>>;

export interface MergePlan {
  incoming: PackageContent;
  counts: MergeCounts;
  conflicts: MergeConflict[];
  /** The decided action of every incoming record, by base key. */
  actions: Map<string, MergeAction>;
  /** Hash of the local version each decision was made against (absent: no local record). */
  localHashes: Map<string, string>;
  /** Hash of every incoming record: its merge base once written. */
  incomingHashes: Map<string, string>;
  /** Things to know that are not conflicts (a unit with the same name under another id …). */
  notes: string[];
  /** Every update, with the fields it changes (before → after), for the preview. */
  updates: MergeUpdate[];
  /**
   * Why the whole package is refused, or undefined: a record whose id exists here under another
   * unit, meeting or record kind. Nothing of a refused plan may be written.
   */
  refusal: string | undefined;
  /** Each record behind the refusal, one sentence each (empty when not refused). */
  identityProblems: string[];
}

/** One field an update changes. `before` is the local value, `after` the package's. */
interface FieldChange {
  key: string;
  /** The field in Chinese (`内容`, `删除（回收站）` …). */
  field: string;
  before: unknown;
  after: unknown;
}

export interface MergeUpdate {
  table: MergeTable;
  id: string;
  label: string;
  changes: FieldChange[];
}

/** The local side of a merge: the local versions of the incoming records' ids, and their merge bases. */
export interface LocalSide {
  get: (table: MergeTable, id: string) => AnyRecord | undefined;
  base: (key: string) => string | undefined;
  /** Names of the live local units, to point out the same unit created twice under two ids. */
  unitNames: ReadonlyMap<string, string>;
  /** The table in which a local record with this id exists (any table), or undefined. */
  tableOf: (id: string) => MergeTable | undefined;
}

/**
 * Plans a merge of incoming content into local data: what each record would become, the counts
 * for the preview, and every conflict with both versions. Opening the same package twice plans
 * nothing the second time (every record is `same`, or `keep` where ours changed since).
 */
export function planMerge(incoming: PackageContent, local: LocalSide): MergePlan {
  const counts = {} as MergeCounts;
  const conflicts: MergeConflict[] = [];
  const actions = new Map<string, MergeAction>();
  const localHashes = new Map<string, string>();
  const incomingHashes = new Map<string, string>();
  const notes: string[] = [];
  const updates: MergeUpdate[] = [];
  const identity = identityProblems(incoming, local);
  const refusal = refusalOf(identity);
  for (const table of PACKAGE_TABLES) {
    counts[table] = { add: 0, update: 0, same: 0, keep: 0, conflict: 0 };
    if (refusal !== undefined) continue;
    for (const record of incoming[table] as AnyRecord[]) {
      const key = baseKey(table, record.id);
      const mine = local.get(table, record.id);
      const theirs = recordHash(record);
      incomingHashes.set(key, theirs);
      let action: MergeAction;
      let message: string | undefined;
      if (!mine) action = 'add';
      else {
        const mineHash = recordHash(mine);
        localHashes.set(key, mineHash);
        const base = local.base(key);
        if (mineHash === theirs) action = 'same';
        // The change log is append-only history: an entry never changes, so ours stands.
        else if (table === 'changeLog') action = 'keep';
        // Progress entries are appended, never edited: never an update, whatever the base says.
        else if (table === 'progressEntries') ({ action, message } = decideProgressEntry(mine as ProgressEntry, record as ProgressEntry));
        else if (base !== undefined && mineHash === base) action = 'update';
        else if (base !== undefined && theirs === base) action = 'keep';
        else if (table === 'ledgerEntries') ({ action, message } = decideLedgerEntry(mine as LedgerEntry, record as LedgerEntry));
        else action = 'conflict';
        if (action === 'conflict') {
          conflicts.push({ table, id: record.id, label: describeRecord(table, mine), local: mine, incoming: record, fields: differingFields(mine, record, table), ...(message ? { message } : {}) });
        }
      }
      counts[table][action]++;
      actions.set(key, action);
      if (action === 'update' && mine) updates.push({ table, id: record.id, label: describeRecord(table, mine), changes: fieldChanges(mine, record, table) });
      if (table === 'units' && action === 'add') {
        const unit = record as RecordOf<'units'>;
        const clash = local.unitNames.get(unit.name);
        if (clash !== undefined && clash !== unit.id) notes.push(`数据包中的单位“${unit.name}”与本机已有的同名单位编号不同，将作为另一个单位加入；如是同一单位，请核对后在单位列表中处理`);
      }
    }
  }
  return { incoming, counts, conflicts, actions, localHashes, incomingHashes, notes, updates, refusal, identityProblems: identity };
}

const MEETING = { field: 'meetingId', label: '会议' } as const;
const TARGET = { field: 'targetId', label: '对象' } as const;

/**
 * The fields that name a record's parents, the first the outermost: a meeting belongs to a unit;
 * every other record to a meeting, and the follow-up records also to their target, problem or
 * ledger entry. None of them ever changes.
 */
const PARENT_FIELD: Partial<Record<MergeTable, ReadonlyArray<{ field: string; label: string }>>> = {
  meetings: [{ field: 'unitId', label: '单位' }],
  members: [MEETING],
  opinions: [MEETING],
  audits: [MEETING],
  changeLog: [MEETING],
  consolidatedOpinions: [MEETING, TARGET],
  problems: [MEETING, TARGET],
  ledgerEntries: [MEETING, { field: 'problemId', label: '查摆问题' }, TARGET],
  progressEntries: [MEETING, { field: 'entryId', label: '台账条目' }],
  talks: [MEETING],
  preparations: [MEETING],
  materials: [MEETING, TARGET],
  opinionImages: [MEETING, { field: 'opinionId', label: '意见' }],
};

/**
 * The records of a package that claim the id of a local record of another unit, meeting or kind.
 * A record's parents are part of its identity: the checksum has no key, so anyone can make a
 * valid package, and merging by id alone would let it move a meeting to another unit or rewrite
 * another unit's opinions. Also an id used by two kinds inside the package. Each problem is one
 * Chinese sentence naming the record.
 */
function identityProblems(incoming: PackageContent, local: Pick<LocalSide, 'get' | 'tableOf'>): string[] {
  const problems: string[] = [];
  const kinds = new Map<string, MergeTable>();
  for (const table of PACKAGE_TABLES) {
    for (const record of incoming[table] as AnyRecord[]) {
      const name = `数据包中的${describeRecord(table, record)}（编号 ${record.id}）`;
      const twice = kinds.get(record.id);
      if (twice !== undefined && twice !== table) problems.push(`${name}与数据包中的一条${PACKAGE_TABLE_LABELS[twice]}编号相同`);
      kinds.set(record.id, table);
      const here = local.tableOf(record.id);
      if (here === undefined) continue;
      if (here !== table) {
        problems.push(`${name}在本机是一条${PACKAGE_TABLE_LABELS[here]}记录`);
        continue;
      }
      const mine = local.get(table, record.id) as unknown as Record<string, unknown> | undefined;
      const moved = mine && (PARENT_FIELD[table] ?? []).find((p) => mine[p.field] !== (record as unknown as Record<string, unknown>)[p.field]);
      if (moved) problems.push(`${name}在本机属于另一个${moved.label}`);
    }
  }
  return problems;
}

function refusalOf(problems: readonly string[]): string | undefined {
  if (problems.length === 0) return undefined;
  const shown = problems.slice(0, 5).join('；');
  const more = problems.length > 5 ? `；另有 ${problems.length - 5} 处` : '';
  return `数据包被拒绝，未写入任何内容：其中的记录与本机记录编号相同，但所属的单位、会议、对象或类别不同（可能是伪造或出错的数据包）。${shown}${more}`;
}

/** The fields that differ between two versions of a record, with both values (the id is the same by definition). */
export function fieldChanges(before: object, after: object, table?: MergeTable): FieldChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => k !== 'id' && canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null))
    .map((key) => ({ key, field: fieldLabel(key, table), before: a[key], after: b[key] }));
}

/** A field's Chinese name, the kind's own where it has one. */
function fieldLabel(key: string, table: MergeTable | undefined): string {
  const own = table !== undefined && table in FOLLOW_UP_FIELD_LABELS ? FOLLOW_UP_FIELD_LABELS[table as keyof typeof FOLLOW_UP_FIELD_LABELS][key] : undefined;
  return own ?? FIELD_LABELS[key] ?? key;
}

/** How a conflict is resolved: keep our version or take the package's. */
export type Resolution = 'local' | 'incoming';

export interface MergeWrites {
  /** Records to put, by table. */
  puts: PackageContent;
  /** New merge bases: every incoming record's hash (the version last received), with its group. */
  bases: Array<{ group: string; key: string; hash: string }>;
  /** Meetings whose data changes (their summaries must be recomputed). */
  meetings: Set<string>;
}

/**
 * Turns a plan and the user's choices into the writes: adds, updates and the conflicts resolved
 * as `incoming`. Refuses (with the count) while any conflict has no choice.
 */
export function mergeWrites(plan: MergePlan, resolutions: ReadonlyMap<string, Resolution>): { ok: true; writes: MergeWrites } | { ok: false; problem: string } {
  if (plan.refusal !== undefined) return { ok: false, problem: plan.refusal };
  const open = plan.conflicts.filter((c) => !resolutions.has(baseKey(c.table, c.id)));
  if (open.length > 0) return { ok: false, problem: `还有 ${open.length} 处冲突未选择保留哪一方，未写入任何内容` };
  const puts = emptyContent();
  const bases: MergeWrites['bases'] = [];
  const meetings = new Set<string>();
  for (const table of PACKAGE_TABLES) {
    for (const record of plan.incoming[table] as AnyRecord[]) {
      const key = baseKey(table, record.id);
      const action = plan.actions.get(key);
      const group = baseGroup(table, record);
      if (group !== undefined) bases.push({ group, key, hash: plan.incomingHashes.get(key) ?? recordHash(record) });
      const write = action === 'add' || action === 'update' || (action === 'conflict' && resolutions.get(key) === 'incoming');
      if (!write) continue;
      (puts[table] as AnyRecord[]).push(record);
      const meetingId = table === 'meetings' ? record.id : 'meetingId' in record ? record.meetingId : '';
      if (meetingId !== '' && table !== 'changeLog') meetings.add(meetingId);
    }
  }
  return { ok: true, writes: { puts, bases, meetings } };
}

/** Several packages opened at once, as one content. The same record in two packages must be identical. */
export function combinePackages(packages: ReadonlyArray<{ name: string; content: PackageContent }>): { ok: true; content: PackageContent } | { ok: false; error: string } {
  const combined = emptyContent();
  for (const table of PACKAGE_TABLES) {
    const seen = new Map<string, { name: string; hash: string }>();
    for (const { name, content } of packages) {
      for (const record of content[table] as AnyRecord[]) {
        const hash = recordHash(record);
        const earlier = seen.get(record.id);
        if (earlier) {
          if (earlier.hash !== hash) return { ok: false, error: `“${earlier.name}”与“${name}”中的同一${PACKAGE_TABLE_LABELS[table]}内容不同，请分别打开这两个数据包` };
          continue;
        }
        seen.set(record.id, { name, hash });
        (combined[table] as AnyRecord[]).push(record);
      }
    }
  }
  return { ok: true, content: combined };
}

/** A short Chinese name for a record, for the conflict list. */
export function describeRecord(table: MergeTable, record: AnyRecord): string {
  const r = record as unknown as Record<string, unknown>;
  const preview = (s: unknown) => {
    const t = String(s ?? '');
    return t.length > 24 ? `${t.slice(0, 24)}…` : t;
  };
  switch (table) {
    case 'units':
      return `单位“${preview(r['name'])}”`;
    case 'meetings':
      return `会议“${preview(r['title'])}”`;
    case 'members':
      return `班子成员${preview(r['name'])}`;
    case 'opinions':
      return `意见“${preview(r['content'])}”${r['targetId'] === GROUP_TARGET ? `（${GROUP_LABEL}）` : ''}`;
    case 'audits':
      return `审核记录（${String(r['at'] ?? '').slice(0, 10)}）`;
    case 'changeLog':
      return `变更记录“${preview(r['summary'])}”`;
    case 'opinionImages':
      return `意见原件（${preview(r['file'])} 第${String(r['page'] ?? '')}页 第 ${String(r['row'] ?? '')} 行）`;
    default:
      return describeFollowUp(table, r);
  }
}

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  shortName: '简称',
  supervisoryGroup: '督导组',
  order: '顺序',
  year: '年度',
  title: '名称',
  theme: '主题',
  plannedDate: '计划日期',
  ruleSet: '规则',
  dimensionSet: '对照检查年度',
  dimensions: '对照检查方面',
  status: '状态',
  position: '职务',
  areas: '分管工作',
  rank: '排序',
  targetId: '意见对象',
  category: '来源类别',
  channel: '征求方式',
  provider: '提出方',
  content: '内容',
  dimension: '所属方面',
  receivedDate: '收到日期',
  enteredBy: '录入人',
  origin: '来源',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  deletedAt: '删除（回收站）',
  verdict: '结论',
  reasons: '理由',
  auditor: '审核人',
  png: '原件图像',
  box: '单元格位置',
};

function differingFields(a: object, b: object, table: MergeTable): string[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => canonicalJson(ra[k] ?? null) !== canonicalJson(rb[k] ?? null));
  return keys.map((k) => fieldLabel(k, table));
}
