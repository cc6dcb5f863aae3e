// The command line's spreadsheet reader thread: one file, read and answered, then the thread ends.
import { parentPort } from 'node:worker_threads';
import { readWorkbook } from '#shared/import/read-workbook';

parentPort!.once('message', ({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) => {
  parentPort!.postMessage(readWorkbook(bytes, fileName));
});
