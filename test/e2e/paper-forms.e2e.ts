// Paper forms end to end in Chromium: two scanned pages of returned 征求意见表 chosen in the
// 导入 tab (纸质征求意见表) are read offline in a worker (the models and the runtime come from the app's own
// origin), previewed beside the pictures of their cells with doubtful characters highlighted; one
// text is corrected, one row unticked, the rest imported in one go with their file, page and cell;
// the matrix and the list show them. The same page again: what is in is a duplicate, the rest is
// imported and taken back with 撤销本次导入. Each imported opinion shows its 原件 (its cell's picture). A scanner's PDF is read page by page. Files that are not
// forms are refused in Chinese.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formHtml, SAMPLE_FORM, type FormContent } from '../support/ocr/form-html';
import { pngFromRows } from '../support/ocr/images';
import { openTab, setUpMeeting } from './flows';
import { openApp, useBrowser } from './harness';

useBrowser();

const FIXTURE = resolve(__dirname, '../fixtures/ocr/form-150dpi-rotated-seal.png');
/** Recognition takes seconds a page on an idle machine, much longer on a shared one: wait on the preview, with room. */
const RECOGNITION = { timeout: 240_000 };

/** The form's second page: more members' rows, photographed (JPEG) and slightly turned the other way. */
const SECOND_PAGE: FormContent = {
  ...SAMPLE_FORM,
  group: [['政治忠诚', '党组会议研究业务工作多，研究党建工作少。']],
  members: [
    ['王五（副局长）', '深入分管科室调研不够，对基层困难了解不深。'],
    ['赵六（副局长）', '对执法队伍的日常管理偏松。'],
  ],
};

async function renderPage(context: BrowserContext, form: FormContent): Promise<Buffer> {
  const page = await context.newPage();
  // Zoomed twice: about 190 dpi, as a phone photo of an A4 page gives.
  await page.setViewportSize({ width: 1588, height: 1800 });
  await page.setContent(formHtml(form, { rotate: -1 }).replace('<body', '<body style="zoom:2"'));
  const shot = await page.screenshot({ fullPage: true, type: 'jpeg', quality: 85 });
  await page.close();
  return shot;
}

const fileInput = (page: Page) => page.getByTestId('paper-forms').locator('.ant-upload input[type="file"]');
const rowOf = (page: Page, text: string) => page.getByTestId('ocr-rows').locator('tbody tr').filter({ hasText: text });

async function setUp(page: Page) {
  await setUpMeeting(page, '县交通运输局', [
    ['张三', '局长'],
    ['李四', '副局长'],
    ['王五', '副局长'],
  ]);
  await openPaperForms(page);
}

/** The 导入 tab, on its paper-form side. */
async function openPaperForms(page: Page) {
  await openTab(page, '导入');
  await page.getByText('纸质征求意见表（扫描件、照片）').click();
  await page.getByTestId('paper-forms').waitFor();
}

