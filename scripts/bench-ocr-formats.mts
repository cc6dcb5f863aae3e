// The file formats of the OCR benchmark's "format" looks: a rendered form saved as county units
// send it — a progressive JPEG (as WeChat and phones pass photos on), a black-and-white office
// scanner's PDF in CCITT Group 4 (ImageMagick's threshold and Group 4 TIFF, then libtiff's
// tiff2pdf), or a PDF whose page is written in strips (several pictures, each with its own matrix).
// The first two use the system's tools; a look whose tool is missing is skipped with the reason.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeImage } from '#shared/ocr/image-file';
import { buildPdf } from '../test/support/ocr/pdf';

export type BenchFormat = 'progressive-jpeg' | 'g4-pdf' | 'strips-pdf';

/** The rendered form (PNG bytes) in `format`, or the reason it cannot be made here. */
export function inFormat(png: Uint8Array, format: BenchFormat): { ok: true; bytes: Uint8Array; file: string } | { ok: false; reason: string } {
  if (format === 'strips-pdf') return { ok: true, bytes: stripsPdf(png), file: 'strips.pdf' };
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
  try {
    writeFileSync(join(dir, 'form.png'), png);
    if (format === 'progressive-jpeg') {
      execFileSync('convert', [join(dir, 'form.png'), '-interlace', 'JPEG', '-quality', '80', '-sampling-factor', '2x2', join(dir, 'form.jpg')]);
      return { ok: true, bytes: new Uint8Array(readFileSync(join(dir, 'form.jpg'))), file: 'form.jpg' };
    }
    execFileSync('convert', [join(dir, 'form.png'), '-colorspace', 'gray', '-threshold', '55%', '-type', 'bilevel', '-compress', 'Group4', join(dir, 'form.tif')]);
    execFileSync('tiff2pdf', ['-o', join(dir, 'form.pdf'), join(dir, 'form.tif')]);
    return { ok: true, bytes: new Uint8Array(readFileSync(join(dir, 'form.pdf'))), file: 'form.pdf' };
  } catch (e) {
    return { ok: false, reason: `缺少 ImageMagick 或 libtiff-tools（apt-get install imagemagick libtiff-tools）：${(e as Error).message.split('\n')[0]}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The picture as a PDF page written in four strips of raw RGB, one under another. */
function stripsPdf(png: Uint8Array): Uint8Array {
  const read = decodeImage(png);
  if (!read.ok) throw new Error(read.error);
  const { width, height, data } = read.image;
  const rows = [0, 1, 2, 3].map((k) => Math.round((height * (k + 1)) / 4) - Math.round((height * k) / 4));
  const [pw, ph] = [595, (595 * height) / width];
  let y = 0;
  const pieces = rows.map((h) => {
    const samples = new Uint8Array(width * h * 3);
    for (let i = 0; i < width * h; i++) samples.set(data.subarray((y * width + i) * 4, (y * width + i) * 4 + 3), i * 3);
    const matrix = [pw, 0, 0, (ph * h) / height, 0, ph - (ph * (y + h)) / height];
    y += h;
    return { picture: { kind: 'raw' as const, width, height: h, components: 3 as const, bpc: 8 as const, samples, predictor: true }, matrix };
  });
  return buildPdf([{ pieces }]);
}
