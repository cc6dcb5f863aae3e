// A batch of paper forms through the recognition worker, one file after another, with progress;
// the pages read (and the files refused, with the reason) are kept for the preview. The cell
// pictures are object URLs, released when the batch is put away.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CellImage } from '#shared/ocr/cell-image';
import { cellKey, type FormPage } from '#shared/ocr/preview-rows';
import { DEFAULT_MIN_CONFIDENCE, proposedProvider } from '#shared/ocr/plan';
import type { OcrStage } from './protocol';
import { startRecognizer, type Recognizer } from './recognize-in-worker';

/** A page read, with what the preview shows about it. */
export interface ReadPage {
  page: FormPage;
  width: number;
  height: number;
  angle: number;
  sealRemoved: boolean;
  tableFound: boolean;
  /** How long reading the page took (models loading included for the first). */
  milliseconds: number;
  /** `row:column` → the picture of the opinion's cell (an object URL). */
  pictures: Map<string, string>;
}

export interface Refusal {
  fileName: string;
  error: string;
}

type Batch =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; index: number; count: number; stage: OcrStage; done: number; total: number; percent: number }
  | { kind: 'read'; pages: ReadPage[]; refused: Refusal[] };

/** At most this many files in one batch (each page takes seconds). */
const MAX_FILES = 50;

/** How far one file is, 0–1, from its stage: the models load once, the lines take most of the time. */
function fileShare(stage: OcrStage, done: number, total: number): number {
  const part = total > 0 ? done / total : 0;
  if (stage === '读取图片') return 0.02;
  if (stage === '加载识别模型') return 0.05;
  if (stage === '检测文字') return 0.1 + 0.1 * part;
  return 0.2 + 0.8 * part;
}

/** Runs batches of files through one worker each; `cancel` stops a batch and forgets what it read. */
export function useRecognition() {
  const [batch, setBatch] = useState<Batch>({ kind: 'idle' });
  const recognizer = useRef<Recognizer | undefined>(undefined);
  const urls = useRef<string[]>([]);
  const run = useRef(0);

  const release = useCallback(() => {
    for (const url of urls.current) URL.revokeObjectURL(url);
    urls.current = [];
  }, []);

  const stop = useCallback(() => {
    run.current++;
    recognizer.current?.stop();
    recognizer.current = undefined;
  }, []);

  useEffect(
    () => () => {
      stop();
      release();
    },
    [stop, release],
  );

  const start = useCallback(
    async (files: readonly File[]) => {
      stop();
      release();
      const mine = ++run.current;
      if (files.length > MAX_FILES) {
        setBatch({ kind: 'read', pages: [], refused: [{ fileName: `${files.length} 个文件`, error: `一次最多识别 ${MAX_FILES} 个文件，请分批选择` }] });
        return;
      }
      const worker = startRecognizer();
      recognizer.current = worker;
      const pages: ReadPage[] = [];
      const refused: Refusal[] = [];
      for (const [index, file] of files.entries()) {
        const show = (stage: OcrStage, done: number, total: number, pageNumber = 1, pageCount = 1) => {
          if (run.current !== mine) return;
          const within = (pageNumber - 1 + fileShare(stage, done, total)) / pageCount;
          const percent = Math.round(((index + within) / files.length) * 100);
          const fileName = pageCount > 1 ? `${file.name}（第 ${pageNumber}/${pageCount} 页）` : file.name;
          setBatch({ kind: 'reading', fileName, index, count: files.length, stage, done, total, percent });
        };
        show('读取图片', 0, 1);
        const outcome = await worker.read(file, show);
        if (run.current !== mine) return;
        if (!outcome.ok) {
          refused.push({ fileName: file.name, error: outcome.error });
          continue;
        }
        for (const { pageNumber, error } of outcome.refusedPages) refused.push({ fileName: `${file.name} 第${pageNumber}页`, error });
        for (const { pageNumber, page, milliseconds } of outcome.pages) {
          const pictures = new Map<string, string>();
          const cells = new Map<string, CellImage>();
          for (const cell of page.cells) {
            const url = URL.createObjectURL(new Blob([cell.image.png.slice()], { type: 'image/png' }));
            urls.current.push(url);
            const key = cellKey(cell);
            pictures.set(key, url);
            cells.set(key, cell.image);
          }
          pages.push({
            // The cells' pictures go with the page: the commit stores each opinion's with it.
            page: { key: `${index}:${pageNumber}`, fileName: file.name, pageNumber, reading: page.reading, provider: proposedProvider(page.reading, DEFAULT_MIN_CONFIDENCE).text, cells },
            width: page.width,
            height: page.height,
            angle: page.angle,
            sealRemoved: page.sealRemoved,
            tableFound: page.tableFound,
            milliseconds,
            pictures,
          });
        }
      }
      // The models and the runtime's memory go with the worker.
      worker.stop();
      recognizer.current = undefined;
      setBatch({ kind: 'read', pages, refused });
    },
    [stop, release],
  );

  const cancel = useCallback(() => {
    stop();
    release();
    setBatch({ kind: 'idle' });
  }, [stop, release]);

  return { batch, setBatch, start, cancel };
}
