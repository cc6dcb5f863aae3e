import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, decodeBackup, encodeBackup, restoreRefusal, type ManifestDraft } from '#shared/backup/format';
import { countRows, parseTables, serializeTables } from '#shared/backup/tables';
import { sha256Hex } from '#shared/util/sha256';
import { sampleContent } from '../../support/sample-content';

const specs = ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'].map((name) => ({ name, primaryKey: 'id' })).concat([{ name: 'settings', primaryKey: 'key' }]);

function sampleTables() {
  // The tables of a schema-1 database (sample content also carries the empty follow-up tables of v3).
  const { units, meetings, members, opinions, audits, changeLog } = sampleContent({ units: 1, membersPerMeeting: 2 });
  return { units, meetings, members, opinions, audits, changeLog, settings: [{ key: 'operatorName', value: '张科长' }] } as Record<string, unknown[]>;
}

function draft(tables: Record<string, unknown[]>, plainBytes: number, overrides: Partial<ManifestDraft> = {}): ManifestDraft {
  return {
    schemaVersion: 1,
    appVersion: '0.1.0',
    createdAt: '2026-11-21T08:00:00.000Z',
    reason: 'manual',
    tables: countRows(tables),
    payload: { compression: 'gzip', plainBytes },
    encryption: null,
    ...overrides,
  };
}

