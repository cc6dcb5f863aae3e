// What the 识别纸质表 picker offers, in one place: when PDFs of scans can be read (shared/ocr), add
// them here and the picker, its hint and the size check follow.

/** The picker's `accept` list (the worker still tells the kind from the bytes, not the name). */
export const PAPER_FORM_ACCEPT = '.png,.jpg,.jpeg,image/png,image/jpeg';

/** How the picker names what it takes. */
export const PAPER_FORM_KINDS = 'PNG 或 JPEG 图片（扫描件或手机照片）';

/** A scan or photo of one page is at most this large on disk (the command line's limit too). */
export const MAX_PAPER_FORM_BYTES = 60 * 1024 * 1024;
