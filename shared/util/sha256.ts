// SHA-256 through an audited library (@noble/hashes: pure JS, synchronous, no WebCrypto or
// node:crypto), so the package and backup checksums are computed the same way in the app, in
// workers and on the command line. The digests are SHA-256 itself: files written by the earlier
// hand-written implementation verify unchanged.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

type Sha256Hex = (data: Uint8Array) => string;

const noble: Sha256Hex = (data) => bytesToHex(sha256(data));
let implementation: Sha256Hex = noble;

/** The SHA-256 digest of the bytes, as 64 lowercase hex digits. `sha256Hex(new Uint8Array()) === 'e3b0c442…b855'` */
export function sha256Hex(data: Uint8Array): string {
  return implementation(data);
}

/**
 * Lets a host with a native SHA-256 use it: the command line passes Node's (OpenSSL). Under tsx,
 * @noble/hashes is loaded through a CommonJS shim whose export getters sit in its inner loop and
 * make it about 15 times slower (a 40 MB package: ~80 s instead of ~1 s). Only SHA-256 itself may
 * be passed — test/node/cli/native-sha256.test.ts checks that the two agree.
 */
export function useSha256(native: Sha256Hex): void {
  implementation = native;
}
