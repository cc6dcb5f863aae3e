// Backups under hostile input: a file edited by hand with its checksums recomputed must not
// restore junk, derived tables are computed again rather than trusted, an encrypted backup's
// manifest cannot be rewritten, a file cannot ask for unbounded key-derivation work, and backups
// written by the earlier version still restore.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup, MAX_PBKDF2_ITERATIONS, type BackupManifest } from '#shared/backup/format';
import { serializeTables, type BackupTables } from '#shared/backup/tables';
import { sha256Hex } from '#shared/util/sha256';
import { openBackupFile } from '../../../renderer/src/backup-engine/backup-file';
import { gunzip, gzip } from '../../../renderer/src/backup-engine/codec';
import { createBackup, prepareRestore, replaceAllData, snapshotTables } from '../../../renderer/src/db/repos/backup-repo';
import { listSummaries } from '../../../renderer/src/db/repos/summaries-repo';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { computeMeetingSummary } from '#shared/supervision/summary';
import { freshDb, summaryExtras } from '../db/test-db';
import { seedEverything } from './seed';

const APP = '0.1.0';

async function restoreFile(db: WorkbenchDb, bytes: Uint8Array, password = '') {
  const opened = openBackupFile(bytes);
  if (!opened.ok) return opened;
  return prepareRestore(db, opened, password);
}

