// A page picture from its bytes, whatever its file name says: PNG or baseline JPEG, each read with
// its limits, or the pages of a scanned PDF; anything else is refused with the reason.
import { decodeJpeg, isJpeg } from './jpeg';
import { pdfPageImages } from './pdf-images';
import { decodePng, isPng } from './png';
import type { RgbaImage } from './raster';

type ImageRead = { ok: true; image: RgbaImage } | { ok: false; error: string };

/** One page of a scan: a picture file is one page (no number); a PDF's pages are numbered from 1. */
export interface ScanPage {
  page?: number;
  width: number;
  height: number;
  /** The pixels; a PDF page is decoded only now (one page in memory at a time). */
  decode(): ImageRead;
}

/** Whether the bytes start like a PDF file. */
export function isPdf(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';
}

/** Reads a scan or photo of a form: `{ ok: false, error }` in Chinese for anything not readable. */
export function decodeImage(bytes: Uint8Array): ImageRead {
  if (isPng(bytes)) return decodePng(bytes);
  if (isJpeg(bytes)) return decodeJpeg(bytes);
  if (isPdf(bytes)) {
    const pdf = readScan(bytes);
    if (!pdf.ok) return pdf;
    return pdf.pages.length === 1 ? pdf.pages[0]!.decode() : { ok: false, error: `PDF 有 ${pdf.pages.length} 页，请逐页识别` };
  }
  return { ok: false, error: '不是 PNG、JPEG 图片或 PDF 文件' };
}

/**
 * The pages of a scan file: a PNG or JPEG is read at once (one page); a PDF's pages are each
 * checked now (a scan picture found, its codec and size readable) and decoded when asked.
 */
export function readScan(bytes: Uint8Array): { ok: true; pages: ScanPage[] } | { ok: false; error: string } {
  if (isPdf(bytes)) return pdfPageImages(bytes);
  const read = isPng(bytes) ? decodePng(bytes) : isJpeg(bytes) ? decodeJpeg(bytes) : { ok: false as const, error: '不是 PNG、JPEG 图片或 PDF 文件' };
  if (!read.ok) return read;
  return { ok: true, pages: [{ width: read.image.width, height: read.image.height, decode: () => read }] };
}
