import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenLight } from '#shared/ocr/flatten';
import { readScan } from '#shared/ocr/image-file';
import { correctPerspective } from '#shared/ocr/perspective';
import { toGrayWithoutSeal, type GrayImage } from '#shared/ocr/raster';
import { findTableBands } from '#shared/ocr/table-grid';
import { blankGray } from '../../support/ocr/images';

type Pt = [number, number];

/** A line 3 px thick from a to b. */
function stroke(page: GrayImage, a: Pt, b: Pt): void {
  const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]));
  for (let k = 0; k <= n; k++) {
    const x = a[0] + ((b[0] - a[0]) * k) / n;
    const y = a[1] + ((b[1] - a[1]) * k) / n;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) page.data[Math.round(y + dy) * page.width + Math.round(x + dx)] = 0;
  }
}

/**
 * A table of 3 rows × 2 cells (x 100–700, y 100–400, split at x 300) drawn through `map`, which
 * places a point of the flat table on the page (a photo's perspective, a turn, or nothing).
 */
function table(map: (p: Pt) => Pt): GrayImage {
  const page = blankGray(800, 600);
  for (const y of [100, 200, 300, 400]) stroke(page, map([100, y]), map([700, y]));
  for (const x of [100, 300, 700]) stroke(page, map([x, 100]), map([x, 400]));
  return page;
}

describe('correctPerspective', () => {
  it('makes the table of a slanted photo (its far side narrower) rectangular again, so its rows are found', () => {
    // The top of the page further from the camera: the top rule 12% shorter than the bottom one.
    const slanted = table(([x, y]) => {
      const shrink = 0.12 * (1 - (y - 100) / 300);
      return [400 + (x - 400) * (1 - shrink), 80 + (y - 100) * 0.95 + 0.02 * (x - 100)];
    });
    expect(findTableBands(slanted).map((b) => b.cells.length)).not.toEqual([2, 2, 2]);
    const { page, corrected } = correctPerspective(slanted);
    expect(corrected).toBe(true);
    expect(findTableBands(page).map((b) => b.cells.length)).toEqual([2, 2, 2]);
  });

  it('leaves a scan alone: a table that is a rectangle, upright or turned (deskew levels that)', () => {
    const upright = table((p) => p);
    expect(correctPerspective(upright)).toEqual({ page: upright, corrected: false });
    const turn = (2 * Math.PI) / 180;
    const turned = table(([x, y]) => [400 + (x - 400) * Math.cos(turn) - (y - 250) * Math.sin(turn), 300 + (x - 400) * Math.sin(turn) + (y - 250) * Math.cos(turn)]);
    expect(correctPerspective(turned).corrected).toBe(false);
  });

  it('leaves a black-and-white scan alone when its seal, black in 1 bit, joins the frame with the line of text it stamps', () => {
    // A 300 dpi Group 4 PDF of the benchmark's form (scripts/bench-ocr.mts look 17): the seal's ring
    // and 单位（盖章）：县交通运输局 make up a large share of the top side's outermost ink, all above
    // the rule; the frame is a rectangle turned 0.5°, nothing to warp.
    const scan = readScan(new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/ocr/fax/form-bw-seal-300dpi-g4.pdf'))));
    const image = scan.ok ? scan.pages[0]!.decode() : scan;
    if (!image.ok) throw new Error(image.error);
    expect(correctPerspective(flattenLight(toGrayWithoutSeal(image.image).gray)).corrected).toBe(false);
  });

  it('leaves a page without a table alone', () => {
    const page = blankGray(400, 300);
    expect(correctPerspective(page)).toEqual({ page, corrected: false });
  });
});
