// The paper-form worker's client: one worker for a batch, each file's bytes handed over, progress
// relayed, the page returned; a crash or a worker that cannot start is a Chinese message and the
// next file gets a fresh worker; a file too large is refused before it is read.
import { describe, expect, it, vi } from 'vitest';
import type { PageRead, ReadRequest } from '../../../renderer/src/features/paper-forms/protocol';
import { startRecognizer } from '../../../renderer/src/features/paper-forms/recognize-in-worker';

const PAGE: PageRead = { width: 10, height: 10, angle: 0, sealRemoved: false, tableFound: true, reading: { opinions: [], notOpinions: [] }, cells: [] };

class FakeWorker {
  static made: FakeWorker[] = [];
  static behaviour: 'answer' | 'crash' | 'hang' | 'refuse-start' = 'answer';
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { preventDefault: () => void }) => void) | null = null;
  terminated = false;
  posted: Array<[ReadRequest, unknown[]]> = [];
  constructor(readonly url: URL) {
    if (FakeWorker.behaviour === 'refuse-start') throw new DOMException('Workers are not allowed', 'SecurityError');
    FakeWorker.made.push(this);
  }
  postMessage(message: ReadRequest, transfer: unknown[]) {
    this.posted.push([message, transfer]);
    const { id } = message;
    if (FakeWorker.behaviour === 'hang') return;
    setTimeout(() => {
      if (FakeWorker.behaviour === 'crash') return this.onerror?.({ preventDefault: () => undefined });
      this.onmessage?.({ data: { id, kind: 'progress', stage: '识别文字', done: 1, total: 2 } });
      // A late reply to an earlier request is ignored.
      this.onmessage?.({ data: { id: id - 1, kind: 'refused', error: '旧的' } });
      this.onmessage?.({ data: { id, kind: 'page', page: PAGE } });
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

const file = (name: string, size = 3) => new File([new Uint8Array(size)], name);

describe('startRecognizer', () => {
  vi.stubGlobal('Worker', FakeWorker);

  it('reads files one after another in one worker, relaying progress, and stops it', async () => {
    FakeWorker.behaviour = 'answer';
    FakeWorker.made = [];
    const recognizer = startRecognizer();
    const progress: unknown[] = [];
    await expect(recognizer.read(file('1.png'), (...p) => progress.push(p))).resolves.toEqual({ ok: true, page: PAGE });
    await expect(recognizer.read(file('2.jpg'), () => undefined)).resolves.toEqual({ ok: true, page: PAGE });
    expect(progress).toEqual([['识别文字', 1, 2]]);
    expect(FakeWorker.made).toHaveLength(1);
    const [worker] = FakeWorker.made;
    expect(worker!.url.pathname).toMatch(/ocr-worker\.ts$/);
    // The bytes are handed over (transferred), not copied.
    expect(worker!.posted.map(([m, t]) => [m.fileName, m.bytes.length, t[0] === m.bytes.buffer])).toEqual([
      ['1.png', 3, true],
      ['2.jpg', 3, true],
    ]);
    recognizer.stop();
    expect(worker!.terminated).toBe(true);
  });

  it('answers a crashed worker in Chinese, and gives the next file a fresh one', async () => {
    FakeWorker.behaviour = 'crash';
    FakeWorker.made = [];
    const recognizer = startRecognizer();
    const crashed = await recognizer.read(file('坏.png'), () => undefined);
    expect(crashed).toEqual({ ok: false, error: expect.stringContaining('识别程序意外停止') });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    FakeWorker.behaviour = 'answer';
    await expect(recognizer.read(file('好.png'), () => undefined)).resolves.toEqual({ ok: true, page: PAGE });
    expect(FakeWorker.made).toHaveLength(2);
    recognizer.stop();
  });

  it('refuses a file over the size limit before reading it, and a worker that cannot start', async () => {
    FakeWorker.behaviour = 'answer';
    FakeWorker.made = [];
    const huge = { name: '巨.png', size: 61 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) } satisfies Pick<File, 'name' | 'size' | 'arrayBuffer'>;
    await expect(startRecognizer().read(huge as File, () => undefined)).resolves.toEqual({ ok: false, error: '文件过大（61.0 MB），一页扫描件或照片最多 60 MB' });
    expect(FakeWorker.made).toHaveLength(0);
    FakeWorker.behaviour = 'refuse-start';
    await expect(startRecognizer().read(file('表.png'), () => undefined)).resolves.toEqual({ ok: false, error: expect.stringContaining('识别程序意外停止') });
  });

  it('settles a file under way when the batch is stopped', async () => {
    FakeWorker.behaviour = 'hang';
    FakeWorker.made = [];
    const recognizer = startRecognizer();
    const reading = recognizer.read(file('1.png'), () => undefined);
    await vi.waitFor(() => expect(FakeWorker.made[0]?.posted).toHaveLength(1));
    recognizer.stop();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    await expect(reading).resolves.toEqual({ ok: false, error: '已取消识别' });
  });
});
