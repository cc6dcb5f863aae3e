// Near-duplicate detection that scales near-linearly: MinHash signatures over character bigrams,
// banded into an LSH index (texts that agree on every row of one band become candidates), then
// every candidate pair verified by its real Jaccard similarity. No all-pairs comparison anywhere.
//
// 64 hashes in 21 bands of 3 rows: a pair of similarity s becomes a candidate with probability
// 1 − (1 − s³)²¹: s = 0.6 → 0.994, s = 0.65 → 0.999, s = 0.3 → 0.43 (then dropped by the sketch or
// the exact check). 16 bands of 4 (0.89 at 0.6) missed 4–5% of the pairs at or above the
// threshold on stock-phrase text, most of them just above it. SimHash found ~10% on texts this short.
// Measured (issue 14): an exact prefix-filter join (PPJoin, tokens by rarity) does not scale on
// stock-phrase text — every token is common, 759 million probes at 100,000 texts — so the exact
// part is the verification, and big buckets are split by further bands rather than capped.

/** Texts are compared as sets of overlapping character pairs (bigrams) of their compare key. */
export const SHINGLE_SIZE = 2;
/** Number of MinHash functions per text. */
export const MINHASH_HASHES = 64;
/** LSH bands of {@link LSH_ROWS} rows each (63 of the 64 hashes; all 64 feed the sketch). */
export const LSH_BANDS = 21;
export const LSH_ROWS = 3;
/**
 * Two texts are "nearly the same" when the Jaccard similarity of their bigram sets is at least
 * this. 0.6 keeps a changed word, changed punctuation or reordered clauses (typically 0.65–0.95)
 * and drops opinions that merely share a topic (typically 0.1–0.4).
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;
/** murmur3's finalizer: a cheap, well-mixed 32-bit hash of a 32-bit number. */

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds: the same text always gets the same signature, on every machine and run.
const { seeds: SEEDS, multipliers: MULTIPLIERS } = seededFamily(MINHASH_HASHES, 0x2545f491);

/**
 * The set of character bigrams of a compare key, as sorted unique 32-bit hashes. A one-character
 * text is its own single shingle; an empty text has none. `shingles('改进作风')` has 3 members.
 */
