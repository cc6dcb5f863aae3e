// Schema upgrades. The pattern, one test per schema version: a database written by version N
// (opened with that version's own stores from SCHEMA_HISTORY, and rows of that version's shape)
// opens in this app with every row intact — or transformed exactly as the upgrade promises.
// When you add version N+1: add SCHEMA_VN+1 to SCHEMA_HISTORY, then a test here that calls
// `upgradeFrom(N, rowsOfVersionN)` and states the tables it must give.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { BackupTables } from '#shared/backup/tables';
import { WorkbenchDb } from '../../../renderer/src/db/database';
import { diskVersion, NEWER_DATABASE_REASON, openDecision, openWorkbenchDatabase } from '../../../renderer/src/db/open-database';
import { snapshotTables } from '../../../renderer/src/db/repos/backup-repo';
import { createUnit, listUnits } from '../../../renderer/src/db/repos/units-repo';
import { LATEST_VERSION, SCHEMA_HISTORY, storesAt } from '../../../renderer/src/db/schema-history';
import { describeError } from '../../../renderer/src/lib/errors';
import { computeMeetingSummary } from '#shared/supervision/summary';
import { sampleContent } from '../../support/sample-content';

let n = 0;
const uniqueName = (label: string) => `upgrade-${label}-${process.pid}-${++n}`;

/** Creates a database at `version` with that version's stores (or `stores`), fills it, and closes it. */
async function createAtVersion(name: string, version: number, rows: BackupTables, stores: Record<string, string> = storesAt(version)): Promise<void> {
  const db = new Dexie(name);
  db.version(version).stores(stores);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.bulkAdd(rows[table.name] ?? []);
  });
  db.close();
}

/** The one helper: a database written at `version`, opened by today's app; every table it then holds. */
async function upgradeFrom(version: number, rows: BackupTables): Promise<BackupTables> {
  const name = uniqueName(`v${version}`);
  await createAtVersion(name, version, rows);
  const state = await openWorkbenchDatabase({ name });
  expect(state.mode).toBe('normal');
  expect(state.db.verno).toBe(LATEST_VERSION);
  const tables = await snapshotTables(state.db);
  state.db.close();
  return tables;
}

/** Rows of every version-1 table, each table in primary-key order (the order a table reads back in). */
function v1Rows(): BackupTables {
  // Only the tables version 1 has (sample content also carries the empty follow-up tables of v3).
  const { units, meetings, members, opinions, audits, changeLog } = sampleContent({ units: 2, membersPerMeeting: 3, providers: ['县发改局', ''] });
  return { units, meetings, members, opinions, audits, changeLog, settings: [{ key: 'dimensionSets', value: [{ label: '2025年度', year: 2025, dimensions: ['带头强化政治忠诚'] }] }, { key: 'operatorName', value: '王科长' }] };
}

/** What version 2 adds to version-1 data: the summary of every meeting, computed by the shared code; no merge bases or copy findings yet. */
function v2Additions(rows: BackupTables): BackupTables {
  const of = (table: string, meetingId: string) => (rows[table] as Array<{ meetingId: string }>).filter((r) => r.meetingId === meetingId);
  const meetings = rows['meetings'] as unknown as Parameters<typeof computeMeetingSummary>[0]['meeting'][];
  const summaries = meetings
    .map((meeting) =>
      computeMeetingSummary({ meeting, members: of('members', meeting.id) as never, opinions: of('opinions', meeting.id) as never, audits: of('audits', meeting.id) as never }),
    )
    .sort((a, b) => (a.meetingId < b.meetingId ? -1 : 1));
  return { meetingSummaries: summaries as never, mergeBases: [], copyFindings: [] };
}

/** Rows of every version-2 table. */
function v2Rows(): BackupTables {
  const rows = v1Rows();
  return { ...rows, ...v2Additions(rows) };
}

/** What versions 3 and 4 add: the follow-up tables and the opinions' cell pictures, empty (v3 → v4 is tested with rows in upgrade-v4.test.ts). */
const V3_ADDITIONS: BackupTables = { consolidatedOpinions: [], problems: [], ledgerEntries: [], progressEntries: [], talks: [], preparations: [], materials: [], opinionImages: [] };

// Every version with an upgrade test below. Adding a version to SCHEMA_HISTORY without a test fails.
const TESTED_VERSIONS = [1, 2, 3, 4];

describe('schema upgrades', () => {
  it('keeps every row of a version 1 database and adds every meeting\'s summary (v1 → v2)', async () => {
    const rows = v1Rows();
    expect(await upgradeFrom(1, rows)).toEqual({ ...rows, ...v2Additions(rows), ...V3_ADDITIONS });
  });

  it('keeps every row of a version 2 database and adds the follow-up tables empty (v2 → v3)', async () => {
    const rows = v2Rows();
    expect(await upgradeFrom(2, rows)).toEqual({ ...rows, ...V3_ADDITIONS });
  });

  it('keeps every row of a version 3 database and adds the cell pictures\' table empty (v3 → v4)', async () => {
    const { opinionImages: _none, ...rows } = { ...v2Rows(), ...V3_ADDITIONS };
    expect(await upgradeFrom(3, rows)).toEqual({ ...rows, opinionImages: [] });
  });

  it('keeps every row of a version 4 database', async () => {
    const rows = { ...v2Rows(), ...V3_ADDITIONS };
    expect(await upgradeFrom(4, rows)).toEqual(rows);
  });

  it('has an upgrade test for every schema version, and SCHEMA_HISTORY matches the database class', async () => {
    const versions = Object.keys(SCHEMA_HISTORY).map(Number);
    expect(versions, 'every version in SCHEMA_HISTORY needs a test here that opens it with seeded rows and compares every row').toEqual(TESTED_VERSIONS);
    expect(Math.max(...versions), 'LATEST_VERSION must be the newest version in SCHEMA_HISTORY').toBe(LATEST_VERSION);
    const db = new WorkbenchDb(uniqueName('declared'));
    await db.open();
    expect(db.verno, 'WorkbenchDb must declare LATEST_VERSION').toBe(LATEST_VERSION);
    const declared = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].sort()]));
    const history = Object.fromEntries(Object.entries(storesAt(LATEST_VERSION)).map(([name, spec]) => [name, spec.split(',').map((s) => s.trim()).sort()]));
    expect(declared, 'the stores in database.ts and in SCHEMA_HISTORY must be the same (add each version to both)').toEqual(history);
    db.close();
  });
});

