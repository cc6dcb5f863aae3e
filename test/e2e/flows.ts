// User journeys shared by the end-to-end tests, written the way a person uses the app.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { opened } from './harness';
import { groupOfTabLabel } from '../../renderer/src/app/meeting-tabs';

export async function createUnit(page: Page, name: string, group = '第一督导组'): Promise<void> {
  await page.goto(page.url().split('#')[0] + '#/');
  await page.getByRole('button', { name: '新建单位' }).click();
  const dialog = await opened(page.getByRole('dialog', { name: '新建单位' }));
  await dialog.getByLabel('单位（班子）名称').fill(name);
  await dialog.getByLabel('督导组').fill(group);
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByRole('link', { name }).waitFor();
}

/** Opens the unit and creates a meeting for the year; ends on the meeting's roster tab. */
export async function createMeeting(page: Page, unitName: string, year = 2025): Promise<void> {
  await page.getByRole('link', { name: unitName }).click();
  await page.getByRole('button', { name: '新建会议' }).click();
  const dialog = await opened(page.getByRole('dialog', { name: '新建民主生活会' }));
  await dialog.getByLabel('年度').fill(String(year));
  await dialog.getByLabel('会议名称').fill(`${year}年度民主生活会`);
  await dialog.getByRole('button', { name: '创建' }).click();
  await page.getByRole('tab', { name: '班子成员', selected: true }).waitFor();
}

/** Adds members one by one on the roster tab. */
export async function addMembers(page: Page, members: Array<[name: string, position: string, areas?: string]>): Promise<void> {
  for (const [name, position, areas] of members) {
    await page.getByLabel('姓名', { exact: true }).fill(name);
    await page.getByLabel('职务', { exact: true }).fill(position);
    if (areas) await page.getByLabel('分管工作', { exact: true }).fill(areas);
    await page.getByRole('button', { name: '添加成员' }).click();
    await page.getByRole('cell', { name, exact: true }).waitFor();
  }
}

/** A new unit with its 2025 meeting and this roster: what most tests start from. */
export async function setUpMeeting(page: Page, unitName: string, members: Array<[name: string, position: string, areas?: string]>): Promise<void> {
  await createUnit(page, unitName);
  await createMeeting(page, unitName, 2025);
  await addMembers(page, members);
}

/** Opens a meeting's tab by its label: its group (工作阶段) first, then the tab. */
export async function openTab(page: Page, tab: string): Promise<void> {
  const group = groupOfTabLabel(tab);
  if (!group) throw new Error(`no meeting tab named ${tab}`);
  await page.getByTestId('tab-groups').getByText(group.label, { exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('tab', { name: tab, selected: true }).waitFor();
}

/** Selects target, category and channel on the entry tab (labels as shown on the buttons). */
export async function choose(page: Page, target: string, category: string, channel?: string): Promise<void> {
  await page.getByRole('radiogroup', { name: '意见对象' }).locator('label').filter({ hasText: new RegExp(`^${escape(target)}•?$`) }).click();
  await page.getByRole('radiogroup', { name: '意见来源' }).locator('label').filter({ hasText: new RegExp(`^\\d+${escape(category)}$`) }).click();
  if (channel) await page.getByRole('radiogroup', { name: '征求方式' }).locator('label').filter({ hasText: new RegExp(`^${escape(channel)}$`) }).click();
}

/** Types one opinion and presses Enter. */
export async function typeOpinion(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('opinion-input');
  await input.fill(text);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe('');
}

/** Puts several opinions in the box at once (as a numbered block), confirms the preview. */
export async function addBlock(page: Page, lines: string[]): Promise<void> {
  const input = page.getByTestId('opinion-input');
  await input.fill(lines.map((l, i) => `${i + 1}. ${l}`).join('\n'));
  await input.press('Enter');
  const dialog = await opened(page.getByRole('dialog', { name: /粘贴预览/ }));
  await dialog.getByRole('button', { name: `添加 ${lines.length} 条` }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => input.inputValue()).toBe('');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clicks 打印此清单 with window.print replaced by a counter, and expects exactly one call (Chromium's print dialog would block a headless page). */
export async function printOnce(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => void w.printed++;
  });
  await page.getByRole('button', { name: '打印此清单' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
}
