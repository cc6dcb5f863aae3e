import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupFolder } from '../../electron/main/backup/backup-folder';
import { BackupScheduler, type SchedulerPorts } from '../../electron/main/backup/scheduler';
import { backupHandlers } from '../../electron/main/ipc/backup-handlers';
import { encodeBackup, type BackupReason } from '#shared/backup/format';
import type { BackupRequest } from '#shared/ipc/contract';
import { tempDir } from '../support/temp-dir';

/** A well-framed backup whose payload is `content` (main checks the frame, not the data). */
function backup(reason: BackupReason, content = 'payload'): Uint8Array {
  const payload = new TextEncoder().encode(content);
  return encodeBackup(
    { schemaVersion: 1, appVersion: '0.1.0', createdAt: '2026-01-01T00:00:00.000Z', reason, tables: { units: 0 }, payload: { compression: 'gzip', plainBytes: payload.length }, encryption: null },
    payload,
  );
}

function tempFolder(start = Date.parse('2026-03-01T00:00:00.000Z')) {
  const dir = join(tempDir('backups'), 'backups');
  let now = start;
  const folder = new BackupFolder(dir, () => new Date(now), (t) => new Date(t).toISOString().slice(0, 10));
  return { dir, folder, advance: (ms: number) => (now += ms) };
}

describe('the backups folder', () => {
  it('creates the folder, writes atomically under a dated name, and lists newest first', async () => {
    const { dir, folder, advance } = tempFolder();
    const first = await folder.write(backup('scheduled'), 'scheduled');
    advance(60_000);
    const second = await folder.write(backup('before-restore'), 'before-restore');
    expect(first).toMatchObject({ written: true, name: 'mzsh-2026-03-01T00-00-00-000Z-scheduled.mzsh-backup' });
    expect(readdirSync(dir).sort()).toEqual([first, second].map((o) => (o.written ? o.name : '')).sort());
    const list = await folder.list();
    expect(list.map((b) => [b.reason, b.createdAt])).toEqual([
      ['before-restore', '2026-03-01T00:01:00.000Z'],
      ['scheduled', '2026-03-01T00:00:00.000Z'],
    ]);
    expect(list[0]!.size).toBe(backup('before-restore').length);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await tempFolder().folder.list()).toEqual([]);
  });

  it('refuses bytes that are not a backup, or a backup for another reason, and writes nothing', async () => {
    const { dir, folder } = tempFolder();
    await expect(folder.write(new TextEncoder().encode('MZSH-BACKUP/1\nnonsense'), 'scheduled')).rejects.toThrow('备份数据不正确');
    await expect(folder.write(backup('manual'), 'before-restore')).rejects.toThrow('备份原因与请求不符');
    expect(await folder.list()).toEqual([]);
    expect(() => readdirSync(dir)).toThrow();
  });

  it('skips an automatic backup whose data is the same as the newest one, even after a restart', async () => {
    const { dir, folder, advance } = tempFolder();
    expect((await folder.write(backup('scheduled', 'a'), 'scheduled', { skipIfUnchanged: true })).written).toBe(true);
    advance(1000);
    expect(await folder.write(backup('quit', 'a'), 'quit', { skipIfUnchanged: true })).toEqual({ written: false, why: 'unchanged' });
    const restarted = new BackupFolder(dir, () => new Date(Date.parse('2026-03-01T01:00:00.000Z')));
    expect(await restarted.write(backup('scheduled', 'a'), 'scheduled', { skipIfUnchanged: true })).toEqual({ written: false, why: 'unchanged' });
    expect((await restarted.write(backup('scheduled', 'b'), 'scheduled', { skipIfUnchanged: true })).written).toBe(true);
    expect(await folder.list()).toHaveLength(2);
  });

  it('prunes by the rotation rule after each write, and never touches other files', async () => {
    const { dir, folder, advance } = tempFolder();
    for (let i = 0; i < 14; i++) {
      await folder.write(backup('scheduled', `data ${i}`), 'scheduled');
      if (i === 0) writeFileSync(join(dir, '我的笔记.txt'), '别删');
      advance(30 * 60_000);
    }
    const names = readdirSync(dir);
    expect(names).toContain('我的笔记.txt');
    expect(names.filter((n) => n.endsWith('.mzsh-backup'))).toHaveLength(10);
  });

  it('reads back a backup by the name it listed, and nothing else', async () => {
    const { folder } = tempFolder();
    const data = backup('scheduled', 'read me');
    const outcome = await folder.write(data, 'scheduled');
    if (!outcome.written) throw new Error('not written');
    const read = await folder.read(outcome.name);
    expect([...read.data]).toEqual([...data]);
    await expect(folder.read('../../etc/passwd')).rejects.toThrow('没有这个自动备份');
    await expect(folder.read('mzsh-2020-01-01T00-00-00-000Z-manual.mzsh-backup')).rejects.toThrow('该自动备份已不存在');
  });
});

