// The page pictures of scanned PDFs, written by the test's own PDF writer the ways scanners write
// them, and hostile or unsupported PDFs refused with the page named.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readScan } from '#shared/ocr/image-file';
import { decodeJpeg } from '#shared/ocr/jpeg';
import { decodePng } from '#shared/ocr/png';
import { pdfPageImages } from '#shared/ocr/pdf-images';
import type { RgbaImage } from '#shared/ocr/raster';
import { buildPdf, type PdfPicture } from '../../support/ocr/pdf';

const jpegBytes = new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/ocr/line.jpg')));
const jpeg = decodeJpeg(jpegBytes);
if (!jpeg.ok) throw new Error(jpeg.error);

/** A 6×4 grey picture: black top-left pixel, a grey ramp elsewhere (every pixel distinct). */
const W = 6;
const H = 4;
const samples = Uint8Array.from({ length: W * H }, (_, i) => (i === 0 ? 0 : 40 + i * 8));
type RawPicture = Extract<PdfPicture, { kind: 'raw' }>;
const gray = (extra: Partial<RawPicture> = {}): RawPicture => ({ kind: 'raw', width: W, height: H, components: 1, bpc: 8, samples, ...extra });

function pages(bytes: Uint8Array) {
  const read = pdfPageImages(bytes);
  if (!read.ok) throw new Error(read.error);
  return read.pages;
}

function pixels(page: { decode(): { ok: true; image: RgbaImage } | { ok: false; error: string } }): RgbaImage {
  const read = page.decode();
  if (!read.ok) throw new Error(read.error);
  return read.image;
}

/** The grey values of a picture, row by row. */
const greys = (image: RgbaImage) => Array.from({ length: image.width * image.height }, (_, i) => image.data[i * 4]!);

/** The 6×4 samples as they look turned 90° clockwise (4 wide, 6 high). */
const clockwise = Array.from({ length: W * H }, (_, k) => {
  const X = k % H;
  const Y = Math.floor(k / H);
  return samples[(H - 1 - X) * W + Y]!;
});

