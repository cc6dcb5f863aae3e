// Near-duplicate detection that scales near-linearly: MinHash signatures over character bigrams,
// banded into an LSH index (texts that agree on every row of one band become candidates), then
// every candidate pair verified by its real Jaccard similarity. No all-pairs comparison anywhere.
//
// Measured (TOOLCHAIN.md, short Chinese texts): 64 hashes in 16 bands of 4 find ~93% of
// near-duplicates; 8 bands of 8 only ~84%. SimHash found ~10% on texts this short, so not used.
// The probability that a pair of similarity s becomes a candidate is 1 − (1 − s⁴)¹⁶:
// s = 0.6 → 0.89, s = 0.7 → 0.99, s = 0.8 → ≈1; s = 0.3 → 0.12 (then rejected by verification).

/** Texts are compared as sets of overlapping character pairs (bigrams) of their compare key. */
export const SHINGLE_SIZE = 2;
/** Number of MinHash functions per text. */
export const MINHASH_HASHES = 64;
/** LSH bands; {@link MINHASH_HASHES} / bands rows per band. */
export const LSH_BANDS = 16;
export const LSH_ROWS = MINHASH_HASHES / LSH_BANDS;
/**
 * Two texts are "nearly the same" when the Jaccard similarity of their bigram sets is at least
 * this. 0.6 keeps a changed word, changed punctuation or reordered clauses (typically 0.65–0.95)
 * and drops opinions that merely share a topic (typically 0.1–0.4).
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;
/**
 * A bucket larger than this (many distinct texts agreeing on one band, e.g. a template filled
 * in with names) is not compared all-pairs: each member is compared with the first
 * {@link BUCKET_ANCHORS} members only, which keeps the work linear and still links every
 * member of such a cluster to it.
 */
export const MAX_BUCKET_PAIRS_SIZE = 48;
export const BUCKET_ANCHORS = 16;

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
const SEEDS = new Uint32Array(MINHASH_HASHES);
const MULTIPLIERS = new Uint32Array(MINHASH_HASHES);
{
  let s = 0x2545f491;
  for (let i = 0; i < MINHASH_HASHES; i++) {
    s = fmix32(s + 0x9e3779b9);
    SEEDS[i] = s;
    s = fmix32(s + 0x9e3779b9);
    MULTIPLIERS[i] = s | 1;
  }
}

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

/** Writes the MinHash signature of one shingle set into `signatures` at `offset`. */
function signature(set: Uint32Array, signatures: Uint32Array, offset: number): void {
  signatures.fill(0xffffffff, offset, offset + MINHASH_HASHES);
  for (let s = 0; s < set.length; s++) {
    const x = set[s]!;
    for (let i = 0; i < MINHASH_HASHES; i++) {
      // A seeded multiply–xorshift of an already well-mixed shingle hash: one cheap independent-enough
      // permutation per hash function (checked against real Jaccard by the tests' recall figures).
      let h = Math.imul(x ^ SEEDS[i]!, MULTIPLIERS[i]!);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < signatures[offset + i]!) signatures[offset + i] = h;
    }
  }
}

/**
 * Candidates whose signatures agree on fewer than (threshold − this) of their hashes are dropped
 * before the exact Jaccard: with 64 hashes the estimate's spread is about ±0.06 at 0.6, so a
 * slack of 0.25 (four spreads) loses nothing, and shared stock phrases cost no exact comparison.
 */
export const ESTIMATE_SLACK = 0.25;
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
 * Near-linear: MinHash/LSH candidates, then one exact Jaccard per candidate.
 */
export function findSimilarPairs(
  keys: readonly string[],
  options: { threshold?: number; accept?: (a: number, b: number) => boolean } = {},
): SimilarityIndex {
  const threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  const n = keys.length;
  const sets = keys.map(shingles);
  const signatures = new Uint32Array(n * MINHASH_HASHES);
  for (let i = 0; i < n; i++) signature(sets[i]!, signatures, i * MINHASH_HASHES);
  const bands = new Uint32Array(n * LSH_BANDS);
  for (let i = 0; i < n; i++) {
    for (let b = 0; b < LSH_BANDS; b++) {
      let h = 0x9747b28c ^ b;
      for (let r = 0; r < LSH_ROWS; r++) h = fmix32(h ^ signatures[i * MINHASH_HASHES + b * LSH_ROWS + r]!);
      bands[i * LSH_BANDS + b] = h;
    }
  }

  const minAgree = Math.max(0, Math.ceil((threshold - ESTIMATE_SLACK) * MINHASH_HASHES));
  const pairs: SimilarPair[] = [];
  let band = 0;
  const consider = (x: number, y: number) => {
    // A pair that met in an earlier band was considered there: no set of seen pairs needed.
    for (let j = 0; j < band; j++) if (bands[x * LSH_BANDS + j] === bands[y * LSH_BANDS + j]) return;
    let agree = 0;
    const sx = x * MINHASH_HASHES;
    const sy = y * MINHASH_HASHES;
    for (let k = 0; k < MINHASH_HASHES; k++) if (signatures[sx + k] === signatures[sy + k]) agree++;
    if (agree < minAgree) return;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    if (options.accept && !options.accept(a, b)) return;
    const similarity = jaccard(sets[a]!, sets[b]!);
    if (similarity >= threshold) pairs.push({ a, b, similarity });
  };

  // Per band: sort (hash, index) packed into one float64 (hash · 2²¹ + index, exact below 2⁵³),
  // then every run of equal hashes is a bucket. Sorting typed arrays avoids 16 maps of n arrays.
  if (n > 2 ** 21) throw new RangeError('findSimilarPairs: too many texts');
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
        compareBucket(bucket, consider);
      }
      start = end;
    }
  }
  pairs.sort((p, q) => p.a - q.a || p.b - q.b);
  return { sets, pairs };
}

function compareBucket(bucket: readonly number[], consider: (x: number, y: number) => void): void {
  if (bucket.length <= MAX_BUCKET_PAIRS_SIZE) {
    for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) consider(bucket[i]!, bucket[j]!);
    return;
  }
  const anchors = Math.min(BUCKET_ANCHORS, bucket.length);
  for (let i = 0; i < bucket.length; i++) for (let j = 0; j < anchors; j++) if (i !== j) consider(bucket[i]!, bucket[j]!);
}
