// Reading a backup's content on the command line, with Node's own crypto and zlib: the same steps
// as the app's restore (renderer/src/backup-engine/backup-file.ts) — decrypt with the password (the
// manifest bound in as additional data when the file says so), decompress within the size the
// manifest states, then check every row with shared/backup/tables.ts.
import { createDecipheriv, pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { backupAad, fromHex, MAX_PBKDF2_ITERATIONS, type BackupManifest } from '#shared/backup/format';
import { BACKUP_TABLE_KEYS } from '#shared/backup/rows';
import { parseTables, type ParseTablesResult, type TableSpec } from '#shared/backup/tables';

const pbkdf2Async = promisify(pbkdf2);
const gunzipAsync = promisify(gunzip);

/** The tables of a verified backup frame, decrypted when it is protected, every row checked. Never throws for bad input. */
export async function readBackupContent(opened: { manifest: BackupManifest; payload: Uint8Array }, password: string | undefined): Promise<ParseTablesResult> {
  const { manifest } = opened;
  let compressed: Uint8Array = opened.payload;
  const encryption = manifest.encryption;
  if (encryption) {
    if (password === undefined || password === '') return { ok: false, error: '该备份已加密，请用 --password-file 指定存有密码的文件' };
    if (encryption.iterations > MAX_PBKDF2_ITERATIONS) return { ok: false, error: '备份文件的加密参数不正确' };
    if (compressed.byteLength < 16) return { ok: false, error: '备份数据已损坏：加密数据不完整' };
    try {
      const key = await pbkdf2Async(Buffer.from(password, 'utf8'), fromHex(encryption.salt), encryption.iterations, 32, 'sha256');
      const decipher = createDecipheriv('aes-256-gcm', key, fromHex(encryption.iv));
      if (encryption.aad === 'manifest') decipher.setAAD(backupAad(manifest));
      decipher.setAuthTag(compressed.subarray(compressed.byteLength - 16));
      compressed = Buffer.concat([decipher.update(compressed.subarray(0, compressed.byteLength - 16)), decipher.final()]);
    } catch {
      return { ok: false, error: encryption.aad === 'manifest' ? '密码不正确，或备份的清单已被改动，无法解密该备份' : '密码不正确，无法解密该备份' };
    }
  }
  let json: Buffer;
  try {
    json = await gunzipAsync(compressed, { maxOutputLength: Math.max(1, manifest.payload.plainBytes) });
  } catch {
    return { ok: false, error: '备份数据已损坏：无法解压，或解压后的大小与清单不符' };
  }
  if (json.byteLength !== manifest.payload.plainBytes) return { ok: false, error: '备份数据已损坏：解压后的大小与清单不符' };
  const unknown = Object.keys(manifest.tables).filter((t) => BACKUP_TABLE_KEYS[t] === undefined);
  if (unknown.length > 0) return { ok: false, error: `备份中有本程序不认识的数据表：${unknown.join('、')}（可能由更新版本的工作台创建）` };
  const specs: TableSpec[] = Object.keys(manifest.tables).map((name) => ({ name, primaryKey: BACKUP_TABLE_KEYS[name]! }));
  return parseTables(new Uint8Array(json.buffer, json.byteOffset, json.byteLength), manifest, specs);
}
