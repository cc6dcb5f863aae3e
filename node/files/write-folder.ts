// Writing several files as one folder, all or nothing: every file goes into a hidden temporary
// folder beside the final one, is flushed to disk, and only then is the folder renamed into place.
// A failure halfway (disk full, a name the file system refuses) leaves no partial folder behind.
// Names are made safe and unique by shared/files/safe-names.ts first, so no file overwrites
// another and every name fits 255 bytes — the temporary names too.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { nameKey, numberedName, safeName, temporaryName, uniqueNames } from '#shared/files/safe-names';

interface FolderFile {
  name: string;
  data: Uint8Array;
}

interface WrittenFolder {
  /** The folder's full path (its name may carry （2） when the asked-for name was taken). */
  folder: string;
  /** The names of the files that are in the folder on disk, in the order given. */
  files: string[];
}

/**
 * Writes the files into a new folder named `folderName` inside `parent`. An existing folder or
 * file of that name (compared without regard to case) is never touched: the new one is named
 * `name（2）`, `name（3）` …. Throws a Node file-system error on failure, after removing what it wrote.
 */
export async function writeFolderAtomic(parent: string, folderName: string, files: readonly FolderFile[]): Promise<WrittenFolder> {
  const names = uniqueNames(files.map((f) => f.name));
  const existing = await readdir(parent).catch(() => [] as string[]);
  const taken = new Set(existing.map(nameKey));
  const wanted = safeName(folderName);
  let finalName = wanted;
  // A folder name has no extension: `2025年度-某某局.x` must not be read as one.
  for (let n = 2; taken.has(nameKey(finalName)); n++) finalName = numberedName(`${wanted}.`, n).replace(/\.$/, '');
  const final = join(parent, finalName);
  const tmp = join(parent, temporaryName(finalName, randomBytes(4).toString('hex')));
  await mkdir(tmp);
  try {
    for (let i = 0; i < files.length; i++) {
      const handle = await open(join(tmp, names[i]!), 'wx');
      try {
        await handle.writeFile(files[i]!.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await rename(tmp, final);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  // Report what is really there, not what was meant to be.
  const onDisk = new Set(await readdir(final));
  return { folder: final, files: names.filter((n) => onDisk.has(n)) };
}