describe('paper forms', () => {
  it('reads two scanned pages offline, takes a correction and a choice, imports with provenance, and takes a batch back', { timeout: 600_000 }, async () => {
    const requests: string[] = [];
    const app = await openApp('paper-forms', { beforeLoad: (context) => void context.on('request', (r) => requests.push(r.url())) });
    const { page, context, baseUrl } = app;
    await setUp(page);
    await page.getByText('点击选择或拖入填好的征求意见表').waitFor();
    const second = await renderPage(context, SECOND_PAGE);

    await fileInput(page).setInputFiles([
      { name: 'form-150dpi-rotated-seal.png', mimeType: 'image/png', buffer: readFileSync(FIXTURE) },
      { name: '意见表-第2页.jpg', mimeType: 'image/jpeg', buffer: second },
    ]);
    await page.getByTestId('ocr-progress').waitFor();
    await app.screenshot('progress');
    await page.getByTestId('ocr-rows').waitFor(RECOGNITION);
    const counts = page.getByTestId('ocr-counts');
    await expect.poll(() => counts.textContent()).toMatch(/^共 9 条：已勾选 8 条.*不能导入 1 条$/);
    // Both pages, each opinion of a numbered cell on its own row, with the target matched by name.
    await expect.poll(() => page.getByTestId('ocr-page').count()).toBe(2);
    // The time each page took (the first includes loading the models): printed, never asserted.
    console.log(`paper forms: ${(await page.getByTestId('ocr-page').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);
    const expected: Array<[text: string, target: string]> = [
      ['理论学习的系统性不够，学用结合不紧。', '领导班子'],
      ['调研多在机关，深入基层一线偏少。', '领导班子'],
      ['听取基层意见的渠道还不够多。', '张三（局长）'],
      ['对重点项目的督促检查需要加强。', '张三（局长）'],
      ['安全生产检查有时流于形式，整改跟踪不到位。', '李四（副局长）'],
      ['深入分管科室调研不够，对基层困难了解不深。', '王五（副局长）'],
    ];
    for (const [text, target] of expected) {
      await expect.poll(() => rowOf(page, text).textContent()).toContain(target);
    }
    // Each opinion beside the picture of its cell; doubtful characters highlighted (the unit under the seal).
    await expect.poll(() => page.getByTestId('ocr-rows').locator('img.ocr-cell-picture').count()).toBe(9);
    expect(await page.locator('mark.ocr-doubtful').count()).toBeGreaterThan(1);
    // A name not on the roster: rejected with the reason, and it cannot be ticked.
    const stranger = rowOf(page, '对执法队伍的日常管理偏松');
    await expect.poll(() => stranger.textContent()).toContain('不在班子成员名单中');
    expect(await stranger.locator('input[type="checkbox"]').isDisabled()).toBe(true);

    // A correction in place, and one row left out.
    await rowOf(page, '对重点项目的督促检查需要加强').locator('.ocr-text').click();
    const editor = page.getByRole('textbox', { name: /^修改意见内容/ });
    await editor.fill('对重点项目的督促检查还需要进一步加强。');
    await editor.press('Enter');
    await expect.poll(() => rowOf(page, '对重点项目的督促检查还需要进一步加强。').textContent()).toContain('已修改');
    await rowOf(page, '调研多在机关').locator('input[type="checkbox"]').uncheck();
    await expect.poll(() => counts.textContent()).toMatch(/^共 9 条：已勾选 7 条/);
    // The whole preview in one picture (docs/screenshot-paper-forms.png is this one).
    await page.setViewportSize({ width: 1440, height: 2000 });
    await counts.scrollIntoViewIfNeeded();
    await app.screenshot('preview');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByTestId('ocr-confirm').click();
    await expect.poll(() => page.getByTestId('ocr-done').textContent()).toContain('已导入 7 条意见');
    await page.getByText('收集 7 条，计入 7 条').waitFor();
    await app.screenshot('done');

    // The matrix: the form's 意见来源 is 基层群众 for every row.
    await page.getByRole('button', { name: '查看就绪情况' }).click();
    await expect.poll(() => page.locator('[data-testid^="cell-"][data-testid$="-基层群众"]').allTextContents()).toEqual(['3/2', '2/2', '1/2', '1/2']);
    await app.screenshot('matrix');
    // The list: the corrected text, with where it came from (file, page, cell, table row).
    await openTab(page, '意见列表');
    const corrected = page.getByRole('row', { name: /对重点项目的督促检查还需要进一步加强。/ });
    await expect.poll(() => corrected.textContent()).toContain('导入：form-150dpi-rotated-seal.png（第1页·第2栏） 第 7 行');
    expect(await page.getByRole('row', { name: /调研多在机关/ }).count()).toBe(0);
    // 原件: the picture of the cell the opinion was read from, kept with it, with file, page, row and column.
    await corrected.getByTestId('show-original').click();
    const original = page.getByRole('dialog', { name: '核对原件' });
    await expect.poll(() => original.getByTestId('paper-original-where').textContent()).toBe('form-150dpi-rotated-seal.png 第1页 · 表格第 7 行 · 第2栏');
    expect(await original.getByTestId('paper-original-text').textContent()).toBe('对重点项目的督促检查还需要进一步加强。');
    const picture = original.locator('img[alt^="原件："]');
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    await app.screenshot('original');
    await original.locator('.ant-modal-close').click();
    // The edit dialog shows it too, above the fields.
    await corrected.getByText('修改', { exact: true }).click();
    const editDialog = page.getByRole('dialog', { name: '修改意见' });
    await expect.poll(() => editDialog.getByTestId('paper-original-where').textContent()).toBe('form-150dpi-rotated-seal.png 第1页 · 表格第 7 行 · 第2栏');
    await expect.poll(() => editDialog.locator('img[alt^="原件："]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    await app.screenshot('original-edit');
    await editDialog.getByRole('button', { name: /取\s*消/ }).click();

    // The first page again: what is in already is a duplicate; the rest is imported, then taken back.
    await openPaperForms(page);
    await fileInput(page).setInputFiles(FIXTURE);
    await page.getByTestId('ocr-rows').waitFor(RECOGNITION);
    await expect.poll(() => counts.textContent()).toMatch(/^共 6 条：已勾选 2 条.*不能导入 4 条$/);
    await expect.poll(() => rowOf(page, '理论学习的系统性不够').textContent()).toContain('重复，不再导入');
    await page.getByTestId('ocr-confirm').click();
    await expect.poll(() => page.getByTestId('ocr-done').textContent()).toContain('已导入 2 条意见');
    await page.getByText('收集 9 条，计入 9 条').waitFor();
    await page.getByTestId('undo-ocr-import').click();
    await expect.poll(() => page.getByTestId('ocr-done').textContent()).toContain('已撤销本次导入的 2 条意见');
    await page.getByText('收集 7 条，计入 7 条').waitFor();
    // The batch taken back lies in the recycle bin with its pictures.
    await openTab(page, '回收站');
    const binned = page.getByRole('row', { name: /调研多在机关/ });
    await binned.getByTestId('show-original').click();
    const fromBin = page.getByRole('dialog', { name: '核对原件' });
    await expect.poll(() => fromBin.getByTestId('paper-original-where').textContent()).toBe('form-150dpi-rotated-seal.png 第1页 · 表格第 3 行 · 第2栏');
    await expect.poll(() => fromBin.locator('img[alt^="原件："]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(100);
    await fromBin.locator('.ant-modal-close').click();

    // Offline: the models and the runtime came from the app's own origin, and nothing else was asked for.
    const origin = new URL(baseUrl).origin;
    // Both models, loaded again for each batch (the worker and its memory go when a batch is read).
    expect(new Set(requests.filter((url) => /\.onnx$/.test(url))).size).toBe(2);
    expect(requests.some((url) => /ort-wasm-simd-threaded-[\w-]+\.wasm$/.test(url))).toBe(true);
    expect(requests.filter((url) => !(url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')))).toEqual([]);
    await app.close();
  });

  it('refuses files that are not readable forms in Chinese and writes nothing', { timeout: 300_000 }, async () => {
    const app = await openApp('paper-forms-refused');
    const { page } = app;
    await setUp(page);
    await fileInput(page).setInputFiles([
      { name: '说明.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片') },
      { name: '炸弹.png', mimeType: 'image/png', buffer: Buffer.from(pngFromRows(64, 64, 8, 0, new Uint8Array(40 * 1024 * 1024))) },
      { name: '巨图.png', mimeType: 'image/png', buffer: Buffer.from(pngFromRows(30000, 30000, 8, 0, new Uint8Array(0))) },
      { name: '坏照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]) },
    ]);
    const error = page.getByTestId('ocr-error');
    await expect.poll(() => error.textContent(), RECOGNITION).toContain('没有识别出任何内容，未导入');
    const text = await error.textContent();
    expect(text).toContain('“说明.png”：不是 PNG、JPEG 图片或 PDF 文件');
    expect(text).toContain('“炸弹.png”：');
    expect(text).toContain('压缩炸弹');
    expect(text).toContain('“巨图.png”：图片过大（30000×30000 像素）');
    expect(text).toContain('“坏照片.jpg”：JPEG 图片不完整');
    await app.screenshot('refused');

    // A file dropped on the zone that the picker would not offer is refused, not ignored.
    const dataTransfer = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['BM not a form'], '扫描.bmp'));
      return data;
    });
    await page.getByTestId('paper-forms').locator('.ant-upload-drag .ant-upload-btn').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => error.textContent(), RECOGNITION).toContain('“扫描.bmp”：不是 PNG、JPEG 图片或 PDF 文件');

    // A picture with no form in it: read, and said so; nothing to import.
    await fileInput(page).setInputFiles(resolve(__dirname, '../fixtures/ocr/line.png'));
    await page.getByTestId('ocr-rows').waitFor(RECOGNITION);
    await page.getByText('“line.png”中没有找到意见表的表格（需要有表格线的征求意见表）').waitFor();
    expect(await page.getByTestId('ocr-confirm').isDisabled()).toBe(true);
    await page.getByText('收集 0 条，计入 0 条').waitFor();
    await app.close();
  });

  it('reads a scanned PDF page by page beside the pictures, and refuses an electronic PDF by its page', { timeout: 600_000 }, async () => {
    const app = await openApp('paper-forms-pdf');
    const { page } = app;
    await setUp(page);
    await fileInput(page).setInputFiles([resolve(__dirname, '../fixtures/ocr/form-scan.pdf'), resolve(__dirname, '../fixtures/ocr/form-text.pdf')]);
    await page.getByTestId('ocr-rows').waitFor(RECOGNITION);
    // Both pages of the scan, in order, each with its page number.
    await expect.poll(() => page.getByTestId('ocr-page').locator('strong').allTextContents()).toEqual(['form-scan.pdf 第1页', 'form-scan.pdf 第2页']);
    await page.getByLabel('提出单位：form-scan.pdf 第2页').waitFor();
    expect(await page.getByTestId('ocr-refused').textContent()).toContain('“form-text.pdf”：第1页不是扫描图像（可能是电子文档）');
    // Page 1's opinions are importable, each beside its cell's picture; page 2 (the same form again)
    // repeats them and cannot be ticked.
    const first = rowOf(page, '安全生产检查有时流于形式');
    await expect.poll(() => first.count()).toBe(2);
    expect(await first.nth(0).locator('img').count()).toBe(1);
    expect(await first.nth(0).textContent()).toContain('form-scan.pdf · 第 1 页');
    expect(await first.nth(1).textContent()).toContain('form-scan.pdf · 第 2 页');
    expect(await first.nth(1).locator('input[type="checkbox"]').isDisabled()).toBe(true);
    await app.screenshot('pdf');
    await page.getByTestId('ocr-confirm').click();
    await expect.poll(() => page.getByTestId('ocr-done').textContent(), RECOGNITION).toMatch(/已导入 [1-6] 条意见/);
    await app.close();
  });
});