/** A plain backup edited as a forger would: payload changed, row counts and every checksum recomputed. */
async function forge(bytes: Uint8Array, edit: (tables: BackupTables) => void): Promise<Uint8Array> {
  const decoded = decodeBackup(bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  const json = await gunzip(decoded.payload, decoded.manifest.payload.plainBytes);
  if (!json.ok) throw new Error(json.error);
  const tables = JSON.parse(new TextDecoder().decode(json.data)) as BackupTables;
  edit(tables);
  const plain = serializeTables(tables);
  const m = decoded.manifest;
  return encodeBackup(
    {
      schemaVersion: m.schemaVersion,
      appVersion: m.appVersion,
      createdAt: m.createdAt,
      reason: m.reason,
      tables: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
      payload: { compression: 'gzip', plainBytes: plain.byteLength },
      encryption: null,
    },
    await gzip(plain),
  );
}

async function seeded() {
  const db = freshDb();
  const seed = await seedEverything(db);
  const { bytes } = await createBackup(db, { appVersion: APP, reason: 'manual' });
  return { db, seed, bytes };
}

describe('restoring a forged backup', () => {
  it('refuses a junk row added to a derived table, naming it, and changes nothing', async () => {
    const { db, bytes } = await seeded();
    const before = await snapshotTables(db);
    const forged = await forge(bytes, (t) => t['meetingSummaries']!.push({ meetingId: 'junk', readiness: '页面出错' }));
    // The frame is consistent: the file "verifies".
    expect(decodeBackup(forged).ok).toBe(true);
    const r = await restoreFile(db, forged);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^备份数据不正确：会议汇总第 2 条：/) });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it.each([
    ['an opinion with an unknown field', (t: BackupTables) => Object.assign(t['opinions']![0] as object, { script: '<img>' }), /^备份数据不正确：意见建议第 1 条：.*script 是未知字段/],
    ['an opinion received on 2025-02-30', (t: BackupTables) => Object.assign(t['opinions']![0] as object, { receivedDate: '2025-02-30' }), /^备份数据不正确：意见建议第 1 条：receivedDate 不是真实存在的日期/],
    ['a setting nobody writes', (t: BackupTables) => t['settings']!.push({ key: 'autoRun', value: 'calc.exe' }), /^备份数据不正确：设置项第 2 条：key /],
    ['a merge base with a forged hash', (t: BackupTables) => Object.assign(t['mergeBases']![0] as object, { hashes: { 'opinions:x': 'not-a-hash' } }), /^备份数据不正确：合并记录第 1 条：hashes/],
    ['an opinion of a meeting that is not there', (t: BackupTables) => Object.assign(t['opinions']![0] as object, { meetingId: '00000000-0000-4000-8000-00000000dead' }), /所属的会议不在备份中/],
    // The follow-up tables of schema v3: every row through its validator, every reference checked.
    ['a ledger entry of a problem that is not there', (t: BackupTables) => Object.assign(t['ledgerEntries']![0] as object, { problemId: '00000000-0000-4000-8000-00000000dead' }), /^备份数据不正确：整改台账 .+ 对应的查摆问题不在该会议中$/],
    ['a progress entry with a field of its own', (t: BackupTables) => Object.assign(t['progressEntries']![0] as object, { editedAt: '2026-01-01' }), /^备份数据不正确：整改进展第 1 条：.*editedAt/],
    ['a problem due on 2026-02-30', (t: BackupTables) => Object.assign(t['problems']![0] as object, { deadline: '2026-02-30' }), /^备份数据不正确：查摆问题第 1 条：.*完成时限/],
    ['a talk citing an opinion that is not there', (t: BackupTables) => Object.assign(t['talks']![0] as object, { opinionIds: ['00000000-0000-4000-8000-00000000dead'] }), /谈心谈话 .+ 关联的意见 .+ 不在该会议的意见中/],
    ['a consolidated opinion of a meeting that is not there', (t: BackupTables) => Object.assign(t['consolidatedOpinions']![0] as object, { meetingId: '00000000-0000-4000-8000-00000000dead' }), /梳理后意见 .+ 所属的会议不在备份中/],
  ])('refuses %s', async (_name, edit, message) => {
    const { db, bytes } = await seeded();
    const before = await snapshotTables(db);
    const r = await restoreFile(db, await forge(bytes, edit));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('computes the summaries and copy findings again instead of trusting the file', async () => {
    const { db, bytes, seed } = await seeded();
    const forged = await forge(bytes, (t) => {
      const s = t['meetingSummaries']![0] as { readiness: string; shortfallCount: number; totals: { raw: number } };
      s.readiness = 'ready';
      s.shortfallCount = 0;
      s.totals.raw = 9999;
      const f = t['copyFindings']![0] as { warnings: unknown[] };
      f.warnings = [{ kind: 'cross-unit', message: '伪造的抄袭警示' }];
    });
    const r = await restoreFile(db, forged);
    if (!r.ok) throw new Error(r.error);
    await replaceAllData(db, r.tables);
    const [summary] = await db.meetingSummaries.toArray();
    const expected = computeMeetingSummary({
      meeting: (await db.meetings.get(seed.meeting.id))!,
      members: await db.members.where('meetingId').equals(seed.meeting.id).toArray(),
      opinions: await db.opinions.where('meetingId').equals(seed.meeting.id).toArray(),
      audits: await db.audits.where('meetingId').equals(seed.meeting.id).toArray(),
      crossUnitWarnings: 0,
      ...(await summaryExtras(db, (await db.meetings.get(seed.meeting.id))!)),
    });
    expect(summary).toEqual(expected);
    expect(summary!.readiness).not.toBe('ready');
    const findings = await db.copyFindings.toArray();
    expect(findings).toHaveLength(1);
    expect(findings[0]!.warnings).toEqual([]);
  });
});

describe('the overview survives a bad summary row', () => {
  it('computes a malformed stored summary again from its meeting when listing', async () => {
    const db = freshDb();
    const seed = await seedEverything(db);
    const good = (await listSummaries(db))[0]!;
    await db.meetingSummaries.put({ meetingId: seed.meeting.id, readiness: 42 } as never);
    await db.meetingSummaries.put({ meetingId: '00000000-0000-4000-8000-00000000beef', junk: true } as never);
    expect(await listSummaries(db)).toEqual([good]);
  });
});

describe('encrypted backups bind their manifest', () => {
  /** The same file with a manifest field rewritten and the manifest's checksum line recomputed. */
  function rewriteManifest(bytes: Uint8Array, change: (m: BackupManifest) => void): Uint8Array {
    const decoded = decodeBackup(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    const m = structuredClone(decoded.manifest);
    change(m);
    return encodeBackup({ ...m, payload: { compression: m.payload.compression, plainBytes: m.payload.plainBytes } }, decoded.payload);
  }

  it('refuses a backup whose time or reason was rewritten, even with the right password', async () => {
    const db = freshDb();
    await seedEverything(db);
    const { bytes, manifest } = await createBackup(db, { appVersion: APP, reason: 'manual', password: '密码2026' });
    expect(manifest.encryption!.aad).toBe('manifest');
    for (const change of [(m: BackupManifest) => (m.createdAt = '2020-01-01T00:00:00.000Z'), (m: BackupManifest) => (m.reason = 'before-upgrade'), (m: BackupManifest) => (m.appVersion = '9.9.9')]) {
      const forged = rewriteManifest(bytes, change);
      expect(decodeBackup(forged).ok).toBe(true);
      expect(await restoreFile(db, forged, '密码2026')).toEqual({ ok: false, error: '密码不正确，或备份的清单已被改动，无法解密该备份' });
    }
    // Dropping the binding does not help: the tag was made with it.
    const stripped = rewriteManifest(bytes, (m) => delete m.encryption!.aad);
    expect(await restoreFile(db, stripped, '密码2026')).toMatchObject({ ok: false });
    expect((await restoreFile(db, bytes, '密码2026')).ok).toBe(true);
  });

  it('refuses a file that asks for more key-derivation rounds than the bound, before deriving anything', () => {
    const manifest = {
      format: 'mzsh-backup',
      formatVersion: 1,
      schemaVersion: 2,
      appVersion: APP,
      createdAt: '2026-01-01T00:00:00.000Z',
      reason: 'manual',
      tables: {},
      payload: { bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', compression: 'gzip', plainBytes: 0 },
      encryption: { cipher: 'AES-256-GCM', iv: '0'.repeat(24), kdf: 'PBKDF2-SHA256', iterations: MAX_PBKDF2_ITERATIONS + 1, salt: '0'.repeat(32) },
    };
    const text = JSON.stringify(manifest);
    const bytes = new TextEncoder().encode(`MZSH-BACKUP/1\n${text}\n${sha256Hex(new TextEncoder().encode(text))}\n`);
    const r = decodeBackup(bytes);
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('iterations 不能大于 1000000') });
    expect(MAX_PBKDF2_ITERATIONS).toBeLessThanOrEqual(1_000_000);
  });
});

describe('backups written by the earlier version (test/fixtures/legacy)', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/legacy', name)));

  it('restores a plain one', async () => {
    const db = freshDb();
    const r = await restoreFile(db, fixture('legacy-plain.mzsh-backup'));
    if (!r.ok) throw new Error(r.error);
    expect(r.tables['opinions']!.length).toBeGreaterThan(0);
  });

  it('restores an encrypted one (no manifest binding) with its password', async () => {
    const db = freshDb();
    const bytes = fixture('legacy-encrypted.mzsh-backup');
    expect(decodeBackup(bytes)).toMatchObject({ ok: true, manifest: { encryption: { cipher: 'AES-256-GCM' } } });
    expect(await restoreFile(db, bytes, '错的')).toEqual({ ok: false, error: '密码不正确，无法解密该备份' });
    const r = await restoreFile(db, bytes, '旧备份密码2026');
    if (!r.ok) throw new Error(r.error);
    await replaceAllData(db, r.tables);
    expect(await db.opinions.count()).toBeGreaterThan(0);
  });
});
