// The exchange package's reader at each of its refusals, and the order and selection it writes
// (written against the mutation report of shared/package; see the README's Mutation testing section).
import { describe, expect, it } from 'vitest';
import { buildPackage, contentChecksum, contentReferenceProblem, emptyContent, MAX_PACKAGE_BYTES, PACKAGE_FORMAT_VERSION, readPackage, selectUnits, sortContent, type PackageContent } from '#shared/package/format';
import type { Audit, ChangeLogEntry } from '#shared/model/types';
import { fakeUuid, sampleContent } from '../../support/sample-content';

const meta = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };
const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

/** A package of `content` with a checksum that matches it, and `head` fields changed. */
function packageOf(content: PackageContent, head: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'mzsh-exchange', formatVersion: PACKAGE_FORMAT_VERSION, ...meta, checksum: { algorithm: 'SHA-256', value: contentChecksum(content) }, content, ...head };
}
const audit = (id: string, meetingId: string): Audit => ({
  id,
  meetingId,
  at: '2025-11-05T08:00:00.000Z',
  auditor: '王组长',
  verdict: 'pass',
  reasons: '',
  ticked: [],
  overrideReason: '',
  snapshot: { ready: true, shortfalls: [], zeroTargets: [], counts: {}, fingerprint: 'f', totalOpinions: 0 },
});
const logLine = (id: string, at: string, recordId: string, meetingId: string): ChangeLogEntry => ({ id, at, actor: '测试员', entity: 'opinion', recordId, meetingId, action: 'create', summary: '添加意见' });

const read = (value: unknown) => readPackage(encode(value));
const refusal = (value: unknown) => {
  const r = read(value);
  return r.ok ? 'accepted' : r.error;
};

