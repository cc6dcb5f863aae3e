// The backup file, format version 1 (`*.mzsh-backup`): every table of the database, compressed
// and optionally encrypted, behind a manifest that says what it holds. Documented in
// docs/backup-format.md. This module only frames and checks bytes; compression and encryption
// are done by the caller (the renderer has CompressionStream and WebCrypto, shared/ has neither).
//
//   MZSH-BACKUP/1\n                      magic line with the format version
//   <manifest JSON>\n                    one line of UTF-8
//   <SHA-256 hex of the manifest line>\n
//   <payload>                            exactly manifest.payload.bytes bytes
//
// Every byte of the file is covered by a check: the magic line by comparison, the manifest by
// its hash, the payload by the hash and length in the manifest.
import { z } from 'zod';
import { recordLabel } from '../model/record-kinds';
import { canonicalJson } from '../util/canonical-json';
import { isRealIsoTime } from '../util/dates';
import { check, dict, int, literal, obj, str } from '../util/validation';
import { sha256Hex } from '../util/sha256';
import { concatBytes } from '../util/bytes';

export const BACKUP_FORMAT = 'mzsh-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.mzsh-backup';
/** The decompressed payload may not exceed this: it must fit in one JavaScript string. */
export const MAX_PLAIN_BYTES = 500 * 1024 * 1024;
/** The largest backup file read at all. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
/** PBKDF2 rounds for a password-protected backup (OWASP 2023 for PBKDF2-HMAC-SHA256). */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/**
 * The most rounds a file may ask for. The file chooses, so without a bound a crafted backup could
 * make every password try take many seconds (10,000,000 rounds: ~8 s here); 1,000,000 is under a
 * second and leaves room to raise the minimum later.
 */
export const MAX_PBKDF2_ITERATIONS = 1_000_000;
const MAX_MANIFEST_BYTES = 1024 * 1024;

const MAGIC_PREFIX = 'MZSH-BACKUP/';

