import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { MAX_PACKAGE_BYTES, readPackage, type ExchangePackage } from '#shared/package/format';
import { latestPackages } from '#shared/package/latest-packages';
import { describeFsError, writeFileAtomic } from '../files/atomic-write';
import { CliError } from './errors';

/** Where a command writes: injected so tests can capture the output. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** Reads a file the user named, with a Chinese message for every way it can fail. */
export async function readUserFile(path: string, cwd: string, maxBytes: number): Promise<Uint8Array> {
  const full = resolve(cwd, path);
  try {
    const info = await stat(full);
    if (!info.isFile()) throw new CliError(`“${path}”不是文件`);
    if (info.size > maxBytes) throw new CliError(`文件“${basename(path)}”过大（${(info.size / 1048576).toFixed(1)} MB），最多 ${(maxBytes / 1048576).toFixed(0)} MB`);
    const buffer = await readFile(full);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as { code?: string }).code === 'ENOENT') throw new CliError(`找不到文件“${path}”`);
    throw new CliError(describeFsError(e, full));
  }
}

/** Reads and checks an exchange package; a bad one is a CliError naming the file and the problem. */
export async function loadPackage(path: string, cwd: string): Promise<ExchangePackage> {
  const bytes = await readUserFile(path, cwd, MAX_PACKAGE_BYTES);
  const result = readPackage(bytes);
  if (!result.ok) throw new CliError(`${basename(path)}：${result.error}`);
  return result.package;
}

/**
 * Reads and checks every package (bad input changes nothing), then leaves out a package given twice
 * and one that a later export of the same units replaces (`latestPackages`): a unit's data is read
 * once, and its latest. Each left out is named to `say` in a 注意 line.
 */
export async function loadLatestPackages(paths: readonly string[], cwd: string, say: (line: string) => void): Promise<Array<{ file: string; content: ExchangePackage['content'] }>> {
  const loaded = [];
  for (const file of paths) {
    const pkg = await loadPackage(file, cwd);
    loaded.push({ name: file, exportedAt: pkg.exportedAt, checksum: pkg.checksum.value, content: pkg.content });
  }
  const chosen = latestPackages(loaded);
  for (const note of chosen.notes) say(`注意：${note}。`);
  return chosen.kept.map((p) => ({ file: p.name, content: p.content }));
}

/** Writes a file atomically (the old file stays whole until the new one is complete). */
export async function writeUserFile(path: string, cwd: string, data: Uint8Array): Promise<string> {
  const full = resolve(cwd, path);
  try {
    await writeFileAtomic(full, data);
  } catch (e) {
    throw new CliError(describeFsError(e, full));
  }
  return full;
}
