// A small runtime validator for untrusted data (IPC payloads, packages, backups). Each validator
// returns the value typed, or throws a SchemaError whose message says in Chinese which field is
// wrong and why; `check` turns that into a result so callers never see an exception.

export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path === '' ? '数据' : `字段 ${path} `}${reason}`);
    this.name = 'SchemaError';
  }
}

export type Validator<T> = (value: unknown, path: string) => T;
export type Infer<V> = V extends Validator<infer T> ? T : never;

/** `error` is the whole sentence; `path` (`opinions[3].content`, '' for the value itself) and `reason` (`应为文本`) are its parts. */
export type CheckResult<T> = { ok: true; value: T } | { ok: false; error: string; path: string; reason: string };

/** Runs a validator; never throws for bad input. */
export function check<T>(validator: Validator<T>, value: unknown): CheckResult<T> {
  try {
    return { ok: true, value: validator(value, '') };
  } catch (e) {
    if (e instanceof SchemaError) return { ok: false, error: e.message, path: e.path, reason: e.reason };
    if (e instanceof RangeError) return { ok: false, error: '数据嵌套过深或过大', path: '', reason: '嵌套过深或过大' };
    throw e;
  }
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

export function str(opts: { max?: number; min?: number; pattern?: RegExp; patternName?: string } = {}): Validator<string> {
  const max = opts.max ?? 100_000;
  return (v, path) => {
    if (typeof v !== 'string') throw new SchemaError(path, '应为文本');
    if (v.length > max) throw new SchemaError(path, `过长（最多 ${max} 个字符）`);
    if (opts.min !== undefined && v.length < opts.min) throw new SchemaError(path, opts.min === 1 ? '不能为空' : `至少需要 ${opts.min} 个字符`);
    if (opts.pattern && !opts.pattern.test(v)) throw new SchemaError(path, `格式不正确${opts.patternName ? `（应为${opts.patternName}）` : ''}`);
    return v;
  };
}

export function int(opts: { min?: number; max?: number } = {}): Validator<number> {
  return (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new SchemaError(path, '应为整数');
    if (opts.min !== undefined && v < opts.min) throw new SchemaError(path, `不能小于 ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) throw new SchemaError(path, `不能大于 ${opts.max}`);
    return v;
  };
}

export function bool(): Validator<boolean> {
  return (v, path) => {
    if (typeof v !== 'boolean') throw new SchemaError(path, '应为是或否（布尔值）');
    return v;
  };
}

export function literal<const T extends readonly (string | number | boolean)[]>(...values: T): Validator<T[number]> {
  return (v, path) => {
    if (!values.includes(v as T[number])) throw new SchemaError(path, `应为 ${values.map((x) => JSON.stringify(x)).join(' / ')} 之一`);
    return v as T[number];
  };
}

export function arr<T>(item: Validator<T>, opts: { max?: number } = {}): Validator<T[]> {
  const max = opts.max ?? 10_000_000;
  return (v, path) => {
    if (!Array.isArray(v)) throw new SchemaError(path, '应为列表');
    if (v.length > max) throw new SchemaError(path, `条目过多（最多 ${max} 条）`);
    return v.map((x, i) => item(x, join(path, i)));
  };
}

export function bytes(opts: { max?: number } = {}): Validator<Uint8Array> {
  const max = opts.max ?? 512 * 1024 * 1024;
  return (v, path) => {
    if (!(v instanceof Uint8Array)) throw new SchemaError(path, '应为二进制数据');
    if (v.byteLength > max) throw new SchemaError(path, `过大（最多 ${Math.round(max / 1024 / 1024)} MB）`);
    return v;
  };
}

/** No payload: `null` or `undefined`, returned as `null`. */
export function nothing(): Validator<null> {
  return (v, path) => {
    if (v !== null && v !== undefined) throw new SchemaError(path, '应为空');
    return null;
  };
}

export function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  const validator: Validator<T | undefined> = (v, path) => (v === undefined ? undefined : inner(v, path));
  (validator as { optional?: boolean }).optional = true;
  return validator;
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return (v, path) => (v === null ? null : inner(v, path));
}

/** A record of string keys to values of one kind. */
export function dict<T>(inner: Validator<T>, opts: { maxKeys?: number } = {}): Validator<Record<string, T>> {
  const maxKeys = opts.maxKeys ?? 100_000;
  return (v, path) => {
    if (!isPlainObject(v)) throw new SchemaError(path, '应为对象');
    const entries = Object.entries(v);
    if (entries.length > maxKeys) throw new SchemaError(path, '键过多');
    const out: Record<string, T> = Object.create(null) as Record<string, T>;
    for (const [k, x] of entries) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw new SchemaError(join(path, k), '是不允许的键名');
      out[k] = inner(x, join(path, k));
    }
    return { ...out };
  };
}

type Shape = Record<string, Validator<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

/** An object with exactly these fields: unknown fields are refused, so nothing unexpected slips through. */
export function obj<S extends Shape>(shape: S): Validator<ObjectOf<S>> {
  return (v, path) => {
    if (!isPlainObject(v)) throw new SchemaError(path, '应为对象');
    for (const key of Object.keys(v)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new SchemaError(join(path, key), '是未知字段');
    }
    const out: Record<string, unknown> = {};
    for (const [key, validator] of Object.entries(shape)) {
      const present = Object.prototype.hasOwnProperty.call(v, key);
      if (!present && !(validator as { optional?: boolean }).optional) throw new SchemaError(join(path, key), '缺失');
      const value = validator((v as Record<string, unknown>)[key], join(path, key));
      if (value !== undefined) out[key] = value;
    }
    return out as ObjectOf<S>;
  };
}

/** One of several object shapes chosen by a tag field. */
export function tagged<K extends string, V extends Record<string, Validator<Record<string, unknown>>>>(
  tag: K,
  variants: V,
): Validator<Infer<V[keyof V]>> {
  return (v, path) => {
    if (!isPlainObject(v)) throw new SchemaError(path, '应为对象');
    const t = (v as Record<string, unknown>)[tag];
    if (typeof t !== 'string' || !Object.prototype.hasOwnProperty.call(variants, t)) {
      throw new SchemaError(join(path, tag), `应为 ${Object.keys(variants).join(' / ')} 之一`);
    }
    return variants[t]!(v, path) as Infer<V[keyof V]>;
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
