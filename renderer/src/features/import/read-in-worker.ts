import { PARSE_TIMEOUT_MS } from '#shared/import/limits';
import { readCrashed, readTimedOut, type ReadResult } from '#shared/import/read-workbook';

/**
 * Reads a spreadsheet in a Web Worker, stopped after a time limit; a refusal, a crash or a
 * timeout is a Chinese message, and the page keeps working either way. Never rejects: a worker
 * that cannot even be started (or handed the bytes) is reported like a crashed one.
 */
export function readInWorker(bytes: Uint8Array, fileName: string, timeoutMs = PARSE_TIMEOUT_MS): Promise<ReadResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
    } catch {
      resolve(readCrashed(fileName));
      return;
    }
    const finish = (result: ReadResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(readTimedOut(fileName, timeoutMs)), timeoutMs);
    worker.onmessage = (event: MessageEvent<ReadResult>) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      finish(readCrashed(fileName));
    };
    try {
      // The bytes are handed over, not copied.
      worker.postMessage({ bytes, fileName }, [bytes.buffer]);
    } catch {
      finish(readCrashed(fileName));
    }
  });
}
