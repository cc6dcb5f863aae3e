// The tab's side of the recognition worker: one worker for a batch of files, fed one file at a
// time (the next file's bytes are read only when the previous page is done, so memory holds one
// page). Stopping the batch terminates the worker, which frees the models and the runtime.
import { MAX_PAPER_FORM_BYTES } from './accepted-files';
import type { OcrStage, PageRead, WorkerReply } from './protocol';

export type PageOutcome = { ok: true; page: PageRead } | { ok: false; error: string };

export type OcrProgress = (stage: OcrStage, done: number, total: number) => void;

export interface Recognizer {
  /** Reads one file; never rejects (a refusal or a failure is `{ ok: false, error }` in Chinese). */
  read(file: File, onProgress: OcrProgress): Promise<PageOutcome>;
  stop(): void;
}

const CRASHED = '识别程序意外停止，这个文件未能读出。请重试；如仍不行，请把图片另存为较小的 PNG 或 JPEG 后再试';

/** Starts a worker for a batch; call stop() when the batch is done or abandoned. */
export function startRecognizer(): Recognizer {
  let worker: Worker | undefined;
  let nextId = 0;
  let pending: { id: number; resolve: (outcome: PageOutcome) => void; progress: OcrProgress } | undefined;

  const settle = (outcome: PageOutcome) => {
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
      if (reply.kind === 'progress') pending.progress(reply.stage, reply.done, reply.total);
      else if (reply.kind === 'page') settle({ ok: true, page: reply.page });
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
      if (file.size > MAX_PAPER_FORM_BYTES) return { ok: false, error: `文件过大（${(file.size / 1048576).toFixed(1)} MB），一页扫描件或照片最多 ${MAX_PAPER_FORM_BYTES / 1048576} MB` };
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        return { ok: false, error: '读取文件失败，请确认文件没有被其他程序占用后重试' };
      }
      return new Promise<PageOutcome>((resolve) => {
        const id = ++nextId;
        pending = { id, resolve, progress: onProgress };
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
