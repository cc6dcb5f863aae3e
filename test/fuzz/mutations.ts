// How the fuzz tests change real files: byte by byte (any format), field by field (JSON), and,
// for the spreadsheet importer, inside the formats: an .xlsx's parts unzipped, changed and zipped
// again (so the change reaches SheetJS past the archive's checks), numbers in its XML replaced by
// boundary values, and 16/32-bit fields of binary files overwritten with boundary values.
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { concatBytes } from '#shared/util/bytes';

export function concat(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(parts);
}

/** Byte-level mutations of a fixture: flips, overwrites, truncations, insertions, deletions. */
export function byteMutation(fixture: Uint8Array): fc.Arbitrary<Uint8Array> {
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
export function jsonMutation(fixture: Uint8Array, reseal?: (value: unknown) => unknown): fc.Arbitrary<Uint8Array> | undefined {
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

const BOUNDARY_INTS = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x10000, 0x100000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

/** 16- or 32-bit little-endian fields overwritten with boundary values: counts, sizes, sector numbers. */
export function intMutation(fixture: Uint8Array): fc.Arbitrary<Uint8Array> {
  const field = fc.tuple(fc.integer({ min: 0, max: Math.max(0, fixture.length - 4) }), fc.constantFrom(...BOUNDARY_INTS), fc.constantFrom(2, 4));
  return fc.array(field, { minLength: 1, maxLength: 3 }).map((fields) => {
    const out = fixture.slice();
    for (const [at, value, width] of fields) for (let i = 0; i < width && at + i < out.length; i++) out[at + i] = (value >>> (8 * i)) & 0xff;
    return out;
  });
}

const BOUNDARY_NUMBERS = ['0', '-1', '65536', '1048576', '1048577', '16384', '2147483648', '4294967295', '99999999999', '1e308', 'NaN', ''];

/**
 * Mutations inside an .xlsx: one part changed (bytes flipped, or one number in its XML — a cell
 * reference's row, a count, a style index, a range — replaced by a boundary value), then zipped
 * again so the archive itself stays valid.
 */
export function xlsxPartMutation(fixture: Uint8Array): fc.Arbitrary<Uint8Array> | undefined {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(fixture);
  } catch {
    return undefined;
  }
  const names = Object.keys(parts);
  const xml = names.filter((n) => /\.(xml|rels)$/i.test(n));
  const rezip = (name: string, bytes: Uint8Array) => zipSync({ ...parts, [name]: bytes });
  const numberChange = fc.tuple(fc.constantFrom(...xml), fc.nat(), fc.constantFrom(...BOUNDARY_NUMBERS)).map(([name, pick, value]) => {
    const text = new TextDecoder().decode(parts[name]!);
    const numbers = [...text.matchAll(/\d+/g)];
    if (numbers.length === 0) return rezip(name, parts[name]!);
    const m = numbers[pick % numbers.length]!;
    return rezip(name, new TextEncoder().encode(text.slice(0, m.index) + value + text.slice(m.index + m[0].length)));
  });
  const bytesChange = fc.constantFrom(...names).chain((name) => byteMutation(parts[name]!).map((bytes) => rezip(name, bytes)));
  return fc.oneof(numberChange, bytesChange);
}
