// A photo taken at a slant shows the form's table as a quadrilateral, not a rectangle: its rules
// converge, and no single rotation levels them. The table's ruling is one connected piece of ink
// (every rule touches the frame), so its four outer corners are the extreme points of the largest
// connected piece; when the quadrilateral is not a (turned) rectangle, the page is warped so that
// it becomes one (a homography from the four corners). A scan, merely turned, is left to deskew.
import type { GrayImage } from './raster';

type Point = [number, number];

/** The connected pieces are found on a copy about this wide (min-pooled, so thin rules stay). */
const WORK_WIDTH = 800;
/** The table's frame spans at least this share of the page's width and height. */
const MIN_SPAN = [0.3, 0.15];
/**
 * Opposite sides this close to parallel (degrees): a rectangle, turned at most; nothing to undo
 * (the sides are measured to about 0.3° on the reduced copy; a slanted photo's are 1–4° apart).
 */
const PARALLEL = 0.5;
/** A point this close to a side's line (pixels of the reduced copy) lies on it. */
const INLIER = 1.5;

/** The darkest pixel of each block of `f` × `f`: a rule one pixel wide survives the reduction. */
function minPool(page: GrayImage, f: number): GrayImage {
  const width = Math.ceil(page.width / f);
  const height = Math.ceil(page.height / f);
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < page.height; y++) {
    const row = Math.floor(y / f) * width;
    for (let x = 0; x < page.width; x++) {
      const v = page.data[y * page.width + x]!;
      const o = row + Math.floor(x / f);
      if (v < out[o]!) out[o] = v;
    }
  }
  return { width, height, data: out };
}

/**
 * A line `s = a + b·t` through points (t, s), robust to strays: first the line through two of the
 * points that most others lie on (within INLIER px) — the rule itself, even when a black seal's
 * ring or a line of text joined to the frame (a black-and-white scan cannot drop the seal by its
 * red) makes up nearly half of a side's outermost pixels, all on one side of it — then Theil–Sen
 * (median slope of pairs half the points apart) over the points on that line.
 */
function robustLine(points: ReadonlyArray<[number, number]>): { a: number; b: number } | undefined {
  if (points.length < 8) return undefined;
  const n = points.length;
  const step = Math.max(1, Math.floor(n / 40));
  let inliers: ReadonlyArray<[number, number]> = points;
  let most = 0;
  for (let i = 0; i < n; i += step) {
    for (let j = i + Math.max(1, Math.floor(n / 4)); j < n; j += step) {
      const [t0, s0] = points[i]!;
      const [t1, s1] = points[j]!;
      if (t1 === t0) continue;
      const b = (s1 - s0) / (t1 - t0);
      const a = s0 - b * t0;
      let count = 0;
      for (const [t, s] of points) if (Math.abs(s - a - b * t) <= INLIER) count++;
      if (count > most) {
        most = count;
        inliers = points.filter(([t, s]) => Math.abs(s - a - b * t) <= INLIER);
      }
    }
  }
  return theilSen(inliers.length >= 8 ? inliers : points);
}

/** Theil–Sen: the median slope of pairs half the points apart, then the median intercept. */
function theilSen(points: ReadonlyArray<[number, number]>): { a: number; b: number } | undefined {
  const half = Math.floor(points.length / 2);
  const slopes: number[] = [];
  for (let i = 0; i + half < points.length; i++) {
    const [t0, s0] = points[i]!;
    const [t1, s1] = points[i + half]!;
    if (t1 !== t0) slopes.push((s1 - s0) / (t1 - t0));
  }
  const median = (v: number[]) => v.sort((x, y) => x - y)[Math.floor(v.length / 2)]!;
  if (slopes.length === 0) return undefined;
  const b = median(slopes);
  return { a: median(points.map(([t, s]) => s - b * t)), b };
}

/**
 * The four outer corners (top-left, top-right, bottom-right, bottom-left), in page pixels, of the
 * largest connected piece of ink: each side a robust line through the piece's outermost pixels
 * (so a seal's ring or a stroke touching the frame does not move it), the corners where they meet.
 */
