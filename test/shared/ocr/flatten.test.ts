import { describe, expect, it } from 'vitest';
import { flattenLight } from '#shared/ocr/flatten';
import { findTableBands } from '#shared/ocr/table-grid';
import { blankGray, fillGray } from '../../support/ocr/images';

/** A ruled table (3 rows × 2 cells) with strokes of text in its cells, on white paper. */
function table() {
  const page = blankGray(800, 600);
  for (const y of [100, 200, 300, 400]) fillGray(page, 100, y, 600, 3);
  for (const x of [100, 300, 697]) fillGray(page, x, 100, 3, 303);
  for (const y of [140, 240, 340]) for (let x = 320; x < 600; x += 12) fillGray(page, x, y, 4, 18, 30);
  return page;
}

describe('flattenLight', () => {
  it('leaves an evenly lit scan as it is', () => {
    const page = table();
    expect(flattenLight(page)).toBe(page);
  });

  it('turns a photo’s shadow and the dark desk around the sheet back into white paper, ink kept dark, so the table is found again', () => {
    const clean = table();
    const photo = { ...clean, data: clean.data.slice() };
    for (let y = 0; y < photo.height; y++) {
      for (let x = 0; x < photo.width; x++) {
        const i = y * photo.width + x;
        // A desk 40 px around the sheet; over the sheet, light falling from 100% to 45% leftwards.
        const desk = x < 40 || y < 40 || x >= 760 || y >= 560;
        photo.data[i] = desk ? 90 : Math.round(photo.data[i]! * (0.45 + (0.55 * x) / photo.width));
      }
    }
    expect(findTableBands(photo).map((b) => b.cells.length)).not.toEqual([2, 2, 2]);
    const flat = flattenLight(photo);
    expect(findTableBands(flat).map((b) => b.cells.length)).toEqual([2, 2, 2]);
    expect(flat.data[20 * 800 + 20]).toBeGreaterThan(240); // the desk
    expect(flat.data[150 * 800 + 60]).toBeGreaterThan(240); // paper in the shadow
    expect(flat.data[150 * 800 + 321]).toBeLessThan(80); // ink in the shadow
  });
});