describe('reading a package, refusal by refusal', () => {
  it('accepts a package with a byte-order mark and an upper-case checksum, and gives the checksum in lower case', () => {
    const content = sampleContent({ units: 1 });
    const text = new TextDecoder().decode(buildPackage(content, meta));
    const r = readPackage(encode(`\ufeff${text}`));
    expect(r.ok).toBe(true);
    const upper = read(packageOf(content, { checksum: { algorithm: 'SHA-256', value: contentChecksum(content).toUpperCase() } }));
    expect(upper.ok && upper.package.checksum.value).toBe(contentChecksum(content));
    expect(upper.ok && upper.package).toMatchObject({ format: 'mzsh-exchange', formatVersion: 2, appVersion: '0.1.0', exportedAt: meta.exportedAt });
  });

  it('refuses a file over the size limit before reading it, and reads one of exactly the limit', () => {
    // The length is all the check reads: a view that reports it stands in for half a gigabyte.
    const sized = (byteLength: number) => Object.defineProperty(new Uint8Array(0), 'byteLength', { value: byteLength });
    expect(readPackage(sized(MAX_PACKAGE_BYTES + 1))).toEqual({ ok: false, error: '数据包过大（超过 512 MB）' });
    expect(readPackage(sized(MAX_PACKAGE_BYTES))).toEqual({ ok: false, error: '数据包已损坏或不完整：无法解析其中的数据（文件可能被截断）' });
  });

  it.each([['[]'], ['null'], ['42'], ['"text"']])('refuses JSON that is not an object: %s', (json) => {
    expect(refusal(json)).toBe('文件不是民主生活会工作台的数据包');
  });

  it('refuses another format name', () => {
    expect(refusal(packageOf(emptyContent(), { format: 'other' }))).toBe('文件不是民主生活会工作台的数据包');
  });

  it.each([[0], [-1], [1.5], [null]])('refuses the format version %j', (formatVersion) => {
    expect(refusal(packageOf(emptyContent(), { formatVersion }))).toBe('数据包的格式版本无法识别');
  });

  it('refuses unknown fields, naming them', () => {
    expect(refusal(packageOf(emptyContent(), { extra: 1, more: 2 }))).toBe('数据包中有未知字段：extra、more');
  });

  it.each([[{ appVersion: 1 }], [{ exportedAt: null }], [{ appVersion: undefined }]])('refuses a package without its version or export time: %j', (head) => {
    expect(refusal(packageOf(emptyContent(), head))).toBe('数据包缺少版本或导出时间');
  });

  it.each([[{ checksum: undefined }], [{ checksum: null }], [{ checksum: { algorithm: 'MD5', value: 'x' } }], [{ checksum: { algorithm: 'SHA-256', value: 1 } }]])(
    'refuses a package without a SHA-256 checksum: %j',
    (head) => {
      expect(refusal(packageOf(emptyContent(), head))).toBe('数据包缺少校验码');
    },
  );

  it('names every unknown field in the checksum, each cut at 40 characters', () => {
    const content = emptyContent();
    const long = 'x'.repeat(50);
    const head = { checksum: { algorithm: 'SHA-256', value: contentChecksum(content), note: 1, [long]: 2 } };
    expect(refusal(packageOf(content, head))).toBe(`数据包的校验码中有未知字段：note、${'x'.repeat(40)}`);
  });

  it.each([['g'.repeat(64)], ['a'.repeat(63)], [`${'a'.repeat(64)}0`], [`0${'a'.repeat(64)}`], [`${'a'.repeat(64)}\n`]])('refuses a checksum that is not 64 hexadecimal digits: %j', (value) => {
    expect(refusal(packageOf(emptyContent(), { checksum: { algorithm: 'SHA-256', value } }))).toBe('数据包的校验码格式不正确');
  });

  it.each([
    ['units', 100_000, '单位'],
    ['meetings', 100_000, '会议'],
    ['members', 1_000_000, '班子成员'],
    ['audits', 1_000_000, '审核记录'],
  ] as const)('refuses more %s than a package may hold (%i) before reading any of them', (table, max, label) => {
    // Zeros, not records: the count is checked first, so no row is read.
    expect(refusal(packageOf(emptyContent(), { content: { ...emptyContent(), [table]: new Array<number>(max + 1).fill(0) } }))).toBe(`数据包内容不正确：${label}条目过多（最多 ${max} 条）`);
  });

  it('refuses content that is not what the schema says', () => {
    expect(refusal(packageOf(emptyContent(), { content: { ...emptyContent(), units: 'none' } }))).toBe('数据包内容不正确：单位应为列表');
  });

  it('refuses an id used twice in one table', () => {
    const content = sampleContent({ units: 1 });
    content.members[1]!.id = content.members[0]!.id;
    expect(refusal(packageOf(content))).toBe(`数据包不完整：班子成员编号 ${content.members[0]!.id} 重复`);
  });

  it('allows the same id in two different tables', () => {
    const content = sampleContent({ units: 1 });
    content.changeLog = [logLine(content.units[0]!.id, '2025-11-01T08:00:00.000Z', content.units[0]!.id, '')];
    expect(refusal(packageOf(content))).toBe('accepted');
  });

  it('counts a table a backup does not hold as empty when checking references', () => {
    const { units, meetings, members } = sampleContent({ units: 1 });
    const partial = (c: Partial<PackageContent>) => contentReferenceProblem(c as PackageContent, '备份中');
    expect(partial({})).toBeUndefined();
    expect(partial({ units, meetings })).toBeUndefined();
    expect(partial({ meetings: [], members: [], opinions: [], audits: [] })).toBeUndefined();
    expect(partial({ members })).toBe(`班子成员“${members[0]!.name}”所属的会议不在备份中`);
    expect(partial({ meetings })).toBe(`会议“${meetings[0]!.title}”所属的单位不在备份中`);
  });

  it('refuses each kind of broken reference, naming the record', () => {
    const broken = (edit: (c: PackageContent) => void) => {
      const content = sampleContent({ units: 1 });
      edit(content);
      return refusal(packageOf(content));
    };
    const gone = '00000000-0000-4000-8000-ffffffffffff';
    expect(broken((c) => (c.meetings[0]!.unitId = gone))).toBe(`数据包不完整：会议“${sampleContent({ units: 1 }).meetings[0]!.title}”所属的单位不在包中`);
    expect(broken((c) => (c.members[0]!.meetingId = gone))).toBe(`数据包不完整：班子成员“${sampleContent({ units: 1 }).members[0]!.name}”所属的会议不在包中`);
    const opinion = sampleContent({ units: 1 }).opinions[0]!.id;
    expect(broken((c) => (c.opinions[0]!.meetingId = gone))).toBe(`数据包不完整：意见 ${opinion} 所属的会议不在包中`);
    expect(broken((c) => (c.opinions[0]!.targetId = gone))).toBe(`数据包不完整：意见 ${opinion} 的意见对象不在该会议的班子成员中`);
  });

  it('refuses an audit of a meeting not in the package', () => {
    const content = sampleContent({ units: 1 });
    content.audits = [audit(fakeUuid(900), content.meetings[0]!.id)];
    expect(refusal(packageOf(content))).toBe('accepted');
    content.audits.push(audit(fakeUuid(901), fakeUuid(999)));
    expect(refusal(packageOf(content))).toBe(`数据包不完整：审核记录 ${fakeUuid(901)} 所属的会议不在包中`);
  });

  it('accepts opinions on the group as a whole, which is no member', () => {
    const content = sampleContent({ units: 1 });
    expect(content.opinions.some((o) => o.targetId === 'group')).toBe(true);
    expect(refusal(packageOf(content))).toBe('accepted');
  });
});

