// Small rotations of a scan or photo (0–5°), found from the text lines and table rules themselves:
// the angle at which the rows of ink line up best (projection profile), then undone.
import { inkMask, resizeGray, rotateGray, type GrayImage } from './raster';

/** Largest skew searched, in degrees; beyond it a page is too crooked to be a scan of a form. */
const MAX_SKEW = 5;
/** The profile is measured on a copy at most this wide: enough for 0.05° steps, and fast. */
const WORK_WIDTH = 1000;

/**
 * The slope of the page's lines in degrees (the `y = x·tan(angle)` direction, y downwards), which is
 * also the rotation that {@link rotateGray} needs to make them level. 0 for a level page or one with
 * no ink.
 */
export function estimateSkew(page: GrayImage): number {
  const scale = Math.min(1, WORK_WIDTH / page.width);
  const small = scale < 1 ? resizeGray(page, { x: 0, y: 0, width: page.width, height: page.height }, Math.max(1, Math.round(page.width * scale)), Math.max(1, Math.round(page.height * scale))) : page;
  const mask = inkMask(small);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      if (mask[y * small.width + x] === 1) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  // A blank page, or one that is ink everywhere (a photo of something else): nothing to level.
  if (xs.length < 50 || xs.length > mask.length * 0.5) return 0;
  const score = (degrees: number) => profileScore(xs, ys, small.height, small.width, Math.tan((degrees * Math.PI) / 180));
  let best = 0;
  let bestScore = score(0);
  for (let a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += 0.25) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  const coarse = best;
  for (let a = coarse - 0.25; a <= coarse + 0.25 + 1e-9; a += 0.05) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  return Math.round(best * 100) / 100;
}

/** Sum of squared row counts after shearing by `slope`: largest when rows of ink are level. */
function profileScore(xs: readonly number[], ys: readonly number[], height: number, width: number, slope: number): number {
  const offset = Math.ceil(Math.abs(slope) * width) + 1;
  const bins = new Float64Array(height + 2 * offset);
  for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i]! - xs[i]! * slope) + offset]! += 1;
  let sum = 0;
  for (const b of bins) sum += b * b;
  return sum;
}

/** The page levelled: its skew estimated and undone (a level page is returned as it is). */
export function deskew(page: GrayImage): { page: GrayImage; angle: number } {
  const angle = estimateSkew(page);
  return { page: Math.abs(angle) < 0.05 ? page : rotateGray(page, angle), angle };
}
