// Fuzzing every reader of untrusted files (test/fuzz/targets.ts) with fast-check: arbitrary bytes,
// and real fixtures mutated byte by byte, field by field and inside their formats. Each input must
// give either an acceptance or a known Chinese refusal — never an exception, never a hang.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { byteMutation, concat, jsonMutation } from './mutations';
import { FUZZ_TARGETS, type FuzzTarget } from './targets';

const MAX_MS_PER_INPUT = 2_000;
// A longer search than CI's: `FUZZ_SCALE=20 FUZZ_SEED=7 npx vitest run --project unit test/fuzz`.
const SCALE = Number(process.env['FUZZ_SCALE'] ?? 1);
const SEED = Number(process.env['FUZZ_SEED'] ?? 42);

async function readChecked(target: FuzzTarget, bytes: Uint8Array): Promise<string | undefined> {
  const limit = target.maxMsPerInput ?? MAX_MS_PER_INPUT;
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hang: over ${limit} ms`)), limit)));
  try {
    const error = await Promise.race([target.read(bytes), hang]);
    expect(performance.now() - started, 'took too long').toBeLessThan(limit);
    if (error !== undefined) {
      expect(error).toMatch(target.knownError);
      expect(error).toMatch(/[\u4e00-\u9fff]/);
      // A stack frame (`at fn (file:1:2)`), not a field named `at` (a ledger history's 变更时间).
      expect(error).not.toMatch(/TypeError|RangeError|SyntaxError|undefined|\bat \S*\s?\(?\S+:\d+:\d+|\n/);
    }
    return error;
  } finally {
    clearTimeout(timer);
  }
}

/** Random bytes or text; with a magic number, half of them start with it. */
function arbitraryInput(magic: Uint8Array | undefined): fc.Arbitrary<Uint8Array> {
  const random = fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.string({ unit: 'binary', maxLength: 2048 }).map((s) => new TextEncoder().encode(s)));
  return magic ? fc.oneof(random, random.map((bytes) => concat(magic, bytes))) : random;
}

describe.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('fuzzing %s', (_name, target) => {
  const runs = Math.round((target.runs ?? 1500) * SCALE);
  // A hang is caught per input (each target's own limit); this only bounds a whole run, which on a
  // machine shared with other work (load 20+) takes several times as long as on an idle one.
  const RUN_LIMIT_MS = 300_000 * SCALE;
  const settings = { endOnFailure: target.endOnFailure ?? false };
  afterAll(async () => target.dispose?.());

  it('accepts every one of its own fixtures', async () => {
    const fixtures = await target.fixtures();
    expect(fixtures.length).toBeGreaterThan(0);
    for (const [i, fixture] of fixtures.entries()) expect(await target.read(fixture), `fixture ${i + 1} of ${fixtures.length}`).toBeUndefined();
  });

  it('answers arbitrary bytes with a known Chinese error', { timeout: RUN_LIMIT_MS }, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryInput(target.magic), async (bytes) => {
        cases++;
        await readChecked(target, bytes);
      }),
      { numRuns: runs, seed: SEED, ...settings },
    );
    console.log(`fuzz ${target.name}: ${cases} arbitrary inputs, no exception, no hang`);
  });

  it('answers mutated real fixtures with a known Chinese error, or accepts them intact', { timeout: RUN_LIMIT_MS }, async () => {
    const fixtures = await target.fixtures();
    const arbitraries = fixtures.flatMap((f) => [byteMutation(f), jsonMutation(f, target.reseal), ...(target.mutations?.(f) ?? [])].filter((a): a is fc.Arbitrary<Uint8Array> => a !== undefined));
    let cases = 0;
    let accepted = 0;
    const refusals = new Map<string, number>();
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...arbitraries), async (bytes) => {
        cases++;
        const error = await readChecked(target, bytes);
        if (error === undefined) accepted++;
        else {
          const kind = error.replace(/[\d\s]+/g, '').slice(0, 14);
          refusals.set(kind, (refusals.get(kind) ?? 0) + 1);
          const coarse = error.replace(/[：:].*$/, '');
          kinds.set(coarse, (kinds.get(coarse) ?? 0) + 1);
        }
      }),
      { numRuns: runs * 2, seed: SEED + 1, ...settings },
    );
    console.log(
      `fuzz ${target.name}: ${cases} mutated fixtures, ${accepted} still valid, ${cases - accepted} refused (${[...kinds].map(([k, n]) => `${k} ×${n}`).join('; ')}; ${refusals.size} distinct messages), no exception, no hang`,
    );
    expect(refusals.size, 'the mutations should reach more than one kind of check').toBeGreaterThan(1);
  });
});
