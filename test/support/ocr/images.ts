// Pictures made in tests: PNG files written with Node's zlib (so the reader is tested against an
// independent writer), and grey pages with ruled lines and blocks of "ink".
import { deflateSync } from 'node:zlib';
import type { GrayImage, RgbaImage } from '#shared/ocr/raster';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A PNG of `width` × `height` from raw rows (filter byte included), with the given header fields. */
export function pngFromRows(width: number, height: number, depth: number, color: number, rows: Uint8Array, extra: Array<[string, Uint8Array]> = []): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([depth, color, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), ...extra.map(([t, d]) => chunk(t, d)), chunk('IDAT', new Uint8Array(deflateSync(rows))), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An RGBA picture as an 8-bit RGBA PNG, every row with the given filter type (0 none, 1 sub, 2 up). */
export function encodePng(image: RgbaImage, filter = 0): Uint8Array {
  const stride = image.width * 4;
  const rows = new Uint8Array((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    rows[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const v = image.data[y * stride + x]!;
      const left = x >= 4 ? image.data[y * stride + x - 4]! : 0;
      const up = y > 0 ? image.data[(y - 1) * stride + x]! : 0;
      rows[y * (stride + 1) + 1 + x] = (v - (filter === 1 ? left : filter === 2 ? up : 0)) & 255;
    }
  }
  return pngFromRows(image.width, image.height, 8, 6, rows);
}

/** A white RGBA picture. */
export function blankRgba(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8Array(width * height * 4).fill(255) };
}

/** Paints a rectangle of one colour. */
export function fillRgba(image: RgbaImage, x0: number, y0: number, w: number, h: number, [r, g, b]: [number, number, number]): void {
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const o = (y * image.width + x) * 4;
      image.data.set([r, g, b, 255], o);
    }
  }
}

/** A white grey page. */
export function blankGray(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

/** Paints a black rectangle on a grey page. */
export function fillGray(page: GrayImage, x0: number, y0: number, w: number, h: number, value = 0): void {
  for (let y = y0; y < y0 + h; y++) page.data.fill(value, y * page.width + x0, y * page.width + x0 + w);
}
