// Renders the paper-form fixtures of test/fixtures/ocr with Debian's Chromium (run once; the files
// are committed): the sample 征求意见表 at about 150 dpi, rotated 1.5° with a red seal, and one text
// line (PNG, and JPEG for the JPEG reader) for the model test; and two PDFs written by Chromium's
// own PDF writer (Skia), not ours: a scan of two pages (the form PNG, kept as Flate-compressed
// pixels, then the same form as a JPEG of quality 85, kept as DCT) and the form printed as an
// electronic document (text, no picture).  npx tsx scripts/make-ocr-fixtures.mts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/chromium';
import { formHtml, SAMPLE_FORM } from '../test/support/ocr/form-html';

const dir = resolve(import.meta.dirname, '../test/fixtures/ocr');
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const form = await browser.newPage({ viewport: { width: 794, height: 900 }, deviceScaleFactor: 1.5625 });
  await form.setContent(formHtml(SAMPLE_FORM, { rotate: 1.5 }));
  writeFileSync(resolve(dir, 'form-150dpi-rotated-seal.png'), await form.screenshot({ fullPage: true }));
  const line = await browser.newPage({ viewport: { width: 520, height: 48 }, deviceScaleFactor: 1 });
  await line.setContent(`<body style="margin:0;background:#fff"><div style="font:24px 'Noto Serif CJK SC',serif;padding:8px 12px;color:#111">听取基层意见的渠道还不够多</div></body>`);
  writeFileSync(resolve(dir, 'line.png'), await line.screenshot());
  // The same line as Chromium's JPEG (baseline, 4:2:0), for the JPEG reader's test.
  writeFileSync(resolve(dir, 'line.jpg'), await line.screenshot({ type: 'jpeg', quality: 90 }));
  // The scanned PDF: each picture placed over a whole page at its own pixel size (150 dpi).
  const png = readFileSync(resolve(dir, 'form-150dpi-rotated-seal.png'));
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const css = (px: number) => `${px / 1.5625}px`;
  const shot = await browser.newPage({ viewport: { width: 800, height: 900 }, deviceScaleFactor: 1.5625 });
  await shot.setContent(`<body style="margin:0"><img style="display:block;width:${css(w)}" src="data:image/png;base64,${png.toString('base64')}">`);
  const jpeg = await shot.screenshot({ type: 'jpeg', quality: 85, clip: { x: 0, y: 0, width: w / 1.5625, height: h / 1.5625 } });
  const scan = await browser.newPage();
  const img = (type: string, bytes: Buffer) => `<img src="data:${type};base64,${bytes.toString('base64')}">`;
  await scan.setContent(`<style>@page{size:${css(w)} ${css(h)};margin:0}body{margin:0}img{display:block;width:${css(w)};height:${css(h)};break-after:page}</style>${img('image/png', png)}${img('image/jpeg', jpeg)}`);
  writeFileSync(resolve(dir, 'form-scan.pdf'), await scan.pdf({ width: css(w), height: css(h), margin: { top: '0', right: '0', bottom: '0', left: '0' } }));
  const text = await browser.newPage();
  await text.setContent(formHtml(SAMPLE_FORM, { seal: false }));
  writeFileSync(resolve(dir, 'form-text.pdf'), await text.pdf({ format: 'A4' }));
} finally {
  await browser.close();
}
