// Fuzzing every reader of untrusted files (test/fuzz/targets.ts) with fast-check: arbitrary bytes,
// and real fixtures mutated byte by byte and field by field. Each input must give either an
// acceptance or a known Chinese refusal — never an exception, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS, type FuzzTarget } from './targets';

const MAX_MS_PER_INPUT = 2_000;

async function readChecked(target: FuzzTarget, bytes: Uint8Array): Promise<string | undefined> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hang: over ${MAX_MS_PER_INPUT} ms`)), MAX_MS_PER_INPUT)));
  try {
    const error = await Promise.race([target.read(bytes), hang]);
    expect(performance.now() - started, 'took too long').toBeLessThan(MAX_MS_PER_INPUT);
    if (error !== undefined) {
      expect(error).toMatch(target.knownError);
      expect(error).toMatch(/[\u4e00-\u9fff]/);
      expect(error).not.toMatch(/TypeError|RangeError|SyntaxError|undefined|\bat\s|\n/);
    }
    return error;
  } finally {
    clearTimeout(timer);
  }
}

/** Byte-level mutations of a fixture: flips, overwrites, truncations, insertions, deletions. */
function byteMutation(fixture: Uint8Array): fc.Arbitrary<Uint8Array> {
  const at = fc.integer({ min: 0, max: Math.max(0, fixture.length - 1) });
  return fc.oneof(
    fc.array(fc.tuple(at, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const out = fixture.slice();
      for (const [i, x] of flips) out[i] = out[i]! ^ x;
      return out;
    }),
    at.map((n) => fixture.subarray(0, n)),
    fc.tuple(at, fc.uint8Array({ minLength: 1, maxLength: 32 })).map(([i, bytes]) => concat(fixture.subarray(0, i), bytes, fixture.subarray(i))),
    fc.tuple(at, fc.integer({ min: 1, max: 64 })).map(([i, n]) => concat(fixture.subarray(0, i), fixture.subarray(i + n))),
  );
}

/** Field-level mutations of a JSON fixture: one value replaced or removed, then optionally re-sealed. */
function jsonMutation(fixture: Uint8Array, reseal?: (value: unknown) => unknown): fc.Arbitrary<Uint8Array> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fixture));
  } catch {
    return undefined;
  }
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    if (paths.length > 2000) return;
    paths.push(path);
    if (Array.isArray(v)) v.slice(0, 5).forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(parsed, []);
  const replacement = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', 'group', '00000000-0000-4000-8000-000000000001', -1, 1e308, null, [], {}), fc.constant(undefined));
  return fc.tuple(fc.constantFrom(...paths.slice(1)), replacement, fc.boolean()).map(([path, value, sealed]) => {
    const copy = JSON.parse(JSON.stringify(parsed)) as unknown;
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (value === undefined) delete node[last];
    else node[last] = value;
    return new TextEncoder().encode(JSON.stringify(sealed && reseal ? reseal(copy) : copy));
  });
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('fuzzing %s', (_name, target) => {
  const runs = target.runs ?? 1500;

  it('accepts its own fixtures', async () => {
    for (const fixture of await target.fixtures()) {
      const error = await target.read(fixture);
      if (error !== undefined) expect(error).toMatch(target.knownError);
    }
    expect(await target.read((await target.fixtures())[0]!)).toBeUndefined();
  });

  it('answers arbitrary bytes with a known Chinese error', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.string({ unit: 'binary', maxLength: 2048 }).map((s) => new TextEncoder().encode(s))), async (bytes) => {
        cases++;
        await readChecked(target, bytes);
      }),
      { numRuns: runs, seed: 42 },
    );
    console.log(`fuzz ${target.name}: ${cases} arbitrary inputs, no exception, no hang`);
  });

  it('answers mutated real fixtures with a known Chinese error, or accepts them intact', async () => {
    const fixtures = await target.fixtures();
    const arbitraries = fixtures.flatMap((f) => [byteMutation(f), jsonMutation(f, target.reseal)].filter((a): a is fc.Arbitrary<Uint8Array> => a !== undefined));
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
      { numRuns: runs * 2, seed: 43 },
    );
    console.log(
      `fuzz ${target.name}: ${cases} mutated fixtures, ${accepted} still valid, ${cases - accepted} refused (${[...kinds].map(([k, n]) => `${k} ×${n}`).join('; ')}; ${refusals.size} distinct messages), no exception, no hang`,
    );
    expect(refusals.size, 'the mutations should reach more than one kind of check').toBeGreaterThan(1);
  });
});
