import type { IpcResult } from '#shared/ipc/contract';
import { UserError } from './user-error';

/** The value of a desktop call, or a UserError carrying its Chinese message (shown by useAction). */
export function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new UserError(result.error.message);
  return result.value;
}

/** Lets the browser paint (a progress bar) before the next piece of work. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
