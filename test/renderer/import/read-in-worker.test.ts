// The worker wrapper: a refusal comes back as it is, and a worker that hangs or crashes is
// stopped with a Chinese message, so the page keeps working.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readInWorker } from '../../../renderer/src/features/import/read-in-worker';

class FakeWorker {
  static last: FakeWorker | undefined;
  static behaviour: 'answer' | 'hang' | 'crash' | 'refuse-start' | 'refuse-bytes' = 'answer';
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { preventDefault: () => void }) => void) | null = null;
  terminated = false;
  posted: unknown[] = [];
  constructor(readonly url: URL) {
    if (FakeWorker.behaviour === 'refuse-start') throw new DOMException('Workers are not allowed', 'SecurityError');
    FakeWorker.last = this;
  }
  postMessage(message: unknown, transfer: unknown[]) {
    if (FakeWorker.behaviour === 'refuse-bytes') throw new DOMException('Could not be cloned', 'DataCloneError');
    this.posted.push(message, transfer);
    if (FakeWorker.behaviour === 'answer') setTimeout(() => this.onmessage?.({ data: { ok: false, error: '“a.xlsx”是空文件' } }), 0);
    if (FakeWorker.behaviour === 'crash') setTimeout(() => this.onerror?.({ preventDefault: () => undefined }), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('readInWorker', () => {
  vi.stubGlobal('Worker', FakeWorker);
  afterEach(() => vi.useRealTimers());

  it('hands the bytes over and returns what the worker answers, then stops it', async () => {
    FakeWorker.behaviour = 'answer';
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(readInWorker(bytes, 'a.xlsx')).resolves.toEqual({ ok: false, error: '“a.xlsx”是空文件' });
    expect(FakeWorker.last!.url.pathname).toMatch(/import-worker\.ts$/);
    expect(FakeWorker.last!.posted[1]).toEqual([bytes.buffer]);
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('stops a worker that takes longer than the limit', async () => {
    FakeWorker.behaviour = 'hang';
    vi.useFakeTimers();
    const result = readInWorker(new Uint8Array(1), '慢.xlsx', 30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(result).resolves.toEqual({ ok: false, error: '读取“慢.xlsx”超过 30 秒仍未完成，已停止。文件可能过大或结构异常，请在 Excel 或 WPS 中另存为 .xlsx 后再试' });
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('reports a crashed worker (out of memory) as a refusal', async () => {
    FakeWorker.behaviour = 'crash';
    await expect(readInWorker(new Uint8Array(1), '大.xlsx')).resolves.toEqual({ ok: false, error: '读取“大.xlsx”失败：文件过大或已损坏，未导入任何内容' });
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('reports a worker that cannot be started as a refusal instead of rejecting', async () => {
    FakeWorker.behaviour = 'refuse-start';
    await expect(readInWorker(new Uint8Array(1), '表.xlsx')).resolves.toEqual({ ok: false, error: '读取“表.xlsx”失败：文件过大或已损坏，未导入任何内容' });
  });

  it('stops a worker that cannot be handed the bytes', async () => {
    FakeWorker.behaviour = 'refuse-bytes';
    vi.useFakeTimers();
    await expect(readInWorker(new Uint8Array(1), '表.xlsx', 30_000)).resolves.toEqual({ ok: false, error: '读取“表.xlsx”失败：文件过大或已损坏，未导入任何内容' });
    expect(FakeWorker.last!.terminated).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
