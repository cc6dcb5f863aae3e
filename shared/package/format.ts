// The exchange package, format version 2: the data of one or more units in one JSON file
// (`*.mzsh.json`), with a SHA-256 checksum of its content. Documented in docs/package-format.md;
// records keep their UUIDs, so packages from several machines can be merged by id. Version 2 adds
// the follow-up records (梳理, 查摆问题, 整改台账 and progress, 谈心谈话, 会前准备, 对照检查材料);
// version 1 packages still open, with those tables empty. Format 2 may also carry `opinionImages`
// (the cell pictures of opinions read from paper forms, schema v4 of the app): an optional list,
// written only when there is a picture, so packages without any stay exactly as before.
import { ledgerEntrySchema, progressEntrySchema } from '../model/ledger';
import { opinionImageSchema, type OpinionImage } from '../model/opinion-images';
import { materialSchema, meetingPreparationSchema } from '../model/preparation';
import { consolidatedOpinionSchema, problemItemSchema } from '../model/problems';
import { EXCHANGED_TABLES, RECORD_KINDS, tablesProblem, type ExchangedTable } from '../model/record-kinds';
import { auditSchema, changeLogSchema, meetingSchema, memberSchema, opinionSchema, unitSchema } from '../model/record-schemas';
import { talkSchema } from '../model/talks';
import { GROUP_TARGET, type Audit, type ChangeLogEntry, type Meeting, type Member, type Opinion, type Unit } from '../model/types';
import { reportedWhole } from '../model/zod-fields';
import { canonicalJson } from '../util/canonical-json';
import { arr, check, obj } from '../util/validation';
import { sha256Hex } from '../util/sha256';
import { emptyFollowUp, followUpReferenceProblem, isFollowUpTable, type FollowUpContent } from './follow-up';

export const PACKAGE_FORMAT = 'mzsh-exchange';
/** The version this program writes. */
export const PACKAGE_FORMAT_VERSION = 2;
/** Every version this program reads: 1 (before the follow-up records) and 2. */
type PackageFormatVersion = 1 | 2;
/** Packages larger than this are refused before they are parsed. */
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;

/**
 * Everything a package carries. Deleted records travel too (with `deletedAt`), so a merge can keep
 * them in the recycle bin. The follow-up tables (format 2) are empty when a format-1 package is read.
 */
export interface PackageContent extends FollowUpContent {
  units: Unit[];
  meetings: Meeting[];
  members: Member[];
  opinions: Opinion[];
  audits: Audit[];
  changeLog: ChangeLogEntry[];
  /** The cell pictures of opinions read from paper forms (optional in the file: absent means none). */
  opinionImages: OpinionImage[];
}

export interface ExchangePackage {
  format: typeof PACKAGE_FORMAT;
  /** The version of the file as read (a format-1 file stays 1; its content has the newer tables empty). */
  formatVersion: PackageFormatVersion;
  /** The version of the app that wrote the package. */
  appVersion: string;
  /** ISO time of the export. */
  exportedAt: string;
  checksum: { algorithm: 'SHA-256'; value: string };
  content: PackageContent;
}

/** The tables a package carries: the exchanged kinds of the record registry. */
export const PACKAGE_TABLES = EXCHANGED_TABLES;

const V1_TABLES = {
  units: arr(unitSchema, { max: 100_000 }),
  meetings: arr(meetingSchema, { max: 100_000 }),
  members: arr(memberSchema, { max: 1_000_000 }),
  opinions: arr(opinionSchema, { max: 5_000_000 }),
  audits: arr(auditSchema, { max: 1_000_000 }),
  changeLog: arr(changeLogSchema, { max: 20_000_000 }),
};

/** The content of each readable version: exactly its tables, every one required. */
const CONTENT_SCHEMAS = {
  1: obj(V1_TABLES),
  2: obj({
    ...V1_TABLES,
    consolidatedOpinions: arr(reportedWhole(consolidatedOpinionSchema), { max: 5_000_000 }),
    problems: arr(reportedWhole(problemItemSchema), { max: 1_000_000 }),
    ledgerEntries: arr(reportedWhole(ledgerEntrySchema), { max: 1_000_000 }),
    progressEntries: arr(reportedWhole(progressEntrySchema), { max: 5_000_000 }),
    talks: arr(reportedWhole(talkSchema), { max: 1_000_000 }),
    preparations: arr(reportedWhole(meetingPreparationSchema), { max: 100_000 }),
    materials: arr(reportedWhole(materialSchema), { max: 100_000 }),
    // Optional: older writers of format 2 never wrote it, and writers leave it out when empty.
    opinionImages: arr(reportedWhole(opinionImageSchema), { max: 5_000_000 }).optional(),
  }),
} satisfies Record<PackageFormatVersion, unknown>;

/**
 * The checksum of a package's content: SHA-256 of its canonical JSON (keys sorted, no whitespace),
 * in UTF-8 — of the content as the file holds it (a format-1 file's six tables; an empty
 * `opinionImages` list counts as absent).
 */