/** A backup whose "compressed" payload is the JSON itself: this file tests the frame, not gzip. */
function sampleFile(overrides: Partial<ManifestDraft> = {}) {
  const tables = sampleTables();
  const json = serializeTables(tables);
  return { tables, json, bytes: encodeBackup(draft(tables, json.byteLength, overrides), json) };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('backup frame', () => {
  it('reads back the manifest and the payload it wrote', () => {
    const { json, bytes } = sampleFile();
    const decoded = decodeBackup(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.manifest).toMatchObject({ format: 'mzsh-backup', formatVersion: 1, schemaVersion: 1, reason: 'manual', encryption: null });
    // One unit, two members: (group + 2 members) × 5 categories × 2 per cell, less the one opinion
    // sampleContent leaves out for the last member's 基层群众 cell = 29.
    expect(decoded.manifest.tables).toEqual({ units: 1, meetings: 1, members: 2, opinions: 29, audits: 0, changeLog: 0, settings: 1 });
    expect(decoded.manifest.payload).toEqual({ bytes: json.byteLength, sha256: sha256Hex(json), compression: 'gzip', plainBytes: json.byteLength });
    expect([...decoded.payload]).toEqual([...json]);
    expect(text(bytes.subarray(0, 14))).toBe('MZSH-BACKUP/1\n');
  });

  it.each([
    ['empty', new Uint8Array(), '文件不是民主生活会工作台的备份文件'],
    ['an exchange package', new TextEncoder().encode('{"format":"mzsh-exchange"}'), '文件不是民主生活会工作台的备份文件'],
    ['a newer format', new TextEncoder().encode('MZSH-BACKUP/2\n{}\n'), '备份文件的格式版本为 2，本程序只能读取版本 1。请升级工作台后再恢复'],
    ['a magic line with no version', new TextEncoder().encode('MZSH-BACKUP/x\n'), '备份文件已损坏：文件头无法识别'],
  ])('refuses %s', (_label, bytes, error) => {
    expect(decodeBackup(bytes)).toEqual({ ok: false, error });
  });

  it('says a cut-off file is truncated, wherever it was cut', () => {
    const { bytes } = sampleFile();
    const headerEnd = bytes.indexOf(0x0a, 14);
    for (const cut of [20, headerEnd - 1, headerEnd + 10, headerEnd + 66, bytes.length - 1]) {
      const result = decodeBackup(bytes.subarray(0, cut));
      expect(result.ok, `cut at ${cut}`).toBe(false);
      if (!result.ok) expect(result.error, `cut at ${cut}`).toMatch(/被截断|已损坏/);
    }
    const result = decodeBackup(bytes.subarray(0, bytes.length - 1));
    expect(result).toEqual({ ok: false, error: '备份文件不完整：文件被截断，数据缺失' });
  });

  it('refuses bytes after the payload', () => {
    const { bytes } = sampleFile();
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(decodeBackup(longer)).toEqual({ ok: false, error: '备份文件已损坏：文件末尾有多余的数据' });
  });

  it('refuses a manifest edited to match a changed payload, because the manifest has its own hash', () => {
    const { bytes } = sampleFile();
    const s = text(bytes).replace('"appVersion":"0.1.0"', '"appVersion":"9.9.9"');
    expect(decodeBackup(new TextEncoder().encode(s))).toEqual({ ok: false, error: '备份文件已损坏：清单与校验码不符' });
  });

  it('refuses a manifest that is well hashed but not a manifest, naming the field', () => {
    const manifest = JSON.stringify({ format: 'mzsh-backup', formatVersion: 1, schemaVersion: 1, extra: true });
    const bytes = new TextEncoder().encode(`MZSH-BACKUP/1\n${manifest}\n${sha256Hex(new TextEncoder().encode(manifest))}\n`);
    const result = decodeBackup(bytes);
    expect(result).toEqual({ ok: false, error: '备份文件的清单不正确：extra 是未知字段' });
  });

  it('names a table by its Chinese label when the manifest counts its rows wrongly', () => {
    const [head, manifest] = text(sampleFile().bytes).split('\n') as [string, string];
    const forged = JSON.stringify({ ...JSON.parse(manifest), tables: { units: 1, opinions: -1 } });
    const bytes = new TextEncoder().encode(`${head}\n${forged}\n${sha256Hex(new TextEncoder().encode(forged))}\n`);
    expect(decodeBackup(bytes)).toEqual({ ok: false, error: '备份文件的清单不正确：意见建议的行数不能小于 0' });
  });

  it('refuses to restore a backup from a newer schema, and accepts the same or an older one', () => {
    const { bytes } = sampleFile({ schemaVersion: 3 });
    const decoded = decodeBackup(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(restoreRefusal(decoded.manifest, 2)).toBe('该备份由更新版本的工作台创建（数据版本 3，本程序为 2），不能恢复。请先升级工作台');
    expect(restoreRefusal(decoded.manifest, 3)).toBeUndefined();
    expect(restoreRefusal(decoded.manifest, 4)).toBeUndefined();
  });

  it('has version 1', () => {
    expect(BACKUP_FORMAT_VERSION).toBe(1);
  });
});

describe('backup tables', () => {
  const manifestOf = (bytes: Uint8Array) => {
    const decoded = decodeBackup(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    return decoded.manifest;
  };

  it('reads back every table as written', () => {
    const { tables, json, bytes } = sampleFile();
    expect(parseTables(json, manifestOf(bytes), specs)).toEqual({ ok: true, tables });
  });

  it('refuses tables that differ from the database, naming them in Chinese', () => {
    const { json, bytes } = sampleFile();
    const result = parseTables(json, manifestOf(bytes), [...specs.filter((s) => s.name !== 'audits'), { name: 'summaries', primaryKey: 'meetingId' }]);
    expect(result).toEqual({ ok: false, error: '备份的数据表与本程序不一致，缺少：summaries，多出：审核记录' });
  });

  it('refuses a row count that differs from the manifest', () => {
    const tables = sampleTables();
    const json = serializeTables(tables);
    const bytes = encodeBackup(draft({ ...tables, units: [] }, json.byteLength), json);
    expect(parseTables(json, manifestOf(bytes), specs)).toEqual({ ok: false, error: '备份数据与清单不符：单位应有 0 条，实有 1 条' });
  });

  it('refuses invalid records and duplicate keys', () => {
    const tables = sampleTables();
    const bad = { ...tables, opinions: [{ ...(tables['opinions']![0] as object), content: 42 }, ...tables['opinions']!.slice(1)] };
    const json = serializeTables(bad);
    const result = parseTables(json, manifestOf(encodeBackup(draft(bad, json.byteLength), json)), specs);
    expect(result).toEqual({ ok: false, error: '备份数据不正确：意见建议第 1 条：content 应为文本' });
    const twice = { ...tables, settings: [{ key: 'operatorName', value: '甲' }, { key: 'operatorName', value: '乙' }] };
    const json2 = serializeTables(twice);
    expect(parseTables(json2, manifestOf(encodeBackup(draft(twice, json2.byteLength), json2)), specs)).toEqual({ ok: false, error: '备份数据不正确：设置项中的主键 operatorName 重复' });
  });

  it('will not serialize data JSON cannot hold', () => {
    expect(() => serializeTables({ t: [{ at: new Date() }] })).toThrow('only JSON data');
    expect(() => serializeTables({ t: [{ n: Number.NaN }] })).toThrow('non-finite');
  });
});
