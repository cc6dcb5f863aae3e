import Dexie from 'dexie';
import { UserError } from './user-error';

/**
 * A Chinese message for any failure, fit to show the user: our own refusals as they are,
 * storage failures explained, anything else a plain apology (never a stack trace).
 */
export function describeError(e: unknown): string {
  const causes = causeChain(e);
  const refusal = causes.find((c): c is UserError => c instanceof UserError);
  if (refusal) return refusal.message;
  const storage = storageProblem(causes);
  if (storage) return storage;
  return '操作未能完成：程序内部错误，数据未改动。';
}

/** The details of a refusal (one per problem), when there are several. */
export function errorDetails(e: unknown): string[] {
  const refusal = causeChain(e).find((c): c is UserError => c instanceof UserError);
  return refusal ? refusal.details : [];
}

/**
 * The error and everything it wraps: Dexie puts the real cause of an aborted transaction in
 * `inner`, a failed bulk write lists its rows' errors in `failures`/`failuresByPos`, and standard
 * errors use `cause`. Breadth-first, so the outermost explanation wins.
 */
function causeChain(e: unknown): unknown[] {
  const out: unknown[] = [];
  const queue: unknown[] = [e];
  while (queue.length > 0 && out.length < 50) {
    const current = queue.shift();
    if (current === null || current === undefined || out.includes(current)) continue;
    out.push(current);
    if (typeof current !== 'object') continue;
    const c = current as { inner?: unknown; cause?: unknown; failures?: unknown; failuresByPos?: unknown };
    queue.push(c.inner, c.cause);
    if (Array.isArray(c.failures)) queue.push(...c.failures.slice(0, 10));
    if (c.failuresByPos && typeof c.failuresByPos === 'object') queue.push(...Object.values(c.failuresByPos).slice(0, 10));
  }
  return out;
}

const nameOf = (e: unknown) => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');
const messageOf = (e: unknown) => (typeof e === 'object' && e !== null ? String((e as { message?: unknown }).message ?? '') : '');

function storageProblem(causes: unknown[]): string | undefined {
  const names = causes.map(nameOf);
  // Chromium sometimes reports a full disk as an UnknownError or AbortError whose message names the quota.
  if (names.some((n) => n === 'QuotaExceededError' || n === Dexie.errnames.QuotaExceeded) || causes.some((c) => /quota/i.test(messageOf(c)))) {
    return '磁盘空间不足，保存失败，数据未改动。请清理磁盘后重试。';
  }
  if (names.some((n) => n === Dexie.errnames.Version || n === 'VersionError')) {
    return '本机数据由更新版本的工作台创建，当前版本无法打开。请安装最新版本。';
  }
  if (names.some((n) => n === Dexie.errnames.Constraint || n === 'ConstraintError')) return '保存失败：记录编号冲突，数据未改动。';
  if (names.some((n) => n === Dexie.errnames.DatabaseClosed || n === 'InvalidStateError')) return '数据库已关闭，请重新打开应用。';
  if (names.some((n) => n === 'DataCloneError' || n === Dexie.errnames.DataClone)) return '保存失败：数据格式无法存储，数据未改动。';
  if (names.some((n) => n === 'ReadOnlyError' || n === Dexie.errnames.ReadOnly)) return '保存失败：数据库当前只读，数据未改动。';
  if (names.some((n) => n === 'AbortError' || n === Dexie.errnames.Abort)) return '保存被中止，数据未改动。';
  if (names.some((n) => n === 'UnknownError' || n === Dexie.errnames.Unknown)) return '存储出错，数据未改动。请重启应用后重试。';
  return undefined;
}
