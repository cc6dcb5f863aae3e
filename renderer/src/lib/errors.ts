import Dexie from 'dexie';
import { UserError } from '../db/repos/errors';

/**
 * A Chinese message for any failure, fit to show the user: our own refusals as they are,
 * storage failures explained, anything else a plain apology (never a stack trace).
 */
export function describeError(e: unknown): string {
  if (e instanceof UserError) return e.message;
  const storage = storageProblem(e);
  if (storage) return storage;
  return '操作未能完成：程序内部错误，数据未改动。';
}

/** The details of a refusal (one per problem), when there are several. */
export function errorDetails(e: unknown): string[] {
  return e instanceof UserError ? e.details : [];
}

function storageProblem(e: unknown): string | undefined {
  // Dexie wraps the real cause of an aborted transaction in `inner`; look through the chain.
  let current: unknown = e;
  for (let depth = 0; depth < 5 && current; depth++) {
    const name = (current as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) {
      return '磁盘空间不足，保存失败，数据未改动。请清理磁盘后重试。';
    }
    if (name === Dexie.errnames.Constraint || name === 'ConstraintError') return '保存失败：记录编号冲突，数据未改动。';
    if (name === Dexie.errnames.DatabaseClosed || name === 'InvalidStateError') return '数据库已关闭，请重新打开应用。';
    if (name === Dexie.errnames.Version || name === 'VersionError') {
      return '本机数据由更新版本的工作台创建，当前版本无法打开。请安装最新版本。';
    }
    current = (current as { inner?: unknown }).inner;
  }
  const name = (e as { name?: string } | null)?.name;
  if (name === 'AbortError' || name === Dexie.errnames.Abort) return '保存被中止，数据未改动。';
  if (name === 'UnknownError' || name === Dexie.errnames.Unknown) return '存储出错，数据未改动。请重启应用后重试。';
  return undefined;
}