describe('pdfPageImages', () => {
  it('gives a scanner’s JPEG page as the JPEG reader reads it', () => {
    const [page] = pages(buildPdf([{ picture: { kind: 'jpeg', bytes: jpegBytes, width: jpeg.image.width, height: jpeg.image.height } }]));
    expect(page).toMatchObject({ page: 1, width: 520, height: 48 });
    expect(pixels(page!).data).toEqual(jpeg.image.data);
  });

  it('reads Flate-compressed grey pixels, with and without the PNG predictor, and RGB', () => {
    for (const predictor of [false, true]) expect(greys(pixels(pages(buildPdf([{ picture: gray({ predictor }) }]))[0]!))).toEqual([...samples]);
    const rgb = Uint8Array.from({ length: W * H * 3 }, (_, i) => (i * 7) & 255);
    const image = pixels(pages(buildPdf([{ picture: { kind: 'raw', width: W, height: H, components: 3, bpc: 8, samples: rgb, predictor: true } }]))[0]!);
    expect([...image.data].filter((_, i) => i % 4 !== 3)).toEqual([...rgb]);
  });

  it('reads 1-bit black-and-white pages, honouring /Decode [1 0]', () => {
    // 8 pixels a row: 10110000 → black where 0 (DeviceGray), or where 1 with the inverted decode.
    const bits = Uint8Array.of(0b10110000, 0b01001111);
    const plain = greys(pixels(pages(buildPdf([{ picture: { kind: 'raw', width: 8, height: 2, components: 1, bpc: 1, samples: bits } }]))[0]!));
    expect(plain.slice(0, 8)).toEqual([255, 0, 255, 255, 0, 0, 0, 0]);
    const inverted = greys(pixels(pages(buildPdf([{ picture: { kind: 'raw', width: 8, height: 2, components: 1, bpc: 1, samples: bits, decode: [1, 0] } }]))[0]!));
    expect(inverted.slice(8)).toEqual([255, 0, 255, 255, 0, 0, 0, 0]);
  });

  it('gives the pages in the page tree’s order, each numbered', () => {
    const second = Uint8Array.from(samples, (v) => 255 - v);
    const read = pages(buildPdf([{ picture: gray() }, { picture: gray({ samples: second }) }]));
    expect(read.map((p) => p.page)).toEqual([1, 2]);
    expect(greys(pixels(read[0]!))).toEqual([...samples]);
    expect(greys(pixels(read[1]!))).toEqual([...second]);
  });

  it('turns a page as it is shown: /Rotate, a turned drawing matrix, and an incremental update’s new /Rotate', () => {
    const rotated = pages(buildPdf([{ picture: gray(), rotate: 90 }]))[0]!;
    expect([rotated.width, rotated.height]).toEqual([H, W]);
    expect(greys(pixels(rotated))).toEqual(clockwise);
    // The picture drawn turned by the matrix instead: image x along −y of the page.
    const byMatrix = pages(buildPdf([{ picture: gray(), matrix: [0, -842, 595, 0, 0, 842] }]))[0]!;
    expect(greys(pixels(byMatrix))).toEqual(clockwise);
    const updated = pages(buildPdf([{ picture: gray() }], { update: { page: 1, rotate: 180 } }))[0]!;
    expect(greys(pixels(updated))).toEqual([...samples].reverse());
  });

  it('reads a PDF 1.5 file: objects packed in object streams, the cross-reference as a stream with a predictor', () => {
    const read = pages(buildPdf([{ picture: gray({ predictor: true }) }, { picture: { kind: 'jpeg', bytes: jpegBytes, width: 520, height: 48 } }], { xrefStream: true }));
    expect(read.map((p) => [p.page, p.width, p.height])).toEqual([[1, W, H], [2, 520, 48]]);
    expect(greys(pixels(read[0]!))).toEqual([...samples]);
  });

  it('reads a file whose cross-reference offset, or one entry of it, is wrong, by finding the objects’ headers', () => {
    const good = Buffer.from(buildPdf([{ picture: gray() }])).toString('latin1');
    const broken = good.replace(/startxref\s+\d+/, 'startxref\n9');
    expect(greys(pixels(pages(new Uint8Array(Buffer.from(broken, 'latin1')))[0]!))).toEqual([...samples]);
    // One entry of the table pointing a few bytes off (object 3, the picture): found by its header.
    const lines = good.split('\n');
    const entry = lines.findIndex((l) => l === 'xref') + 5;
    lines[entry] = `${String(Number(lines[entry]!.slice(0, 10)) + 7).padStart(10, '0')}${lines[entry]!.slice(10)}`;
    expect(greys(pixels(pages(new Uint8Array(Buffer.from(lines.join('\n'), 'latin1')))[0]!))).toEqual([...samples]);
  });

  it('refuses an electronic document’s page by its number, and a page whose only picture is a small logo', () => {
    expect(pdfPageImages(buildPdf([{ picture: gray() }, { text: 'Hello' }]))).toEqual({ ok: false, error: '第2页不是扫描图像（可能是电子文档），请直接导入原文件或打印后扫描' });
    const logo = buildPdf([{ picture: gray(), matrix: [80, 0, 0, 40, 72, 700], text: 'Report' }]);
    expect(pdfPageImages(logo)).toMatchObject({ ok: false, error: expect.stringContaining('第1页不是扫描图像') });
  });

  it('refuses encrypted, truncated and damaged files and unsupported codecs with the reason', () => {
    expect(pdfPageImages(buildPdf([{ picture: gray() }], { encrypt: true }))).toMatchObject({ ok: false, error: expect.stringContaining('PDF 已加密，无法读取') });
    expect(pdfPageImages(buildPdf([{ picture: gray() }], { encrypt: true, xrefStream: true }))).toMatchObject({ ok: false, error: expect.stringContaining('PDF 已加密') });
    const whole = buildPdf([{ picture: { kind: 'jpeg', bytes: jpegBytes, width: 520, height: 48 } }, { picture: gray() }]);
    for (const cut of [0.3, 0.6, 0.9]) expect(pdfPageImages(whole.subarray(0, Math.floor(whole.length * cut)))).toMatchObject({ ok: false });
    expect(pdfPageImages(new TextEncoder().encode('%PDF-1.7\n'))).toMatchObject({ ok: false, error: expect.stringContaining('PDF 文件已损坏') });
    const garbage = Uint8Array.from(whole, (b, i) => (i > 200 && i % 7 === 0 ? 0x29 : b));
    expect(pdfPageImages(garbage).ok).toBe(false);
    expect(pdfPageImages(buildPdf([{ picture: gray({ filter: 'JPXDecode' }) }]))).toMatchObject({ ok: false, error: expect.stringContaining('第1页的扫描图像是JPEG 2000格式，暂不支持') });
  });

  it('refuses a decompression bomb, absurd sizes and a file of thousands of pages', () => {
    const bomb = buildPdf([{ picture: gray() }]);
    // The same picture, its stream swapped for 40 MB of zeros compressed to a few KB.
    const zeros = new Uint8Array(deflateSync(new Uint8Array(40 * 1024 * 1024)));
    const swapped = buildPdf([{ picture: { ...gray(), width: 64, height: 64, samples: new Uint8Array(64 * 64) } }]);
    const text = Buffer.from(swapped).toString('latin1');
    const start = text.indexOf('stream\n', text.indexOf('/Subtype /Image')) + 7;
    const end = text.indexOf('\nendstream', start);
    const withBomb = Buffer.concat([Buffer.from(text.slice(0, start).replace(/\/Length \d+/, `/Length ${zeros.length}`), 'latin1'), zeros, Buffer.from(text.slice(end), 'latin1')]);
    const read = pages(new Uint8Array(withBomb))[0]!;
    expect(read.decode()).toMatchObject({ ok: false, error: expect.stringContaining('压缩炸弹') });
    expect(pdfPageImages(bomb).ok).toBe(true);
    expect(pdfPageImages(buildPdf([{ picture: { ...gray(), width: 30000, height: 30000 } }]))).toMatchObject({ ok: false, error: expect.stringContaining('第1页：图片过大（30000×30000 像素）') });
    const many = buildPdf(Array.from({ length: 3000 }, () => ({ text: 'x' })));
    expect(pdfPageImages(many)).toMatchObject({ ok: false, error: 'PDF 有 3000 页，一次最多识别 50 页，请拆分后分批识别' });
    const lying = Buffer.from(many).toString('latin1').replace('/Count 3000', '/Count 1   ');
    expect(pdfPageImages(new Uint8Array(Buffer.from(lying, 'latin1')))).toMatchObject({ ok: false, error: expect.stringContaining('超过 50 页') });
  });

  it('refuses loops and absurd nesting in a hostile file instead of hanging', () => {
    const text = Buffer.from(buildPdf([{ picture: gray() }])).toString('latin1');
    const cyclic = text.replace(/\/Kids \[(\d+) 0 R\]/, (_, n: string) => `/Kids [2 0 R ${n} 0 R]`);
    expect(pdfPageImages(new Uint8Array(Buffer.from(cyclic, 'latin1')))).toMatchObject({ ok: false, error: expect.stringContaining('循环') });
    const deep = text.replace('/Type /Catalog', `/Deep ${'['.repeat(100_000)}${']'.repeat(100_000)} /Type /Catalog`);
    expect(pdfPageImages(new Uint8Array(Buffer.from(deep, 'latin1'))).ok).toBe(false);
    const selfLength = text.replace(/(\d+) 0 obj\n<< \/Filter \/FlateDecode \/Length \d+ >>/, (_, n: string) => `${n} 0 obj\n<< /Filter /FlateDecode /Length ${n} 0 R >>`);
    expect(pdfPageImages(new Uint8Array(Buffer.from(selfLength, 'latin1'))).ok).toBe(false);
  });

  it('gives the very pixels of the form PNG from Chromium’s PDF of it (so the PDF reads as the PNG does)', () => {
    const png = decodePng(new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/ocr/form-150dpi-rotated-seal.png'))));
    if (!png.ok) throw new Error(png.error);
    const [first, second] = pages(new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/ocr/form-scan.pdf'))));
    const image = pixels(first!);
    expect([image.width, image.height]).toEqual([png.image.width, png.image.height]);
    expect(Buffer.compare(Buffer.from(image.data), Buffer.from(png.image.data))).toBe(0);
    expect([second!.width, second!.height]).toEqual([1247, 1405]);
  });

  it('is what readScan gives for a PDF; a picture file is one unnumbered page', () => {
    const scan = readScan(buildPdf([{ picture: gray() }, { picture: gray() }]));
    expect(scan.ok && scan.pages.map((p) => p.page)).toEqual([1, 2]);
    const single = readScan(jpegBytes);
    expect(single.ok && single.pages.map((p) => [p.page, p.width])).toEqual([[undefined, 520]]);
  });
});
