/**
 * A fast, non-cryptographic 64-bit hash of a string (its UTF-16 code units), as 16 hex digits:
 * two multiply–xor lanes mixed at the end (cyrb53, widened to 64 bits). For telling versions of
 * a record apart (merge bases), where SHA-256 would cost ~20 µs a record; never for checksums.
 * `hash64('abc') !== hash64('abd')`
 */
export function hash64(s: string): string {
  let h1 = 0xdeadbeef ^ s.length;
  let h2 = 0x41c6ce57 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
