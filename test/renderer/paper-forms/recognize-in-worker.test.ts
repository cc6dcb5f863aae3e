// The paper-form worker's client: one worker for a batch, each file's bytes handed over, progress
// relayed, the file's pages returned (a PDF's several, with the pages it could not read); a crash or a worker that cannot start is a Chinese message and the
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
      const pdf = message.fileName.endsWith('.pdf');
      this.onmessage?.({ data: { id, kind: 'progress', stage: '识别文字', done: 1, total: 2, pageNumber: 1, pageCount: pdf ? 3 : 1 } });
      // A late reply to an earlier request is ignored.
      this.onmessage?.({ data: { id: id - 1, kind: 'refused', error: '旧的' } });
      this.onmessage?.({ data: { id, kind: 'page', pageNumber: 1, page: PAGE } });
      if (pdf) {
        this.onmessage?.({ data: { id, kind: 'page-refused', pageNumber: 2, error: 'JBIG2 图像' } });
        this.onmessage?.({ data: { id, kind: 'page', pageNumber: 3, page: PAGE } });
      }
      this.onmessage?.({ data: { id, kind: 'done' } });
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

const file = (name: string, size = 3) => new File([new Uint8Array(size)], name);
const onePage = { ok: true, pages: [{ pageNumber: 1, page: PAGE, milliseconds: expect.any(Number) }], refusedPages: [] };

describe('startRecognizer', () => {
  vi.stubGlobal('Worker', FakeWorker);

  it('reads files one after another in one worker, relaying progress, and stops it', async () => {
    FakeWorker.behaviour = 'answer';
    FakeWorker.made = [];
    const recognizer = startRecognizer();
    const progress: unknown[] = [];
    await expect(recognizer.read(file('1.png'), (...p) => progress.push(p))).resolves.toEqual(onePage);
    await expect(recognizer.read(file('2.jpg'), () => undefined)).resolves.toEqual(onePage);
    expect(progress).toEqual([['识别文字', 1, 2, 1, 1]]);
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
    await expect(recognizer.read(file('好.png'), () => undefined)).resolves.toEqual(onePage);
    expect(FakeWorker.made).toHaveLength(2);
    recognizer.stop();
  });

  it('refuses a file over the size limit before reading it, and a worker that cannot start', async () => {
    FakeWorker.behaviour = 'answer';
    FakeWorker.made = [];
    const huge = { name: '巨.png', type: 'image/png', size: 61 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) } satisfies Pick<File, 'name' | 'type' | 'size' | 'arrayBuffer'>;
    await expect(startRecognizer().read(huge as File, () => undefined)).resolves.toEqual({ ok: false, error: '文件过大（61.0 MB），一页扫描件或照片最多 60 MB' });
    const hugePdf = { ...huge, name: '扫描件.pdf', type: 'application/pdf', size: 201 * 1024 * 1024 };
    await expect(startRecognizer().read(hugePdf as File, () => undefined)).resolves.toEqual({ ok: false, error: '文件过大（201.0 MB），PDF 扫描件最多 200 MB' });
    expect(FakeWorker.made).toHaveLength(0);
    FakeWorker.behaviour = 'refuse-start';
    await expect(startRecognizer().read(file('表.png'), () => undefined)).resolves.toEqual({ ok: false, error: expect.stringContaining('识别程序意外停止') });
  });

  it('gathers the pages of a PDF in order with the pages it could not read, until the worker says the file is done', async () => {
    FakeWorker.behaviour = 'answer';
    FakeWorker.made = [];
    const recognizer = startRecognizer();
    const progress: unknown[] = [];
    await expect(recognizer.read(file('扫描件.pdf'), (...p) => progress.push(p))).resolves.toEqual({
      ok: true,
      pages: [
        { pageNumber: 1, page: PAGE, milliseconds: expect.any(Number) },
        { pageNumber: 3, page: PAGE, milliseconds: expect.any(Number) },
      ],
      refusedPages: [{ pageNumber: 2, error: 'JBIG2 图像' }],
    });
    expect(progress).toEqual([['识别文字', 1, 2, 1, 3]]);
    recognizer.stop();
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
