/* eslint-disable no-console -- a benchmark prints its figures */
// The near-duplicate search on the stock-phrase corpus, in Node, for trying a change to
// shared/checks/minhash.ts in under a minute (the page benchmark, `npm run bench -- --only=copies`,
// takes minutes and gives the figures of record). Prints, per size, the read (compare key and bigram
// set of every text, the floor of issue 14) and findSimilarPairs on the distinct keys, as process
// CPU time (steadier than wall time on a shared machine), medians of 3 corpora, and their ratio.
// With --exact, also every pair at or above the threshold by an exact prefix-filter join (PPJoin:
// tokens by global rarity, length and positional filters) and the search's recall of them — slow on
// this corpus by design (at 100,000 texts ~10⁹ index probes, minutes), which is why it is not used.
// Run: npx tsx scripts/bench-copies-node.mts [--exact] [sizes…]   (default 10000 100000)
import { findSimilarPairs, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles } from '#shared/checks/minhash';
import { compareKeyUncached } from '#shared/text/normalize';
import { stockPhraseCorpus } from '../test/support/stock-phrase-content';

const args = process.argv.slice(2);
const exact = args.includes('--exact');
const sizes = args.filter((a) => a !== '--exact').map(Number);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const distinctKeys = (n: number, seed: number) => [...new Set(stockPhraseCorpus(n, { seed }).candidates.map((c) => compareKeyUncached(c.content)))];

/** Every pair of sets with Jaccard ≥ t, exactly: PPJoin over tokens ranked by global rarity. */
function exactPairs(sets: readonly Uint32Array[], t: number): { pairs: Set<number>; probes: number; candidates: number } {
  const freq = new Map<number, number>();
  for (const s of sets) for (const x of s) freq.set(x, (freq.get(x) ?? 0) + 1);
  const tokens = [...freq.keys()].sort((a, b) => freq.get(a)! - freq.get(b)! || a - b);
  const rank = new Map(tokens.map((x, i) => [x, i]));
  const ranked = sets.map((s) => Int32Array.from(s, (x) => rank.get(x)!).sort());
  const bySize = ranked.map((_, i) => i).sort((a, b) => ranked[a]!.length - ranked[b]!.length);
  const index = tokens.map((): number[] => []);
  const overlap = new Int32Array(sets.length);
  const touched: number[] = [];
  const pairs = new Set<number>();
  let probes = 0;
  let candidates = 0;
  for (const x of bySize) {
    const lx = ranked[x]!.length;
    const probe = Math.min(lx, lx - Math.ceil(t * lx - 1e-9) + 1);
    for (let i = 0; i < probe; i++) {
      const list = index[ranked[x]![i]!]!;
      for (let q = 0; q < list.length; q += 2) {
        probes++;
        const y = list[q]!;
        const ly = ranked[y]!.length;
        if (ly < t * lx - 1e-9 || overlap[y]! < 0) continue;
        if (overlap[y] === 0) touched.push(y);
        const need = Math.ceil((t / (1 + t)) * (lx + ly) - 1e-9);
        // Positional filter: what is left after the shared token must still make up the overlap.
        overlap[y] = overlap[y]! + 1 + Math.min(lx - i - 1, ly - list[q + 1]! - 1) >= need ? overlap[y]! + 1 : -1;
      }
    }
    for (const y of touched) {
      if (overlap[y]! > 0) {
        candidates++;
        if (jaccard(sets[x]!, sets[y]!) >= t) pairs.add(Math.min(x, y) * 2 ** 21 + Math.max(x, y));
      }
      overlap[y] = 0;
    }
    touched.length = 0;
    const indexed = Math.min(lx, lx - Math.ceil(((2 * t) / (1 + t)) * lx - 1e-9) + 1);
    for (let i = 0; i < indexed; i++) index[ranked[x]![i]!]!.push(x, i);
  }
  return { pairs, probes, candidates };
}

const found: Record<number, number> = {};
for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const read: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < 3; run++) {
    const texts = stockPhraseCorpus(n, { seed: 14 + run }).candidates.map((c) => c.content);
    const keys = [...new Set(texts.map(compareKeyUncached))];
    let t = cpu();
    findSimilarPairs(keys);
    search.push(cpu() - t);
    t = cpu();
    texts.map((text) => shingles(compareKeyUncached(text)));
    read.push(cpu() - t);
  }
  found[n] = median(search);
  console.log(`${n} opinions: read ${median(read).toFixed(0)} ms, findSimilarPairs ${median(search).toFixed(0)} ms (${search.map((x) => x.toFixed(0)).join(' / ')}), ${(median(search) / median(read)).toFixed(2)}× the read`);
  if (exact) {
    const keys = distinctKeys(n, 14);
    const t = cpu();
    const truth = exactPairs(keys.map(shingles), NEAR_DUPLICATE_THRESHOLD);
    const ms = cpu() - t;
    const hit = findSimilarPairs(keys, { partnerCap: Number.MAX_SAFE_INTEGER }).pairs.filter((p) => truth.pairs.has(p.a * 2 ** 21 + p.b)).length;
    console.log(`  exact join: ${truth.pairs.size} pairs ≥ ${NEAR_DUPLICATE_THRESHOLD} in ${ms.toFixed(0)} ms (${truth.probes} index probes, ${truth.candidates} candidates); the search (no partner cap) finds ${hit} = ${((100 * hit) / truth.pairs.size).toFixed(2)}%`);
  }
}
const measured = Object.keys(found).map(Number);
if (measured.length === 2) console.log(`scaling ${measured[0]} → ${measured[1]}: ${(found[measured[1]!]! / found[measured[0]!]!).toFixed(2)}×`);
