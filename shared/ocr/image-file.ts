// A page picture from its bytes, whatever its file name says: PNG or baseline JPEG, each read with
// its limits; a PDF or anything else is refused with the reason.
import { decodeJpeg, isJpeg } from './jpeg';
import { decodePng, isPng } from './png';
import type { RgbaImage } from './raster';

/** Reads a scan or photo of a form: `{ ok: false, error }` in Chinese for anything not readable. */
export function decodeImage(bytes: Uint8Array): { ok: true; image: RgbaImage } | { ok: false; error: string } {
  if (isPng(bytes)) return decodePng(bytes);
  if (isJpeg(bytes)) return decodeJpeg(bytes);
  if (new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-') return { ok: false, error: '暂不支持 PDF，请把每页扫描件另存为 PNG 或 JPEG 图片' };
  return { ok: false, error: '不是 PNG 或 JPEG 图片' };
}