/** Why a backup was made; automatic backups say so in their file name too. */
export const BACKUP_REASONS = ['manual', 'scheduled', 'quit', 'before-upgrade', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const realTime = () =>
  str({ pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, patternName: 'ISO 时间' }).refine(isRealIsoTime, { error: (i) => `不是真实存在的时间（${String(i.input)}）` });

const HEX = (length: number) => str({ min: length, max: length, pattern: /^[0-9a-f]+$/, patternName: '十六进制' });

// Dexie allows fractional schema versions (IndexedDB's version is Dexie's times 10).
const schemaVersion = z.number({ error: '应为数据版本号' }).refine((v) => Number.isInteger(v * 10) && v > 0 && v <= 1_000_000, { error: '应为数据版本号' });

/** How a password-protected payload was encrypted; everything but the password. */
const encryptionSchema = obj({
  cipher: literal('AES-256-GCM'),
  /** 96-bit IV, hex. */
  iv: HEX(24),
  kdf: literal('PBKDF2-SHA256'),
  iterations: int({ min: MIN_PBKDF2_ITERATIONS, max: MAX_PBKDF2_ITERATIONS }),
  /** Random salt, hex. */
  salt: HEX(32),
  /**
   * `"manifest"`: the manifest (all but the payload's length and hash, see `backupAad`) is bound
   * into the encryption as additional authenticated data, so its time, reason and versions cannot
   * be rewritten without the password. Absent in backups written before; they still restore.
   */
  aad: literal('manifest').optional(),
});
export type BackupEncryption = z.infer<typeof encryptionSchema>;

const manifestSchema = obj({
  format: literal(BACKUP_FORMAT),
  formatVersion: literal(BACKUP_FORMAT_VERSION),
  /** The database schema version the tables were read from. */
  schemaVersion,
  appVersion: str({ max: 100 }),
  /** ISO time the snapshot was taken. */
  createdAt: realTime(),
  reason: literal(...BACKUP_REASONS),
  /** Row count of every table in the payload, by table name. */
  tables: dict(int({ min: 0, max: 100_000_000 }), { maxKeys: 200 }),
  payload: obj({
    /** Length of the stored payload (after compression and encryption). */
    bytes: int({ min: 0, max: MAX_BACKUP_BYTES }),
    /** SHA-256 of the stored payload, hex. */
    sha256: HEX(64),
    compression: literal('gzip'),
    /** Length of the JSON inside, before compression. */
    plainBytes: int({ min: 0, max: MAX_PLAIN_BYTES }),
  }),
  /** `null` when the backup is not password-protected. */
  encryption: encryptionSchema.nullable(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * The additional authenticated data of an encrypted backup: the manifest's canonical JSON without
 * the payload's length and hash (they describe the ciphertext, which does not exist yet when it is
 * encrypted, and the ciphertext is authenticated by the GCM tag itself). Changing the time, the
 * reason, the versions, the row counts or the encryption parameters makes decryption fail.
 */
export function backupAad(manifest: Pick<BackupManifest, 'schemaVersion' | 'appVersion' | 'createdAt' | 'reason' | 'tables' | 'encryption'> & { payload: Pick<BackupManifest['payload'], 'compression' | 'plainBytes'> }): Uint8Array {
  const bound = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: manifest.schemaVersion,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    tables: manifest.tables,
    payload: { compression: manifest.payload.compression, plainBytes: manifest.payload.plainBytes },
    encryption: manifest.encryption,
  };
  return new TextEncoder().encode(canonicalJson(bound));
}

/** What the caller knows before framing: the manifest without the payload's length and hash. */
export type ManifestDraft = Omit<BackupManifest, 'format' | 'formatVersion' | 'payload'> & {
  payload: Omit<BackupManifest['payload'], 'bytes' | 'sha256'>;
};

/** Frames a payload (already compressed, and encrypted if wanted) into a backup file. */
export function encodeBackup(draft: ManifestDraft, payload: Uint8Array): Uint8Array {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: draft.schemaVersion,
    appVersion: draft.appVersion,
    createdAt: draft.createdAt,
    reason: draft.reason,
    tables: { ...draft.tables },
    payload: { bytes: payload.byteLength, sha256: sha256Hex(payload), compression: draft.payload.compression, plainBytes: draft.payload.plainBytes },
    encryption: draft.encryption,
  };
  const checked = check(manifestSchema, manifest);
  if (!checked.ok) throw new TypeError(`encodeBackup: invalid manifest: ${checked.error}`);
  const encoder = new TextEncoder();
  const manifestBytes = encoder.encode(JSON.stringify(manifest));
  const head = encoder.encode(`${MAGIC_PREFIX}${BACKUP_FORMAT_VERSION}\n`);
  const hashLine = encoder.encode(`\n${sha256Hex(manifestBytes)}\n`);
  return concatBytes([head, manifestBytes, hashLine, payload]);
}

export type DecodeBackupResult = { ok: true; manifest: BackupManifest; payload: Uint8Array } | { ok: false; error: string };

/**
 * Reads a backup file's frame and checks every byte of it: the magic line, the manifest's hash,
 * the payload's length and hash. Never throws for bad input; each refusal is a Chinese message.
 */
export function decodeBackup(bytes: Uint8Array): DecodeBackupResult {
  if (bytes.byteLength > MAX_BACKUP_BYTES) return fail(`备份文件过大（超过 ${MAX_BACKUP_BYTES / 1024 / 1024} MB）`);
  const magicEnd = bytes.indexOf(0x0a);
  const magic = magicEnd > 0 && magicEnd <= 40 ? latin1(bytes.subarray(0, magicEnd)) : '';
  if (!magic.startsWith(MAGIC_PREFIX)) return fail('文件不是民主生活会工作台的备份文件');
  const versionText = magic.slice(MAGIC_PREFIX.length);
  if (!/^[1-9]\d{0,5}$/.test(versionText)) return fail('备份文件已损坏：文件头无法识别');
  const version = Number(versionText);
  if (version > BACKUP_FORMAT_VERSION) {
    return fail(`备份文件的格式版本为 ${version}，本程序只能读取版本 ${BACKUP_FORMAT_VERSION}。请升级工作台后再恢复`);
  }
  if (version !== BACKUP_FORMAT_VERSION) return fail(`备份文件的格式版本 ${version} 无法识别`);

  const manifestStart = magicEnd + 1;
  const manifestEnd = bytes.indexOf(0x0a, manifestStart);
  if (manifestEnd < 0) return fail(bytes.byteLength - manifestStart > MAX_MANIFEST_BYTES ? '备份文件已损坏：清单无法识别' : '备份文件不完整：文件被截断');
  if (manifestEnd - manifestStart > MAX_MANIFEST_BYTES) return fail('备份文件已损坏：清单无法识别');
  const manifestBytes = bytes.subarray(manifestStart, manifestEnd);
  const hashStart = manifestEnd + 1;
  if (bytes.byteLength < hashStart + 65) return fail('备份文件不完整：文件被截断');
  const storedHash = latin1(bytes.subarray(hashStart, hashStart + 64));
  if (bytes[hashStart + 64] !== 0x0a) return fail('备份文件已损坏：清单校验码无法识别');
  if (storedHash !== sha256Hex(manifestBytes)) return fail('备份文件已损坏：清单与校验码不符');

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return fail('备份文件已损坏：清单无法解析');
  }
  const checked = check(manifestSchema, parsed);
  if (!checked.ok) return fail(`备份文件的清单不正确：${manifestProblem(checked.path, checked.reason)}`);
  const manifest = checked.value;
  const badTable = Object.keys(manifest.tables).find((name) => !TABLE_NAME.test(name));
  if (badTable !== undefined) return fail(`备份文件的清单不正确：表名“${badTable.slice(0, 40)}”无法识别`);

  const payload = bytes.subarray(hashStart + 65);
  if (payload.byteLength < manifest.payload.bytes) return fail('备份文件不完整：文件被截断，数据缺失');
  if (payload.byteLength > manifest.payload.bytes) return fail('备份文件已损坏：文件末尾有多余的数据');
  if (sha256Hex(payload) !== manifest.payload.sha256) return fail('备份文件已损坏：数据与校验码不符，文件已被改动');
  return { ok: true, manifest, payload };
}

/** A manifest field's problem in Chinese; a table's row count names the table by its label (`tables.opinions` → 意见建议的行数). */
function manifestProblem(path: string, reason: string): string {
  const table = /^tables\.(.+)$/s.exec(path)?.[1];
  if (table !== undefined) return `${recordLabel(table.slice(0, 40))}的行数${reason}`;
  return path === '' ? `数据${reason}` : `${path} ${reason}`;
}

/** Why a verified backup cannot be restored into a database at `currentSchema`, or undefined. */
export function restoreRefusal(manifest: BackupManifest, currentSchema: number): string | undefined {
  if (manifest.schemaVersion > currentSchema) {
    return `该备份由更新版本的工作台创建（数据版本 ${manifest.schemaVersion}，本程序为 ${currentSchema}），不能恢复。请先升级工作台`;
  }
  return undefined;
}

/** The manifest's row counts, summed. */
export function totalRows(manifest: BackupManifest): number {
  return Object.values(manifest.tables).reduce((a, b) => a + b, 0);
}

/** Bytes as hex. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Hex as bytes (the input is already validated as hex of even length). */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function fail(error: string): DecodeBackupResult {
  return { ok: false, error };
}
