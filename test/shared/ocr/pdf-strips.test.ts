// Pages that scanners write in strips: several pictures one under another, each drawn by the
// page's content with its own matrix. The strips are laid together where the page draws them, so
// the page reads as the one picture it was scanned as.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '#shared/ocr/png';
import { pdfPageImages } from '#shared/ocr/pdf-images';
import type { RgbaImage } from '#shared/ocr/raster';
import { buildPdf, type PdfPageSpec } from '../../support/ocr/pdf';

const FIXTURES = resolve(__dirname, '../../fixtures/ocr');

function png(path: string): RgbaImage {
  const read = decodePng(new Uint8Array(readFileSync(resolve(FIXTURES, path))));
  if (!read.ok) throw new Error(read.error);
  return read.image;
}

function pages(pdf: Uint8Array): RgbaImage[] {
  const read = pdfPageImages(pdf);
  if (!read.ok) throw new Error(read.error);
  return read.pages.map((p) => {
    const image = p.decode();
    if (!image.ok) throw new Error(image.error);
    expect([image.image.width, image.image.height]).toEqual([p.width, p.height]);
    return image.image;
  });
}

function differing(a: RgbaImage, b: RgbaImage): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.data.length; i++) if ((i & 3) !== 3 && a.data[i] !== b.data[i]) n++;
  return n;
}

/** Rows y0…y1 of an RGBA picture as RGB samples. */
function rgbRows(image: RgbaImage, y0: number, y1: number): Uint8Array {
  const out = new Uint8Array((y1 - y0) * image.width * 3);
  for (let i = 0; i < out.length / 3; i++) out.set(image.data.subarray((y0 * image.width + i) * 4, (y0 * image.width + i) * 4 + 3), i * 3);
  return out;
}

const A4 = { w: 595, h: 842 };

/** `cm` matrices placing strips of the given heights (in picture rows) one under another over the page. */
function stripMatrices(heights: number[]): number[][] {
  const total = heights.reduce((a, b) => a + b, 0);
  let above = 0;
  return heights.map((h) => {
    const m = [A4.w, 0, 0, (A4.h * h) / total, 0, A4.h - (A4.h * (above + h)) / total];
    above += h;
    return m;
  });
}

describe('pages written in strips', () => {
  const form = png('form-150dpi-rotated-seal.png');
  const heights = [500, 500, 406];
  const rgbStrips = (): PdfPageSpec => {
    const matrices = stripMatrices(heights);
    let y = 0;
    return {
      pieces: heights.map((h, k) => {
        const piece = { picture: { kind: 'raw' as const, width: form.width, height: h, components: 3 as const, bpc: 8 as const, samples: rgbRows(form, y, y + h), predictor: k === 1 }, matrix: matrices[k]! };
        y += h;
        return piece;
      }),
    };
  };

  it('lays three colour strips together into exactly the page that was scanned', () => {
    const [page] = pages(buildPdf([rgbStrips()]));
    expect(differing(page!, form)).toBe(0);
  });

  it('turns a page of strips by /Rotate as a page of one picture is turned', () => {
    const whole = { picture: { kind: 'raw' as const, width: form.width, height: form.height, components: 3 as const, bpc: 8 as const, samples: rgbRows(form, 0, form.height) } };
    const [turnedStrips, turnedWhole] = pages(buildPdf([{ ...rgbStrips(), rotate: 90 }, { ...whole, rotate: 90 }]));
    expect(turnedStrips!.width).toBe(form.height);
    expect(differing(turnedStrips!, turnedWhole!)).toBe(0);
  });

  it('lays together Group 4 fax strips as libtiff codes a multi-strip TIFF (352 rows a strip)', () => {
    const bw = png('fax/form-bw.png');
    const rows = [352, 352, 352, 350];
    const matrices = stripMatrices(rows);
    const pieces = rows.map((h, k) => ({
      picture: { kind: 'coded' as const, width: bw.width, height: h, data: new Uint8Array(readFileSync(resolve(FIXTURES, `fax/form-strip-${k + 1}.fax`))), filter: 'CCITTFaxDecode', parms: `/K -1 /Columns ${bw.width} /Rows ${h}` },
      matrix: matrices[k]!,
    }));
    const [page] = pages(buildPdf([{ pieces }]));
    expect(differing(page!, bw)).toBe(0);
  });

  it('still refuses a page whose only picture is a small logo, and names a page of too many strips', () => {
    const tiny = { kind: 'raw' as const, width: 4, height: 1, components: 1 as const, bpc: 8 as const, samples: new Uint8Array(4) };
    expect(pdfPageImages(buildPdf([{ pieces: [{ picture: tiny, matrix: [80, 0, 0, 40, 72, 700] }, { picture: tiny, matrix: [80, 0, 0, 40, 200, 700] }], text: 'Report' }]))).toMatchObject({
      ok: false,
      error: expect.stringContaining('第1页不是扫描图像'),
    });
    // 300 pictures each over 60% of the page (a hostile file: a real one has a few strips).
    const many = Array.from({ length: 300 }, (_, k) => ({ picture: tiny, matrix: [A4.w, 0, 0, A4.h * 0.6, 0, k % 300] }));
    expect(pdfPageImages(buildPdf([{ pieces: many }]))).toMatchObject({ ok: false, error: '第1页由 300 张图像拼成，超过 256 张，已拒绝' });
  });
});
