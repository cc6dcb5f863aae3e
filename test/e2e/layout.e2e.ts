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
import { openApp, useBrowser } from './harness';
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
    expect((await overflow(page)).by).toBeLessThanOrEqual(0);
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
});
