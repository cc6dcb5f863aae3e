import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng, MAX_PIXELS } from '#shared/ocr/png';
import { blankRgba, encodePng, fillRgba, pngFromRows } from '../../support/ocr/images';

describe('decodePng', () => {
  it('reads an RGBA picture back pixel for pixel whatever the row filter', () => {
    const image = blankRgba(7, 5);
    fillRgba(image, 1, 1, 3, 2, [200, 30, 40]);
    fillRgba(image, 4, 3, 2, 2, [10, 20, 30]);
    for (const filter of [0, 1, 2]) {
      const read = decodePng(encodePng(image, filter));
      expect(read.ok && [...read.image.data]).toEqual([...image.data]);
    }
  });

  it('reads greyscale, RGB, 16-bit and palette pictures as RGBA', () => {
    const grey = decodePng(pngFromRows(2, 1, 8, 0, new Uint8Array([0, 0, 200])));
    expect(grey.ok && [...grey.image.data]).toEqual([0, 0, 0, 255, 200, 200, 200, 255]);
    const rgb = decodePng(pngFromRows(1, 1, 8, 2, new Uint8Array([0, 9, 8, 7])));
    expect(rgb.ok && [...rgb.image.data]).toEqual([9, 8, 7, 255]);
    const deep = decodePng(pngFromRows(1, 1, 16, 0, new Uint8Array([0, 0x80, 0x11])));
    expect(deep.ok && [...deep.image.data]).toEqual([0x80, 0x80, 0x80, 255]);
    // 1-bit palette, 3 pixels: indexes 1, 0, 1.
    const palette = decodePng(pngFromRows(3, 1, 1, 3, new Uint8Array([0, 0b10100000]), [['PLTE', new Uint8Array([255, 255, 255, 200, 0, 0])]]));
    expect(palette.ok && [...palette.image.data]).toEqual([200, 0, 0, 255, 255, 255, 255, 255, 200, 0, 0, 255]);
    const bilevel = decodePng(pngFromRows(2, 1, 1, 0, new Uint8Array([0, 0b01000000])));
    expect(bilevel.ok && [...bilevel.image.data]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });

  it('refuses a picture larger than a page before taking memory for its pixels', () => {
    const side = Math.ceil(Math.sqrt(MAX_PIXELS)) + 1;
    const read = decodePng(pngFromRows(side, side, 8, 0, new Uint8Array(0)));
    expect(read).toEqual({ ok: false, error: expect.stringContaining('图片过大') });
  });

  it('stops a decompression bomb at the size its header declares', () => {
    // 1 KB of declared pixels, 50 MB of zeros deflated into a few KB.
    const read = decodePng(pngFromRows(32, 32, 8, 0, new Uint8Array(50 * 1024 * 1024)));
    expect(read).toEqual({ ok: false, error: expect.stringContaining('压缩炸弹') });
  });

  it('refuses truncated, damaged and foreign files with a reason', () => {
    const good = encodePng(blankRgba(4, 4));
    expect(decodePng(good.subarray(0, good.length - 20))).toMatchObject({ ok: false, error: expect.stringContaining('PNG') });
    const damaged = good.slice();
    damaged.fill(7, 45, 60);
    expect(decodePng(damaged).ok).toBe(false);
    expect(decodePng(new TextEncoder().encode('%PDF-1.7'))).toEqual({ ok: false, error: '不是 PNG 图片' });
    expect(decodePng(pngFromRows(4, 4, 8, 0, new Uint8Array(4)))).toEqual({ ok: false, error: expect.stringContaining('不完整') });
  });
});

describe('decodePng, interlaced (Adam7)', () => {
  // ImageMagick's `-interlace PNG` of a corner of the sealed form (201×99: every pass has pixels,
  // none is whole) and of the black-and-white text line: each gives the pixels of its plain twin.
  const FIXTURES = resolve(__dirname, '../../fixtures/ocr');
  const read = (name: string) => {
    const r = decodePng(new Uint8Array(readFileSync(resolve(FIXTURES, name))));
    if (!r.ok) throw new Error(r.error);
    return r.image;
  };
  it.each([
    ['png/seal-rgb-adam7.png', 'png/seal-rgb.png'],
    ['png/seal-rgb16-adam7.png', 'png/seal-rgb.png'],
    ['png/seal-palette-adam7.png', 'png/seal-palette.png'],
    ['png/line-bw-adam7.png', 'fax/line-bw.png'],
  ])('reads %s as %s', (interlaced, plain) => {
    const a = read(interlaced);
    const b = read(plain);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    expect(Buffer.compare(Buffer.from(a.data), Buffer.from(b.data))).toBe(0);
  });

  it('refuses an interlaced PNG whose data is short of its seven passes', () => {
    const bytes = new Uint8Array(readFileSync(resolve(FIXTURES, 'png/seal-rgb-adam7.png')));
    expect(decodePng(bytes.subarray(0, bytes.length - 2000))).toMatchObject({ ok: false });
  });
});
