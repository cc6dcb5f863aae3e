// Checks of untrusted data (IPC payloads, packages, backups, stored summaries) with zod 4. The field
// builders carry the app's Chinese reasons (`应为文本`, `过长（最多 200 个字符）`); `check` turns
// zod's first issue into a sentence naming the field (`字段 origin.row 应为整数`) and never throws.
// Types come from the schemas (`z.infer`), so a type and its check cannot drift apart.
import { z } from 'zod';

/** `error` is the whole sentence; `path` (`opinions[3].content`, '' for the value itself) and `reason` (`应为文本`) are its parts. */
type CheckResult<T> = { ok: true; value: T } | { ok: false; error: string; path: string; reason: string };

/** Validates untrusted data; never throws for bad input. */
export function check<T>(schema: z.ZodType<T>, value: unknown): CheckResult<T> {
  let result: z.ZodSafeParseResult<T>;
  try {
    result = schema.safeParse(value);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, error: '数据嵌套过深或过大', path: '', reason: '嵌套过深或过大' };
    throw e;
  }
  if (result.success) return { ok: true, value: result.data };
  const { path, reason } = describe(firstIssue(result.error.issues), value);
  return { ok: false, error: `${path === '' ? '数据' : `字段 ${path} `}${reason}`, path, reason };
}

/**
 * The issue a reader meets first. zod checks an object's fields before it looks for unknown ones;
 * the app names an unknown field first (`extra 是未知字段`, not `appVersion 缺失` for a file that is
 * not a manifest at all): the outermost object on the way to zod's first issue that has one.
 */
function firstIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const first = issues[0]!;
  let chosen = first;
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys' || issue.path.length >= (chosen === first ? first.path.length + 1 : chosen.path.length)) continue;
    if (issue.path.every((key, i) => key === first.path[i])) chosen = issue;
  }
  return chosen;
}

/** Where an issue is and why, in the app's words: an unknown key is `是未知字段`, an absent field `缺失`. */
function describe(issue: z.core.$ZodIssue, value: unknown): { path: string; reason: string } {
  if (issue.code === 'unrecognized_keys') return { path: pathText([...issue.path, issue.keys[0]!]), reason: '是未知字段' };
  // zod reports a missing field as one of the wrong type; the field is absent from its object.
  if (issue.code === 'invalid_type' && issue.path.length > 0 && isAbsent(value, issue.path)) return { path: pathText(issue.path), reason: '缺失' };
  return { path: pathText(issue.path), reason: issue.message };
}

/** A path as the app writes it: `origin.row`, `ticked[3]`. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

/** Whether the last key of `path` is not an own property of the object the rest of the path leads to. */
function isAbsent(value: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let parent: unknown = value;
  for (const key of path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? (parent as Record<PropertyKey, unknown>)[key] : undefined;
  return typeof parent === 'object' && parent !== null && !Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]!);
}

// `str`, `int` and `bytes` judge in one check each, in the order people read the reasons (length
// before form): a stored summary has some thirty numbers, and three zod checks per number made
// reading one back three times slower than a single check does.

/** Text of at most `max` characters (100,000 unless told); `min: 1` refuses empty text; `pattern` with its name in the message. */
export function str(opts: { max?: number; min?: number; pattern?: RegExp; patternName?: string } = {}) {
  const { max = 100_000, min, pattern, patternName } = opts;
  const tooShort = min === 1 ? '不能为空' : `至少需要 ${min} 个字符`;
  const badForm = `格式不正确${patternName ? `（应为${patternName}）` : ''}`;
  return z.string({ error: '应为文本' }).check((ctx) => {
    const v = ctx.value;
    const reason = v.length > max ? `过长（最多 ${max} 个字符）` : min !== undefined && v.length < min ? tooShort : pattern && !pattern.test(v) ? badForm : undefined;
    if (reason !== undefined) ctx.issues.push({ code: 'custom', message: reason, input: v });
  });
}

/** A whole number within the bounds given. */
export function int(opts: { min?: number; max?: number } = {}) {
  const { min, max } = opts;
  return z.number({ error: '应为整数' }).check((ctx) => {
    const v = ctx.value;
    const reason = !Number.isInteger(v) ? '应为整数' : min !== undefined && v < min ? `不能小于 ${min}` : max !== undefined && v > max ? `不能大于 ${max}` : undefined;
    if (reason !== undefined) ctx.issues.push({ code: 'custom', message: reason, input: v });
  });
}

export function bool() {
  return z.boolean({ error: '应为是或否（布尔值）' });
}

/** One of the values given: `应为 "pass" / "return" 之一`. */
export function literal<const T extends readonly [string | number | boolean, ...(string | number | boolean)[]]>(...values: T) {
  return z.literal(values, { error: `应为 ${values.map((v) => JSON.stringify(v)).join(' / ')} 之一` });
}

/** A list of at most `max` items (ten million unless told). */
export function arr<T extends z.ZodType>(item: T, opts: { max?: number } = {}) {
  const max = opts.max ?? 10_000_000;
  return z.array(item, { error: '应为列表' }).max(max, { error: `条目过多（最多 ${max} 条）` });
}

/** Binary data of at most `max` bytes (512 MB unless told). */
export function bytes(opts: { max?: number } = {}) {
  const max = opts.max ?? 512 * 1024 * 1024;
  const tooBig = `过大（最多 ${Math.round(max / 1024 / 1024)} MB）`;
  return z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: '应为二进制数据' }).check((ctx) => {
    if (ctx.value.byteLength > max) ctx.issues.push({ code: 'custom', message: tooBig, input: ctx.value });
  });
}

/** No payload: `null` or `undefined`, given on as `null`. */
export function nothing() {
  return z
    .custom<null | undefined>((v) => v === null || v === undefined, { error: '应为空' })
    .transform(() => null);
}

/** An object with exactly these fields: unknown fields are refused, so nothing unexpected slips through. */
export function obj<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, { error: '应为对象' });
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A record of string keys to values of one kind, with at most `maxKeys` keys and none that could
 * reach an object's prototype. Both are checked on the input, before any value is (zod would drop a
 * `__proto__` key silently, and a huge object should be refused before its values are parsed).
 */
export function dict<T extends z.ZodType>(inner: T, opts: { maxKeys?: number } = {}) {
  const maxKeys = opts.maxKeys ?? 100_000;
  const keys = z.unknown().superRefine((v, ctx) => {
    if (typeof v !== 'object' || v === null) return;
    const names = Object.keys(v);
    if (names.length > maxKeys) ctx.addIssue({ code: 'custom', message: '键过多', input: v });
    else {
      const bad = names.find((k) => UNSAFE_KEYS.has(k));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: '是不允许的键名', path: [bad], input: v });
    }
  });
  return keys.pipe(z.record(z.string(), inner, { error: '应为对象' }));
}

/** One of several object shapes chosen by a tag field: an unknown tag is `应为 a / b 之一` at the tag. */
export function tagged<const V extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(tag: string, variants: V) {
  return z.discriminatedUnion(tag, variants, {
    error: (issue) => (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options) ? `应为 ${issue.options.join(' / ')} 之一` : '应为对象'),
  });
}
