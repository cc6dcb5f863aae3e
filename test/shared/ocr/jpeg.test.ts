import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJpeg } from '#shared/ocr/jpeg';
import { decodePng } from '#shared/ocr/png';

const FIXTURES = resolve(__dirname, '../../fixtures/ocr');
const jpeg = new Uint8Array(readFileSync(resolve(FIXTURES, 'line.jpg')));

/** Mean absolute difference of two RGBA pictures of one size, over the colour channels. */
function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if ((i & 3) === 3) continue;
    sum += Math.abs(a[i]! - b[i]!);
    n++;
  }
  return sum / n;
}

/** The JPEG with an EXIF APP1 segment holding `orientation` inserted after SOI. */
function withOrientation(bytes: Uint8Array, orientation: number): Uint8Array {
  // "Exif\0\0", big-endian TIFF header, IFD at 8 with one entry: 0x0112 SHORT 1 = orientation.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  return new Uint8Array([...bytes.subarray(0, 2), ...app1, ...bytes.subarray(2)]);
}

describe('decodeJpeg', () => {
  it('reads a baseline 4:2:0 JPEG from Chromium to within JPEG’s loss of the same picture as PNG', () => {
    const png = decodePng(new Uint8Array(readFileSync(resolve(FIXTURES, 'line.png'))));
    const read = decodeJpeg(jpeg);
    if (!png.ok || !read.ok) throw new Error('fixtures unreadable');
    expect([read.image.width, read.image.height]).toEqual([png.image.width, png.image.height]);
    expect(meanDifference(read.image.data, png.image.data)).toBeLessThan(4);
  });

  it('turns a phone photo upright by its EXIF orientation', () => {
    const plain = decodeJpeg(jpeg);
    const turned = decodeJpeg(withOrientation(jpeg, 6));
    if (!plain.ok || !turned.ok) throw new Error('unreadable');
    const { width: w, height: h } = plain.image;
    expect([turned.image.width, turned.image.height]).toEqual([h, w]);
    // Orientation 6: the stored picture is shown turned 90° clockwise; its top-left pixel lands top right.
    const px = (img: typeof plain.image, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
    expect(px(turned.image, h - 1 - 10, 20)).toEqual(px(plain.image, 20, 10));
    const upsideDown = decodeJpeg(withOrientation(jpeg, 3));
    expect(upsideDown.ok && px(upsideDown.image, w - 1 - 20, h - 1 - 10)).toEqual(px(plain.image, 20, 10));
  });

  it('refuses truncated and damaged JPEG with a reason, and arithmetic-coded JPEG by name', () => {
    expect(decodeJpeg(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toEqual({ ok: false, error: expect.stringContaining('不完整') });
    const damaged = jpeg.slice();
    for (let i = 700; i < damaged.length - 10; i += 13) damaged[i] = 0xa5;
    expect(decodeJpeg(damaged).ok).toBe(false);
    const arithmetic = jpeg.slice();
    const sof = arithmetic.findIndex((b, i) => b === 0xff && arithmetic[i + 1] === 0xc0);
    arithmetic[sof + 1] = 0xc9;
    expect(decodeJpeg(arithmetic)).toEqual({ ok: false, error: expect.stringContaining('不支持此种 JPEG 编码') });
    expect(decodeJpeg(new TextEncoder().encode('GIF89a'))).toEqual({ ok: false, error: '不是 JPEG 图片' });
  });

  it('refuses a frame header of absurd size before taking memory for it', () => {
    const huge = jpeg.slice();
    const sof = huge.findIndex((b, i) => b === 0xff && huge[i + 1] === 0xc0);
    huge.set([0xff, 0xff, 0xff, 0xff], sof + 5);
    expect(decodeJpeg(huge)).toEqual({ ok: false, error: expect.stringContaining('图片过大（65535×65535 像素）') });
  });

  // Made by libjpeg-turbo's cjpeg from line.png (scripts/make-ocr-format-fixtures.sh); the
  // references are djpeg -nosmooth's pixels of the same files.
  it.each([
    ['line-progressive.jpg', 'cjpeg -progressive, 4:2:0'],
    ['line-progressive-scans.jpg', 'a scan script: interleaved DC in three bit planes, AC bands split at 9/10, refinements, restart every 3 MCUs'],
    ['line-progressive-gray.jpg', 'cjpeg -progressive -grayscale'],
  ])('reads progressive %s (%s) as libjpeg does, to within rounding', (name) => {
    const read = decodeJpeg(new Uint8Array(readFileSync(resolve(FIXTURES, name))));
    const reference = decodePng(new Uint8Array(readFileSync(resolve(FIXTURES, name.replace('.jpg', '.djpeg.png')))));
    if (!read.ok || !reference.ok) throw new Error('fixtures unreadable');
    expect([read.image.width, read.image.height]).toEqual([reference.image.width, reference.image.height]);
    let max = 0;
    for (let i = 0; i < read.image.data.length; i++) max = Math.max(max, Math.abs(read.image.data[i]! - reference.image.data[i]!));
    expect(max).toBeLessThanOrEqual(2);
    expect(meanDifference(read.image.data, reference.image.data)).toBeLessThan(0.05);
  });

  it('refuses a truncated progressive JPEG and one that repeats scans without end', () => {
    const progressive = new Uint8Array(readFileSync(resolve(FIXTURES, 'line-progressive.jpg')));
    expect(decodeJpeg(progressive.subarray(0, Math.floor(progressive.length * 0.6)))).toMatchObject({ ok: false, error: expect.stringContaining('不完整') });
    // Its first scan (the DC coefficients, valid again and again) written 400 times over.
    const firstSos = progressive.findIndex((b, i) => b === 0xff && progressive[i + 1] === 0xda);
    const secondSos = progressive.findIndex((b, i) => i > firstSos && b === 0xff && progressive[i + 1] === 0xda);
    const scan = progressive.subarray(firstSos, secondSos);
    const parts = [progressive.subarray(0, firstSos), ...Array.from({ length: 400 }, () => scan), Uint8Array.of(0xff, 0xd9)];
    const repeated = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      repeated.set(p, at);
      at += p.length;
    }
    expect(decodeJpeg(repeated)).toMatchObject({ ok: false, error: 'JPEG 图片已损坏（扫描段过多）' });
  });
});
