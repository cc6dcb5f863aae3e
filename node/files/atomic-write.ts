import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { temporaryName } from '#shared/files/safe-names';

/**
 * Writes a file so that it is either the old file or the complete new one, never half of it:
 * the bytes go to a temporary file in the same folder, are flushed to disk, then renamed over
 * the target. On failure the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  // The temporary name fits 255 bytes whatever the target's name (a long Chinese name would not).
  const tmp = join(dirname(target), temporaryName(basename(target), randomBytes(4).toString('hex')));
  const handle = await open(tmp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** A Chinese explanation of a file-system error, for the user. */
export function describeFsError(e: unknown, path: string): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return `无法写入“${basename(path)}”：没有权限，或文件正被其他程序（如 Word、WPS）打开。请关闭后重试。`;
    case 'ENOSPC':
      return `无法写入“${basename(path)}”：磁盘空间不足。`;
    case 'ENOENT':
      return `找不到“${basename(path)}”所在的文件夹。`;
    case 'EROFS':
      return `无法写入“${basename(path)}”：该位置是只读的。`;
    case 'ENAMETOOLONG':
      return `无法写入“${basename(path)}”：文件名或路径过长。请选择层级较浅的文件夹后重试。`;
    default:
      return `无法读写“${basename(path)}”${code ? `（${code}）` : ''}。`;
  }
}