export function shingles(key: string): Uint32Array {
  const points: number[] = [];
  for (const ch of key) points.push(ch.codePointAt(0)!);
  if (points.length === 0) return new Uint32Array(0);
  const count = Math.max(1, points.length - SHINGLE_SIZE + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_SIZE && i + k < points.length; k++) h = fmix32(h ^ Math.imul(points[i + k]!, 0x01000193));
    out[i] = h;
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return out.subarray(0, n);
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
 * Writes the MinHash signatures of `sets` (hash functions `from` … `from + count − 1` of the seeded
 * family) into `out`, `count` values per text. Hash-outer, shingle-inner: the running minimum stays
 * in a register, which makes this the cheap half of detection.
 */
function signatures(sets: readonly Uint32Array[], seeds: Uint32Array, multipliers: Uint32Array, out: Uint32Array, count: number, only?: readonly number[]): void {
  const texts = only ? only.length : sets.length;
  for (let t = 0; t < texts; t++) {
    const x = only ? only[t]! : t;
    const set = sets[x]!;
    const length = set.length;
    const offset = x * count;
    for (let i = 0; i < count; i++) {
      const seed = seeds[i]!;
      const multiplier = multipliers[i]!;
      let min = 0xffffffff;
      for (let s = 0; s < length; s++) {
        // A seeded multiply–xorshift of an already well-mixed shingle hash: one cheap independent-enough
        // permutation per hash function (checked against real Jaccard by the tests' recall figures).
        let h = Math.imul(set[s]! ^ seed, multiplier);
        h = (h ^ (h >>> 15)) >>> 0;
        if (h < min) min = h;
      }
      out[offset + i] = min;
    }
  }
}

function seededFamily(count: number, start: number): { seeds: Uint32Array; multipliers: Uint32Array } {
  const seeds = new Uint32Array(count);
  const multipliers = new Uint32Array(count);
  let s = start;
  for (let i = 0; i < count; i++) {
    s = fmix32(s + 0x9e3779b9);
    seeds[i] = s;
    s = fmix32(s + 0x9e3779b9);
    multipliers[i] = s | 1;
  }
  return { seeds, multipliers };
}

/** Number of set bits of a 32-bit number. */
function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Candidates whose signatures estimate a similarity below (threshold − this) are dropped before the
 * exact Jaccard. The estimate comes from a 2-bit sketch of the signature (the low two bits of each of
 * the 64 hashes, 16 bytes a text, so that comparing a candidate pair stays in the processor's cache):
 * two bits agree with probability s + (1 − s)/4, so the estimate's spread is about ±0.076 at 0.6 and a
 * slack of 0.25 (over three spreads) loses almost nothing, while shared stock phrases cost no exact
 * comparison.
 */
export const ESTIMATE_SLACK = 0.2;
/**
 * A bucket larger than this (many distinct texts agreeing on a whole band: stock phrases, a template
 * filled in with names) is not compared all-pairs but split by further bands — each a few rows of
 * the same signatures, picked across the other bands — and each part compared (or split again).
 * A pair of similarity s in such a bucket meets again in a part with probability 1 − (1 − s³)⁶ per
 * level, and has 15 other bands besides; splitting, unlike comparing with a few anchors, does not
 * lose copies as the corpus grows (measured on the stock-phrase corpus, scripts/bench).
 */
const SPLIT_BUCKET_SIZE = 32;
/** Further bands per split, rows per further band, and how deep splits go. */
const SPLIT_BANDS = 6;
const SPLIT_ROWS = 3;
const SPLIT_DEPTH = 3;
/** Below the last split, a part larger than this is compared in slices (pathological input only). */
const SLICE = 2048;
// The rows of each further band: fixed pseudo-random picks among the signature's 64 values.
const SPLIT_PICKS = new Uint8Array(SPLIT_DEPTH * SPLIT_BANDS * SPLIT_ROWS);
{
  let s = 0x3c6ef372;
  for (let i = 0; i < SPLIT_PICKS.length; i++) {
    s = fmix32(s + 0x9e3779b9);
    SPLIT_PICKS[i] = s % MINHASH_HASHES;
  }
}

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
}

/**
 * Finds the pairs of texts whose bigram Jaccard similarity is at least `threshold`, among texts
 * that are not identical (identical keys are the caller's to group; pass each distinct key once).
 * `accept(a, b)` can skip pairs the caller does not care about before they are verified.
 * Near-linear: MinHash/LSH candidates (every member of a bucket against every other), a 2-bit
 * sketch to drop the plainly dissimilar, then one exact Jaccard per remaining candidate.
 */
export function findSimilarPairs(
  keys: readonly string[],
  options: { threshold?: number; accept?: (a: number, b: number) => boolean } = {},
): SimilarityIndex {
  const threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  const n = keys.length;
  if (n > 2 ** 21) throw new RangeError('findSimilarPairs: too many texts');
  const sets = keys.map(shingles);
  const signature = new Uint32Array(n * MINHASH_HASHES);
  signatures(sets, SEEDS, MULTIPLIERS, signature, MINHASH_HASHES);
  const bands = new Uint32Array(n * LSH_BANDS);
  // Eight 32-bit words: the low four bits of each of the 64 hashes.
  const SKETCH_WORDS = (MINHASH_HASHES * 4) / 32;
  const sketch = new Uint32Array(n * SKETCH_WORDS);
  for (let i = 0; i < n; i++) {
    const base = i * MINHASH_HASHES;
    for (let b = 0; b < LSH_BANDS; b++) {
      let h = 0x9747b28c ^ b;
      for (let r = 0; r < LSH_ROWS; r++) h = fmix32(h ^ signature[base + b * LSH_ROWS + r]!);
      bands[i * LSH_BANDS + b] = h;
    }
    for (let k = 0; k < MINHASH_HASHES; k++) sketch[i * SKETCH_WORDS + (k >>> 3)]! |= (signature[base + k]! & 15) << ((k & 7) * 4);
  }

  // Four bits agree when the hashes do (probability s), or by chance (1/16 of the rest).
  const minSketch = Math.ceil(MINHASH_HASHES * (1 / 16 + (15 / 16) * Math.max(0, threshold - ESTIMATE_SLACK)));
  // A conservative integer form of the threshold: |A ∩ B| ≥ t/(1+t)·(|A| + |B|).
  const overlapShare = threshold / (1 + threshold);
  const pairs: SimilarPair[] = [];
  // Per text and band: 1 when its bucket there was split, so a pair meeting there was not surely compared.
  const split = new Uint8Array(n * LSH_BANDS);
  let band = 0;
  let anySplit = false;
  // Scratch copies of one bucket's sketches and earlier band hashes, side by side: comparing every
  // pair of a bucket then reads memory in order instead of jumping across the whole index.
  let localSketch = new Uint32Array(0);
  const compareAll = (members: readonly number[]) => {
    const size = members.length;
    if (localSketch.length < size * SKETCH_WORDS) localSketch = new Uint32Array(size * SKETCH_WORDS * 2);
    const ls = localSketch;
    for (let i = 0; i < size; i++) {
      const from = members[i]! * SKETCH_WORDS;
      for (let w = 0; w < SKETCH_WORDS; w++) ls[i * SKETCH_WORDS + w] = sketch[from + w]!;
    }
    // Locals, not the closure's variables: this loop runs millions of times.
    const earlier = band;
    const checkSplit = anySplit;
    const need = minSketch;
    for (let i = 0; i < size; i++) {
      const si = i * SKETCH_WORDS;
      for (let k = i + 1; k < size; k++) {
        // The sketch first (cheapest, and it drops most pairs), then whether the pair met in an
        // earlier band, in a bucket compared in full, which means it was considered there.
        const sk = k * SKETCH_WORDS;
        let agree = 0;
        for (let w = 0; w < SKETCH_WORDS; w++) {
          const v = ls[si + w]! ^ ls[sk + w]!;
          agree += popcount(~(v | (v >>> 1) | (v >>> 2) | (v >>> 3)) & 0x11111111);
        }
        if (agree < need) continue;
        const x = members[i]!;
        const y = members[k]!;
        const bx = x * LSH_BANDS;
        const by = y * LSH_BANDS;
        let met = false;
        for (let j = 0; j < earlier; j++) {
          if (bands[bx + j] === bands[by + j] && (!checkSplit || split[bx + j] === 0)) {
            met = true;
            break;
          }
        }
        if (met) continue;
        const a = x < y ? x : y;
        const b = x < y ? y : x;
        if (options.accept && !options.accept(a, b)) continue;
        const similarity = verify(sets[a]!, sets[b]!, overlapShare);
        if (similarity >= threshold) pairs.push({ a, b, similarity });
      }
    }
  };

  const compareBucket = (members: number[], depth: number) => {
    const size = members.length;
    if (depth >= SPLIT_DEPTH || size <= SPLIT_BUCKET_SIZE) {
      if (size <= SLICE) return compareAll(members);
      // Thousands of texts alike on 4 + 9 rows of hashes: compare each slice with itself and the first.
      for (let i = 0; i < size; i += SLICE / 2) compareAll(i === 0 ? members.slice(0, SLICE / 2) : [...members.slice(0, SLICE / 2), ...members.slice(i, i + SLICE / 2)]);
      return;
    }
    if (depth === 0) {
      anySplit = true;
      for (const x of members) split[x * LSH_BANDS + band] = 1;
    }
    const keyed = new Float64Array(size);
    for (let k = 0; k < SPLIT_BANDS; k++) {
      const picks = (depth * SPLIT_BANDS + k) * SPLIT_ROWS;
      for (let i = 0; i < size; i++) {
        const base = members[i]! * MINHASH_HASHES;
        let h = 0x7f4a7c15 ^ (depth * SPLIT_BANDS + k);
        for (let r = 0; r < SPLIT_ROWS; r++) h = fmix32(h ^ signature[base + SPLIT_PICKS[picks + r]!]!);
        keyed[i] = h * 2097152 + i;
      }
      keyed.sort();
      let start = 0;
      while (start < size) {
        const hash = Math.floor(keyed[start]! / 2097152);
        let end = start + 1;
        while (end < size && Math.floor(keyed[end]! / 2097152) === hash) end++;
        if (end - start > 1) {
          const part: number[] = [];
          for (let q = start; q < end; q++) part.push(members[keyed[q]! - hash * 2097152]!);
          compareBucket(part, depth + 1);
        }
        start = end;
      }
    }
  };

  // Per band: sort (hash, index) packed into one float64 (hash · 2²¹ + index, exact below 2⁵³),
  // then every run of equal hashes is a bucket. Sorting typed arrays avoids 16 maps of n arrays.
  const packed = new Float64Array(n);
  const bucket: number[] = [];
  for (band = 0; band < LSH_BANDS; band++) {
    for (let i = 0; i < n; i++) packed[i] = bands[i * LSH_BANDS + band]! * 2097152 + i;
    packed.sort();
    let start = 0;
    while (start < n) {
      const hash = Math.floor(packed[start]! / 2097152);
      let end = start + 1;
      while (end < n && Math.floor(packed[end]! / 2097152) === hash) end++;
      if (end - start > 1) {
        bucket.length = 0;
        for (let k = start; k < end; k++) bucket.push(packed[k]! - hash * 2097152);
        compareBucket(bucket.slice(), 0);
      }
      start = end;
    }
  }
  pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  // Split buckets can meet a pair twice: keep one.
  let kept = 0;
  for (const p of pairs) if (kept === 0 || pairs[kept - 1]!.a !== p.a || pairs[kept - 1]!.b !== p.b) pairs[kept++] = p;
  pairs.length = kept;
  return { sets, pairs };
}

/**
 * The Jaccard similarity of two sorted shingle sets, as {@link jaccard} computes it, or −1 as soon as
 * the common part can no longer reach `share` · (|A| + |B|) (which similarity ≥ t requires for
 * share = t / (1 + t)): most candidates are decided after a few steps.
 */
function verify(a: Uint32Array, b: Uint32Array, share: number): number {
  const la = a.length;
  const lb = b.length;
  const need = Math.ceil(share * (la + lb) - 1e-9);
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < la && j < lb) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else {
      if (x < y) i++;
      else j++;
      if (common + Math.min(la - i, lb - j) < need) return -1;
    }
  }
  return common < need ? -1 : common / (la + lb - common);
}
