// The ruled table of a form, found from the levelled page: horizontal rules (long runs of ink),
// then, between each pair of rules, the vertical rules that cross the whole band. Each band is a
// table row and the spaces between its vertical rules are its cells — merged cells included, since
// every band is cut on its own.
import { inkMask, type GrayImage, type Rect } from './raster';

/** A table row: its cells left to right. */
export interface TableBand {
  top: number;
  bottom: number;
  cells: Rect[];
}

/** A rule must span at least this share of the page width. */
const MIN_RULE_SHARE = 0.25;
/** Gaps a rule may have (a light scan, a crossing stroke missing), in pixels. */
const RULE_GAP = 3;
/** A vertical rule covers at least this share of its band's height. */
const MIN_SEPARATOR_SHARE = 0.85;

interface Rule {
  y: number;
  x0: number;
  x1: number;
}

/** The longest run of ink in a row of `mask` (with rows y−1…y+1 merged, so a rule a pixel off level stays whole). */
function longestRun(mask: Uint8Array, width: number, height: number, y: number): { x0: number; x1: number } {
  let best = { x0: 0, x1: -1 };
  let start = -1;
  let gap = 0;
  for (let x = 0; x < width; x++) {
    let ink = false;
    for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1) && !ink; yy++) ink = mask[yy * width + x] === 1;
    if (ink) {
      if (start < 0) start = x;
      gap = 0;
      if (x - start > best.x1 - best.x0) best = { x0: start, x1: x };
    } else if (start >= 0 && ++gap > RULE_GAP) {
      start = -1;
      gap = 0;
    }
  }
  return best;
}

/** The horizontal rules of a page, top to bottom. */
function horizontalRules(mask: Uint8Array, width: number, height: number): Rule[] {
  const rules: Rule[] = [];
  let group: Array<{ y: number; x0: number; x1: number }> = [];
  const flush = () => {
    if (group.length === 0) return;
    rules.push({ y: Math.round(group.reduce((s, r) => s + r.y, 0) / group.length), x0: Math.min(...group.map((r) => r.x0)), x1: Math.max(...group.map((r) => r.x1)) });
    group = [];
  };
  for (let y = 0; y < height; y++) {
    const run = longestRun(mask, width, height, y);
    if (run.x1 - run.x0 + 1 >= width * MIN_RULE_SHARE) {
      if (group.length > 0 && y - group[group.length - 1]!.y > 2) flush();
      group.push({ y, ...run });
    }
  }
  flush();
  return rules;
}

/** The x of every vertical rule crossing the band between rules `a` and `b`. */
function separators(mask: Uint8Array, width: number, a: Rule, b: Rule, extent: { x0: number; x1: number }): number[] {
  const top = a.y + 3;
  const bottom = b.y - 3;
  const need = (bottom - top + 1) * MIN_SEPARATOR_SHARE;
  const columns: number[] = [];
  const from = Math.max(0, extent.x0 - 3);
  const to = Math.min(width - 1, extent.x1 + 3);
  for (let x = from; x <= to; x++) {
    let count = 0;
    for (let y = top; y <= bottom; y++) {
      const at = y * width;
      if (mask[at + x] === 1 || (x > 0 && mask[at + x - 1] === 1) || (x < width - 1 && mask[at + x + 1] === 1)) count++;
    }
    if (count >= need) columns.push(x);
  }
  // Neighbouring columns are one rule.
  const xs: number[] = [];
  let run: number[] = [];
  for (const x of columns) {
    if (run.length > 0 && x - run[run.length - 1]! > 1) {
      xs.push(Math.round(run.reduce((s, v) => s + v, 0) / run.length));
      run = [];
    }
    run.push(x);
  }
  if (run.length > 0) xs.push(Math.round(run.reduce((s, v) => s + v, 0) / run.length));
  return xs;
}

/**
 * The rows of the page's ruled table, each cut into its cells. Bands less than `minBand` pixels high
 * (a doubled rule) are skipped. A page without rules gives no bands.
 */
export function findTableBands(page: GrayImage, minBand = 12): TableBand[] {
  const mask = inkMask(page);
  const rules = horizontalRules(mask, page.width, page.height);
  // The table's width from all its rules: a seal (taken out with its red) or a faint scan may cut a
  // rule short, and the vertical rules are looked for across the whole table.
  const extent = { x0: Math.min(...rules.map((r) => r.x0)), x1: Math.max(...rules.map((r) => r.x1)) };
  const bands: TableBand[] = [];
  for (let i = 0; i + 1 < rules.length; i++) {
    const a = rules[i]!;
    const b = rules[i + 1]!;
    if (b.y - a.y < minBand) continue;
    const xs = separators(mask, page.width, a, b, extent);
    if (xs.length < 2) continue;
    const cells: Rect[] = [];
    for (let j = 0; j + 1 < xs.length; j++) {
      const left = xs[j]!;
      const right = xs[j + 1]!;
      if (right - left >= minBand) cells.push({ x: left, y: a.y, width: right - left, height: b.y - a.y });
    }
    if (cells.length > 0) bands.push({ top: a.y, bottom: b.y, cells });
  }
  return bands;
}
