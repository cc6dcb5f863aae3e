// Node's SHA-256 (OpenSSL) for shared/util/sha256.ts on the command line: the same digest as
// @noble/hashes, without the slow CommonJS shim tsx loads that library through.
import { createHash } from 'node:crypto';

/** SHA-256 of the bytes as lowercase hex. */
export function nodeSha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
