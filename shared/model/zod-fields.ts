// Field builders for the zod schemas of the problem and ledger records: every message names the
// field in Chinese, so a bad record from a package or a form reads `问题表现不能为空`, never a
// zod default in English. `parseRecord` turns a schema's verdict into a result that never throws.
import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The message of a wrong type: `缺失` when the field is absent, else what it should be. */
const typeError = (label: string, what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? `缺少${label}` : `${label}应为${what}`);

/** A record id (UUID, any version, as `isUuid` accepts). */
export const zId = (label: string) => z.string({ error: typeError(label, '文本') }).regex(UUID, { error: `${label}应为 UUID` });

/** A target: a member id or `group` (the group as a whole). */
export const zTarget = () =>
  z
    .string({ error: typeError('对象', '文本') })
    .regex(/^(group|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { error: '对象应为班子成员编号或 group（领导班子）' });

/** Text of at most `max` characters; `required` refuses empty and blank text. */
export const zText = (label: string, max = 200, required = false) => {
  const s = z.string({ error: typeError(label, '文本') }).max(max, { error: `${label}过长（最多 ${max} 个字符）` });
  return required ? s.refine((v) => v.trim() !== '', { error: `${label}不能为空` }) : s;
};

/** An instant, ISO-8601 UTC (`2025-11-21T08:00:00.000Z`). */
export const zTime = (label: string) => z.string({ error: typeError(label, '文本') }).regex(ISO_TIME, { error: `${label}应为 ISO 时间` });

/** A calendar day `YYYY-MM-DD` that exists (no 2月30日). */
export const zDate = (label: string) =>
  z
    .string({ error: typeError(label, '文本') })
    .regex(DATE, { error: `${label}应为 YYYY-MM-DD 日期` })
    .refine(isRealDate, { error: `${label}不是有效日期` });

/** A calendar day or empty (not given). */
export const zDateOrEmpty = (label: string) =>
  z
    .string({ error: typeError(label, '文本') })
    .refine((v) => v === '' || (DATE.test(v) && isRealDate(v)), { error: `${label}应为 YYYY-MM-DD 日期或留空` });

/** Whether `YYYY-MM-DD` names a day of the calendar. */
export function isRealDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** createdAt / updatedAt / deletedAt (soft delete), as every stored record carries them. */
export const zStamps = {
  createdAt: zTime('创建时间'),
  updatedAt: zTime('修改时间'),
  deletedAt: zTime('删除时间').optional(),
};

type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string; path: string };

/** Validates untrusted data against a schema; the first problem as a Chinese sentence, never an exception. */
export function parseRecord<T>(schema: z.ZodType<T>, value: unknown): ParseResult<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  // Unknown keys and wrong shapes have no field label in their message: add the path.
  const message = issue.code === 'unrecognized_keys' ? `有未知字段：${issue.keys.join('、')}` : issue.message;
  return { ok: false, error: message, path };
}

/**
 * A labelled record schema inside the app's other checks (packages, backups): its first problem is
 * reported whole, as `parseRecord` words it (`问题表现不能为空` at `description`), since its messages
 * already name the field.
 */
export function reportedWhole<T>(schema: z.ZodType<T>): z.ZodType<T> {
  return z.unknown().transform((value, ctx) => {
    const r = parseRecord(schema, value);
    if (r.ok) return r.value;
    ctx.issues.push({ code: 'custom', message: r.error, path: r.path === '' ? [] : [r.path], input: value });
    return z.NEVER;
  });
}
