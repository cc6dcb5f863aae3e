// Uneven light taken out of a photo of a form: the paper's own brightness (the background) is
// estimated everywhere and each pixel divided by it, so a shadow over part of the page, a lamp's
// fall-off and the grey cast of a phone photo all become white paper with dark ink again, and a
// dark desk around the sheet becomes white too instead of looking like one huge blot of ink.
// The background is a morphological closing (a maximum then a minimum over a square window) of
// a reduced copy: it erases dark things thinner than the window — strokes, rules — and keeps large
// areas, the desk and the shadow's gradient, with their edges where they are.
import { resizeGray, type GrayImage } from './raster';

/** The reduced copy is about this wide; its window this many pixels across each way. */
const WORK_WIDTH = 400;
const RADIUS = 4;

/** Sliding maximum (or minimum) over 2·r+1 pixels along rows, then along columns. */
function filter(img: GrayImage, r: number, max: boolean): GrayImage {
  const { width, height } = img;
  const pick = max ? Math.max : Math.min;
  const rows = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = img.data[y * width + x]!;
      for (let k = Math.max(0, x - r); k <= Math.min(width - 1, x + r); k++) v = pick(v, img.data[y * width + k]!);
      rows[y * width + x] = v;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = rows[y * width + x]!;
      for (let k = Math.max(0, y - r); k <= Math.min(height - 1, y + r); k++) v = pick(v, rows[k * width + x]!);
      out[y * width + x] = v;
    }
  }
  return { width, height, data: out };
}

/**
 * The page with its light made even: each pixel divided by the paper's brightness around it
 * (white stays white; ink keeps its contrast to the paper it is on). A scan with even light is
 * left as it is.
 */
export function flattenLight(page: GrayImage): GrayImage {
  const scale = Math.min(1, WORK_WIDTH / page.width);
  const w = Math.max(1, Math.round(page.width * scale));
  const h = Math.max(1, Math.round(page.height * scale));
  const small = resizeGray(page, { x: 0, y: 0, width: page.width, height: page.height }, w, h);
  const background = filter(filter(small, RADIUS, true), RADIUS, false);
  // Even light already (a scanner): the paper is as bright everywhere; nothing to do.
  let lo = 255;
  for (const v of background.data) lo = Math.min(lo, v);
  if (lo >= 235) return page;
  const out = new Uint8Array(page.data.length);
  const fx = w / page.width;
  const fy = h / page.height;
  for (let y = 0; y < page.height; y++) {
    // Bilinear in the reduced background, inline (this runs over whole pages).
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const ty = sy - y0;
    for (let x = 0; x < page.width; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const tx = sx - x0;
      const d = background.data;
      const top = d[y0 * w + x0]! + (d[y0 * w + x1]! - d[y0 * w + x0]!) * tx;
      const bottom = d[y1 * w + x0]! + (d[y1 * w + x1]! - d[y1 * w + x0]!) * tx;
      const bg = Math.max(1, top + (bottom - top) * ty);
      const i = y * page.width + x;
      out[i] = Math.min(255, Math.round((page.data[i]! * 255) / bg));
    }
  }
  return { width: page.width, height: page.height, data: out };
}
