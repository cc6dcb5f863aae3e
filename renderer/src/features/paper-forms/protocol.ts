// The messages between the 识别纸质表 tab and its recognition worker. One page at a time: the tab
// sends a file's bytes (handed over, not copied), the worker answers with progress and then the
// page as read, or the reason it could not be read.
import type { FormReading } from '#shared/ocr/form';

export type OcrStage = '加载识别模型' | '读取图片' | '检测文字' | '识别文字';

export interface ReadRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

/** A table cell as a picture, for checking an opinion against the paper. */
export interface CellPicture {
  row: number;
  column: number;
  png: Blob;
  width: number;
  height: number;
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
  | { id: number; kind: 'progress'; stage: OcrStage; done: number; total: number }
  | { id: number; kind: 'page'; page: PageRead }
  /** The file is not a readable picture (or not a form): the reason in Chinese. */
  | { id: number; kind: 'refused'; error: string }
  /** Recognition itself failed (the models could not load, the runtime crashed): the reason in Chinese. */
  | { id: number; kind: 'failed'; error: string };
