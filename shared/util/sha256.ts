// SHA-256 through an audited library (@noble/hashes: pure JS, synchronous, no WebCrypto or
// node:crypto), so the package and backup checksums are computed the same way in the app, in
// workers and on the command line. The digests are SHA-256 itself: files written by the earlier
// hand-written implementation verify unchanged.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The SHA-256 digest of the bytes, as 64 lowercase hex digits. `sha256Hex(new Uint8Array()) === 'e3b0c442…b855'` */
export function sha256Hex(data: Uint8Array): string {
  return bytesToHex(sha256(data));
}
