// `merge PACKAGE… --out FILE` (0 merged, 1 conflicts listed and nothing written, 2 refused or bad
// input) and `verify FILE…` (0 sound, 2 not, with the reason), over real files.
import 'fake-indexeddb/auto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '#shared/backup/format';
import { BACKUP_TABLE_KEYS } from '#shared/backup/rows';
import { buildPackage, readPackage } from '#shared/package/format';
import { createBackup } from '../../../renderer/src/db/repos/backup-repo';
import { SCHEMA_HISTORY, storesAt, tableSpecsOf } from '../../../renderer/src/db/schema-history';
import { seedEverything } from '../../renderer/backup-engine/seed';
import { freshDb } from '../../renderer/db/test-db';
import { cli } from '../../support/cli';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };
const LEGACY = join(__dirname, '../../fixtures/legacy');
const noTrace = /at .+\(.+:\d+:\d+\)/;

function setup() {
  const dir = tempDir('cli-merge');
  const a = sampleContent({ units: 1, firstId: 1 });
  const b = sampleContent({ units: 2, firstId: 5000 });
  writeFileSync(join(dir, 'a.mzsh.json'), buildPackage(a, META));
  writeFileSync(join(dir, 'b.mzsh.json'), buildPackage(b, META));
  return { dir, a, b };
}

