// Makes and reads backup files in the renderer: the tables serialized and checked by shared/,
// compressed with gzip, and encrypted when a password is given.
import { backupAad, decodeBackup, encodeBackup, MAX_PLAIN_BYTES, type BackupManifest, type BackupReason, type DecodeBackupResult, type ManifestDraft } from '#shared/backup/format';
import { countRows, parseTables, serializeTables, type BackupTables, type ParseTablesResult, type TableSpec } from '#shared/backup/tables';
import { nowIso } from '#shared/util/ids';
import { UserError } from '../lib/user-error';
import { gunzip, gzip } from './codec';
import { decryptPayload, encryptPayload } from './crypto';

export interface MakeBackupOptions {
  schemaVersion: number;
  appVersion: string;
  reason: BackupReason;
  /** Protects the backup when given (non-empty). */
  password?: string;
  createdAt?: string;
  /** PBKDF2 rounds; never below the format's minimum. */
  iterations?: number;
}

export interface MadeBackup {
  bytes: Uint8Array;
  manifest: BackupManifest;
}

/** A complete backup file of the tables. */
export async function makeBackupFile(tables: BackupTables, options: MakeBackupOptions): Promise<MadeBackup> {
  const json = serializeTables(tables);
  if (json.byteLength > MAX_PLAIN_BYTES) throw new UserError('数据量超过单个备份文件的上限（500 MB），无法备份。请联系技术支持。');
  const compressed = await gzip(json);
  const draft: Omit<ManifestDraft, 'encryption'> = {
    schemaVersion: options.schemaVersion,
    appVersion: options.appVersion,
    createdAt: options.createdAt ?? nowIso(),
    reason: options.reason,
    tables: countRows(tables),
    payload: { compression: 'gzip', plainBytes: json.byteLength },
  };
  let payload = compressed;
  let encryption: BackupManifest['encryption'] = null;
  if (options.password) {
    const sealed = await encryptPayload(compressed, options.password, (params) => backupAad({ ...draft, encryption: params }), options.iterations);
    payload = sealed.ciphertext;
    encryption = sealed.encryption;
  }
  const bytes = encodeBackup({ ...draft, encryption }, payload);
  const decoded = decodeBackup(bytes);
  if (!decoded.ok) throw new Error(`makeBackupFile: the new file does not verify: ${decoded.error}`);
  return { bytes, manifest: decoded.manifest };
}

/** The frame of a backup file, checked byte for byte (see shared/backup/format.ts). */
export function openBackupFile(bytes: Uint8Array): DecodeBackupResult {
  return decodeBackup(bytes);
}

/**
 * The tables inside a verified backup: decrypted (when protected), decompressed within the size
 * the manifest states, and checked against the tables they must fill. Never throws for bad input.
 */
export async function readBackupTables(
  opened: { manifest: BackupManifest; payload: Uint8Array },
  specs: readonly TableSpec[],
  password = '',
): Promise<ParseTablesResult> {
  const { manifest } = opened;
  let compressed = opened.payload;
  if (manifest.encryption) {
    const plain = await decryptPayload(compressed, manifest, password);
    if (!plain.ok) return plain;
    compressed = plain.data;
  }
  const json = await gunzip(compressed, manifest.payload.plainBytes);
  if (!json.ok) return json;
  if (json.data.byteLength !== manifest.payload.plainBytes) return { ok: false, error: '备份数据已损坏：解压后的大小与清单不符' };
  return parseTables(json.data, manifest, specs);
}