describe('the backup scheduler', () => {
  afterEach(() => vi.useRealTimers());

  function scheduler(answer: (request: BackupRequest) => void | 'no-page', store = vi.fn(async () => ({ written: true as const, name: 'n', path: '/p' }))) {
    let id = 0;
    const log = vi.fn();
    const ports: SchedulerPorts = {
      ask: (request) => {
        if (answer(request) === 'no-page') return false;
        return true;
      },
      store,
      newId: () => `req-${++id}`,
      log,
    };
    const s = new BackupScheduler(ports, { intervalMs: 30 * 60_000, timeoutMs: 5_000 });
    return { s, store, log };
  }

  it('asks the page, writes its answer, every 30 minutes', async () => {
    vi.useFakeTimers();
    const asked: BackupRequest[] = [];
    const { s, store } = scheduler((request) => {
      asked.push(request);
      queueMicrotask(() => s.receive({ requestId: request.requestId, data: backup('scheduled') }));
    });
    s.start();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(asked).toEqual([{ requestId: 'req-1', reason: 'scheduled' }]);
    expect(store).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(asked).toHaveLength(3);
    s.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(asked).toHaveLength(3);
  });

  it('gives up when the page does not answer in time, and ignores a late answer', async () => {
    vi.useFakeTimers();
    const { s, store, log } = scheduler(() => undefined);
    const run = s.run('quit');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await run).toBe('timeout');
    expect(s.receive({ requestId: 'req-1', data: backup('quit') })).toBe(false);
    expect(store).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('reports no page, a failure in the page, and a failed write', async () => {
    expect(await scheduler(() => 'no-page').s.run('scheduled')).toBe('no-page');
    const failing = scheduler((r) => queueMicrotask(() => failing.s.receive({ requestId: r.requestId, error: '磁盘空间不足' })));
    expect(await failing.s.run('scheduled')).toBe('failed');
    const badDisk = scheduler(
      (r) => queueMicrotask(() => badDisk.s.receive({ requestId: r.requestId, data: backup('scheduled') })),
      vi.fn(async () => Promise.reject(new Error('EACCES'))),
    );
    expect(await badDisk.s.run('scheduled')).toBe('failed');
  });

  it('joins a run already under way instead of asking twice', async () => {
    const asked: string[] = [];
    const { s } = scheduler((r) => {
      asked.push(r.requestId);
      setTimeout(() => s.receive({ requestId: r.requestId, data: backup('scheduled') }), 10);
    });
    const [a, b] = await Promise.all([s.run('scheduled'), s.run('quit')]);
    expect([a, b]).toEqual(['written', 'written']);
    expect(asked).toEqual(['req-1']);
  });
});

describe('backup IPC handlers', () => {
  it('stores, lists and reads back; refuses an answer nobody asked for', async () => {
    const { folder } = tempFolder();
    const s = new BackupScheduler({ ask: () => true, store: async () => ({ written: false, why: 'unchanged' }), newId: () => 'r', log: () => undefined });
    const h = backupHandlers<null>(folder, s);
    const stored = await h['backup:store']({ reason: 'before-restore', data: backup('before-restore') }, null);
    expect(stored.name).toMatch(/before-restore\.mzsh-backup$/);
    expect(readFileSync(stored.path).length).toBe(backup('before-restore').length);
    const listed = await h['backup:list'](null, null);
    expect(listed.backups.map((b) => b.name)).toEqual([stored.name]);
    expect(listed.folder).toBe(folder.dir);
    expect((await h['backup:read']({ name: stored.name }, null)).name).toBe(stored.name);
    await expect(h['backup:submit']({ requestId: 'nobody-asked', data: backup('scheduled') }, null)).rejects.toThrow('没有等待中的备份请求');
  });
});
