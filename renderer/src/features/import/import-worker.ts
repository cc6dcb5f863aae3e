// Reads a spreadsheet off the page's thread: SheetJS on a crafted file can still take long, and
// the page must stay usable (the caller terminates this worker after a time limit).
import { readWorkbook } from '#shared/import/read-workbook';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => void) | null;
  postMessage: (message: unknown) => void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  scope.postMessage(readWorkbook(event.data.bytes, event.data.fileName));
};
