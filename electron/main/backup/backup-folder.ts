// The folder of automatic backups (userData/backups): written atomically, listed, read back for a
// restore, and pruned by the rotation rule after every write. Only files whose names this module
// writes are ever listed, read or deleted; anything else in the folder is left alone.
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBackup, MAX_BACKUP_BYTES, type BackupReason } from '#shared/backup/format';
import type { AutoBackupInfo, OpenedFile } from '#shared/ipc/contract';
import { describeFsError, writeFileAtomic } from '../../../node/files/atomic-write';
import { IpcFailure } from '../ipc/dispatch';
import { backupFileName, parseBackupFileName } from './backup-names';
import { backupsToDelete, DEFAULT_ROTATION, localDay, type BackupEntry, type RotationPolicy } from './rotation';

export type WriteOutcome = { written: true; name: string; path: string } | { written: false; why: 'unchanged' };

export class BackupFolder {
  /** The payload hash of the newest backup, to skip writing the same data twice in a row. */
  private lastPayload: string | undefined;

  constructor(
    readonly dir: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly dayKey: (time: number) => string = localDay,
    private readonly policy: RotationPolicy = DEFAULT_ROTATION,
  ) {}

  /** The automatic backups, newest first. */
  async list(): Promise<AutoBackupInfo[]> {
    const entries = await this.entries();
    const infos: AutoBackupInfo[] = [];
    for (const e of entries.sort((a, b) => b.time - a.time)) {
      try {
        const info = await stat(join(this.dir, e.name));
        infos.push({ name: e.name, size: info.size, createdAt: new Date(e.time).toISOString(), reason: e.reason });
      } catch {
        // Deleted meanwhile: not listed.
      }
    }
    return infos;
  }

  /**
   * Writes a backup the renderer made, after checking it is one (every byte verified), then
   * prunes. With `skipIfUnchanged`, data identical to the newest backup is not written again.
   */
  async write(data: Uint8Array, reason: BackupReason, options: { skipIfUnchanged?: boolean } = {}): Promise<WriteOutcome> {
    const decoded = decodeBackup(data);
    if (!decoded.ok) throw new IpcFailure('bad-request', `备份数据不正确：${decoded.error}`);
    if (decoded.manifest.reason !== reason) throw new IpcFailure('bad-request', '备份数据不正确：备份原因与请求不符');
    const sha = decoded.manifest.payload.sha256;
    if (options.skipIfUnchanged && sha === (this.lastPayload ?? (await this.newestPayload()))) return { written: false, why: 'unchanged' };
    let time = this.clock();
    const existing = new Set((await this.entries()).map((e) => e.name));
    while (existing.has(backupFileName(time, reason))) time = new Date(time.getTime() + 1);
    const name = backupFileName(time, reason);
    const path = join(this.dir, name);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(path, data);
    } catch (e) {
      throw new IpcFailure('io', `自动备份未能写入：${describeFsError(e, path)}`);
    }
    this.lastPayload = sha;
    await this.prune();
    return { written: true, name, path };
  }

  /** The bytes of one automatic backup, by the name `list` gave. */
  async read(name: string): Promise<OpenedFile> {
    if (!parseBackupFileName(name)) throw new IpcFailure('bad-request', '没有这个自动备份');
    const path = join(this.dir, name);
    try {
      const info = await stat(path);
      if (info.size > MAX_BACKUP_BYTES) throw new IpcFailure('too-large', '该备份文件过大，无法读取');
      const buffer = await readFile(path);
      return { name, data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
    } catch (e) {
      if (e instanceof IpcFailure) throw e;
      if ((e as { code?: string }).code === 'ENOENT') throw new IpcFailure('io', '该自动备份已不存在');
      throw new IpcFailure('io', describeFsError(e, path));
    }
  }

  /** Deletes the backups the rotation rule no longer keeps; returns their names. */
  async prune(): Promise<string[]> {
    const doomed = backupsToDelete(await this.entries(), this.clock().getTime(), this.dayKey, this.policy);
    for (const name of doomed) await rm(join(this.dir, name), { force: true });
    return doomed;
  }

  private async entries(): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return [];
      throw new IpcFailure('io', describeFsError(e, this.dir));
    }
    return names.map(parseBackupFileName).filter((e): e is BackupEntry => e !== undefined);
  }

  private async newestPayload(): Promise<string | undefined> {
    const newest = (await this.entries()).sort((a, b) => b.time - a.time)[0];
    if (!newest) return undefined;
    try {
      const decoded = decodeBackup(await readFile(join(this.dir, newest.name)));
      return decoded.ok ? decoded.manifest.payload.sha256 : undefined;
    } catch {
      return undefined;
    }
  }
}
