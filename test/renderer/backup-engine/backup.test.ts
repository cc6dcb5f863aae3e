import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeBackup, MIN_PBKDF2_ITERATIONS } from '#shared/backup/format';
import { openBackupFile } from '../../../renderer/src/backup-engine/backup-file';
import { createBackup, prepareRestore, replaceAllData, restoreAll, snapshotTables } from '../../../renderer/src/db/repos/backup-repo';
import { LATEST_VERSION, SCHEMA_V1, storesAt } from '../../../renderer/src/db/schema-history';
import { describeCounts, tableLabel } from '../../../renderer/src/lib/backup-labels';
import { describeError } from '../../../renderer/src/lib/errors';
import { WorkbenchDb } from '../../../renderer/src/db/database';
import { injectStorageFaults, quotaExceeded } from '../../support/storage-faults';
import { freshDb } from '../db/test-db';
import { seedEverything } from './seed';
import Dexie from 'dexie';

const APP = '0.1.0';

async function wipe(db: WorkbenchDb) {
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
  });
}

async function restoreFile(db: WorkbenchDb, bytes: Uint8Array, password = '') {
  const opened = openBackupFile(bytes);
  if (!opened.ok) return opened;
  return prepareRestore(db, opened, password);
}

describe('backup and restore', () => {
  it('gives back exactly the same data after backup → wipe → restore, in every table', async () => {
    const db = freshDb();
    await seedEverything(db);
    const before = await snapshotTables(db);
    expect(Object.keys(before).sort()).toEqual(Object.keys(storesAt(LATEST_VERSION)).sort());
    for (const [name, rows] of Object.entries(before)) expect(rows.length, name).toBeGreaterThan(0);

    const { bytes, manifest } = await createBackup(db, { appVersion: APP, reason: 'manual' });
    expect(manifest.tables).toEqual(Object.fromEntries(Object.entries(before).map(([n, r]) => [n, r.length])));
    expect(manifest.schemaVersion).toBe(LATEST_VERSION);
    await wipe(db);
    expect((await snapshotTables(db))['opinions']).toEqual([]);

    const data = await restoreFile(db, bytes);
    if (!data.ok) throw new Error(data.error);
    const kept = vi.fn(async () => undefined);
    await restoreAll(db, data, kept, APP);
    expect(await snapshotTables(db)).toEqual(before);
    expect(kept).toHaveBeenCalledOnce();
  });

  it('reads the same bytes with or without the schema (the backup worker opens the database schema-less)', async () => {
    const db = freshDb();
    await seedEverything(db);
    const raw = new Dexie(db.name);
    await raw.open();
    const { serializeTables } = await import('#shared/backup/tables');
    expect(serializeTables(await snapshotTables(raw))).toEqual(serializeTables(await snapshotTables(db)));
    expect(raw.verno).toBe(db.verno);
    raw.close();
  });

  it('detects every one of 1,000 single-byte changes to a backup', async () => {
    const db = freshDb();
    await seedEverything(db);
    const { bytes } = await createBackup(db, { appVersion: APP, reason: 'manual' });
    let runs = 0;
    const messages = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        runs++;
        const damaged = bytes.slice();
        damaged[at] = damaged[at]! ^ flip;
        const result = await restoreFile(db, damaged);
        expect(result.ok).toBe(false);
        if (!result.ok) messages.add(result.error.replace(/：.*$/, ''));
      }),
      { numRuns: 1000, seed: 20261121 },
    );
    console.log(`single-byte changes: ${runs} cases, all detected (${bytes.length}-byte backup); messages: ${[...messages].join(' / ')}`);
    expect(runs).toBe(1000);
  });

  it('restores an encrypted backup only with the right password', async () => {
    const db = freshDb();
    await seedEverything(db);
    const before = await snapshotTables(db);
    const { bytes, manifest } = await createBackup(db, { appVersion: APP, reason: 'manual', password: '正确的密码 2026' });
    expect(manifest.encryption).toMatchObject({ cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256' });
    // The requirement (OWASP 2023 for PBKDF2-HMAC-SHA256), pinned as a literal rather than the code's own constant.
    expect(manifest.encryption!.iterations).toBeGreaterThanOrEqual(600_000);
    expect(MIN_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(manifest.encryption!.iv).toMatch(/^[0-9a-f]{24}$/);
    // The data is not readable in the file.
    expect(new TextDecoder().decode(bytes)).not.toContain('县发改局');

    expect(await restoreFile(db, bytes)).toEqual({ ok: false, error: '该备份已加密，请输入密码' });
    expect(await restoreFile(db, bytes, '错误的密码')).toEqual({ ok: false, error: '密码不正确，或备份的清单已被改动，无法解密该备份' });
    await wipe(db);
    const data = await restoreFile(db, bytes, '正确的密码 2026');
    if (!data.ok) throw new Error(data.error);
    await replaceAllData(db, data.tables);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('uses a new salt and IV for every encrypted backup', async () => {
    const db = freshDb();
    const a = await createBackup(db, { appVersion: APP, reason: 'manual', password: 'p' });
    const b = await createBackup(db, { appVersion: APP, reason: 'manual', password: 'p' });
    expect(a.manifest.encryption!.salt).not.toBe(b.manifest.encryption!.salt);
    expect(a.manifest.encryption!.iv).not.toBe(b.manifest.encryption!.iv);
  });

  it('refuses a backup from a newer schema and changes nothing', async () => {
    const newer = new WorkbenchDb(`newer-${Math.random()}`);
    newer.version(LATEST_VERSION + 1).stores(storesAt(LATEST_VERSION));
    await seedEverything(newer);
    const { bytes } = await createBackup(newer, { appVersion: '9.0.0', reason: 'manual' });
    newer.close();

    const db = freshDb();
    await seedEverything(db);
    const before = await snapshotTables(db);
    expect(await restoreFile(db, bytes)).toEqual({ ok: false, error: `该备份由更新版本的工作台创建（数据版本 ${LATEST_VERSION + 1}，本程序为 ${LATEST_VERSION}），不能恢复。请先升级工作台` });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('brings a backup from an older schema up to date through the upgrade code', async () => {
    // A version-1 backup (before the meeting summaries, merge bases and copy findings of version 2).
    const source = freshDb();
    await seedEverything(source);
    const rows = await snapshotTables(source);
    const old = new Dexie(`old-${Math.random()}`);
    old.version(1).stores(SCHEMA_V1);
    await old.transaction('rw', old.tables, async () => {
      for (const t of old.tables) await t.bulkAdd(rows[t.name]!);
    });
    const { makeBackupFile } = await import('../../../renderer/src/backup-engine/backup-file');
    const made = await makeBackupFile(await snapshotTables(old), { schemaVersion: 1, appVersion: '0.0.9', reason: 'manual' });
    old.close();

    const db = freshDb();
    const opened = openBackupFile(made.bytes);
    if (!opened.ok) throw new Error(opened.error);
    expect((await prepareRestore(db, opened, '', { 0.5: SCHEMA_V1 })).ok, 'an unknown old version is refused').toBe(false);
    const data = await prepareRestore(db, opened);
    if (!data.ok) throw new Error(data.error);
    // The upgrade recomputes each meeting's summary from the data; merge bases, copy findings and
    // the follow-up tables of version 3 start empty.
    // and the cell pictures of version 4
    const v3Tables = ['consolidatedOpinions', 'problems', 'ledgerEntries', 'progressEntries', 'talks', 'preparations', 'materials', 'opinionImages'];
    // A version-1 backup has none of the follow-up records, so its summaries are those of the
    // collection alone: the same readiness and counts, no 整改 figures, nothing consolidated, no talks.
    const { meetingSummaries: restored, ...restoredRest } = data.tables;
    const { meetingSummaries: before, ...rowsRest } = rows;
    expect(restoredRest).toEqual({ ...rowsRest, mergeBases: [], copyFindings: [], ...Object.fromEntries(v3Tables.map((t) => [t, []])) });
    const collection = (s: unknown) => {
      const { meetingId, readiness, totals, fingerprint, lastAudit, rectification, coverage } = s as Record<string, unknown>;
      return { meetingId, readiness, totals, fingerprint, lastAudit, rectification, coverage: (coverage as { total?: number } | undefined)?.total };
    };
    expect(restored!.map(collection)).toEqual(before!.map((s) => ({ ...collection(s), rectification: undefined, coverage: undefined })));
  });

  it('brings a backup of schema 2 (before the follow-up tables) up to date, the new tables empty', async () => {
    const source = freshDb();
    await seedEverything(source);
    // and the cell pictures of version 4
    const v3Tables = ['consolidatedOpinions', 'problems', 'ledgerEntries', 'progressEntries', 'talks', 'preparations', 'materials', 'opinionImages'];
    const rows = Object.fromEntries(Object.entries(await snapshotTables(source)).filter(([name]) => !v3Tables.includes(name)));
    // The follow-up records are gone, so is the change-log line of the one saved through its repository.
    rows['changeLog'] = rows['changeLog']!.filter((c) => !['consolidated', 'problem', 'ledger-entry', 'progress', 'talk', 'preparation', 'material'].includes((c as { entity: string }).entity));
    const old = new Dexie(`v2-${Math.random()}`);
    old.version(2).stores(storesAt(2));
    await old.transaction('rw', old.tables, async () => {
      for (const t of old.tables) await t.bulkAdd(rows[t.name]!);
    });
    const { makeBackupFile } = await import('../../../renderer/src/backup-engine/backup-file');
    const made = await makeBackupFile(await snapshotTables(old), { schemaVersion: 2, appVersion: '0.1.0', reason: 'manual' });
    old.close();

    const db = freshDb();
    const opened = openBackupFile(made.bytes);
    if (!opened.ok) throw new Error(opened.error);
    const data = await prepareRestore(db, opened);
    if (!data.ok) throw new Error(data.error);
    expect(data.tables).toEqual({ ...rows, meetingSummaries: expect.any(Array), ...Object.fromEntries(v3Tables.map((t) => [t, []])) });
    expect(data.tables['meetingSummaries']).toHaveLength(rows['meetings']!.length);
    await restoreAll(db, data, async () => undefined, APP);
    expect(await db.opinions.count()).toBe(rows['opinions']!.length);
    for (const t of v3Tables) expect(await db.table(t).count(), t).toBe(0);
  });

  it('keeps the current data first, and restores nothing when that fails', async () => {
    const db = freshDb();
    const { meeting } = await seedEverything(db);
    const other = freshDb();
    await seedEverything(other, 3);
    const { bytes } = await createBackup(other, { appVersion: APP, reason: 'manual' });
    const before = await snapshotTables(db);
    const data = await restoreFile(db, bytes);
    if (!data.ok) throw new Error(data.error);

    await expect(restoreAll(db, data, async () => Promise.reject(new Error('disk full')), APP)).rejects.toThrow('disk full');
    expect(await snapshotTables(db)).toEqual(before);

    // The steps the restore dialog shows, in order; the data is kept before anything is replaced.
    let kept: Uint8Array | undefined;
    const stages: string[] = [];
    await restoreAll(db, data, async (made) => void (kept = made.bytes, stages.push('kept')), APP, (stage) => stages.push(stage));
    expect(stages).toEqual(['backing-up', 'keeping', 'kept', 'replacing']);
    const decoded = decodeBackup(kept!);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.manifest.reason).toBe('before-restore');
    expect(decoded.manifest.tables['opinions']).toBe(before['opinions']!.length);
    expect(await db.meetings.get(meeting.id)).toBeUndefined();
  });

  it('leaves the data as it was when the disk fills up halfway through a restore', async () => {
    const db = freshDb();
    const faults = injectStorageFaults(db);
    await seedEverything(db);
    const other = freshDb();
    await seedEverything(other, 5);
    const { bytes } = await createBackup(other, { appVersion: APP, reason: 'manual' });
    const data = await restoreFile(db, bytes);
    if (!data.ok) throw new Error(data.error);
    const before = await snapshotTables(db);

    faults.arm({ table: 'opinions', after: 1, error: quotaExceeded }); // the clear succeeds, the bulkAdd fails
    const failure = await replaceAllData(db, data.tables).catch((e: unknown) => e);
    faults.disarm();
    expect(faults.writes.slice(0, 2)).toEqual(['opinions:deleteRange', 'opinions:add']);
    expect(describeError(failure)).toBe('磁盘空间不足，保存失败，数据未改动。请清理磁盘后重试。');
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('can back up a read-only database but not restore into it', async () => {
    const db = freshDb();
    await seedEverything(db);
    const { bytes } = await createBackup(db, { appVersion: APP, reason: 'manual' });
    db.close();
    const readOnly = new WorkbenchDb(db.name, { readOnly: { reason: '测试' } });
    await readOnly.open();
    const made = await createBackup(readOnly, { appVersion: APP, reason: 'manual' });
    expect(made.manifest.tables['opinions']).toBe(12);
    expect(await restoreFile(readOnly, bytes)).toEqual({ ok: false, error: '只读模式下不能恢复备份：测试' });
  });
});

describe('what a backup is said to hold', () => {
  it('names every table of the database in Chinese, the known ones first', () => {
    const tables = Object.keys(storesAt(LATEST_VERSION));
    for (const name of tables) expect(tableLabel(name), name).not.toBe(name);
    expect(describeCounts(Object.fromEntries(tables.map((t) => [t, 1])))).toMatch(/^单位 1，会议 1，班子成员 1，意见建议 1，审核记录 1，变更记录 1，[^a-zA-Z]+$/);
    expect(describeCounts({ laterTable: 2, units: 1 })).toBe('单位 1，laterTable 2');
  });
});
