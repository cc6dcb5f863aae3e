// Reads a 对照检查材料 .docx off the page's thread (the archive is measured by the import's zip guard
// first; the caller terminates this worker after a time limit).
import { readDocxParagraphs } from '#shared/materials/docx-text';
import { structureParagraphs } from '#shared/materials/structure';
import type { MaterialRead } from './read-material';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ bytes: Uint8Array }>) => void) | null;
  postMessage: (message: MaterialRead) => void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const read = readDocxParagraphs(event.data.bytes);
  scope.postMessage(read.ok ? { ok: true, doc: structureParagraphs(read.paragraphs) } : { ok: false, error: read.error });
};
