// The exchange package in the app: open a package into an empty workbench, export it again and
// get the same records back (the follow-up records of format 2 too); tampered, truncated and wrong-version files are refused with the
// reason shown and nothing changed; a workbench with data refuses to open another package.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildPackage, PACKAGE_TABLES, readPackage, sortContent } from '#shared/package/format';
import { withFollowUp } from '../support/follow-up-sample';
import { sampleContent } from '../support/sample-content';
import { openApp, opened, useBrowser } from './harness';
import { choosePackage } from './package-flows';

useBrowser();

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };

async function unitNames(page: Page): Promise<string[]> {
  await page.goto(page.url().split('#')[0] + '#/');
  await page.getByRole('button', { name: '新建单位' }).waitFor();
  await page.locator('.ant-table-tbody').waitFor();
  return page.locator('.ant-table-tbody a').allTextContents();
}

describe('exchange package', () => {
  it('opens a package into an empty workbench and exports the same records back', async () => {
    const app = await openApp('exchange-roundtrip');
    const { page } = app;
    // With every follow-up kind of format 2 (梳理, 查摆问题, 整改台账, 进展, 谈心谈话, 会前准备, 材料).
    const content = withFollowUp(sampleContent({ units: 2, providers: ['提出人甲', ''] }));
    content.opinions[3] = { ...content.opinions[3]!, deletedAt: '2025-11-02T00:00:00.000Z' };
    await choosePackage(page, '两个单位.mzsh.json', buildPackage(content, META));
    const summary = page.getByTestId('package-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('测试单位1、测试单位2');
    expect(await summary.textContent()).toContain('（另有回收站中 1 条）');
    await app.screenshot('checked');
    await page.getByRole('button', { name: '打开到本机' }).click();
    // Opened when the units page lists the units (state that stays, not the toast).
    await page.getByRole('link', { name: '测试单位2' }).waitFor();
    expect(await unitNames(page)).toEqual(['测试单位1', '测试单位2']);

    // The meeting shows the opened data, with the verdict the checks give.
    await page.getByRole('link', { name: '测试单位2' }).click();
    await page.getByRole('link', { name: '2025年度民主生活会' }).first().click();
    await expect.poll(() => page.getByTestId('verdict-tag').textContent()).toBe('不得召开');

    // Export everything and compare with what went in.
    await page.goto(page.url().split('#')[0] + '#/exchange');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出全部数据' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^全部数据-\d{8}\.mzsh\.json$/);
    const read = readPackage(new Uint8Array(readFileSync((await file.path())!)));
    if (!read.ok) throw new Error(read.error);
    const [before, after] = [sortContent(content), sortContent(read.package.content)];
    for (const table of PACKAGE_TABLES) if (table !== 'changeLog') expect(after[table], table).toEqual(before[table]);
    expect(after.changeLog.filter((c) => c.action === 'import').map((c) => c.summary)).toContain(
      '从数据包“两个单位.mzsh.json”打开会议“2025年度民主生活会”（3 名成员，40 条意见）',
    );

    // A workbench with data refuses another package, and says why.
    await choosePackage(page, '另一个.mzsh.json', buildPackage(sampleContent({ units: 1, firstId: 7000 }), META));
    await page.getByTestId('package-not-empty').waitFor();
    expect(await page.getByTestId('package-not-empty').textContent()).toContain('本机已有 2 个单位的数据');
    expect(await page.getByRole('button', { name: '打开到本机' }).count()).toBe(0);
    await app.screenshot('not-empty');
    await app.close();
  });

  it('refuses tampered, truncated and wrong-version files with the reason, and changes nothing', async () => {
    const app = await openApp('exchange-refusals');
    const { page } = app;
    const good = new TextDecoder().decode(buildPackage(sampleContent({ units: 1 }), META));
    const cases: Array<[string, string, string]> = [
      ['被改动.mzsh.json', good.replace('调查研究不够深入', '调查研究非常深入'), '数据包校验失败：内容与校验码不符，文件已被改动或已损坏'],
      ['不完整.mzsh.json', good.slice(0, Math.floor(good.length / 2)), '数据包已损坏或不完整：无法解析其中的数据（文件可能被截断）'],
      ['新版本.mzsh.json', good.replace('"formatVersion":2', '"formatVersion":3'), '数据包的格式版本为 3，本程序只能读取版本 1 至 2。请升级工作台后再打开'],
      ['类型错.mzsh.json', good.replace(/"rank":1,/, '"rank":"1",'), '数据包内容不正确：班子成员第 1 条：rank 应为整数'],
    ];
    for (const [name, text, message] of cases) {
      await choosePackage(page, name, new TextEncoder().encode(text));
      const error = page.getByTestId('package-error');
      await error.waitFor();
      await expect.poll(() => error.textContent()).toContain(`无法打开“${name}”`);
      expect(await error.textContent()).toContain(message);
      expect(await page.getByRole('button', { name: '打开到本机' }).count()).toBe(0);
      if (name === '被改动.mzsh.json') await app.screenshot('tampered');
    }
    expect(await unitNames(page)).toEqual([]);
    await app.close();
  });

  it('refuses a package that reuses a local meeting id under another unit, and previews an update field by field', async () => {
    const app = await openApp('exchange-identity');
    const { page } = app;
    const mine = sampleContent({ units: 1 });
    await choosePackage(page, '本单位.mzsh.json', buildPackage(mine, META));
    await page.getByRole('button', { name: '打开到本机' }).click();
    await expect.poll(() => unitNames(page)).toEqual(['测试单位1']);

    // Another unit's valid, checksummed package that takes the id of our meeting.
    const forged = sampleContent({ units: 1, firstId: 9000 });
    forged.units[0]!.name = '外单位';
    for (const t of ['members', 'opinions'] as const) for (const r of forged[t]) r.meetingId = mine.meetings[0]!.id;
    forged.meetings[0] = { ...forged.meetings[0]!, id: mine.meetings[0]!.id, title: '被改名的会议' };
    await choosePackage(page, '外单位.mzsh.json', buildPackage(forged, META));
    await page.getByTestId('merge-preview').click();
    const refusal = await opened(page.getByRole('dialog').filter({ hasText: '数据包被拒绝，未写入任何内容' }));
    expect(await refusal.textContent()).toContain('会议“被改名的会议”');
    expect(await refusal.textContent()).toContain('在本机属于另一个单位');
    await app.screenshot('refused');
    await refusal.getByRole('button').last().click();
    await refusal.waitFor({ state: 'hidden' });
    expect(await unitNames(page)).toEqual(['测试单位1']);

    // Our own data sent back with one opinion changed: the preview shows the field before → after.
    const edited = structuredClone(mine);
    edited.opinions[0] = { ...edited.opinions[0]!, content: '对方修改后的意见内容', updatedAt: '2025-12-01T08:00:00.000Z' };
    await choosePackage(page, '回传.mzsh.json', buildPackage(edited, META));
    await page.getByTestId('merge-preview').click();
    const preview = await opened(page.getByRole('dialog', { name: '合并数据包预览' }));
    const update = preview.getByTestId('merge-update');
    await expect.poll(() => update.count()).toBe(1);
    expect(await update.textContent()).toContain(`内容${mine.opinions[0]!.content}→对方修改后的意见内容`);
    await app.screenshot('update-preview');
    await app.close();
  });
});

