// What a supervisor sees at 1440×900, the size the tests and the README screenshots use: the
// overview's table fits without scrolling sideways (its column groups can be shown or hidden, and the
// choice is kept for the next visit), and a meeting's tabs are all reachable without the tab bar's
// overflow menu.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '#shared/package/format';
import { countyContent } from '../support/county-content';
import { withFollowUp } from '../support/follow-up-sample';
import { MEETING_TAB_GROUPS } from '../../renderer/src/app/meeting-tabs';
import { openTab } from './flows';
import { openApp, opened, useBrowser } from './harness';
import { choosePackage } from './package-flows';

useBrowser();

const META = { appVersion: 'test', exportedAt: '2025-12-01T08:00:00.000Z' };

/** Six units, every follow-up kind (梳理, a problem with its ledger entry, a talk, preparation, a material). */
function county(): Uint8Array {
  return buildPackage(withFollowUp(countyContent({ units: 6, members: [5, 6], seed: 5 })), META);
}

/** How far the overview's table is wider than the space it has (≤ 0 when it fits), and whether a sideways scrollbar shows. */
const overflow = (page: Page) =>
  page.getByTestId('overview-table').evaluate((el) => {
    const container = el.querySelector('.ant-table-container')!;
    const header = el.querySelector('.ant-table-header table')!;
    return { by: header.getBoundingClientRect().width - container.getBoundingClientRect().width, scrollbar: el.querySelector('.ant-table-tbody-virtual-scrollbar-horizontal') !== null };
  });
const headers = (page: Page) => page.getByTestId('overview-table').locator('.ant-table-thead th').allTextContents();

