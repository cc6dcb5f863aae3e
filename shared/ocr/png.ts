// A PNG reader for scans and photos, with the limits a hostile file needs: the size is checked from
// the header before any pixel memory is taken, and the image data is inflated in steps, never past
// what the header says the image holds (a decompression bomb stops at that size).
import { Unzlib } from 'fflate';
import type { RgbaImage } from './raster';

/** Pixels a page may have: an A4 page at 600 dpi is 35 million. */
export const MAX_PIXELS = 40_000_000;
/** Longest side in pixels: A3 at 600 dpi is about 10,000. */
const MAX_SIDE = 16_000;

type ImageRead = { ok: true; image: RgbaImage } | { ok: false; error: string };

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Whether the bytes start like a PNG file. */
export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Whether width × height is a page this app will read; the Chinese reason when not. */
export function checkDimensions(width: number, height: number): string | undefined {
  if (width < 1 || height < 1) return '图片尺寸为 0';
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    return `图片过大（${width}×${height} 像素），最多 ${MAX_SIDE} 像素边长、${MAX_PIXELS / 1_000_000} 百万像素；请以 600 dpi 以下扫描`;
  }
  return undefined;
}

/** Reads a PNG (greyscale, RGB, palette, with or without alpha; 1–16 bits; plain or interlaced, Adam7) into RGBA. */
export function decodePng(bytes: Uint8Array): ImageRead {
  if (!isPng(bytes)) return { ok: false, error: '不是 PNG 图片' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let header: { width: number; height: number; depth: number; color: number; interlace: number } | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (pos + 8 <= bytes.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const body = pos + 8;
    if (body + length + 4 > bytes.length) return { ok: false, error: 'PNG 图片不完整（文件被截断）' };
    const data = bytes.subarray(body, body + length);
    if (type === 'IHDR') {
      if (length < 13) return { ok: false, error: 'PNG 图片已损坏（文件头错误）' };
      header = { width: view.getUint32(body), height: view.getUint32(body + 4), depth: data[8]!, color: data[9]!, interlace: data[12]! };
      const problem = checkDimensions(header.width, header.height);
      if (problem) return { ok: false, error: problem };
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos = body + length + 4;
  }
  if (!header) return { ok: false, error: 'PNG 图片已损坏（没有文件头）' };
  const channels = CHANNELS[header.color];
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(header.depth)) return { ok: false, error: 'PNG 图片已损坏（颜色类型错误）' };
  if (header.interlace > 1) return { ok: false, error: 'PNG 图片已损坏（隔行方式错误）' };
  if (header.color === 3 && !palette) return { ok: false, error: 'PNG 图片已损坏（缺少调色板）' };
  if (idat.length === 0) return { ok: false, error: 'PNG 图片没有图像数据' };
  const bitsPerPixel = channels * header.depth;
  const strideOf = (width: number) => Math.ceil((width * bitsPerPixel) / 8);
  if (header.interlace === 1) {
    // Adam7: seven reduced pictures one after another, each filtered on its own, then spread out.
    const passes = ADAM7.map(([x0, y0, dx, dy]) => ({ x0, y0, dx, dy, width: Math.ceil((header!.width - x0) / dx), height: Math.ceil((header!.height - y0) / dy) })).filter((p) => p.width > 0 && p.height > 0);
    const raw = inflateExactly(idat, passes.reduce((n, p) => n + (strideOf(p.width) + 1) * p.height, 0));
    if (typeof raw === 'string') return { ok: false, error: raw };
    const out = new Uint8Array(header.width * header.height * 4);
    let at = 0;
    for (const p of passes) {
      const stride = strideOf(p.width);
      const part = raw.subarray(at, at + (stride + 1) * p.height);
      at += part.length;
      unfilter(part, stride, p.height, Math.max(1, bitsPerPixel / 8));
      const small = toRgba(part, { ...header, width: p.width, height: p.height }, stride, channels, palette, transparency);
      for (let y = 0; y < p.height; y++) for (let x = 0; x < p.width; x++) out.set(small.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4), ((p.y0 + y * p.dy) * header.width + p.x0 + x * p.dx) * 4);
    }
    return { ok: true, image: { width: header.width, height: header.height, data: out } };
  }
  const stride = strideOf(header.width);
  const raw = inflateExactly(idat, (stride + 1) * header.height);
  if (typeof raw === 'string') return { ok: false, error: raw };
  unfilter(raw, stride, header.height, Math.max(1, bitsPerPixel / 8));
  return { ok: true, image: toRgba(raw, header, stride, channels, palette, transparency) };
}

