// The messages between the 识别纸质表 tab and its recognition worker. One file at a time: the tab
// sends a file's bytes (handed over, not copied); the worker answers with progress, then each page
// as read (a picture is one page, a scanned PDF one or more, read one after another) or the reason
// a page could not be read, then done — or the reason the whole file could not be read.
import type { CellImage } from '#shared/ocr/cell-image';
import type { FormReading } from '#shared/ocr/form';

export type OcrStage = '加载识别模型' | '读取图片' | '检测文字' | '识别文字';

export interface ReadRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

/** A table cell as a picture (shared/ocr/cell-image.ts): shown in the preview, stored with the opinions read from it. */
export interface CellPicture {
  row: number;
  column: number;
  image: CellImage;
}

/** One page read: its size, the rotation undone, the seal removed, the form's fields and opinions, and the cell pictures. */
export interface PageRead {
  width: number;
  height: number;
  angle: number;
  sealRemoved: boolean;
  /** Whether a ruled table was found on the page. */
  tableFound: boolean;
  reading: FormReading;
  cells: CellPicture[];
}

export type WorkerReply =
  | { id: number; kind: 'progress'; stage: OcrStage; done: number; total: number; pageNumber: number; pageCount: number }
  | { id: number; kind: 'page'; pageNumber: number; page: PageRead }
  /** One page of a PDF could not be read (not a scan, an unsupported picture): the reason in Chinese. */
  | { id: number; kind: 'page-refused'; pageNumber: number; error: string }
  /** Every page of the file has been answered. */
  | { id: number; kind: 'done' }
  /** The file is not a readable picture (or not a form): the reason in Chinese. */
  | { id: number; kind: 'refused'; error: string }
  /** Recognition itself failed (the models could not load, the runtime crashed): the reason in Chinese. */
  | { id: number; kind: 'failed'; error: string };
