// The exchange package, format version 1: the data of one or more units in one JSON file
// (`*.mzsh.json`), with a SHA-256 checksum of its content. Documented in docs/package-format.md;
// records keep their UUIDs, so packages from several machines can be merged by id.
import { EXCHANGED_TABLES, RECORD_KINDS, tablesProblem, type ExchangedTable } from '../model/record-kinds';
import { auditSchema, changeLogSchema, meetingSchema, memberSchema, opinionSchema, unitSchema } from '../model/schemas';
import { GROUP_TARGET, type Audit, type ChangeLogEntry, type Meeting, type Member, type Opinion, type Unit } from '../model/types';
import { canonicalJson } from '../util/canonical-json';
import { arr, check, obj } from '../util/schema';
import { sha256Hex } from '../util/sha256';

export const PACKAGE_FORMAT = 'mzsh-exchange';
export const PACKAGE_FORMAT_VERSION = 1;
/** Packages larger than this are refused before they are parsed. */
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;

/** Everything a package carries. Deleted records travel too (with `deletedAt`), so a merge can keep them in the recycle bin. */
export interface PackageContent {
  units: Unit[];
  meetings: Meeting[];
  members: Member[];
  opinions: Opinion[];
  audits: Audit[];
  changeLog: ChangeLogEntry[];
}

export interface ExchangePackage {
  format: typeof PACKAGE_FORMAT;
  formatVersion: typeof PACKAGE_FORMAT_VERSION;
  /** The version of the app that wrote the package. */
  appVersion: string;
  /** ISO time of the export. */
  exportedAt: string;
  checksum: { algorithm: 'SHA-256'; value: string };
  content: PackageContent;
}

/** The tables a package carries: the exchanged kinds of the record registry. */
export const PACKAGE_TABLES = EXCHANGED_TABLES;

const contentSchema = obj({
  units: arr(unitSchema, { max: 100_000 }),
  meetings: arr(meetingSchema, { max: 100_000 }),
  members: arr(memberSchema, { max: 1_000_000 }),
  opinions: arr(opinionSchema, { max: 5_000_000 }),
  audits: arr(auditSchema, { max: 1_000_000 }),
  changeLog: arr(changeLogSchema, { max: 20_000_000 }),
});

/** The checksum of a package's content: SHA-256 of its canonical JSON (keys sorted, no whitespace), in UTF-8. */
export function contentChecksum(content: PackageContent): string {
  return sha256Hex(new TextEncoder().encode(canonicalJson(content)));
}

/** Writes a package: the content in a stable order, stamped and checksummed, as UTF-8 bytes. */
export function buildPackage(content: PackageContent, meta: { appVersion: string; exportedAt: string }): Uint8Array {
  const ordered = sortContent(content);
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
    return fail(`数据包的格式版本为 ${version}，本程序只能读取版本 ${PACKAGE_FORMAT_VERSION}。请升级工作台后再打开`);
  }
  if (version !== PACKAGE_FORMAT_VERSION) return fail(version >= 1 ? `数据包的格式版本 ${version} 无法识别` : '数据包的格式版本无法识别');
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
  const content = check(contentSchema, head['content']);
  if (!content.ok) return fail(`数据包内容不正确：${tablesProblem(content.path, content.reason)}`);
  if (contentChecksum(content.value) !== checksum['value'].toLowerCase()) {
    return fail('数据包校验失败：内容与校验码不符，文件已被改动或已损坏');
  }
  const broken = contentReferenceProblem(content.value);
  if (broken) return fail(`数据包不完整：${broken}`);
  return {
    ok: true,
    package: {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      appVersion: head['appVersion'],
      exportedAt: head['exportedAt'],
      checksum: { algorithm: 'SHA-256', value: checksum['value'].toLowerCase() },
      content: content.value,
    },
  };
}

/** The part of the content that belongs to the given units (their meetings, members, opinions, audits and log). */
export function selectUnits(content: PackageContent, unitIds: readonly string[]): PackageContent {
  const units = new Set(unitIds);
  const meetings = new Set(content.meetings.filter((m) => units.has(m.unitId)).map((m) => m.id));
  return {
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
  return undefined;
}

/** The Chinese name of each package table, for messages and previews (from the record registry). */
export const PACKAGE_TABLE_LABELS = Object.fromEntries(PACKAGE_TABLES.map((t) => [t, RECORD_KINDS[t].label])) as Record<ExchangedTable, string>;

function fail(error: string): ReadPackageResult {
  return { ok: false, error };
}

/** An empty package content. */
export function emptyContent(): PackageContent {
  return { units: [], meetings: [], members: [], opinions: [], audits: [], changeLog: [] };
}