export function contentChecksum(content: object): string {
  // An empty `opinionImages` list is not part of the content (writers leave it out): with or without it, the same checksum.
  const { opinionImages, ...rest } = content as { opinionImages?: unknown };
  const counted = Array.isArray(opinionImages) && opinionImages.length === 0 ? rest : content;
  return sha256Hex(new TextEncoder().encode(canonicalJson(counted)));
}

/** Writes a package: the content in a stable order, stamped and checksummed, as UTF-8 bytes. */
export function buildPackage(content: PackageContent, meta: { appVersion: string; exportedAt: string }): Uint8Array {
  const sorted = sortContent(content);
  // No pictures, no list: the file is byte for byte what a writer before pictures wrote.
  const { opinionImages, ...rest } = sorted;
  const ordered = (opinionImages.length === 0 ? rest : sorted) as PackageContent;
  const pkg: ExchangePackage = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    appVersion: meta.appVersion,
    exportedAt: meta.exportedAt,
    checksum: { algorithm: 'SHA-256', value: contentChecksum(ordered) },
    content: ordered,
  };
  return new TextEncoder().encode(JSON.stringify(pkg));
}

export type ReadPackageResult = { ok: true; package: ExchangePackage } | { ok: false; error: string };

/**
 * Reads and checks a package. Never throws for bad input: a wrong checksum, an unknown format
 * version, a field of the wrong type or a broken reference is refused with a Chinese message
 * that names the problem.
 */
