import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPackage, contentChecksum, PACKAGE_FORMAT_VERSION, readPackage, selectUnits } from '#shared/package/format';
import { canonicalJson } from '#shared/util/canonical-json';
import { sha256Hex } from '#shared/util/sha256';
import { sampleContent } from '../../support/sample-content';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %j like FIPS 180-4', (input, hex) => {
    expect(sha256Hex(new TextEncoder().encode(input))).toBe(hex);
  });
  it('agrees with node:crypto on every length around the block size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ 意见: '甲', a: 1 })).toBe(canonicalJson({ a: 1, 意见: '甲' }));
  });
});

const meta = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };

describe('exchange package', () => {
  it('round-trips every field of every record', () => {
    const content = sampleContent({ units: 2, providers: ['县发改局', ''] });
    content.opinions[0]!.deletedAt = '2025-11-02T00:00:00.000Z';
    content.opinions[1]!.origin = { kind: 'imported', file: '意见表.xlsx', sheet: 'Sheet1', row: 7 };
    const r = readPackage(buildPackage(content, meta));
    if (!r.ok) throw new Error(r.error);
    expect(r.package.formatVersion).toBe(PACKAGE_FORMAT_VERSION);
    for (const table of ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'] as const) {
      const sortById = (xs: Array<{ id: string }>) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(sortById(r.package.content[table])).toEqual(sortById(content[table]));
    }
  });

  it('writes the same bytes for the same data in any order', () => {
    const content = sampleContent();
    const reversed = { ...content, opinions: [...content.opinions].reverse(), members: [...content.members].reverse() };
    expect(buildPackage(content, meta)).toEqual(buildPackage(reversed, meta));
  });

  it('refuses a changed byte with a checksum error', () => {
    const text = new TextDecoder().decode(buildPackage(sampleContent(), meta)).replace('调查研究不够深入', '调查研究很深入');
    expect(readPackage(new TextEncoder().encode(text))).toEqual({ ok: false, error: '数据包校验失败：内容与校验码不符，文件已被改动或已损坏' });
  });

  it('refuses a truncated file', () => {
    const bytes = buildPackage(sampleContent(), meta);
    expect(readPackage(bytes.subarray(0, bytes.length - 100))).toEqual({ ok: false, error: '数据包已损坏或不完整：无法解析其中的数据（文件可能被截断）' });
  });

  it('refuses a newer or unknown format version', () => {
    const pkg = JSON.parse(new TextDecoder().decode(buildPackage(sampleContent(), meta)));
    pkg.formatVersion = 3;
    expect(readPackage(new TextEncoder().encode(JSON.stringify(pkg)))).toEqual({ ok: false, error: '数据包的格式版本为 3，本程序只能读取版本 1 至 2。请升级工作台后再打开' });
    pkg.formatVersion = '1';
    expect(readPackage(new TextEncoder().encode(JSON.stringify(pkg)))).toEqual({ ok: false, error: '数据包的格式版本无法识别' });
  });

  it('refuses a field of the wrong type, naming it, even with a matching checksum', () => {
    const content = sampleContent();
    (content.opinions[3] as unknown as Record<string, unknown>)['content'] = 42;
    const pkg = { format: 'mzsh-exchange', formatVersion: 2, ...meta, checksum: { algorithm: 'SHA-256', value: contentChecksum(content) }, content };
    expect(readPackage(new TextEncoder().encode(JSON.stringify(pkg)))).toEqual({ ok: false, error: '数据包内容不正确：意见建议第 4 条：content 应为文本' });
  });

  it('refuses unknown fields inside the checksum, as the format document says', () => {
    const pkg = JSON.parse(new TextDecoder().decode(buildPackage(sampleContent(), meta)));
    pkg.checksum.note = '已审核';
    expect(readPackage(new TextEncoder().encode(JSON.stringify(pkg)))).toEqual({ ok: false, error: '数据包的校验码中有未知字段：note' });
  });

  it('verifies a package written by the earlier hand-written SHA-256 (test/fixtures/legacy)', () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/legacy/legacy.mzsh.json')));
    const r = readPackage(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.package.content.opinions.length).toBeGreaterThan(0);
    // Today's code computes the very checksum the old code wrote (over the six tables of format 1).
    expect(r.package.formatVersion).toBe(1);
    const written = (JSON.parse(new TextDecoder().decode(bytes)) as { checksum: { value: string } }).checksum.value;
    const { units, meetings, members, opinions, audits, changeLog } = r.package.content;
    expect(contentChecksum({ units, meetings, members, opinions, audits, changeLog })).toBe(written);
  });

  it('refuses broken references', () => {
    const content = sampleContent();
    content.opinions[0]!.targetId = '00000000-0000-4000-8000-ffffffffffff';
    const pkg = { format: 'mzsh-exchange', formatVersion: 2, ...meta, checksum: { algorithm: 'SHA-256', value: contentChecksum(content) }, content };
    const r = readPackage(new TextEncoder().encode(JSON.stringify(pkg)));
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('的意见对象不在该会议的班子成员中') });
  });

  it('refuses what is not a package', () => {
    expect(readPackage(new TextEncoder().encode('{"hello":1}'))).toEqual({ ok: false, error: '文件不是民主生活会工作台的数据包' });
    expect(readPackage(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual({ ok: false, error: '文件不是数据包：内容不是 UTF-8 文本' });
    expect(readPackage(new TextEncoder().encode('PK\u0003\u0004'))).toMatchObject({ ok: false });
  });

  it('selects the data of chosen units only', () => {
    const content = sampleContent({ units: 3 });
    const part = selectUnits(content, [content.units[1]!.id]);
    expect(part.units.map((u) => u.name)).toEqual(['测试单位2']);
    expect(new Set(part.opinions.map((o) => o.meetingId))).toEqual(new Set([content.meetings[1]!.id]));
    expect(part.members).toHaveLength(3);
  });
});
