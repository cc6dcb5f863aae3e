import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '#shared/util/base64';

describe('base64', () => {
  it('writes what Node writes and reads it back, for every length of padding', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) % 256);
      const text = toBase64(bytes);
      expect(text, `length ${n}`).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(text), `length ${n}`).toEqual(bytes);
    }
    const big = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 31) % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('refuses text that is not well-formed base64', () => {
    for (const bad of ['abc', 'ab=c', '=abc', 'ab==abcd', 'a*cd', 'añcd', 'abc==']) expect(fromBase64(bad), bad).toBeUndefined();
  });
});
