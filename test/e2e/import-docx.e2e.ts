// Importing a 征求意见 list sent as a Word document (.docx) in Chromium: each table is previewed like a
// sheet (named by the heading above it, one table per target), the rows imported count in the matrix,
// and a table whose merged-down targets and multi-paragraph cells are read as a clerk reads them.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openTab, setUpMeeting } from './flows';
import { openApp, useBrowser } from './harness';

useBrowser();

const FIXTURES = resolve(__dirname, '../fixtures/import/docx');

const chooseFile = (page: Page, fixture: string) => page.locator('.ant-upload input[type="file"]').first().setInputFiles(resolve(FIXTURES, fixture));
const counts = (page: Page) => page.getByTestId('import-counts').textContent();

describe('import of a Word document', () => {
  it('previews the tables of a .docx like sheets, imports them, and counts them in the matrix', async () => {
    const app = await openApp('import-docx');
    const { page } = app;
    await setUpMeeting(page, '某某县财政局', [
      ['张三', '局长'],
      ['李四', '副局长'],
      ['王五', '副局长'],
    ]);
    await openTab(page, '导入');

    // One table per target under its heading; the first small table of unit information is not an opinion table.
    await chooseFile(page, 'per-member.docx');
    await expect.poll(() => counts(page)).toBe('共 5 行：将添加 5 条重复跳过 0 条无实质内容 0 条有误 0 行');
    await expect.poll(() => page.getByText('Word 文档（.docx）').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('import-mapping').textContent()).toContain('表格：对领导班子的意见建议、对张三同志的意见建议、对李四同志的意见建议');
    await expect.poll(() => page.getByTestId('import-notes').textContent()).toContain('按表格标题确定意见对象：“对领导班子的意见建议”→领导班子，“对张三同志的意见建议”→张三');
    await app.screenshot('preview-docx');
    await page.getByTestId('import-confirm').click();
    await page.getByText('已导入 5 条意见').waitFor();

    await page.getByRole('button', { name: '查看就绪情况' }).click();
    await expect.poll(() => page.locator('[data-testid^="cell-"][data-testid$="-上级领导"]').allTextContents()).toEqual(['1/2', '0/2', '0/2', '0/2']);
    await expect.poll(() => page.locator('[data-testid^="cell-"][data-testid$="-基层群众"]').allTextContents()).toEqual(['0/2', '0/2', '1/2', '0/2']);

    // A title, 填报 lines, merged-down targets, a repeated header, a total row and an opinion of two paragraphs.
    await openTab(page, '导入');
    await chooseFile(page, 'title-form.docx');
    await expect.poll(() => counts(page)).toBe('共 7 行：将添加 6 条重复跳过 0 条无实质内容 1 条有误 0 行');
    await expect.poll(() => page.getByTestId('import-notes').textContent()).toContain('第 11 行是合计行，未作为意见导入');
    await page.getByRole('tab', { name: /将添加/ }).click();
    await expect.poll(() => page.getByTestId('import-add-table').locator('tbody tr').count()).toBe(6);
    await expect.poll(() => page.getByTestId('import-add-table').textContent()).toContain('年轻干部培养渠道不宽');
    await page.getByTestId('import-add-table').scrollIntoViewIfNeeded();
    await app.screenshot('preview-docx-merged');

    // A table without a recognisable header, and a document without any table: told in Chinese, nothing to confirm.
    await chooseFile(page, 'no-header.docx');
    await page.getByText('文档中的表格都没有找到表头（如“意见对象”“意见来源”“意见建议”）').waitFor();
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await app.screenshot('docx-no-header');
    await chooseFile(page, 'no-table.docx');
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('“no-table.docx”是 Word 文档，但其中没有表格');
    await app.close();
  });
});