describe('cli merge', () => {
  it('merges the units of several packages into one package that reads back (exit 0)', async () => {
    const { dir, a, b } = setup();
    // The same package twice adds nothing twice.
    const r = await cli(['merge', 'a.mzsh.json', 'b.mzsh.json', 'a.mzsh.json', '--out', '全县.mzsh.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已合并 3 个数据包 → .*全县\.mzsh\.json（单位 3，会议 3，/m);
    const merged = readPackage(new Uint8Array(readFileSync(join(dir, '全县.mzsh.json'))));
    if (!merged.ok) throw new Error(merged.error);
    expect(merged.package.content.units.map((u) => u.id).sort()).toEqual([...a.units, ...b.units].map((u) => u.id).sort());
    expect(merged.package.content.opinions).toHaveLength(a.opinions.length + b.opinions.length);
  });

  it('lists every conflict and writes nothing (exit 1)', async () => {
    const { dir, a } = setup();
    const edited = structuredClone(a);
    edited.opinions[0]!.content = '另一台电脑上改过的内容';
    writeFileSync(join(dir, 'a2.mzsh.json'), buildPackage(edited, META));
    const r = await cli(['merge', 'a.mzsh.json', 'a2.mzsh.json', '--out', '全县.mzsh.json'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('有 1 处冲突');
    expect(r.out).toContain('  - “a2.mzsh.json”中的意见“');
    expect(r.out).toContain(`（意见建议编号 ${a.opinions[0]!.id}）：内容与之前的数据包不同`);
    expect(existsSync(join(dir, '全县.mzsh.json'))).toBe(false);
  });

  it('takes a unit\'s package sent again over its earlier one, in either order, and says so (exit 0)', async () => {
    const { dir, a } = setup();
    const edited = structuredClone(a);
    edited.opinions[0]!.content = '重新报送前改过的内容';
    writeFileSync(join(dir, 'a-更正.mzsh.json'), buildPackage(edited, { ...META, exportedAt: '2026-11-23T00:00:00.000Z' }));
    for (const files of [['a.mzsh.json', 'a-更正.mzsh.json'], ['a-更正.mzsh.json', 'a.mzsh.json']]) {
      const r = await cli(['merge', ...files, 'b.mzsh.json', '--out', '全县.mzsh.json'], dir);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/提示：“a-更正\.mzsh\.json”（导出于 [^）]+）是“a\.mzsh\.json”（导出于 [^）]+）之后重新导出的同一单位数据，两者不同的记录以前者为准/);
      const merged = readPackage(readFileSync(join(dir, '全县.mzsh.json')));
      if (!merged.ok) throw new Error(merged.error);
      expect(merged.package.content.opinions.find((o) => o.id === a.opinions[0]!.id)!.content).toBe('重新报送前改过的内容');
    }
  });

  it('refuses a package that reuses ids under another unit, and bad input, writing nothing (exit 2)', async () => {
    const { dir, a } = setup();
    const forged = sampleContent({ units: 1, firstId: 9000 });
    forged.opinions[0]!.id = a.opinions[0]!.id;
    writeFileSync(join(dir, 'forged.mzsh.json'), buildPackage(forged, META));
    writeFileSync(join(dir, 'broken.mzsh.json'), '{"format":"mzsh-exchange"');
    for (const [args, message] of [
      [['merge', 'a.mzsh.json', 'forged.mzsh.json', '--out', 'x.mzsh.json'], '“forged.mzsh.json”：数据包被拒绝，未写入任何内容'],
      [['merge', 'a.mzsh.json', 'broken.mzsh.json', '--out', 'x.mzsh.json'], 'broken.mzsh.json：数据包已损坏或不完整'],
      [['merge', 'a.mzsh.json', 'b.mzsh.json'], '请用 --out 指定合并后的数据包文件'],
      [['merge', '--out', 'x.mzsh.json'], '请指定要合并的数据包文件'],
      [['merge', 'missing.mzsh.json', '--out', 'x.mzsh.json'], '找不到文件“missing.mzsh.json”'],
    ] as const) {
      const r = await cli([...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(noTrace);
    }
    expect(existsSync(join(dir, 'x.mzsh.json'))).toBe(false);
  });
});

describe('cli verify', () => {
  async function files() {
    const dir = tempDir('cli-verify');
    for (const f of ['legacy.mzsh.json', 'legacy-plain.mzsh-backup', 'legacy-encrypted.mzsh-backup']) copyFileSync(join(LEGACY, f), join(dir, f));
    writeFileSync(join(dir, 'pw.txt'), '旧备份密码2026\n');
    writeFileSync(join(dir, 'wrong.txt'), '不对的密码\n');
    const db = freshDb();
    await seedEverything(db);
    const made = await createBackup(db, { appVersion: '0.1.0', reason: 'manual', password: '新密码' });
    writeFileSync(join(dir, 'new.mzsh-backup'), made.bytes);
    writeFileSync(join(dir, 'newpw.txt'), '新密码');
    // The same backup with its time rewritten and the manifest's checksum recomputed.
    const d = decodeBackup(made.bytes);
    if (!d.ok) throw new Error(d.error);
    const m = { ...d.manifest, createdAt: '2020-01-01T00:00:00.000Z' };
    writeFileSync(join(dir, 'rewritten.mzsh-backup'), encodeBackup({ ...m, payload: { compression: 'gzip', plainBytes: m.payload.plainBytes } }, d.payload));
    const tampered = readFileSync(join(LEGACY, 'legacy.mzsh.json'), 'utf8').replace('调查研究不够深入', '调查研究很深入');
    writeFileSync(join(dir, 'tampered.mzsh.json'), tampered);
    return dir;
  }

  it('says sound for packages and backups, old and new, plain and encrypted (exit 0)', async () => {
    const dir = await files();
    const r = await cli(['verify', 'legacy.mzsh.json', 'legacy-plain.mzsh-backup', 'legacy-encrypted.mzsh-backup'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('完好  legacy.mzsh.json：数据包格式、校验码、每条记录和引用均正确');
    expect(r.out).toContain('完好  legacy-plain.mzsh-backup：备份的文件头、清单、校验码、每个数据表的每一行和记录之间的引用均正确');
    expect(r.out).toContain('完好  legacy-encrypted.mzsh-backup：加密备份：文件头、清单、校验码和加密参数正确');
    expect(r.out).toContain('内容需要密码才能检查（--password-file）');
    expect(r.out).toContain('共 3 个文件，全部完好。');
    // Times as the app shows them, never a raw ISO stamp (导出于 2025-…T…Z).
    expect(r.out).toMatch(/备份于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，/);
    expect(r.out).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    const withPassword = await cli(['verify', 'legacy-encrypted.mzsh-backup', '--password-file', 'pw.txt'], dir);
    expect(withPassword.code).toBe(0);
    expect(withPassword.out).toContain('加密备份已解密，备份的文件头、清单、校验码、每个数据表的每一行');
    expect((await cli(['verify', 'new.mzsh-backup', '--password-file', 'newpw.txt'], dir)).code).toBe(0);
  });

  it('says what is wrong with each bad file (exit 2)', async () => {
    const dir = await files();
    const r = await cli(['verify', 'legacy.mzsh.json', 'tampered.mzsh.json', 'missing.mzsh-backup'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain('有问题  tampered.mzsh.json：数据包校验失败：内容与校验码不符');
    expect(r.out).toContain('有问题  missing.mzsh-backup：找不到文件“missing.mzsh-backup”');
    expect(r.out).toContain('共 3 个文件，2 个有问题。');
    const wrong = await cli(['verify', 'legacy-encrypted.mzsh-backup', '--password-file', 'wrong.txt'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain('密码不正确，无法解密该备份');
    const rewritten = await cli(['verify', 'rewritten.mzsh-backup', '--password-file', 'newpw.txt'], dir);
    expect(rewritten.code).toBe(2);
    expect(rewritten.out).toContain('密码不正确，或备份的清单已被改动');
    expect(r.err + wrong.err + rewritten.err).not.toMatch(noTrace);
  });
});

describe('backup tables known to the command line', () => {
  it('are every table of every schema version, with the same primary keys', () => {
    for (const version of Object.keys(SCHEMA_HISTORY).map(Number)) {
      for (const spec of tableSpecsOf(storesAt(version))) expect(BACKUP_TABLE_KEYS[spec.name], `${spec.name} (v${version})`).toBe(spec.primaryKey);
    }
    expect(Object.keys(BACKUP_TABLE_KEYS).sort()).toEqual(tableSpecsOf(storesAt(Math.max(...Object.keys(SCHEMA_HISTORY).map(Number)))).map((s) => s.name).sort());
  });
});
