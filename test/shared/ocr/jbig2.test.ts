// JBIG2 pictures as scanners' PDFs carry them (JBIG2Decode). The arithmetic-coded generic regions
// are jbig2enc's (agl/jbig2enc 0.31 built from source: `jbig2 -p`, with `-d` for TPGDON; its
// symbol mode `-s` with jbig2topdf.py for the refused case); the MMR region is libtiff's Group 4
// data of the same line put in a JBIG2 generic-region segment. Each must decode to exactly the
// black-and-white picture it was made from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJbig2, Jbig2Error } from '#shared/ocr/jbig2';
import { pdfPageImages } from '#shared/ocr/pdf-images';
import { decodePng } from '#shared/ocr/png';
import type { RgbaImage } from '#shared/ocr/raster';
import { buildPdf } from '../../support/ocr/pdf';

const FIXTURES = resolve(__dirname, '../../fixtures/ocr');
const bytes = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

function png(name: string): RgbaImage {
  const read = decodePng(bytes(name));
  if (!read.ok) throw new Error(read.error);
  return read.image;
}

/** Pixels where PDF's 1-bit rows (0 black) and a black-and-white picture differ. */
function differing(rows: Uint8Array, image: RgbaImage): number {
  const stride = Math.ceil(image.width / 8);
  let n = 0;
  for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) if ((((rows[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1) ? 255 : 0) !== image.data[(y * image.width + x) * 4]) n++;
  return n;
}

const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

/** A JBIG2 embedded stream: page information, then one immediate lossless generic region coded MMR. */
function mmrStream(width: number, height: number, g4: Uint8Array): Uint8Array {
  const segment = (number: number, type: number, data: number[] | Uint8Array) => [...u32(number), type, 0, 1, ...u32(data.length), ...data];
  const pageInfo = [...u32(width), ...u32(height), ...u32(0), ...u32(0), 0, 0, 0];
  const region = [...u32(width), ...u32(height), ...u32(0), ...u32(0), 0, 1, ...g4];
  return Uint8Array.from([...segment(0, 48, pageInfo), ...segment(1, 39, region), ...segment(2, 49, [])]);
}

describe('decodeJbig2', () => {
  it.each([
    ['jbig2/form-generic.jb2', 'fax/form-bw.png'],
    ['jbig2/form-generic-tpgd.jb2', 'fax/form-bw.png'],
    ['jbig2/line-generic-tpgd.jb2', 'fax/line-bw.png'],
  ])('decodes jbig2enc’s arithmetic-coded generic region %s to exactly %s', (coded, reference) => {
    const image = png(reference);
    expect(differing(decodeJbig2(bytes(coded), undefined, image.width, image.height), image)).toBe(0);
  });

  it('decodes an MMR-coded generic region (Group 4 lines from libtiff)', () => {
    const image = png('fax/line-bw.png');
    expect(differing(decodeJbig2(mmrStream(520, 48, bytes('fax/line-bw-g4.fax')), undefined, 520, 48), image)).toBe(0);
  });

  it('reads a PDF page coded JBIG2 as the form it was made from', () => {
    const image = png('fax/form-bw.png');
    const read = pdfPageImages(buildPdf([{ picture: { kind: 'coded', width: image.width, height: image.height, data: bytes('jbig2/form-generic-tpgd.jb2'), filter: 'JBIG2Decode' } }]));
    const page = read.ok ? read.pages[0]!.decode() : read;
    if (!page.ok) throw new Error(page.error);
    let n = 0;
    for (let i = 0; i < page.image.data.length; i += 4) if (page.image.data[i] !== image.data[i]) n++;
    expect(n).toBe(0);
  });

  it('refuses the lossy symbol mode (jbig2enc -s, with its JBIG2Globals) by name, and truncated or damaged data with the reason', () => {
    const read = pdfPageImages(bytes('jbig2/form-symbol-jbig2topdf.pdf'));
    expect(read.ok && read.pages[0]!.decode()).toEqual({ ok: false, error: '第1页：JBIG2 图像使用了符号字典（有损“符号”压缩），暂不支持' });
    const data = bytes('jbig2/line-generic-tpgd.jb2');
    for (let cut = 1; cut < data.length; cut += 17) expect(() => decodeJbig2(data.subarray(0, cut), undefined, 520, 48)).toThrow(Jbig2Error);
    // Cut right after the page information segment (11 bytes of header, 19 of data): no region yet.
    expect(() => decodeJbig2(data.subarray(0, 30), undefined, 520, 48)).toThrow('JBIG2 图像数据不完整（没有图像区域）');
    let seed = 3;
    const noise = Uint8Array.from({ length: 3000 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 255);
    expect(() => decodeJbig2(noise, undefined, 520, 48)).toThrow(Jbig2Error);
    // A page of absurd size is refused before memory is taken.
    const huge = data.slice();
    huge.set(u32(100_000), 11);
    expect(() => decodeJbig2(huge, undefined, 520, 48)).toThrow(/JBIG2 图像页面过大/);
  });
});
