import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSha256Hex } from '../../../node/cli/native-sha256';
import { sha256Hex } from '#shared/util/sha256';

describe("the command line's native SHA-256", () => {
  it('gives the digest @noble/hashes gives, on every length around the block size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(nodeSha256Hex(bytes)).toBe(sha256Hex(bytes));
      }),
      { numRuns: 500 },
    );
    expect(nodeSha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
