// CCITT fax pictures as office scanners' PDFs carry them. The coded data is real: libtiff's
// encoder (tiffcp -c g4 / g3:1d / g3:2d, with and without :fill), tiff2pdf, img2pdf and
// Ghostscript's pdfwrite (K 0 and K 4) — see scripts/make-ocr-format-fixtures.sh; each must decode
// to exactly the black-and-white picture it was made from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CcittError, decodeCcitt } from '#shared/ocr/ccitt';
import { BLACK_RUNS, WHITE_RUNS } from '#shared/ocr/ccitt-codes';
import { pdfPageImages } from '#shared/ocr/pdf-images';
import { decodePng } from '#shared/ocr/png';
import type { RgbaImage } from '#shared/ocr/raster';
import { buildPdf } from '../../support/ocr/pdf';

const FAX = resolve(__dirname, '../../fixtures/ocr/fax');
const bytes = (name: string) => new Uint8Array(readFileSync(resolve(FAX, name)));

function png(name: string): RgbaImage {
  const read = decodePng(bytes(name));
  if (!read.ok) throw new Error(read.error);
  return read.image;
}

/** How many pixels of two pictures of one size differ in grey (black-and-white pictures: exactly). */
function differing(a: RgbaImage, b: RgbaImage): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) if (a.data[i] !== b.data[i]) n++;
  return n;
}

/** 1-bit rows (0 black) as an RGBA picture. */
function rowsToImage(rows: Uint8Array, width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  const stride = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.fill((rows[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  return { width, height, data };
}

function pageOf(pdf: Uint8Array): RgbaImage {
  const read = pdfPageImages(pdf);
  if (!read.ok) throw new Error(read.error);
  const page = read.pages[0]!.decode();
  if (!page.ok) throw new Error(page.error);
  return page.image;
}

const CODINGS = [
  ['g4', -1, false],
  ['g3-1d', 0, false],
  ['g3-1d-fill', 0, true],
  ['g3-2d', 4, false],
  ['g3-2d-fill', 4, true],
] as const;

describe('decodeCcitt', () => {
  it('has the T.4 code tables: 64 terminating and 27 + 13 make-up codes a colour, no code the prefix of another', () => {
    for (const table of [WHITE_RUNS, BLACK_RUNS]) {
      expect(table.size).toBe(64 + 27 + 13);
      const codes = [...table.keys()].map((k) => (k & 0xffff).toString(2).padStart(k >> 16, '0'));
      for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a), `${a} prefixes ${b}`).toBe(false);
    }
  });

  it.each(CODINGS)('decodes libtiff’s %s coding of a text line and of random runs up to 3,000 pixels exactly', (coding, k, fill) => {
    for (const source of ['line-bw', 'runs']) {
      const reference = png(`${source}.png`);
      const rows = decodeCcitt(bytes(`${source}-${coding}.fax`), { k, columns: reference.width, rows: reference.height, encodedByteAlign: fill, blackIs1: false });
      expect(differing(rowsToImage(rows, reference.width, reference.height), reference), `${source} ${coding}`).toBe(0);
    }
  });

  it.each([
    ['form-g4-tiff2pdf.pdf', 'tiff2pdf, Group 4'],
    ['form-g4-img2pdf.pdf', 'img2pdf, Group 4 with BlackIs1 true'],
    ['form-g3-1d-gs.pdf', 'Ghostscript, Group 3 1-D (K 0)'],
    ['form-g3-2d-gs.pdf', 'Ghostscript, Group 3 2-D (K 4) without EOLs or tag bits'],
  ])('reads the 150 dpi form page of %s (%s) to exactly the black-and-white form', (name) => {
    expect(differing(pageOf(bytes(name)), png('form-bw.png'))).toBe(0);
  });

  it('honours BlackIs1, /Decode [1 0] and a stencil mask', () => {
    const reference = png('line-bw.png');
    const data = bytes('line-bw-g4.fax');
    const base = { kind: 'coded' as const, width: 520, height: 48, data, filter: 'CCITTFaxDecode' };
    const plain = pageOf(buildPdf([{ picture: { ...base, parms: '/K -1 /Columns 520 /Rows 48' } }]));
    expect(differing(plain, reference)).toBe(0);
    // BlackIs1 true turns the samples over; /Decode [1 0] turns them back.
    const blackIs1 = pageOf(buildPdf([{ picture: { ...base, parms: '/K -1 /Columns 520 /BlackIs1 true' } }]));
    expect(differing(blackIs1, reference)).toBe(520 * 48);
    expect(differing(pageOf(buildPdf([{ picture: { ...base, parms: '/K -1 /Columns 520 /BlackIs1 true', decode: [1, 0] } }])), reference)).toBe(0);
    // A stencil mask paints where the sample is 0: black ink where the fax is black.
    expect(differing(pageOf(buildPdf([{ picture: { ...base, parms: '/K -1 /Columns 520', imageMask: true } }])), reference)).toBe(0);
  });

  it('refuses damaged, truncated and inconsistent fax data with the page named, and never hangs on noise', () => {
    const data = bytes('runs-g4.fax');
    const params = { k: -1, columns: 5200, rows: 24, encodedByteAlign: false, blackIs1: false };
    for (let cut = 1; cut < data.length - 2; cut += 7) expect(() => decodeCcitt(data.subarray(0, cut), params)).toThrow(CcittError);
    let seed = 1;
    const noise = Uint8Array.from({ length: 4000 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 255);
    for (const k of [-1, 0, 4]) expect(() => decodeCcitt(noise, { ...params, k, rows: 16000, columns: 2500 })).toThrow(CcittError);
    const page = (parms: string, d = bytes('line-bw-g4.fax')) => pdfPageImages(buildPdf([{ picture: { kind: 'coded', width: 520, height: 48, data: d, filter: 'CCITTFaxDecode', parms } }]));
    expect(page('/K -1 /Columns 1728')).toMatchObject({ ok: false, error: expect.stringContaining('第1页的黑白传真图像已损坏（宽度 520 与编码参数 1728 不符）') });
    const truncated = page('/K -1 /Columns 520', bytes('line-bw-g4.fax').subarray(0, 200));
    expect(truncated.ok && truncated.pages[0]!.decode()).toMatchObject({ ok: false, error: expect.stringMatching(/^第1页：黑白传真（CCITT）图像数据/) });
  });
});