function tableCorners(page: GrayImage): Point[] | undefined {
  const f = Math.max(1, Math.ceil(page.width / WORK_WIDTH));
  const small = minPool(page, f);
  const { width, height } = small;
  // After flattenLight the paper is near 255 and noise stays above 220; a blurred rule may be as light as 170.
  const ink = (i: number) => small.data[i]! < 185;
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  let best: { label: number; area: number; box: [number, number, number, number] } | undefined;
  let next = 0;
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || !ink(start)) continue;
    next++;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    let [minX, maxX, minY, maxY] = [width, 0, height, 0];
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width;
      const y = (i - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const j = ny * width + nx;
        if (label[j] === 0 && ink(j)) {
          label[j] = next;
          stack[top++] = j;
        }
      }
    }
    const area = (maxX - minX) * (maxY - minY);
    if (maxX - minX < width * MIN_SPAN[0]! || maxY - minY < height * MIN_SPAN[1]!) continue;
    if (!best || area > best.area) best = { label: next, area, box: [minX, maxX, minY, maxY] };
  }
  if (!best) return undefined;
  const [minX, maxX, minY, maxY] = best.box;
  // The outermost pixel of the piece in each column (top, bottom) and row (left, right), over the
  // middle 80% of each side, away from the corners where two sides meet.
  const topPts: Array<[number, number]> = [];
  const bottomPts: Array<[number, number]> = [];
  const leftPts: Array<[number, number]> = [];
  const rightPts: Array<[number, number]> = [];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  for (let x = Math.round(minX + 0.1 * spanX); x <= maxX - 0.1 * spanX; x++) {
    let first = -1;
    let last = -1;
    for (let y = minY; y <= maxY; y++) {
      if (label[y * width + x] !== best.label) continue;
      if (first < 0) first = y;
      last = y;
    }
    if (first >= 0) {
      topPts.push([x, first]);
      bottomPts.push([x, last]);
    }
  }
  for (let y = Math.round(minY + 0.1 * spanY); y <= maxY - 0.1 * spanY; y++) {
    let first = -1;
    let last = -1;
    for (let x = minX; x <= maxX; x++) {
      if (label[y * width + x] !== best.label) continue;
      if (first < 0) first = x;
      last = x;
    }
    if (first >= 0) {
      leftPts.push([y, first]);
      rightPts.push([y, last]);
    }
  }
  const sides = [robustLine(topPts), robustLine(rightPts), robustLine(bottomPts), robustLine(leftPts)];
  if (sides.some((l) => l === undefined)) return undefined;
  const [topL, rightL, bottomL, leftL] = sides as Array<{ a: number; b: number }>;
  // y = a + b·x (top, bottom) meets x = c + d·y (left, right): x = c + d·(a + b·x).
  const meet = (h: { a: number; b: number }, v: { a: number; b: number }): Point => {
    const x = (v.a + v.b * h.a) / (1 - v.b * h.b);
    return [(x + 0.5) * f, (h.a + h.b * x + 0.5) * f];
  };
  return [meet(topL!, leftL!), meet(topL!, rightL!), meet(bottomL!, rightL!), meet(bottomL!, leftL!)];
}

const angleOf = (a: Point, b: Point) => Math.atan2(b[1] - a[1], b[0] - a[0]);
const degreesBetween = (a: number, b: number) => {
  const d = Math.abs(((a - b) * 180) / Math.PI) % 360;
  return Math.min(d, 360 - d);
};

/** The homography taking each `from` point to its `to` point (8 unknowns, 4 point pairs, Gaussian elimination). */
function homography(from: Point[], to: Point[]): number[] | undefined {
  const rows: number[][] = [];
  from.forEach(([x, y], k) => {
    const [u, v] = to[k]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  });
  for (let c = 0; c < 8; c++) {
    let pivot = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[pivot]![c]!)) pivot = r;
    if (Math.abs(rows[pivot]![c]!) < 1e-9) return undefined;
    [rows[c], rows[pivot]] = [rows[pivot]!, rows[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const k = rows[r]![c]! / rows[c]![c]!;
      for (let j = c; j < 9; j++) rows[r]![j]! -= k * rows[c]![j]!;
    }
  }
  return [...rows.map((r, i) => r[8]! / r[i]!), 1];
}

/**
 * The page with the table's quadrilateral made a rectangle, when a slanted photo made it one; the
 * page as it is otherwise (no table, or a table that is a rectangle, turned at most).
 */
export function correctPerspective(page: GrayImage): { page: GrayImage; corrected: boolean } {
  const corners = tableCorners(page);
  if (!corners) return { page, corrected: false };
  const [tl, tr, br, bl] = corners as [Point, Point, Point, Point];
  const topBottom = degreesBetween(angleOf(tl, tr), angleOf(bl, br));
  const sides = degreesBetween(angleOf(tl, bl), angleOf(tr, br));
  if (topBottom < PARALLEL && sides < PARALLEL) return { page, corrected: false };
  const length = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);
  const w = Math.max(length(tl, tr), length(bl, br));
  const h = Math.max(length(tl, bl), length(tr, br));
  // The rectangle keeps the table's top-left corner where it was; the rest of the page follows.
  const [x0, y0] = tl;
  const target: Point[] = [[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h]];
  const m = homography(target, corners);
  if (!m) return { page, corrected: false };
  const width = Math.min(page.width * 2, Math.ceil(Math.max(page.width, x0 + w + (page.width - Math.max(tr[0], br[0])))));
  const height = Math.min(page.height * 2, Math.ceil(Math.max(page.height, y0 + h + (page.height - Math.max(bl[1], br[1])))));
  const out = new Uint8Array(width * height);
  const src = page.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = m[6]! * x + m[7]! * y + m[8]!;
      const sx = (m[0]! * x + m[1]! * y + m[2]!) / d;
      const sy = (m[3]! * x + m[4]! * y + m[5]!) / d;
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix + 1 >= page.width || iy + 1 >= page.height) {
        out[y * width + x] = 255;
        continue;
      }
      const fx = sx - ix;
      const fy = sy - iy;
      const i = iy * page.width + ix;
      const t = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const b = src[i + page.width]! + (src[i + page.width + 1]! - src[i + page.width]!) * fx;
      out[y * width + x] = Math.round(t + (b - t) * fy);
    }
  }
  return { page: { width, height, data: out }, corrected: true };
}
