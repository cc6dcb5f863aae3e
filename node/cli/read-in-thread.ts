// Reads a spreadsheet for the command line in a worker thread with a time and a heap limit, as the
// app reads it in a Web Worker: a file that gets past the checks and still makes the reader loop
// or grow is stopped with a Chinese message instead of hanging or killing the command.
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PARSE_TIMEOUT_MS } from '#shared/import/limits';
import { readCrashed, readTimedOut, type ReadResult } from '#shared/import/read-workbook';

export interface ThreadLimits {
  timeoutMs: number;
  /** The thread's old-generation heap: a file that needs more is refused, not the machine's memory. */
  memoryMb: number;
}

const DEFAULT_LIMITS: ThreadLimits = { timeoutMs: PARSE_TIMEOUT_MS, memoryMb: 1024 };

/** The worker entry: compiled JavaScript as it is, TypeScript (run through tsx) through tsx's require hook. */
function startWorker(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  const entry = join(__dirname, `read-worker${extname(__filename)}`);
  if (!entry.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  // An eval'd worker resolves bare names against the working directory, so `require('tsx/cjs')`
  // failed when the command line was started from another folder: resolve it here, from this file.
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits });
}

export function readInThread(bytes: Uint8Array, fileName: string, limits: Partial<ThreadLimits> = {}): Promise<ReadResult> {
  const { timeoutMs, memoryMb } = { ...DEFAULT_LIMITS, ...limits };
  return new Promise((resolve) => {
    const worker = startWorker(memoryMb);
    let done = false;
    const finish = (result: ReadResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(readTimedOut(fileName, timeoutMs)), timeoutMs);
    worker.once('message', (result: ReadResult) => finish(result));
    worker.once('error', () => finish(readCrashed(fileName)));
    worker.once('exit', () => finish(readCrashed(fileName)));
    // A copy of exactly these bytes (a Node Buffer may be a view into a larger pool), handed over.
    const own = new Uint8Array(bytes);
    worker.postMessage({ bytes: own, fileName }, [own.buffer]);
  });
}
