// Near-duplicate detection that scales near-linearly: a similarity sketch of each text's character
// bigrams (similarity-sketch.ts), banded into an LSH index (texts that agree on every value of one
// band become candidates), two cheap filters — a 4-bit digest of the sketch, which drops the plainly
// dissimilar, and an exact upper bound on the common bigrams from per-bucket counts, which drops
// nothing that could reach the threshold — then every remaining candidate verified by its real
// Jaccard similarity. No all-pairs comparison anywhere.
//
// 240 sketch values in 48 bands of 5: a pair of similarity s becomes a candidate with probability
// 1 − (1 − s⁵)⁴⁸: s = 0.6 → 0.98, 0.7 → 0.9999; s = 0.3 → 0.11. Measured (issue 14, scripts/bench):
// on stock-phrase text — most texts strung together from the same few dozen phrases — 16 bands of 4
// with big buckets capped at 16 anchors lost 11–17% of the pairs at 100,000 texts; 21 bands of 3
// found them but compared 86 million bucket pairs (pairs at s ≈ 0.2–0.4 collide too often with 3
// rows), and an exact prefix-filter join (PPJoin, tokens by rarity) made 759 million index probes,
// since every token of such text is common. Five rows give ~9 million bucket pairs at 100,000
// stock-phrase texts, nearly all of texts sharing one phrase (s ≈ 0.15–0.4): the digest drops two
// thirds of them, the count bound most of the rest (measured at 40 bands: 2.1 million → 0.25 million
// exact checks), and a pair met again in a later band is recognised from its text's partner list, not verified again.
// Measured against the exact answer (scripts/bench-copies-node.mts --exact, a PPJoin with length and
// positional filters: at 100,000 stock-phrase texts 10⁹ index probes, 154 million candidates, ~770×
// the read): this search finds 99.3% of the 95,584 pairs (99.5% without the partner cap). Tried and
// dropped there (issue 14; recall with the cap): checking a bucket of over 32 texts only for pairs
// that also agree on one or two further bands (−18% time, recall 98.6%), 200 sketch values in 40
// bands (−10–15%, 98.6%), two one-permutation hashes from the halves of one hash (−7%, 99.2%): none
// comes near the halving of the search a detection within 4× the read would need.
// SimHash found ~10% of near-duplicates on texts this short, so it is not used.
import { fmix32, sketchSet } from './similarity-sketch';

/** Texts are compared as sets of overlapping character pairs (bigrams) of their compare key. */
export const SHINGLE_SIZE = 2;
/** Values per text's sketch, and how they are banded: {@link LSH_BANDS} bands of {@link LSH_ROWS}. */
const SKETCH_VALUES = 240;
export const LSH_ROWS = 5;
export const LSH_BANDS = SKETCH_VALUES / LSH_ROWS;
/**
 * Two texts are "nearly the same" when the Jaccard similarity of their bigram sets is at least
 * this. 0.6 keeps a changed word, changed punctuation or reordered clauses (typically 0.65–0.95)
 * and drops opinions that merely share a topic (typically 0.1–0.4).
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;
/**
 * The most partners a text is given among the texts after it (in input order): one template filled
 * in 3,000 times makes 4.5 million similar pairs, and every caller wants a few partners of each text
 * (its best or first), or its cluster — which these links keep connected — never all of them. The
 * output and the time stay linear; texts that reached the cap are listed in `capped`.
 */
export const PARTNER_CAP = 20;
/**
 * In one LSH bucket a text is compared with at most this many of the texts after it: a bucket of
 * thousands of texts that agree on a whole band but are not similar cannot arise from real
 * opinions (agreeing on five values needs a high similarity), and this keeps the worst case linear.
 */
const BUCKET_SCAN = 256;

/**
 * The set of character bigrams of a compare key, as sorted unique 32-bit hashes. A one-character
 * text is its own single shingle; an empty text has none. `shingles('改进作风')` has 3 members.
 */
export function shingles(key: string): Uint32Array {
  if (scratch.length < key.length) scratch = new Uint32Array(key.length * 2);
  return scratch.slice(0, shingleInto(key, scratch, 0));
}
let scratch = new Uint32Array(256);

