// Every IPC channel against many random payloads: dispatch never throws, never runs a handler with
// a payload its validator refuses, and never runs one for a sender outside the app.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, dispatch, type Handlers } from '../../electron/main/ipc/dispatch';
import { isTrustedAppUrl } from '../../electron/main/policy/trusted-url';
import { requestValidators, type Channel } from '#shared/ipc/contract';
import { check } from '#shared/util/validation';

const APP = 'app://bundle/index.html';
const RUNS_PER_CHANNEL = 3000;

/** A valid request per channel, the seed the structured payloads are mutated from. */
const VALID: Record<Channel, unknown> = {
  'file:save': { suggestedName: '张三意见清单.docx', filters: [{ name: 'Word 文档', extensions: ['docx'] }], data: new Uint8Array([1, 2]) },
  'file:open': { filters: [{ name: '表格', extensions: ['xlsx', 'xls', 'csv'] }], maxBytes: 1024, multiple: true },
  'app:version': null,
  'file:save-many': { folderName: '2025年度-某某局-征求意见建议清单', files: [{ name: '00-领导班子.docx', data: new Uint8Array([5]) }] },
  'print:page': null,
  'backup:submit': { requestId: 'b6f7c9a0-1', data: new Uint8Array([3]) },
  'backup:store': { reason: 'before-restore', data: new Uint8Array([4]) },
  'backup:list': null,
  'backup:read': { name: 'mzsh-2025-11-21T06-30-00-123Z-scheduled.mzsh-backup' },
};

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
  maxDepth: 4,
});

const nasty = fc.oneof(
  anything,
  fc.constantFrom('', '..', '../../etc/passwd', 'C:\\Windows\\win.ini', '\u0000', 'a'.repeat(10_000), '__proto__', 'constructor'),
  fc.constantFrom(-1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -0),
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(new Uint8Array(new ArrayBuffer(8), 2, 3)),
);

/** Payloads shaped like the valid one: some fields kept, some replaced, some dropped, some added. */
function shaped(valid: unknown): fc.Arbitrary<unknown> {
  if (valid === null || typeof valid !== 'object' || valid instanceof Uint8Array) return fc.oneof(fc.constant(valid), nasty);
  const keys = Object.keys(valid);
  return fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(nasty, fc.constant(undefined))), { maxLength: keys.length }),
      fc.subarray(keys),
      fc.option(fc.tuple(fc.string({ maxLength: 12 }), nasty), { nil: undefined }),
    )
    .map(([replaced, dropped, extra]) => {
      const out: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
      for (const [k, v] of replaced) out[k] = v;
      for (const k of dropped) delete out[k];
      if (extra) out[extra[0]] = extra[1];
      return out;
    });
}

function recordingHandlers(calls: Array<[Channel, unknown]>): Handlers<null> {
  const record = (channel: Channel) => async (request: unknown) => {
    calls.push([channel, request]);
    return null as never;
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, record(c)])) as unknown as Handlers<null>;
}

describe('IPC fuzzing', () => {
  it.each(CHANNELS.map((c) => [c]))('%s: no crash, no unvalidated call', async (channel) => {
    const calls: Array<[Channel, unknown]> = [];
    const handlers = recordingHandlers(calls);
    const validator = requestValidators[channel];
    let cases = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 1, arbitrary: anything }, { weight: 3, arbitrary: shaped(VALID[channel]) }), async (payload) => {
        cases++;
        const before = calls.length;
        const result = await dispatch(channel, APP, payload, handlers, null, (u) => isTrustedAppUrl(u));
        expect(typeof result.ok).toBe('boolean');
        if (result.ok) {
          accepted++;
          expect(calls.length).toBe(before + 1);
          // What the handler got passes the validator again.
          expect(check<unknown>(validator, calls[before]![1]).ok).toBe(true);
        } else {
          expect(calls.length).toBe(before);
          expect(result.error.code).toBe('bad-request');
          expect(result.error.message).toMatch(/^请求数据不正确：/);
        }
      }),
      { numRuns: RUNS_PER_CHANNEL, seed: 6 },
    );
    // The valid request itself goes through, so the property above is exercised both ways.
    expect((await dispatch(channel, APP, VALID[channel], handlers, null, (u) => isTrustedAppUrl(u))).ok).toBe(true);
    console.log(`IPC fuzz ${channel}: ${cases} payloads, ${accepted} accepted by the validator, ${cases - accepted} refused, 0 crashes`);
  });

  it('runs no handler for a sender outside the app, whatever the payload', async () => {
    const calls: Array<[Channel, unknown]> = [];
    const handlers = recordingHandlers(calls);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.oneof(fc.webUrl(), fc.constantFrom('file:///C:/x.html', 'app://evil/', 'about:blank', 'devtools://devtools/x', 'chrome-extension://abc/x'), fc.string()),
        anything,
        async (channel, url, payload) => {
          cases++;
          const result = await dispatch(channel, url, payload, handlers, null, (u) => isTrustedAppUrl(u));
          expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: '拒绝来自非本应用页面的请求' } });
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
    expect(calls).toEqual([]);
    console.log(`IPC fuzz senders: ${cases} calls from untrusted URLs, 0 reached a handler`);
  });
});