export function readPackage(bytes: Uint8Array): ReadPackageResult {
  if (bytes.byteLength > MAX_PACKAGE_BYTES) return fail(`数据包过大（超过 ${MAX_PACKAGE_BYTES / 1024 / 1024} MB）`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('文件不是数据包：内容不是 UTF-8 文本');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return fail('数据包已损坏或不完整：无法解析其中的数据（文件可能被截断）');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('文件不是民主生活会工作台的数据包');
  const head = parsed as Record<string, unknown>;
  if (head['format'] !== PACKAGE_FORMAT) return fail('文件不是民主生活会工作台的数据包');
  const version = head['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('数据包的格式版本无法识别');
  if (version > PACKAGE_FORMAT_VERSION) {
    return fail(`数据包的格式版本为 ${version}，本程序只能读取版本 1 至 ${PACKAGE_FORMAT_VERSION}。请升级工作台后再打开`);
  }
  const extra = Object.keys(head).filter((k) => !['format', 'formatVersion', 'appVersion', 'exportedAt', 'checksum', 'content'].includes(k));
  if (extra.length > 0) return fail(`数据包中有未知字段：${extra.join('、')}`);
  if (typeof head['appVersion'] !== 'string' || typeof head['exportedAt'] !== 'string') return fail('数据包缺少版本或导出时间');
  const checksum = head['checksum'] as Record<string, unknown> | undefined;
  if (typeof checksum !== 'object' || checksum === null || checksum['algorithm'] !== 'SHA-256' || typeof checksum['value'] !== 'string') {
    return fail('数据包缺少校验码');
  }
  // As the format document says: the checksum object holds exactly these two fields.
  const extraInChecksum = Object.keys(checksum).filter((k) => k !== 'algorithm' && k !== 'value');
  if (extraInChecksum.length > 0) return fail(`数据包的校验码中有未知字段：${extraInChecksum.map((k) => k.slice(0, 40)).join('、')}`);
  if (!/^[0-9a-fA-F]{64}$/.test(checksum['value'])) return fail('数据包的校验码格式不正确');
  const formatVersion = version as PackageFormatVersion;
  const checked = check(CONTENT_SCHEMAS[formatVersion], head['content']);
  if (!checked.ok) return fail(`数据包内容不正确：${tablesProblem(checked.path, checked.reason)}`);
  if (contentChecksum(checked.value) !== checksum['value'].toLowerCase()) {
    return fail('数据包校验失败：内容与校验码不符，文件已被改动或已损坏');
  }
  // A format-1 file has no follow-up tables: they are empty, not missing.
  const { opinionImages, ...tables } = checked.value as Omit<PackageContent, 'opinionImages'> & { opinionImages?: OpinionImage[] };
  const content: PackageContent = { ...emptyFollowUp(), ...tables, opinionImages: opinionImages ?? [] };
  const broken = contentReferenceProblem(content);
  if (broken) return fail(`数据包不完整：${broken}`);
  return {
    ok: true,
    package: {
      format: PACKAGE_FORMAT,
      formatVersion,
      appVersion: head['appVersion'],
      exportedAt: head['exportedAt'],
      checksum: { algorithm: 'SHA-256', value: checksum['value'].toLowerCase() },
      content,
    },
  };
}

/** The part of the content that belongs to the given units (their meetings and every record of those meetings, and the log). */
export function selectUnits(content: PackageContent, unitIds: readonly string[]): PackageContent {
  const units = new Set(unitIds);
  const meetings = new Set(content.meetings.filter((m) => units.has(m.unitId)).map((m) => m.id));
  const ofMeetings = <T extends { meetingId: string }>(rows: readonly T[]) => rows.filter((r) => meetings.has(r.meetingId));
  return {
    consolidatedOpinions: ofMeetings(content.consolidatedOpinions),
    problems: ofMeetings(content.problems),
    ledgerEntries: ofMeetings(content.ledgerEntries),
    progressEntries: ofMeetings(content.progressEntries),
    talks: ofMeetings(content.talks),
    preparations: ofMeetings(content.preparations),
    materials: ofMeetings(content.materials),
    opinionImages: ofMeetings(content.opinionImages),
    units: content.units.filter((u) => units.has(u.id)),
    meetings: content.meetings.filter((m) => meetings.has(m.id)),
    members: content.members.filter((m) => meetings.has(m.meetingId)),
    opinions: content.opinions.filter((o) => meetings.has(o.meetingId)),
    audits: content.audits.filter((a) => meetings.has(a.meetingId)),
    changeLog: content.changeLog.filter((c) => meetings.has(c.meetingId) || units.has(c.recordId)),
  };
}

/** Records in a stable order (by id; the log by time), so the same data gives the same file. */
export function sortContent(content: PackageContent): PackageContent {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    units: byId(content.units),
    meetings: byId(content.meetings),
    members: byId(content.members),
    opinions: byId(content.opinions),
    audits: byId(content.audits),
    changeLog: [...content.changeLog].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    consolidatedOpinions: byId(content.consolidatedOpinions),
    problems: byId(content.problems),
    ledgerEntries: byId(content.ledgerEntries),
    progressEntries: byId(content.progressEntries),
    talks: byId(content.talks),
    preparations: byId(content.preparations),
    materials: byId(content.materials),
    opinionImages: byId(content.opinionImages),
  };
}

/** Ids unique within each table, and every reference pointing at a record in the package (or backup: a missing table counts as empty). */
export function contentReferenceProblem(c: PackageContent, place = '包中'): string | undefined {
  for (const table of PACKAGE_TABLES) {
    const seen = new Set<string>();
    for (const r of c[table] ?? []) {
      if (seen.has(r.id)) return `${PACKAGE_TABLE_LABELS[table]}编号 ${r.id} 重复`;
      seen.add(r.id);
    }
  }
  const units = new Set((c.units ?? []).map((u) => u.id));
  const meetings = new Map((c.meetings ?? []).map((m) => [m.id, m]));
  const membersOf = new Map<string, Set<string>>();
  for (const m of c.meetings ?? []) {
    if (!units.has(m.unitId)) return `会议“${m.title}”所属的单位不在${place}`;
    membersOf.set(m.id, new Set());
  }
  for (const m of c.members ?? []) {
    const set = membersOf.get(m.meetingId);
    if (!set) return `班子成员“${m.name}”所属的会议不在${place}`;
    set.add(m.id);
  }
  for (const o of c.opinions ?? []) {
    const set = membersOf.get(o.meetingId);
    if (!set) return `意见 ${o.id} 所属的会议不在${place}`;
    if (o.targetId !== GROUP_TARGET && !set.has(o.targetId)) return `意见 ${o.id} 的意见对象不在该会议的班子成员中`;
  }
  for (const a of c.audits ?? []) if (!meetings.has(a.meetingId)) return `审核记录 ${a.id} 所属的会议不在${place}`;
  const meetingOfOpinion = new Map((c.opinions ?? []).map((o) => [o.id, o.meetingId]));
  for (const i of c.opinionImages ?? []) {
    if (!meetings.has(i.meetingId)) return `意见原件 ${i.id} 所属的会议不在${place}`;
    if (meetingOfOpinion.get(i.opinionId) !== i.meetingId) return `意见原件 ${i.id} 的意见不在该会议的意见中`;
  }
  return followUpReferenceProblem(c, { membersOf, opinions: c.opinions ?? [], place });
}

/** Whether a table may well be unused by a package (format 2's follow-up records, the cell pictures): such tables are named in counts only when they hold records. */
export function isOptionalTable(table: ExchangedTable): boolean {
  return isFollowUpTable(table) || table === 'opinionImages';
}

/** The Chinese name of each package table, for messages and previews (from the record registry). */
export const PACKAGE_TABLE_LABELS = Object.fromEntries(PACKAGE_TABLES.map((t) => [t, RECORD_KINDS[t].label])) as Record<ExchangedTable, string>;

function fail(error: string): ReadPackageResult {
  return { ok: false, error };
}

/** An empty package content. */
export function emptyContent(): PackageContent {
  return { units: [], meetings: [], members: [], opinions: [], audits: [], changeLog: [], ...emptyFollowUp(), opinionImages: [] };
}