/** Writes the shingle set of `key` into `out` from `at` (room for `key.length` values) and returns its size. */
function shingleInto(key: string, out: Uint32Array, at: number): number {
  let count = at;
  let previous = -1;
  for (let i = 0; i < key.length; i++) {
    let point = key.charCodeAt(i);
    // A character beyond the basic plane is one code point in two UTF-16 units.
    if (point >= 0xd800 && point < 0xdc00 && i + 1 < key.length) {
      const low = key.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        point = (point - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (previous >= 0) out[count++] = fmix32(fmix32(0x811c9dc5 ^ Math.imul(previous, 0x01000193)) ^ Math.imul(point, 0x01000193));
    else if (i === key.length - 1) out[count++] = fmix32(0x811c9dc5 ^ Math.imul(point, 0x01000193));
    previous = point;
  }
  if (count === at && previous >= 0) out[count++] = fmix32(0x811c9dc5 ^ Math.imul(previous, 0x01000193));
  // Sort (a text of up to 64 bigrams by insertion: for sets of ~40 the typed-array sort's view and
  // call cost more — measured, reading 100,000 stock-phrase texts ~5–30% faster than with a limit of
  // 24 on a loaded machine) and drop repeats.
  if (count - at > 64) out.subarray(at, count).sort();
  else for (let i = at + 1; i < count; i++) {
    const v = out[i]!;
    let j = i - 1;
    while (j >= at && out[j]! > v) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = v;
  }
  let n = at;
  for (let i = at; i < count; i++) if (i === at || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return n - at;
}

/** The Jaccard similarity of two sorted shingle sets: |A ∩ B| / |A ∪ B|, 1 for two empty sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}


/**
 * Candidates whose sketch digests estimate a similarity below (threshold − this) are dropped before
 * the exact checks. The digest is 4 bits of each of 64 sketch values (32 bytes a text, so comparing
 * a bucket's pairs stays in the processor's cache): two agree with probability s + (1 − s)/16, the
 * estimate's spread is about ±0.065 at 0.6, and a slack of 0.2 (three spreads) loses almost nothing.
 */
export const ESTIMATE_SLACK = 0.2;
const DIGEST_VALUES = 64;
// Bit-sliced: words 2p and 2p + 1 hold bit p of each value's 4 bits (value 8j + i at bit 4i + j % 4 of
// word 2p + (j >>> 2): any fixed place would do, the same for every text). Two values differ where
// any of their four planes differs, so a pair's disagreements are the population count of four XORs
// ORed together — half the work of comparing 4-bit fields, and it is done for every pair of a
// bucket (~8 million at 100,000 stock-phrase texts).
const DIGEST_WORDS = (DIGEST_VALUES * 4) / 32;
// Bigrams counted per bucket of their hash (64 buckets of 4 bits): Σ min(count A, count B) over the
// buckets is at least |A ∩ B|, an exact bound that drops most pairs at s ≈ 0.4–0.55 without a miss.
const COUNT_WORDS = 8;
// Per text, one record of what a bucket pass reads of a candidate that passed the size filter: the
// digest, then the counts, side by side, so that reading them costs one memory access.
const COUNTS = DIGEST_WORDS;
const RECORD = COUNTS + COUNT_WORDS;
// The partners of each text kept for recognising a pair met again in a later band (beyond these, a set).
const LISTED = 32;
// Which sketch values make up each band, and the digest: a fixed shuffle, so that a band draws its
// five values from different one-permutation hashes (whose bins hold different elements).
const VALUE_ORDER = (() => {
  const order = new Int32Array(SKETCH_VALUES);
  for (let i = 0; i < SKETCH_VALUES; i++) order[i] = i;
  let s = 0x1234567;
  for (let i = SKETCH_VALUES - 1; i > 0; i--) {
    s = fmix32(s + 0x9e3779b9);
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
})();

/** A pair of similar texts by index into the input, `a < b`, with their verified Jaccard similarity. */
export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

export interface SimilarityIndex {
  /** The shingle set of each input text. */
  sets: Uint32Array[];
  /** Verified pairs of distinct texts (different compare keys) at or above the threshold. */
  pairs: SimilarPair[];
  /** Texts given {@link PARTNER_CAP} partners among later texts, whose further partners were not sought (ascending). */
  capped: number[];
}

/** How many of the 64 digest values differ between the digests at `a` and `b` of `record`. */
function digestDistance(record: Int32Array, a: number, b: number): number {
  // Positions 0–31 and 32–63: a bit is set where any plane differs.
  const low = (record[a]! ^ record[b]!) | (record[a + 2]! ^ record[b + 2]!) | (record[a + 4]! ^ record[b + 4]!) | (record[a + 6]! ^ record[b + 6]!);
  const high = (record[a + 1]! ^ record[b + 1]!) | (record[a + 3]! ^ record[b + 3]!) | (record[a + 5]! ^ record[b + 5]!) | (record[a + 7]! ^ record[b + 7]!);
  // Population count of both words at once: 2-bit fields (≤ 2), then 4-bit fields of the two words
  // added (≤ 8), then bytes (≤ 16), then the four bytes (≤ 64) — no field overflows into the next.
  const l2 = (low - ((low >>> 1) & 0x55555555)) | 0;
  const h2 = (high - ((high >>> 1) & 0x55555555)) | 0;
  const n4 = (l2 & 0x33333333) + ((l2 >>> 2) & 0x33333333) + (h2 & 0x33333333) + ((h2 >>> 2) & 0x33333333);
  return Math.imul((n4 & 0x0f0f0f0f) + ((n4 >>> 4) & 0x0f0f0f0f), 0x01010101) >>> 24;
}

/**
 * Σ over the 64 buckets of min(count A, count B), for the counts at `a` and `b` of `record` (8
 * words, a 4-bit count in each byte's low and high half).
 */
function countBound(record: Int32Array, a: number, b: number): number {
  // Each byte of `sum` adds 16 minimums of at most 15: at most 240, so no byte carries into the next.
  let sum = 0;
  for (let w = 0; w < COUNT_WORDS; w++) {
    const x = record[a + w]!;
    const y = record[b + w]!;
    sum += laneMinimums(x & 0x0f0f0f0f, y & 0x0f0f0f0f) + laneMinimums((x >>> 4) & 0x0f0f0f0f, (y >>> 4) & 0x0f0f0f0f);
  }
  const pairs = (sum & 0x00ff00ff) + ((sum >>> 8) & 0x00ff00ff);
  return (pairs & 0xffff) + (pairs >>> 16);
}

/** min(a, b) in each byte lane, for lanes holding 0–15. */
function laneMinimums(a: number, b: number): number {
  // Bit 4 of a lane of (a + 16 − b) is set where a ≥ b; no lane borrows from the next.
  const aAtLeastB = Math.imul((((a | 0x10101010) - b) >>> 4) & 0x01010101, 0x0f);
  return (b & aAtLeastB) | (a & ~aAtLeastB);
}

/**
 * Finds the pairs of texts whose bigram Jaccard similarity is at least `threshold`, among texts
 * that are not identical (identical keys are the caller's to group; pass each distinct key once).
 * `accept(a, b)` can skip pairs the caller does not care about before they are verified (a skipped
 * pair does not count towards the partner cap). Each text is given at most `partnerCap` partners
 * among the texts after it. Near-linear: sketch/LSH candidates, then one exact Jaccard per candidate.
 */
export function findSimilarPairs(
  keys: readonly string[],
  options: { threshold?: number; accept?: (a: number, b: number) => boolean; partnerCap?: number } = {},
): SimilarityIndex {
  const threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  const cap = options.partnerCap ?? PARTNER_CAP;
  const accept = options.accept;
  const n = keys.length;
  // Every set in one array: the exact check then reads two places of one array instead of two
  // objects, and no text costs an allocation of its own.
  const offsets = new Int32Array(n + 1);
  let flat = new Uint32Array(Math.max(1024, n * 48));
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    const at = offsets[i]!;
    if (flat.length < at + key.length) {
      const grown = new Uint32Array(Math.max(flat.length * 2, at + key.length));
      grown.set(flat.subarray(0, at));
      flat = grown;
    }
    offsets[i + 1] = at + shingleInto(key, flat, at);
  }

  // Per text: its band hashes (band-major, so that building one band's buckets reads memory in
  // order) and its record. The sketch itself is not kept.
  const bandHash = new Int32Array(n * LSH_BANDS);
  const record = new Int32Array(n * RECORD);
  // Each text's set size, and the partners found so far among later texts: small arrays of their own,
  // read for every bucket member, and most often all that is read of it.
  const sizes = new Int32Array(n);
  const found = new Int32Array(n);
  const sketch = new Uint32Array(SKETCH_VALUES);
  const nibbles = new Int32Array(8);
  for (let i = 0; i < n; i++) {
    const r = i * RECORD;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    sizes[i] = to - from;
    sketchSet(flat, from, to, SKETCH_VALUES, sketch);
    for (let band = 0; band < LSH_BANDS; band++) {
      let h = 0x9747b28c ^ band;
      for (let row = 0; row < LSH_ROWS; row++) h = Math.imul(h ^ sketch[VALUE_ORDER[band * LSH_ROWS + row]!]!, 0x01000193);
      bandHash[band * n + i] = fmix32(h);
    }
    // The digest values 4 bits each, 8 to a word, then each word's bit planes spread into the record.
    nibbles.fill(0);
    for (let k = 0; k < DIGEST_VALUES; k++) nibbles[k >>> 3]! |= (sketch[VALUE_ORDER[k]!]! & 15) << ((k & 7) * 4);
    for (let j = 0; j < 8; j++) {
      const word = nibbles[j]!;
      const at = r + (j >>> 2);
      for (let plane = 0; plane < 4; plane++) record[at + 2 * plane]! |= ((word >>> plane) & 0x11111111) << (j & 3);
    }
    // The counts, in byte lanes of 4 bits (two words per 8 buckets: even and odd lanes); a count
    // over 15 (a long text) makes every count 15, which bounds nothing.
    let over = false;
    for (let e = from; e < to; e++) {
      const bucket = flat[e]! >>> 26;
      const at = r + COUNTS + (bucket >>> 3);
      const shift = (bucket & 7) * 4;
      if (((record[at]! >>> shift) & 15) === 15) over = true;
      else record[at]! += 1 << shift;
    }
    if (over) record.fill(-1, r + COUNTS, r + COUNTS + COUNT_WORDS);
  }

  const minDigest = Math.ceil(DIGEST_VALUES * (1 / 16 + (15 / 16) * Math.max(0, threshold - ESTIMATE_SLACK)));
  const maxDistance = DIGEST_VALUES - minDigest;
  // A conservative integer form of the threshold for the exact checks: |A ∩ B| ≥ t/(1+t)·(|A| + |B|).
  const overlapShare = threshold / (1 + threshold);
  const pairs: SimilarPair[] = [];
  const listed = Math.min(cap, LISTED);
  const partners = new Int32Array(n * listed);
  const moreFound = new Set<number>();

  // Buckets by counting sort on the top bits of the band hash: a slot can hold a few unrelated
  // texts besides its bucket, which the hash comparison below skips.
  const bits = Math.max(4, Math.ceil(Math.log2(Math.max(2, n))) + 1);
  const slots = 2 ** bits;
  const shift = 32 - bits;
  const ends = new Int32Array(slots + 1);
  const order = new Int32Array(n);
  // The band hash of each place in `order`, written as it is filled: read in order below.
  const orderHash = new Int32Array(n);
  // Scratch copies of one slot's members, hashes and set sizes, side by side: comparing every pair
  // of a bucket then reads memory in order, and a candidate's record only once it passed the size filter.
  // Measured and dropped (100,000 stock-phrase texts): copying each member's digest too (+11% time:
  // most slots are small), touching its record while gathering (no gain), and holding the earlier
  // text's digest words in locals (no fewer instructions).
  let members = new Int32Array(64);
  let hashes = new Int32Array(64);
  let memberSizes = new Int32Array(64);
  for (let band = 0; band < LSH_BANDS; band++) {
    const row = band * n;
    ends.fill(0);
    for (let i = 0; i < n; i++) ends[(bandHash[row + i]! >>> shift) + 1]!++;
    for (let s = 0; s < slots; s++) ends[s + 1]! += ends[s]!;
    for (let i = 0; i < n; i++) {
      const h = bandHash[row + i]!;
      const at = ends[h >>> shift]!++;
      order[at] = i;
      orderHash[at] = h;
    }
    // The slots in order, each a run of equal top bits in `orderHash`: walking the n places instead
    // of the 2n slots (most of them empty) made findSimilarPairs 10–20% faster at 100,000 texts.
    for (let start = 0; start < n; ) {
      const slot = orderHash[start]! >>> shift;
      let end = start + 1;
      while (end < n && orderHash[end]! >>> shift === slot) end++;
      const size = end - start;
      // Two texts in a slot are most often two buckets of one text each.
      if (size > 2 || (size === 2 && orderHash[start] === orderHash[start + 1])) {
        if (members.length < size) {
          members = new Int32Array(size * 2);
          hashes = new Int32Array(size * 2);
          memberSizes = new Int32Array(size * 2);
        }
        for (let u = 0; u < size; u++) {
          const x = order[start + u]!;
          members[u] = x;
          hashes[u] = orderHash[start + u]!;
          memberSizes[u] = sizes[x]!;
        }
        // Members are in input order: each is compared with the ones after it.
        for (let u = 0; u < size - 1; u++) {
          const x = members[u]!;
          let foundX = found[x]!;
          if (foundX >= cap) continue;
          const hx = hashes[u]!;
          const ux = x * RECORD;
          const sx = memberSizes[u]!;
          // Jaccard ≥ t needs t·|A| ≤ |B| ≤ |A|/t.
          const smallest = Math.ceil(threshold * sx - 1e-9);
          const largest = Math.floor(sx / threshold + 1e-9);
          const last = Math.min(size, u + 1 + BUCKET_SCAN);
          for (let v = u + 1; v < last; v++) {
            const sy = memberSizes[v]!;
            if (sy < smallest || sy > largest || hashes[v] !== hx) continue;
            const y = members[v]!;
            const vy = y * RECORD;
            if (digestDistance(record, ux, vy) > maxDistance) continue;
            const need = Math.ceil(overlapShare * (sx + sy) - 1e-9);
            // Two long texts whose counts both overflowed read 15 in every lane: that bounds nothing.
            const bound = countBound(record, ux + COUNTS, vy + COUNTS);
            if (bound < need && bound < COUNT_WORDS * 8 * 15) continue;
            // A pair met in an earlier band was verified there.
            if (foundX > 0) {
              let met = false;
              for (let k = x * listed, stop = k + Math.min(foundX, listed); k < stop; k++) {
                if (partners[k] === y) {
                  met = true;
                  break;
                }
              }
              if (met || (foundX > listed && moreFound.has(x * n + y))) continue;
            }
            if (accept && !accept(x, y)) continue;
            const similarity = verify(flat, offsets[x]!, offsets[x + 1]!, offsets[y]!, offsets[y + 1]!, need);
            if (similarity < threshold) continue;
            pairs.push({ a: x, b: y, similarity });
            if (foundX < listed) partners[x * listed + foundX] = y;
            else moreFound.add(x * n + y);
            found[x] = ++foundX;
            if (foundX >= cap) break;
          }
        }
      }
      start = end;
    }
  }
  // Ordered by a, then b: placed by a (each text's count is known), then each text's few partners sorted.
  const at = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) at[i + 1] = at[i]! + found[i]!;
  const sorted = new Array<SimilarPair>(pairs.length);
  for (const pair of pairs) sorted[at[pair.a]!++] = pair;
  for (let i = 0, from = 0; i < n; from = at[i++]!) {
    const to = at[i]!;
    if (to - from > 32) {
      const group = sorted.slice(from, to).sort((p, q) => p.b - q.b);
      for (let k = from; k < to; k++) sorted[k] = group[k - from]!;
    } else for (let k = from + 1; k < to; k++) {
      const pair = sorted[k]!;
      let j = k - 1;
      while (j >= from && sorted[j]!.b > pair.b) {
        sorted[j + 1] = sorted[j]!;
        j--;
      }
      sorted[j + 1] = pair;
    }
  }
  const capped: number[] = [];
  for (let i = 0; i < n; i++) if (found[i]! >= cap) capped.push(i);
  // The sets as views of the one array, made only for a caller that reads them.
  const set = flat;
  return {
    get sets() {
      return Array.from({ length: n }, (_, i) => set.subarray(offsets[i]!, offsets[i + 1]!));
    },
    pairs: sorted,
    capped,
  };
}

/**
 * The Jaccard similarity of two sorted sets held in `flat` at [i, iEnd) and [j, jEnd), as
 * {@link jaccard} computes it, or −1 as soon as the common part can no longer reach `need`
 * (which similarity ≥ t requires for need = ⌈t/(1+t) · (|A| + |B|)⌉): most candidates are decided
 * after a few steps.
 */
function verify(flat: Uint32Array, i: number, iEnd: number, j: number, jEnd: number, need: number): number {
  const la = iEnd - i;
  const lb = jEnd - j;
  if (la === 0 && lb === 0) return 1;
  let common = 0;
  while (i < iEnd && j < jEnd) {
    const x = flat[i]!;
    const y = flat[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else {
      if (x < y) i++;
      else j++;
      if (common + Math.min(iEnd - i, jEnd - j) < need) return -1;
    }
  }
  return common < need ? -1 : common / (la + lb - common);
}
