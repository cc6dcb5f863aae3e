// Password protection of a backup with WebCrypto: AES-256-GCM with a random 96-bit IV, the key
// derived from the password by PBKDF2-SHA256 with a random 128-bit salt, and the manifest bound in
// as additional authenticated data (shared/backup/format.ts `backupAad`). The parameters go into
// the manifest; the password goes nowhere.
import { backupAad, fromHex, MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, toHex, type BackupEncryption, type BackupManifest } from '#shared/backup/format';

async function deriveKey(password: string, salt: Uint8Array, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/**
 * Encrypts the payload with a key derived from the password; returns the ciphertext (with the GCM
 * tag) and the parameters. `aadFor` gives the bytes to authenticate with it (the manifest, which
 * contains the parameters chosen here).
 */
export async function encryptPayload(
  plain: Uint8Array,
  password: string,
  aadFor: (encryption: BackupEncryption) => Uint8Array,
  iterations: number = MIN_PBKDF2_ITERATIONS,
): Promise<{ ciphertext: Uint8Array; encryption: BackupEncryption }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const encryption: BackupEncryption = { cipher: 'AES-256-GCM', iv: toHex(iv), kdf: 'PBKDF2-SHA256', iterations, salt: toHex(salt), aad: 'manifest' };
  const key = await deriveKey(password, salt, iterations, 'encrypt');
  const additionalData = aadFor(encryption) as Uint8Array<ArrayBuffer>;
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain as Uint8Array<ArrayBuffer>));
  return { ciphertext, encryption };
}

export type DecryptResult = { ok: true; data: Uint8Array } | { ok: false; error: string };

/**
 * Decrypts a payload whose bytes were already checked against the manifest's SHA-256. A failed
 * GCM tag means a wrong password — or, for a backup that binds its manifest, a manifest changed
 * since (its checksum line recomputed). Never throws.
 */
export async function decryptPayload(ciphertext: Uint8Array, manifest: BackupManifest, password: string): Promise<DecryptResult> {
  const encryption = manifest.encryption;
  if (!encryption) return { ok: true, data: ciphertext };
  if (password === '') return { ok: false, error: '该备份已加密，请输入密码' };
  // The manifest's validator already bounds the rounds; checked again here because this is where the time is spent.
  if (encryption.iterations > MAX_PBKDF2_ITERATIONS) return { ok: false, error: '备份文件的加密参数不正确，不能恢复' };
  try {
    const key = await deriveKey(password, fromHex(encryption.salt), encryption.iterations, 'decrypt');
    const iv = fromHex(encryption.iv) as Uint8Array<ArrayBuffer>;
    const params: AesGcmParams = encryption.aad === 'manifest' ? { name: 'AES-GCM', iv, additionalData: backupAad(manifest) as Uint8Array<ArrayBuffer> } : { name: 'AES-GCM', iv };
    const plain = await crypto.subtle.decrypt(params, key, ciphertext as Uint8Array<ArrayBuffer>);
    return { ok: true, data: new Uint8Array(plain) };
  } catch {
    return {
      ok: false,
      error: encryption.aad === 'manifest' ? '密码不正确，或备份的清单已被改动，无法解密该备份' : '密码不正确，无法解密该备份',
    };
  }
}
