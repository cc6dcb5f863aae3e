// The cell pictures kept with paper-form opinions: a 4-bit grey PNG that any PNG reader opens, cut
// at the scale that brings text lines to 30 pixels, its paper made white.
import { describe, expect, it } from 'vitest';
import { cellImage, encodeGray4Png, pictureScale, TEXT_LINE_PIXELS } from '#shared/ocr/cell-image';
import { decodePng } from '#shared/ocr/png';
import type { GrayImage } from '#shared/ocr/raster';

function decodeGrey(png: Uint8Array): GrayImage {
  const r = decodePng(png);
  if (!r.ok) throw new Error(r.error);
  return { width: r.image.width, height: r.image.height, data: Uint8Array.from({ length: r.image.width * r.image.height }, (_, i) => r.image.data[4 * i]!) };
}

/** A page of `paper` grey with dark bars where text would be. */
function page(width: number, height: number, paper = 255): GrayImage {
  const data = new Uint8Array(width * height).fill(paper);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (y % 40 < 20 && x % 30 < 18) data[y * width + x] = 30;
  return { width, height, data };
}

describe('cell pictures', () => {
  it('are 4-bit greyscale PNGs that decode to the same picture in 16 shades, odd widths included', () => {
    const width = 7;
    const data = Uint8Array.from({ length: width * 3 }, (_, i) => (i * 37) % 200);
    const png = encodeGray4Png({ width, height: 3, data });
    expect([png[24], png[25]]).toEqual([4, 0]); // IHDR: bit depth 4, colour type 0 (grey)
    const back = decodeGrey(png);
    expect([back.width, back.height]).toEqual([7, 3]);
    expect([...back.data]).toEqual([...data].map((v) => Math.round(v / 17) * 17));
  });

  it('make near-white paper pure white, and even a grey paper to white', () => {
    const png = encodeGray4Png({ width: 2, height: 1, data: new Uint8Array([215, 40]) });
    expect([...decodeGrey(png).data]).toEqual([255, 34]);
    const grey = page(300, 200, 190);
    const cut = cellImage(grey, { x: 0, y: 0, width: 300, height: 200 }, 1);
    const back = decodeGrey(cut.png);
    expect(back.data.filter((v) => v === 255).length / back.data.length).toBeGreaterThan(0.5);
    expect(Math.min(...back.data)).toBeLessThan(60);
  });

  it('bring the page\'s median text line to 30 pixels, never enlarging', () => {
    expect(pictureScale([60, 58, 62])).toBe(TEXT_LINE_PIXELS / 60);
    expect(pictureScale([20, 22])).toBe(1);
    expect(pictureScale([])).toBe(1);
    const cut = cellImage(page(1200, 600), { x: 100.4, y: 50.6, width: 800, height: 300 }, 0.5);
    expect(cut.box).toEqual({ x: 100, y: 50, width: 801, height: 301 });
    expect([cut.width, cut.height]).toEqual([401, 151]);
    const back = decodeGrey(cut.png);
    expect([back.width, back.height]).toEqual([401, 151]);
  });

  it('stay inside the page and at most 1,400 pixels wide', () => {
    const cut = cellImage(page(3000, 400), { x: -20, y: 350, width: 3100, height: 100 }, 1);
    expect(cut.box).toEqual({ x: 0, y: 350, width: 3000, height: 50 });
    expect(cut.width).toBe(1400);
    expect(cut.height).toBe(23);
  });
});
