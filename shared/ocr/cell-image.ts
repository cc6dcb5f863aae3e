// The picture of an opinion's table cell, kept with the opinion for later checking against the
// paper: cut from the levelled, seal-free grey page the text was read from, scaled so that its text
// is about TEXT_LINE_PIXELS high whatever the scan's resolution (legible on screen, small on disk),
// and written as a 4-bit grey PNG (16 shades are plenty for ink on paper). Its paper is evened to
// white first (a photo's paper stays greyish after levelling) and near-white is made pure white,
// so that neither costs bytes. The app's worker and the command line both call this, so the
// preview shows exactly the picture that is stored.
import { zlibSync } from 'fflate';
import { concatBytes } from '../util/bytes';
import { resizeGray, type GrayImage, type Rect } from './raster';

/** The height a line of text gets in the stored picture, in pixels (recognised line boxes, which hold the characters with a little margin). */
export const TEXT_LINE_PIXELS = 30;
/** No stored picture is wider than this (a cell across an A4 page at 100 dpi is about 700). */
const MAX_WIDTH = 1400;
/** Grey at or above this is paper: stored as white. */
const PAPER = 208;

export interface CellImage {
  /** PNG bytes: 4-bit greyscale. */
  png: Uint8Array;
  /** The picture's size in pixels. */
  width: number;
  height: number;
  /** The region of the levelled page it shows, in that page's pixels. */
  box: Rect;
}

/**
 * The scale that brings a page's text to TEXT_LINE_PIXELS: the median height of its recognised
 * lines, never enlarged. `pictureScale([60, 62, 58]) === 0.5`; a page with no lines keeps its size.
 */
export function pictureScale(lineHeights: readonly number[]): number {
  if (lineHeights.length === 0) return 1;
  const sorted = [...lineHeights].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return Math.min(1, TEXT_LINE_PIXELS / Math.max(1, median));
}

/** The cell `box` of `page` at `scale`, as a grey PNG (see the top of this file). */
export function cellImage(page: GrayImage, box: Rect, scale: number): CellImage {
  const region = clip(box, page);
  const s = Math.min(scale, MAX_WIDTH / Math.max(1, region.width));
  const width = Math.max(1, Math.round(region.width * s));
  const height = Math.max(1, Math.round(region.height * s));
  const gray = evenPaper(resizeGray(page, region, width, height));
  return { png: encodeGray4Png(gray), width, height, box: region };
}

/**
 * The cell with its paper made white: every pixel divided by the paper's grey (the 90th percentile:
 * a cell is mostly paper), so the light grey a photo's paper keeps after levelling neither costs
 * bytes nor dims the picture. A cell that is mostly ink is left as it is.
 */
function evenPaper(img: GrayImage): GrayImage {
  const counts = new Uint32Array(256);
  for (const v of img.data) counts[v]!++;
  let seen = 0;
  let paper = 255;
  for (let v = 0; v < 256; v++) {
    seen += counts[v]!;
    if (seen >= 0.9 * img.data.length) {
      paper = v;
      break;
    }
  }
  if (paper >= 250 || paper < 128) return img;
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.round((img.data[i]! * 255) / paper));
  return { width: img.width, height: img.height, data };
}

function clip(box: Rect, page: GrayImage): Rect {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const right = Math.min(page.width, Math.ceil(box.x + box.width));
  const bottom = Math.min(page.height, Math.ceil(box.y + box.height));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/** A grey image as a 4-bit greyscale PNG: each row filtered by whichever of None, Sub and Up leaves the smallest sum. */
export function encodeGray4Png(img: GrayImage): Uint8Array {
  const stride = Math.ceil(img.width / 2);
  const packed = new Uint8Array(stride * img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x]!;
      const level = v >= PAPER ? 15 : Math.round(v / 17);
      packed[y * stride + (x >> 1)]! |= x & 1 ? level : level << 4;
    }
  }
  const raw = new Uint8Array((stride + 1) * img.height);
  const candidates = [new Uint8Array(stride), new Uint8Array(stride), new Uint8Array(stride)];
  for (let y = 0; y < img.height; y++) {
    const row = packed.subarray(y * stride, (y + 1) * stride);
    const above = y > 0 ? packed.subarray((y - 1) * stride, y * stride) : undefined;
    let best = 0;
    let bestCost = Infinity;
    for (let f = 0; f < 3; f++) {
      const out = candidates[f]!;
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        const predicted = f === 0 ? 0 : f === 1 ? (i > 0 ? row[i - 1]! : 0) : (above?.[i] ?? 0);
        const d = (row[i]! - predicted) & 255;
        out[i] = d;
        cost += d < 128 ? d : 256 - d;
      }
      if (cost < bestCost) [best, bestCost] = [f, cost];
    }
    raw[y * (stride + 1)] = best;
    raw.set(candidates[best]!, y * (stride + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, img.width);
  view.setUint32(4, img.height);
  header.set([4, 0, 0, 0, 0], 8); // bit depth 4, greyscale, deflate, adaptive filtering, no interlace
  return concatBytes([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

const PNG_SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
