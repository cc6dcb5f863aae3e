// Issue 11 end to end: removing a category that holds opinions asks first, naming how many and
// what happens; afterwards the matrix's 合计 equals its columns and those opinions stand apart.
// Reordering categories reorders the Word list.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { documentLines, officeParts } from '../support/docx';
import { addBlock, choose, openTab, setUpMeeting } from './flows';
import { openApp, opened, useBrowser } from './harness';

useBrowser();

async function saveSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存设置' }).click();
}

describe('changing the rule set', () => {
  it('warns before removing a category with opinions; then 合计 equals the columns and the Word list follows the new order', async () => {
    const app = await openApp('rule-changes');
    const { page } = app;
    await setUpMeeting(page, '某某县审计局', [['张三', '局长']]);
    await openTab(page, '录入意见');
    await choose(page, '领导班子', '上级领导', '书面征求');
    await addBlock(page, ['民主集中制执行不够严格', '对重点工作督促不够']);
    await choose(page, '领导班子', '下属单位', '书面征求');
    await addBlock(page, ['对下属单位指导不够', '调研成果转化不足']);
    await choose(page, '领导班子', '分管领域', '书面征求');
    await addBlock(page, ['审计整改跟踪不够及时', '审计报告质量有待提高']);

    await openTab(page, '会议设置');
    await page.getByRole('button', { name: '移除下属单位' }).click();
    await saveSettings(page);
    const dialog = await opened(page.getByRole('dialog', { name: '移除的意见来源类别中已有意见' }));
    expect(await dialog.getByTestId('remove-category-warning').textContent()).toContain('将移除意见来源类别“下属单位”（2 条意见）。这 2 条意见不会删除');
    await app.screenshot('remove-warning');
    await dialog.getByRole('button', { name: '仍然保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await openTab(page, '就绪情况');
    await page.getByTestId('other-categories').waitFor();
    const headers = await page.locator('.ant-table-thead th').allTextContents();
    expect(headers).toEqual(['意见对象', '上级领导', '分管领域', '服务对象', '基层群众', '合计', '不在要求类别中']);
    const cells = await page.locator('[data-testid^="cell-group-"]').allTextContents();
    const shown = cells.reduce((sum, c) => sum + Number(c.split('/')[0]), 0);
    expect(shown).toBe(4);
    expect(await page.getByTestId('total-group').textContent()).toBe(String(shown));
    expect(await page.getByTestId('other-group').textContent()).toBe('2');
    await app.screenshot('matrix-apart');
    // Each shortfall sentence opens 录入意见 on its cell.
    await page.getByTestId('shortfall-link').filter({ hasText: '领导班子：服务对象意见 0 条' }).click();
    await page.getByRole('tab', { name: '录入意见', selected: true }).waitFor();
    const checked = (group: string) => page.getByRole('radiogroup', { name: group }).locator('.ant-radio-button-wrapper-checked').textContent();
    await expect.poll(() => checked('意见来源')).toBe('3服务对象');
    expect(await checked('意见对象')).toMatch(/^领导班子/);

    // Reorder: 分管领域 before 上级领导, then the Word list of the group follows.
    await openTab(page, '会议设置');
    await page.getByRole('button', { name: '上移分管领域' }).click();
    expect(await page.getByTestId('category-item').allTextContents()).toEqual(['1分管领域', '2上级领导', '3服务对象', '4基层群众']);
    await saveSettings(page);
    await openTab(page, '就绪情况');
    await expect.poll(() => page.locator('.ant-table-thead th').allTextContents()).toEqual(['意见对象', '分管领域', '上级领导', '服务对象', '基层群众', '合计', '不在要求类别中']);
    await openTab(page, '导出与打印');
    await page.getByTestId('print-preview').locator('.gb-list').first().waitFor();
    const event = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出所选对象的清单' }).click();
    const file = await event;
    const lines = documentLines(officeParts(new Uint8Array(readFileSync((await file.path())!))));
    const at = (heading: string) => lines.findIndex((l) => l.includes(heading));
    expect(at('分管领域方面（2条）')).toBeGreaterThan(0);
    expect(at('分管领域方面（2条）')).toBeLessThan(at('上级领导方面（2条）'));
    await app.close();
  });
});
