// What the 识别纸质表 picker offers, in one place: the picker, its hint and the size check follow it.
// A picture is one page; a scanner's PDF is read page by page (shared/ocr/pdf-images.ts).

/** The picker's `accept` list (the worker still tells the kind from the bytes, not the name). */
export const PAPER_FORM_ACCEPT = '.png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf';

/** How the picker names what it takes. */
export const PAPER_FORM_KINDS = 'PNG、JPEG 图片（扫描件或手机照片）或扫描仪生成的 PDF';

/** A scan or photo of one page is at most this large on disk (the command line's limit too). */
const MAX_PICTURE_BYTES = 60 * 1024 * 1024;
/** A scanned PDF (up to 50 pages) is at most this large, as on the command line. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** The size refusal for a chosen file, in Chinese, or undefined when it may be read. */
export function tooLarge(file: { name: string; type: string; size: number }): string | undefined {
  const pdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  const max = pdf ? MAX_PDF_BYTES : MAX_PICTURE_BYTES;
  if (file.size <= max) return undefined;
  return `文件过大（${(file.size / 1048576).toFixed(1)} MB），${pdf ? 'PDF 扫描件' : '一页扫描件或照片'}最多 ${max / 1048576} MB`;
}
