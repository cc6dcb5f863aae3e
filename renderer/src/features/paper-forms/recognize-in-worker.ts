// The tab's side of the recognition worker: one worker for a batch of files, fed one file at a
// time (the next file's bytes are read only when the previous file is done; the worker decodes one
// page at a time). Stopping the batch terminates the worker, which frees the models and the runtime.
import { tooLarge } from './accepted-files';
import type { OcrStage, PageRead, WorkerReply } from './protocol';

/** A page read, with how long it took (the models' loading included for the first). */
export interface PageDone {
  pageNumber: number;
  page: PageRead;
  milliseconds: number;
}

/** A file's pages as read and the pages that could not be read; or why the file could not be read. */
export type FileOutcome = { ok: true; pages: PageDone[]; refusedPages: { pageNumber: number; error: string }[] } | { ok: false; error: string };

export type OcrProgress = (stage: OcrStage, done: number, total: number, pageNumber: number, pageCount: number) => void;

export interface Recognizer {
  /** Reads one file; never rejects (a refusal or a failure is `{ ok: false, error }` in Chinese). */
  read(file: File, onProgress: OcrProgress): Promise<FileOutcome>;
  stop(): void;
}

const CRASHED = '识别程序意外停止，这个文件未能读出。请重试；如仍不行，请把图片另存为较小的 PNG 或 JPEG 后再试';

/** Starts a worker for a batch; call stop() when the batch is done or abandoned. */
export function startRecognizer(): Recognizer {
  let worker: Worker | undefined;
  let nextId = 0;
  let pending:
    | { id: number; resolve: (outcome: FileOutcome) => void; progress: OcrProgress; pages: PageDone[]; refusedPages: { pageNumber: number; error: string }[]; since: number }
    | undefined;

  const settle = (outcome: FileOutcome) => {
    const p = pending;
    pending = undefined;
    p?.resolve(outcome);
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./ocr-worker.ts', import.meta.url), { type: 'module', name: 'ocr' });
    w.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (!pending || reply.id !== pending.id) return;
      if (reply.kind === 'progress') pending.progress(reply.stage, reply.done, reply.total, reply.pageNumber, reply.pageCount);
      else if (reply.kind === 'page') {
        const now = performance.now();
        pending.pages.push({ pageNumber: reply.pageNumber, page: reply.page, milliseconds: now - pending.since });
        pending.since = now;
      } else if (reply.kind === 'page-refused') pending.refusedPages.push({ pageNumber: reply.pageNumber, error: reply.error });
      else if (reply.kind === 'done') settle({ ok: true, pages: pending.pages, refusedPages: pending.refusedPages });
      else settle({ ok: false, error: reply.error });
    };
    w.onerror = (event) => {
      event.preventDefault();
      // A crashed worker is not reused: the next file gets a fresh one.
      w.terminate();
      worker = undefined;
      settle({ ok: false, error: CRASHED });
    };
    worker = w;
    return w;
  };

  return {
    read: async (file, onProgress) => {
      const large = tooLarge(file);
      if (large) return { ok: false, error: large };
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        return { ok: false, error: '读取文件失败，请确认文件没有被其他程序占用后重试' };
      }
      return new Promise<FileOutcome>((resolve) => {
        const id = ++nextId;
        pending = { id, resolve, progress: onProgress, pages: [], refusedPages: [], since: performance.now() };
        try {
          // The bytes are handed over, not copied.
          ensureWorker().postMessage({ id, fileName: file.name, bytes }, [bytes.buffer]);
        } catch {
          settle({ ok: false, error: CRASHED });
        }
      });
    },
    stop: () => {
      worker?.terminate();
      worker = undefined;
      settle({ ok: false, error: '已取消识别' });
    },
  };
}
