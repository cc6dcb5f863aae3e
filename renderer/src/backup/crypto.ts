// Password protection of a backup with WebCrypto: AES-256-GCM with a random 96-bit IV, the key
// derived from the password by PBKDF2-SHA256 with a random 128-bit salt. The parameters go into
// the manifest; the password goes nowhere.
import { fromHex, MIN_PBKDF2_ITERATIONS, toHex, type BackupEncryption } from '../../../shared/backup/format';

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

/** Encrypts the payload with a key derived from the password; returns the ciphertext (with the GCM tag) and the parameters. */
export async function encryptPayload(
  plain: Uint8Array,
  password: string,
  iterations: number = MIN_PBKDF2_ITERATIONS,
): Promise<{ ciphertext: Uint8Array; encryption: BackupEncryption }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(password, salt, iterations, 'encrypt');
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain as Uint8Array<ArrayBuffer>));
  return { ciphertext, encryption: { cipher: 'AES-256-GCM', iv: toHex(iv), kdf: 'PBKDF2-SHA256', iterations, salt: toHex(salt) } };
}

export type DecryptResult = { ok: true; data: Uint8Array } | { ok: false; error: string };

/**
 * Decrypts a payload whose integrity was already checked (its SHA-256 matched the manifest), so a
 * failed GCM tag can only mean a wrong password. Never throws.
 */
export async function decryptPayload(ciphertext: Uint8Array, encryption: BackupEncryption, password: string): Promise<DecryptResult> {
  if (password === '') return { ok: false, error: '该备份已加密，请输入密码' };
  try {
    const key = await deriveKey(password, fromHex(encryption.salt), encryption.iterations, 'decrypt');
    const iv = fromHex(encryption.iv) as Uint8Array<ArrayBuffer>;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext as Uint8Array<ArrayBuffer>);
    return { ok: true, data: new Uint8Array(plain) };
  } catch {
    return { ok: false, error: '密码不正确，无法解密该备份' };
  }
}
