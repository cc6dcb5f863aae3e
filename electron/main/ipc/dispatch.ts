// The one path every IPC call takes in main: check the sender, validate the payload, run the
// handler, and turn any failure into a typed error with a Chinese message (never a stack trace).
import {
  requestValidators,
  type Channel,
  type IpcErrorCode,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
} from '#shared/ipc/contract';
import { check } from '#shared/util/validation';

/** A failure a handler reports on purpose, with a message fit for the user. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}

export type Handler<C extends Channel, Ctx> = (request: RequestOf<C>, context: Ctx) => Promise<ResponseOf<C>>;
export type Handlers<Ctx> = { [C in Channel]: Handler<C, Ctx> };

export const CHANNELS = Object.keys(requestValidators) as Channel[];

export function isChannel(name: string): name is Channel {
  return (CHANNELS as string[]).includes(name);
}

/**
 * Runs one IPC call. `senderUrl` is the URL of the frame that sent it; `isTrusted` decides
 * whether that frame may call at all.
 */
export async function dispatch<C extends Channel, Ctx>(
  channel: C,
  senderUrl: string | undefined,
  payload: unknown,
  handlers: Handlers<Ctx>,
  context: Ctx,
  isTrusted: (url: string) => boolean,
): Promise<IpcResult<ResponseOf<C>>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'bad-request', message: '未知的请求' } };
  if (senderUrl === undefined || !isTrusted(senderUrl)) {
    return { ok: false, error: { code: 'forbidden', message: '拒绝来自非本应用页面的请求' } };
  }
  const validated = check<unknown>(requestValidators[channel], payload);
  if (!validated.ok) return { ok: false, error: { code: 'bad-request', message: `请求数据不正确：${validated.error}` } };
  try {
    const handler = handlers[channel] as Handler<C, Ctx>;
    const value = await handler(validated.value as RequestOf<C>, context);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof IpcFailure) return { ok: false, error: { code: e.code, message: e.message } };
    console.error(`[ipc] ${channel} failed`, e);
    return { ok: false, error: { code: 'internal', message: '操作未能完成：程序内部错误，数据未改动。' } };
  }
}
