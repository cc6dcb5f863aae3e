import type { DBCore, Middleware } from 'dexie';
import { UserError } from '../lib/user-error';

/**
 * A DBCore middleware that refuses every write (add, put, delete, clear) with a Chinese message,
 * below every repository: no code path can write around it.
 */
export function readOnlyMiddleware(reason: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'read-only',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: () => Promise.reject(new UserError(`只读模式，不能修改数据：${reason}`)) };
      },
    }),
  };
}