/** Adam7's passes: the first column and row, and the steps between them. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Inflates the zlib stream in 64 KB steps into exactly `size` bytes; a longer or shorter stream is an error. */
function inflateExactly(parts: readonly Uint8Array[], size: number): Uint8Array | string {
  const out = new Uint8Array(size);
  let filled = 0;
  let overflow = false;
  const inflater = new Unzlib((chunk) => {
    if (filled + chunk.length > size) {
      overflow = true;
      return;
    }
    out.set(chunk, filled);
    filled += chunk.length;
  });
  try {
    for (let p = 0; p < parts.length && !overflow; p++) {
      const part = parts[p]!;
      const STEP = 65536;
      for (let i = 0; i < part.length && !overflow; i += STEP) inflater.push(part.subarray(i, i + STEP), p === parts.length - 1 && i + STEP >= part.length);
    }
  } catch {
    return 'PNG 图片已损坏（图像数据无法解压）';
  }
  if (overflow) return 'PNG 图片的图像数据多于其尺寸（疑似“压缩炸弹”），已拒绝';
  if (filled < size) return 'PNG 图片不完整（图像数据不足）';
  return out;
}

/** Undoes the PNG row filters in place (None, Sub, Up, Average, Paeth). */
export function unfilter(raw: Uint8Array, stride: number, height: number, bpp: number): void {
  const b = Math.floor(bpp);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    const filter = raw[row]!;
    const prev = row - (stride + 1);
    for (let x = 0; x < stride; x++) {
      const i = row + 1 + x;
      const left = x >= b ? raw[i - b]! : 0;
      const up = y > 0 ? raw[prev + 1 + x]! : 0;
      const upLeft = y > 0 && x >= b ? raw[prev + 1 + x - b]! : 0;
      let add = 0;
      if (filter === 1) add = left;
      else if (filter === 2) add = up;
      else if (filter === 3) add = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      raw[i] = (raw[i]! + add) & 255;
    }
  }
}

function toRgba(raw: Uint8Array, h: { width: number; height: number; depth: number; color: number }, stride: number, channels: number, palette: Uint8Array | undefined, trns: Uint8Array | undefined): RgbaImage {
  const out = new Uint8Array(h.width * h.height * 4);
  if (h.depth === 8 && h.color !== 3) {
    // The common case (8-bit grey, RGB, RGBA scans and photos), without a call per sample.
    for (let y = 0; y < h.height; y++) {
      let i = y * (stride + 1) + 1;
      let o = y * h.width * 4;
      for (let x = 0; x < h.width; x++, o += 4, i += channels) {
        if (channels <= 2) {
          out[o] = out[o + 1] = out[o + 2] = raw[i]!;
          out[o + 3] = channels === 2 ? raw[i + 1]! : 255;
        } else {
          out[o] = raw[i]!;
          out[o + 1] = raw[i + 1]!;
          out[o + 2] = raw[i + 2]!;
          out[o + 3] = channels === 4 ? raw[i + 3]! : 255;
        }
      }
    }
    return { width: h.width, height: h.height, data: out };
  }
  const max = (1 << Math.min(h.depth, 8)) - 1;
  for (let y = 0; y < h.height; y++) {
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < h.width; x++) {
      // Sample n of this pixel, scaled to 0–255 (16-bit: the high byte).
      const sampleAt = (n: number): number => {
        if (h.depth === 16) return raw[row + (x * channels + n) * 2]!;
        if (h.depth === 8) return raw[row + x * channels + n]!;
        const bit = (x * channels + n) * h.depth;
        const v = (raw[row + (bit >> 3)]! >> (8 - h.depth - (bit & 7))) & max;
        return h.color === 3 ? v : Math.round((v * 255) / max);
      };
      const o = (y * h.width + x) * 4;
      if (h.color === 3) {
        const index = sampleAt(0);
        out[o] = palette![index * 3] ?? 0;
        out[o + 1] = palette![index * 3 + 1] ?? 0;
        out[o + 2] = palette![index * 3 + 2] ?? 0;
        out[o + 3] = trns?.[index] ?? 255;
      } else if (channels <= 2) {
        const g = sampleAt(0);
        out[o] = out[o + 1] = out[o + 2] = g;
        out[o + 3] = channels === 2 ? sampleAt(1) : 255;
      } else {
        out[o] = sampleAt(0);
        out[o + 1] = sampleAt(1);
        out[o + 2] = sampleAt(2);
        out[o + 3] = channels === 4 ? sampleAt(3) : 255;
      }
    }
  }
  return { width: h.width, height: h.height, data: out };
}