describe('the content a package carries', () => {
  it('orders records by id and the change log by time, then id', () => {
    const content = sampleContent({ units: 2 });
    const m = content.meetings[0]!.id;
    const log = [logLine(fakeUuid(903), '2025-11-03T00:00:00.000Z', m, m), logLine(fakeUuid(901), '2025-11-01T00:00:00.000Z', m, m), logLine(fakeUuid(902), '2025-11-03T00:00:00.000Z', m, m)];
    const sorted = sortContent({ ...content, changeLog: log, units: [...content.units].reverse() });
    expect(sorted.units.map((u) => u.id)).toEqual(content.units.map((u) => u.id).sort());
    expect(sorted.changeLog.map((c) => c.at)).toEqual(['2025-11-01T00:00:00.000Z', '2025-11-03T00:00:00.000Z', '2025-11-03T00:00:00.000Z']);
    const sameTime = [log[0]!.id, log[2]!.id].sort();
    expect(sorted.changeLog.slice(1).map((c) => c.id)).toEqual(sameTime);
    expect(sortContent({ ...content, changeLog: [...log].reverse() }).changeLog.map((c) => c.id)).toEqual(sorted.changeLog.map((c) => c.id));
  });

  it('gives every table one order whatever order its records come in', () => {
    const content = sampleContent({ units: 4 });
    const m = content.meetings[0]!.id;
    const times = ['2025-11-02T00:00:00.000Z', '2025-11-01T00:00:00.000Z', '2025-11-02T00:00:00.000Z', '2025-11-03T00:00:00.000Z', '2025-11-01T00:00:00.000Z', '2025-11-02T00:00:00.000Z'];
    const full: PackageContent = { ...content, audits: content.meetings.map((x, i) => audit(fakeUuid(950 + i), x.id)), changeLog: times.map((at, i) => logLine(fakeUuid(910 + ((i * 5) % 6)), at, m, m)) };
    const byId = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id).sort();
    const expected = {
      ...Object.fromEntries((['units', 'meetings', 'members', 'opinions', 'audits'] as const).map((t) => [t, byId(full[t])])),
      changeLog: [...full.changeLog].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)).map((c) => c.id),
      // The follow-up tables of format 2 (empty in this sample) keep their place, empty.
      ...Object.fromEntries(Object.keys(full).filter((t) => !['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'].includes(t)).map((t) => [t, byId(full[t as keyof PackageContent] as Array<{ id: string }>)])),
    };
    // The same records reversed, rotated and interleaved: one file for the same data.
    const orders = [<T,>(xs: T[]) => xs, <T,>(xs: T[]) => [...xs].reverse(), <T,>(xs: T[]) => [...xs.slice(3), ...xs.slice(0, 3)], <T,>(xs: T[]) => [...xs.filter((_, i) => i % 2), ...xs.filter((_, i) => i % 2 === 0)]];
    for (const order of orders) {
      const shuffled = Object.fromEntries(Object.entries(full).map(([t, rows]) => [t, order(rows as unknown[])])) as unknown as PackageContent;
      const sorted = sortContent(shuffled);
      expect(Object.fromEntries(Object.entries(sorted).map(([t, rows]) => [t, (rows as Array<{ id: string }>).map((r) => r.id)]))).toEqual(expected);
    }
  });

  it('selects a unit with its meetings, members, opinions, audits and log, and nothing of another unit', () => {
    const content = sampleContent({ units: 2 });
    const [first, second] = content.units;
    const [m1, m2] = content.meetings;
    content.audits = [audit(fakeUuid(900), m1!.id), audit(fakeUuid(901), m2!.id)];
    content.changeLog = [
      logLine(fakeUuid(902), '2025-11-01T00:00:00.000Z', first!.id, ''),
      logLine(fakeUuid(903), '2025-11-01T00:00:00.000Z', m1!.id, m1!.id),
      logLine(fakeUuid(904), '2025-11-01T00:00:00.000Z', second!.id, ''),
      logLine(fakeUuid(905), '2025-11-01T00:00:00.000Z', m2!.id, m2!.id),
    ];
    const part = selectUnits(content, [first!.id]);
    expect(part.audits.map((a) => a.id)).toEqual([fakeUuid(900)]);
    expect(part.changeLog.map((c) => c.id)).toEqual([fakeUuid(902), fakeUuid(903)]);
    const meetings = new Set(part.meetings.map((m) => m.id));
    expect(part.units.map((u) => u.id)).toEqual([first!.id]);
    expect(part.meetings.every((m) => m.unitId === first!.id)).toBe(true);
    expect(part.members.length).toBeGreaterThan(0);
    expect(part.members.every((m) => meetings.has(m.meetingId))).toBe(true);
    expect(part.audits.every((a) => meetings.has(a.meetingId))).toBe(true);
    expect(part.changeLog.every((c) => meetings.has(c.meetingId) || c.recordId === first!.id)).toBe(true);
    expect(JSON.stringify(part)).not.toContain(second!.id);
    expect(selectUnits(content, [])).toEqual(emptyContent());
  });
});
