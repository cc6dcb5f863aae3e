// The app's words for zod's verdicts: every check of untrusted data (IPC payloads, packages,
// backups, stored summaries) reports its first problem as `字段 <path> <reason>` in Chinese.
import { describe, expect, it } from 'vitest';
import { arr, bool, bytes, check, dict, int, literal, nothing, obj, str, tagged } from '#shared/util/validation';

const person = obj({
  name: str({ min: 1, max: 5 }),
  age: int({ min: 0, max: 150 }),
  tags: arr(str({ pattern: /^[a-z]+$/, patternName: '小写字母' }), { max: 2 }),
  note: str().optional(),
  role: literal('staff', 'supervisor'),
});
const ok = { name: '张三', age: 40, tags: ['a'], role: 'staff' };

describe('check', () => {
  it('gives back the value when it is valid, leaving out nothing it was given', () => {
    expect(check(person, ok)).toEqual({ ok: true, value: ok });
    expect(check(person, { ...ok, note: '备注' })).toEqual({ ok: true, value: { ...ok, note: '备注' } });
  });

  it('names the field and the reason, with list positions in brackets', () => {
    expect(check(person, { ...ok, name: 7 })).toEqual({ ok: false, error: '字段 name 应为文本', path: 'name', reason: '应为文本' });
    expect(check(person, { ...ok, name: '' })).toMatchObject({ error: '字段 name 不能为空' });
    expect(check(person, { ...ok, name: '一二三四五六' })).toMatchObject({ error: '字段 name 过长（最多 5 个字符）' });
    expect(check(person, { ...ok, age: 1.5 })).toMatchObject({ error: '字段 age 应为整数' });
    expect(check(person, { ...ok, age: -1 })).toMatchObject({ error: '字段 age 不能小于 0' });
    expect(check(person, { ...ok, age: 151 })).toMatchObject({ error: '字段 age 不能大于 150' });
    expect(check(person, { ...ok, tags: ['a', 'B'] })).toMatchObject({ error: '字段 tags[1] 格式不正确（应为小写字母）', path: 'tags[1]' });
    expect(check(person, { ...ok, tags: ['a', 'b', 'c'] })).toMatchObject({ error: '字段 tags 条目过多（最多 2 条）' });
    expect(check(person, { ...ok, tags: 'a' })).toMatchObject({ error: '字段 tags 应为列表' });
    expect(check(person, { ...ok, role: 'boss' })).toMatchObject({ error: '字段 role 应为 "staff" / "supervisor" 之一' });
  });

  it('says a field is missing only when it is absent, and the value itself is `数据`', () => {
    const { age: _age, ...noAge } = ok;
    expect(check(person, noAge)).toMatchObject({ error: '字段 age 缺失', path: 'age', reason: '缺失' });
    expect(check(person, { ...ok, age: undefined })).toMatchObject({ error: '字段 age 应为整数' });
    expect(check(person, [ok])).toMatchObject({ error: '数据应为对象', path: '' });
    expect(check(obj({ inner: person }), { inner: noAge })).toMatchObject({ error: '字段 inner.age 缺失' });
  });

  it('names an unknown field before any other problem of its object', () => {
    expect(check(person, { ...ok, extra: 1 })).toMatchObject({ error: '字段 extra 是未知字段', path: 'extra', reason: '是未知字段' });
    expect(check(person, { extra: 1 })).toMatchObject({ error: '字段 extra 是未知字段' });
    expect(check(obj({ inner: person }), { inner: { ...ok, age: 'x', extra: 1 } })).toMatchObject({ error: '字段 inner.extra 是未知字段' });
    // An unknown field in a later object does not hide a problem met earlier.
    expect(check(obj({ a: person, b: person }), { a: { ...ok, age: 'x' }, b: { ...ok, extra: 1 } })).toMatchObject({ error: '字段 a.age 应为整数' });
  });

  it('refuses keys that could reach a prototype, and too many keys, in a dictionary', () => {
    const counts = dict(int({ min: 0 }), { maxKeys: 2 });
    expect(check(counts, { a: 1, b: 2 })).toEqual({ ok: true, value: { a: 1, b: 2 } });
    expect(check(counts, JSON.parse('{"__proto__": 1}'))).toMatchObject({ error: '字段 __proto__ 是不允许的键名' });
    expect(check(counts, { constructor: 1 })).toMatchObject({ error: '字段 constructor 是不允许的键名' });
    expect(check(counts, { a: 1, b: 2, c: 3 })).toMatchObject({ error: '数据键过多' });
    expect(check(counts, { a: -1 })).toMatchObject({ error: '字段 a 不能小于 0' });
    expect(check(counts, new Map())).toMatchObject({ error: '数据应为对象' });
  });

  it('checks binary data, no payload, yes-or-no and tagged shapes in the same words', () => {
    expect(check(bytes({ max: 1024 * 1024 }), new Uint8Array(2))).toMatchObject({ ok: true });
    expect(check(bytes({ max: 1024 * 1024 }), new Uint8Array(1024 * 1024 + 1))).toMatchObject({ error: '数据过大（最多 1 MB）' });
    expect(check(bytes(), [1, 2])).toMatchObject({ error: '数据应为二进制数据' });
    expect(check(nothing(), undefined)).toEqual({ ok: true, value: null });
    expect(check(nothing(), 0)).toMatchObject({ error: '数据应为空' });
    expect(check(bool(), 'yes')).toMatchObject({ error: '数据应为是或否（布尔值）' });
    const setting = tagged('key', [obj({ key: literal('a'), value: int() }), obj({ key: literal('b'), value: str() })]);
    expect(check(setting, { key: 'b', value: 'x' })).toEqual({ ok: true, value: { key: 'b', value: 'x' } });
    expect(check(setting, { key: 'c', value: 1 })).toMatchObject({ error: '字段 key 应为 a / b 之一' });
    expect(check(setting, 'a')).toMatchObject({ error: '数据应为对象' });
    expect(check(setting, { key: 'a', value: 'x' })).toMatchObject({ error: '字段 value 应为整数' });
  });
});