describe('opening the database', () => {
  it.each([
    [0, 'create'],
    [LATEST_VERSION, 'open'],
    [LATEST_VERSION - 0.5, 'upgrade'],
    [LATEST_VERSION + 1, 'read-only'],
    [99, 'read-only'],
  ] as const)('on-disk version %s → %s', (disk, decision) => {
    expect(openDecision(disk)).toBe(decision);
  });

  it('takes a backup of the old data before it upgrades, then upgrades with every row intact', async () => {
    const name = uniqueName('before-upgrade');
    const rows = v1Rows();
    const old = 1;
    await createAtVersion(name, old, rows);
    const beforeUpgrade = vi.fn(async (_snapshot: { schemaVersion: number; tables: BackupTables }) => undefined);
    const state = await openWorkbenchDatabase({ name, beforeUpgrade });
    expect(beforeUpgrade).toHaveBeenCalledOnce();
    expect(beforeUpgrade.mock.calls[0]![0]).toEqual({ schemaVersion: old, tables: rows });
    expect(state).toMatchObject({ mode: 'normal', upgradedFrom: old });
    expect(await snapshotTables(state.db)).toEqual({ ...rows, ...v2Additions(rows), ...V3_ADDITIONS });
    state.db.close();
    expect(await diskVersion(name)).toBe(LATEST_VERSION);
  });

  it('does not back up a new database or one already at this version', async () => {
    const name = uniqueName('current');
    const beforeUpgrade = vi.fn(async () => undefined);
    const first = await openWorkbenchDatabase({ name, beforeUpgrade });
    first.db.close();
    const second = await openWorkbenchDatabase({ name, beforeUpgrade });
    second.db.close();
    expect(beforeUpgrade).not.toHaveBeenCalled();
    expect(first.mode).toBe('normal');
  });

  it('does not upgrade, and opens read-only, when the backup before an upgrade fails', async () => {
    const name = uniqueName('backup-fails');
    const rows = v1Rows();
    const old = 1;
    await createAtVersion(name, old, rows);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const state = await openWorkbenchDatabase({ name, beforeUpgrade: () => Promise.reject(new Error('disk full')) });
    spy.mockRestore();
    expect(state.mode).toBe('read-only');
    if (state.mode === 'read-only') expect(state.reason).toContain('升级数据格式前的自动备份未能完成');
    await expect(createUnit(state.db, { name: '新单位' }, '测试员')).rejects.toThrow('只读模式，不能修改数据');
    state.db.close();
    expect(await diskVersion(name)).toBe(old);
  });
});

describe('a database newer than the app', () => {
  async function newerDatabase() {
    const name = uniqueName('newer');
    const rows = { ...v1Rows(), summaries: [{ meetingId: 'm1', total: 3 }] };
    // Version 99 with a table and an index this app has never heard of.
    await createAtVersion(name, 99, rows, { ...storesAt(LATEST_VERSION), summaries: 'meetingId, total', units: 'id, order, name' });
    return { name, rows };
  }

  it('would be opened by Dexie 4 without complaint, which is why the version is checked first', async () => {
    const { name } = await newerDatabase();
    const db = new WorkbenchDb(name);
    await expect(db.open()).resolves.toBe(db);
    db.close();
  });

  it('opens read-only with a Chinese explanation, shows the data, and refuses every write', async () => {
    const { name, rows } = await newerDatabase();
    const state = await openWorkbenchDatabase({ name });
    expect(state).toMatchObject({ mode: 'read-only', diskVersion: 99, reason: NEWER_DATABASE_REASON });
    const { db } = state;
    expect((await listUnits(db)).map((u) => u.name)).toEqual(['测试单位1', '测试单位2']);

    const refusals = await Promise.all([
      createUnit(db, { name: '新单位' }, '测试员').catch((e: unknown) => e),
      db.settings.put({ key: 'operatorName', value: 'x' }).catch((e: unknown) => e),
      db.opinions.clear().catch((e: unknown) => e),
      db.transaction('rw', db.units, db.changeLog, async () => {
        await db.changeLog.add({ id: 'x' } as never);
      }).catch((e: unknown) => e),
    ]);
    for (const e of refusals) expect(describeError(e)).toBe(`只读模式，不能修改数据：${NEWER_DATABASE_REASON}`);
    db.close();

    // Nothing changed on disk: not the version, not the schema, not a row.
    expect(await diskVersion(name)).toBe(99);
    const raw = new Dexie(name);
    await raw.open();
    expect(raw.table('units').schema.indexes.map((i) => i.name).sort()).toEqual(['name', 'order']);
    expect(await snapshotTables(raw)).toEqual({ ...rows, meetingSummaries: [], mergeBases: [], copyFindings: [], ...V3_ADDITIONS });
    raw.close();
  });
});