describe('layout at 1440×900', () => {
  it('shows the overview without sideways scrolling', async () => {
    const app = await openApp('layout-overview');
    const { page } = app;
    await choosePackage(page, '全县.mzsh.json', county());
    await page.getByRole('button', { name: '打开到本机' }).click();
    await page.getByRole('link', { name: '某某县发展和改革局' }).waitFor();
    await page.getByRole('menuitem', { name: '督导总览' }).click();
    const rows = page.getByTestId('overview-table').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(6);
    await page.getByTestId('overview-table').scrollIntoViewIfNeeded();
    await app.screenshot('overview');
    const fit = await overflow(page);
    expect(fit.by).toBeLessThanOrEqual(0);
    expect(fit.scrollbar).toBe(false);
    // A county office PC's 1366×768 too: the default columns fit, 审核 (the supervisor's way in) is not cut off.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => overflow(page)).toEqual({ by: expect.any(Number) as number, scrollbar: false });
    expect((await overflow(page)).by).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });
    // The default groups: the unit's status, 征求意见, 意见回应 and 审核; 整改 and 会前准备 one click away.
    expect(await headers(page)).toEqual(expect.arrayContaining(['单位（班子）', '零意见对象', '意见回应', '审核']));
    expect(await headers(page)).not.toContain('会前准备');
    const chooser = page.getByTestId('overview-columns');
    await chooser.getByText('整改', { exact: true }).click();
    await chooser.getByText('会前准备', { exact: true }).click();
    await expect.poll(() => page.getByTestId('rect-items').count()).toBeGreaterThan(0);
    expect(await headers(page)).toEqual(expect.arrayContaining(['会前准备', '挂号', '已销号', '逾期', '销号率']));
    // More than fits: the table scrolls sideways rather than squeezing the columns.
    expect((await overflow(page)).by).toBeGreaterThan(0);
    // The choice is kept for the next visit.
    await page.reload();
    await expect.poll(() => page.getByTestId('rect-items').count()).toBeGreaterThan(0);
    await chooser.getByText('征求意见', { exact: true }).click();
    await chooser.getByText('意见回应', { exact: true }).click();
    await expect.poll(() => headers(page)).not.toContain('零意见对象');
    // Stretched to the width it has, the header may round a fraction of a pixel past it (no scrollbar).
    expect((await overflow(page)).by).toBeLessThan(1);
    expect((await overflow(page)).scrollbar).toBe(false);
    await app.screenshot('overview-rectification-and-preparation');
    await app.close();
  });

  it('reaches every tab of a meeting through its group, none hidden under the tab bar’s “…”', async () => {
    const app = await openApp('layout-tabs');
    const { page } = app;
    await choosePackage(page, '全县.mzsh.json', county());
    await page.getByRole('button', { name: '打开到本机' }).click();
    await page.getByRole('link', { name: '某某县发展和改革局' }).click();
    await page.getByRole('link', { name: /2025年度/ }).first().click();
    await page.getByRole('tab', { name: '就绪情况', selected: true }).waitFor();
    await app.screenshot('meeting');
    const hiddenTabs = () => page.locator('.ant-tabs-nav-operations:not(.ant-tabs-nav-operations-hidden)').count();
    for (const group of MEETING_TAB_GROUPS) {
      for (const tab of group.tabs) {
        await openTab(page, tab.label);
        // The bar measures its tabs after they render (a resize observer): wait for it to settle.
        await expect.poll(hiddenTabs, { message: `${group.label} › ${tab.label}` }).toBe(0);
      }
      // The group's tabs, and only those, are in the bar (once the group switch has rendered).
      await expect.poll(() => page.getByRole('tab').allTextContents()).toEqual(group.tabs.map((t) => t.label));
    }
    await app.screenshot('meeting-files-group');
    // Back to a group: the tab last open in it.
    await openTab(page, '审核');
    await openTab(page, '整改');
    await page.getByTestId('tab-groups').getByText('会前准备与审核', { exact: true }).click();
    await page.getByRole('tab', { name: '审核', selected: true }).waitFor();
    // A link into a tab (the header's 整改逾期, the overview's 审核) opens its group.
    await page.goto(page.url().replace(/\/audit.*$/, '/rectification'));
    await page.getByRole('tab', { name: '整改', selected: true }).waitFor();
    expect(await page.getByTestId('tab-groups').locator('.ant-segmented-item-selected').textContent()).toBe('整改落实');
    await app.close();
  });

  it('fits the new-meeting dialog on a 1366×768 screen, 创建 in view, and starts a 2026 meeting on the 2026 对照检查方面, saying which year’s it took', async () => {
    const app = await openApp('layout-new-meeting');
    const { page } = app;
    await choosePackage(page, '全县.mzsh.json', county());
    await page.getByRole('button', { name: '打开到本机' }).click();
    await page.getByRole('link', { name: '某某县发展和改革局' }).waitFor();
    // The office sets up this year's 方面 in 设置.
    await page.getByRole('menuitem', { name: '设置' }).click();
    const sets = page.locator('.ant-card').filter({ hasText: '对照检查方面（参考数据）' });
    await sets.getByRole('button', { name: '新增年度' }).click();
    const added = sets.locator('.ant-card-type-inner').last();
    await added.getByLabel('名称').fill('2026年度');
    await added.getByLabel('年度').fill('2026');
    await added.getByRole('combobox').fill('带头学习贯彻新思想');
    await added.getByRole('combobox').press('Enter');
    await sets.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByText('已保存（已有会议不受影响）').count()).toBeGreaterThan(0);

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('menuitem', { name: '单位与会议' }).click();
    await page.getByRole('link', { name: '某某县发展和改革局' }).click();
    await page.getByRole('button', { name: '新建会议' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '新建民主生活会' }));
    await dialog.getByRole('spinbutton', { name: /年度/ }).fill('2026');
    await expect.poll(() => dialog.getByTestId('dimension-set-note').textContent()).toBe('使用2026年度的对照检查方面（1 个方面）');
    // The select shows the chosen set (its drop-down, not open, is outside the dialog).
    expect(await dialog.textContent()).toContain('2026年度（1 个方面）');
    // The tallest form: roster to copy and last year's items to carry over.
    await dialog.getByTestId('carry-over-offer').waitFor();
    const create = dialog.getByRole('button', { name: '创建' });
    const box = (await create.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(box.y).toBeGreaterThan(0);
    await app.screenshot('new-meeting-1366');
    // No set for 2027 yet: the latest earlier one, and the dialog says so.
    await dialog.getByRole('spinbutton', { name: /年度/ }).fill('2027');
    await expect.poll(() => dialog.getByTestId('dimension-set-note').textContent()).toBe('尚未设置2027年度的对照检查方面，使用2026年度的（1 个方面）；如有新的要求，请在“设置”中新增2027年度');
    await dialog.getByRole('spinbutton', { name: /年度/ }).fill('2026');
    await expect.poll(() => dialog.getByTestId('dimension-set-note').textContent()).toBe('使用2026年度的对照检查方面（1 个方面）');
    await create.click();
    await page.getByRole('tab', { name: '班子成员', selected: true }).waitFor();
    await app.close();
  });
});
