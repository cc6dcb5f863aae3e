import { basename } from 'node:path';
import { decodeBackup, MAX_BACKUP_BYTES, totalRows } from '#shared/backup/format';
import { MAX_PACKAGE_BYTES, isOptionalTable, PACKAGE_TABLE_LABELS, PACKAGE_TABLES, readPackage } from '#shared/package/format';
import { readBackupContent } from '../backup-read';
import { CliError, EXIT_BAD_INPUT, EXIT_OK } from '../errors';
import { readUserFile, type CliIo } from '../io';
import { formatDateTime } from '#shared/util/dates';

export const VERIFY_HELP = `verify FILE… [--password-file FILE]
    完整检查数据包（*.mzsh.json）和备份文件（*.mzsh-backup）：格式、校验码、每条记录、记录之间的引用；
    加密备份检查其外层（清单、校验码、加密参数），用 --password-file 提供密码时再解密检查全部内容。
    --password-file  存有备份密码的文本文件（只读第一行）
    退出码：0 全部完好；2 有文件损坏、被改动或无法读取（逐个说明原因）。`;

const BACKUP_MAGIC = new TextEncoder().encode('MZSH-BACKUP/');

/** `verify`: every file checked completely; one line per file, the reason when it is not sound. */
export async function verifyCommand(files: string[], options: { passwordFile: string | undefined }, io: CliIo): Promise<number> {
  let password: string | undefined;
  if (options.passwordFile !== undefined) {
    const bytes = await readUserFile(options.passwordFile, io.cwd, 64 * 1024);
    password = new TextDecoder().decode(bytes).split(/\r?\n/)[0] ?? '';
    if (password === '') throw new CliError(`密码文件“${options.passwordFile}”的第一行为空`);
  }
  let bad = 0;
  for (const file of files) {
    const name = basename(file);
    let verdict: { ok: boolean; text: string };
    try {
      const bytes = await readUserFile(file, io.cwd, Math.max(MAX_PACKAGE_BYTES, MAX_BACKUP_BYTES));
      verdict = isBackup(bytes) ? await verifyBackup(bytes, password) : verifyPackage(bytes);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      verdict = { ok: false, text: e.message };
    }
    if (!verdict.ok) bad++;
    io.out(`${verdict.ok ? '完好' : '有问题'}  ${name}：${verdict.text}`);
  }
  if (files.length > 1) io.out(bad === 0 ? `共 ${files.length} 个文件，全部完好。` : `共 ${files.length} 个文件，${bad} 个有问题。`);
  return bad === 0 ? EXIT_OK : EXIT_BAD_INPUT;
}

function isBackup(bytes: Uint8Array): boolean {
  return BACKUP_MAGIC.every((b, i) => bytes[i] === b);
}

function verifyPackage(bytes: Uint8Array): { ok: boolean; text: string } {
  const r = readPackage(bytes);
  if (!r.ok) return { ok: false, text: r.error };
  const c = r.package.content;
  // The follow-up tables (format 2) and the cell pictures are named only when they hold records.
  const counts = PACKAGE_TABLES.filter((t) => c[t].length > 0 || !isOptionalTable(t)).map((t) => `${PACKAGE_TABLE_LABELS[t]} ${c[t].length}`);
  return { ok: true, text: `数据包格式、校验码、每条记录和引用均正确（${counts.join('，')}；格式版本 ${r.package.formatVersion}，导出于 ${formatDateTime(r.package.exportedAt)}）` };
}

async function verifyBackup(bytes: Uint8Array, password: string | undefined): Promise<{ ok: boolean; text: string }> {
  const opened = decodeBackup(bytes);
  if (!opened.ok) return { ok: false, text: opened.error };
  const { manifest } = opened;
  const made = `备份于 ${formatDateTime(manifest.createdAt)}，共 ${totalRows(manifest)} 行`;
  if (manifest.encryption && password === undefined) {
    return { ok: true, text: `加密备份：文件头、清单、校验码和加密参数正确（${made}）；内容需要密码才能检查（--password-file）` };
  }
  const content = await readBackupContent(opened, password);
  if (!content.ok) return { ok: false, text: content.error };
  return { ok: true, text: `${manifest.encryption ? '加密备份已解密，' : ''}备份的文件头、清单、校验码、每个数据表的每一行和记录之间的引用均正确（${made}）` };
}
