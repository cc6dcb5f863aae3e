// Renders the paper-form fixtures of test/fixtures/ocr with Debian's Chromium (run once; the PNGs
// are committed): the sample 征求意见表 at about 150 dpi, rotated 1.5° with a red seal, and one text
// line (PNG, and JPEG for the JPEG reader) for the model test.  npx tsx scripts/make-ocr-fixtures.mts
import { writeFileSync } from 'node:fs';
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
} finally {
  await browser.close();
}
