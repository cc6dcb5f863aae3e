// Supervision end to end: two units' packages opened into an app that already holds a unit, the
// overview, the cross-unit copy scan, a unit returned for rework, opinions added, the verdict
// marked stale, then passed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage, selectUnits } from '#shared/package/format';
import { GROUP_TARGET, type Meeting } from '#shared/model/types';
import { countyContent } from '../support/county-content';
import { sampleContent } from '../support/sample-content';
import { addMembers, choose, createMeeting, createUnit, openTab, typeOpinion } from './flows';
import { documentLines, officeParts } from '../support/docx';
import { openApp, opened, pickOption, SCREENSHOT_DIR, useBrowser } from './harness';
import { choosePackage } from './package-flows';
import { tempDir } from '../support/temp-dir';

useBrowser();

/** Two units' packages: 发改局 complete; 财政局 one opinion short and with two opinions copied from 发改局. */
function writePackages(): { dir: string; files: string[]; short: { label: string } } {
  const content = countyContent({ units: 2, members: [3, 3], seed: 21 });
  const [a, b] = content.meetings as [(typeof content.meetings)[0], (typeof content.meetings)[0]];
  const bMembers = content.members.filter((m) => m.meetingId === b.id);
  const last = bMembers[bMembers.length - 1]!;
  const drop = content.opinions.findIndex((o) => o.meetingId === b.id && o.targetId === last.id && o.category === '基层群众');
  content.opinions.splice(drop, 1);
  const fromA = content.opinions.filter((o) => o.meetingId === a.id && o.targetId === GROUP_TARGET);
  const intoB = content.opinions.filter((o) => o.meetingId === b.id && o.targetId === GROUP_TARGET);
  intoB[0]!.content = fromA[0]!.content;
  intoB[3]!.content = fromA[3]!.content.replace(/。$/, '！');
  const dir = tempDir('mzsh-e2e');
  const meta = { appVersion: 'test', exportedAt: '2025-11-10T08:00:00.000Z' };
  const files = content.units.map((u, i) => {
    const file = join(dir, `${['发改局', '财政局'][i]}-20251110.mzsh.json`);
    writeFileSync(file, buildPackage(selectUnits(content, [u.id]), meta));
    return file;
  });
  return { dir, files, short: { label: `${last.name}（${last.position}）` } };
}

describe('supervision', () => {
  it('merges two packages, shows the overview, returns a unit, sees the verdict go stale, then passes it', async () => {
    const { files, short } = writePackages();
    const app = await openApp('supervision');
    const { page } = app;

    // The app already holds a unit of its own.
    await createUnit(page, '某某县统计局', '第三督导组');
    await createMeeting(page, '某某县统计局', 2025);
    await addMembers(page, [['周立新', '局长']]);

    // The first package through 数据交换: the workbench holds data, so it is merged — a preview
    // first, nothing written until confirmed.
    await choosePackage(page, '发改局-20251110.mzsh.json', readFileSync(files[0]!));
    await page.getByTestId('package-not-empty').waitFor();
    await page.getByTestId('merge-preview').click();
    const preview = await opened(page.getByRole('dialog', { name: '合并数据包预览' }));
    await expect.poll(() => preview.getByTestId('merge-counts').textContent()).toContain('意见');
    await app.screenshot('merge-preview');
    await preview.getByRole('button', { name: /确认合并/ }).click();
    // The preview closes only once the write succeeded (a failure keeps it open with the error):
    // wait on that state, never on the 已合并 toast, which closes by itself and may be gone on a
    // busy machine before it is looked for.
    await preview.waitFor({ state: 'hidden' });

    // Both packages again from the overview (several files at once): the first changes nothing.
    await page.getByRole('menuitem', { name: '督导总览' }).click();
    await page.getByTestId('overview-table').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('merge-open').click()]);
    await chooser.setFiles(files);
    const second = await opened(page.getByRole('dialog', { name: '合并数据包预览' }));
    await expect.poll(() => second.getByTestId('merge-counts').locator('tr').filter({ hasText: '意见' }).locator('td').nth(3).textContent()).toBe('40');
    await second.getByRole('button', { name: /确认合并/ }).click();
    await second.waitFor({ state: 'hidden' });

    // The overview: three units, each with its status.
    const rows = page.getByTestId('overview-table').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    const rowOf = (unit: string) => rows.filter({ hasText: unit });
    await expect.poll(() => rowOf('发展和改革局').getByTestId('status-tag').textContent()).toBe('可以召开');
    await expect.poll(() => rowOf('财政局').getByTestId('status-tag').textContent()).toBe('未就绪（待补 1 项）');
    await expect.poll(() => rowOf('统计局').getByTestId('status-tag').textContent()).toBe('零意见');
    await expect.poll(() => page.getByTestId('chart-ready').textContent()).toBe('1 个');

    // The cross-unit copy scan finds the copied opinions in both units.
    await page.getByTestId('copy-scan').click();
    const done = await opened(page.getByRole('dialog').filter({ hasText: '跨单位雷同检测完成' }));
    await done.getByRole('button', { name: '知道了' }).click();
    await done.waitFor({ state: 'hidden' });
    await expect.poll(() => rowOf('财政局').textContent()).toContain('疑似抄袭 2');
    await expect.poll(() => rowOf('发展和改革局').textContent()).toContain('疑似抄袭 2');
    await app.screenshot('overview');

    // Filter by supervisory group.
    await pickOption(page, page.getByTestId('filter-group'), '第二督导组');
    await expect.poll(() => rows.count()).toBe(1);
    await pickOption(page, page.getByTestId('filter-group'), '全部督导组');
    await expect.poll(() => rows.count()).toBe(3);

    // Open 财政局: its readiness matrix.
    await rowOf('财政局').getByTestId('unit-link').click();
    await page.getByRole('tab', { name: '就绪情况', selected: true }).waitFor();
    await expect.poll(() => page.getByTestId('shortfalls').textContent()).toContain(`${short.label}：基层群众意见 1 条，至少需 2 条`);

    // Return it for rework, with the shortfall and a copy ticked and a reason.
    await openTab(page, '审核');
    await expect.poll(() => page.getByTestId('side-by-side').count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId('audit-shortfalls').getByText(`${short.label}：基层群众意见 1 条，至少需 2 条`).click();
    await page.getByTestId('warning-list').getByRole('checkbox').first().check();
    await page.getByRole('radiogroup', { name: '审核结论' }).getByText('退回整改').click();
    await page.getByLabel('审核理由').fill('基层群众意见不足，且有意见与发展和改革局雷同，请重新征求后报送。');
    await page.getByLabel('审核人').fill('第二督导组 王组长');
    await app.screenshot('audit-form');
    await page.getByRole('button', { name: '记录审核结论' }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(1);
    await expect.poll(() => page.getByTestId('audit-history').textContent()).toContain('基层群众意见不足');

    // The unit adds the missing opinion: the verdict is now stale.
    await openTab(page, '录入意见');
    await choose(page, short.label, '基层群众', '走访');
    await typeOpinion(page, '走访村社时听取意见的范围偏窄，对困难群众的诉求回应不够及时');
    await openTab(page, '审核');
    await page.getByTestId('audit-stale').waitFor();
    await app.screenshot('audit-stale');

    // A 通过 now needs no override: the meeting is ready.
    await page.getByRole('radiogroup', { name: '审核结论' }).getByText('通过').click();
    await page.getByLabel('审核理由').fill('已补齐基层群众意见，雷同意见已重新征求替换。');
    await page.getByLabel('审核人').fill('第二督导组 王组长');
    await page.getByRole('button', { name: '记录审核结论' }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(2);
    await expect.poll(() => page.getByTestId('audit-stale').count()).toBe(0);
    await app.screenshot('audit-passed');

    // The audit report in Word.
    const report = page.waitForEvent('download');
    await page.getByTestId('export-audit-report').click();
    const reportFile = await report;
    expect(reportFile.suggestedFilename()).toBe('2025年度-某某县财政局-督导审核意见.docx');
    const reportText = documentLines(officeParts(new Uint8Array(readFileSync((await reportFile.path())!)))).join('\n');
    expect(reportText).toContain('审核结论：通过。审核人：第二督导组 王组长');
    expect(reportText).toContain('疑似抄袭');
    await reportFile.saveAs(join(SCREENSHOT_DIR, 'supervision-audit-report.docx'));

    // Back on the overview: 已审核通过, and stale again after one more change.
    await page.getByRole('menuitem', { name: '督导总览' }).click();
    await expect.poll(() => rowOf('财政局').getByTestId('status-tag').textContent()).toBe('已审核通过');
    await rowOf('财政局').getByTestId('audit-link').click();
    await openTab(page, '录入意见');
    await choose(page, '领导班子', '上级领导', '书面征求');
    await typeOpinion(page, '通过审核后补充：对巡察反馈问题的整改跟踪还不够');
    await page.getByRole('menuitem', { name: '督导总览' }).click();
    await expect.poll(() => rowOf('财政局').getByTestId('stale-tag').count()).toBe(1);
    await app.screenshot('overview-stale');

    // The overview in Excel: one row per meeting, and the warnings.
    const workbook = page.waitForEvent('download');
    await page.getByTestId('export-overview').click();
    const workbookFile = await workbook;
    expect(workbookFile.suggestedFilename()).toMatch(/^督导总览-\d{8}\.xlsx$/);
    const parts = officeParts(new Uint8Array(readFileSync((await workbookFile.path())!)));
    expect(parts.get('xl/sharedStrings.xml')).toContain('审核后数据已变更');
    await workbookFile.saveAs(join(SCREENSHOT_DIR, 'supervision-overview.xlsx'));
    await app.close();
  });
});

describe('overview filters and sorting', () => {
  it('shows the latest year first, filters by 年度, and sorts by a column header', async () => {
    // Four units meeting in 2025 except 单位2 (2024): 单位1 ready; 单位3 零意见 (6 items to add);
    // 单位4 未就绪 with more (8) — so sorting by status differs from sorting by shortfalls.
    const content = sampleContent({ units: 4 });
    const [, m2, m3, m4] = content.meetings as [Meeting, Meeting, Meeting, Meeting];
    Object.assign(m2, { year: 2024, title: '2024年度民主生活会' });
    const silent = content.members.filter((m) => m.meetingId === m3.id).at(-1)!;
    content.opinions = content.opinions.filter((o) => o.targetId !== silent.id && !(o.meetingId === m4.id && ['服务对象', '基层群众'].includes(o.category)));
    const app = await openApp('overview-sort');
    const { page } = app;
    await choosePackage(page, '四个单位.mzsh.json', buildPackage(content, { appVersion: 'test', exportedAt: '2025-11-10T08:00:00.000Z' }));
    await page.getByRole('button', { name: '打开到本机' }).click();
    // Opened when the units page lists the package's units (not the toast, which closes by itself).
    await page.getByRole('link', { name: '测试单位1' }).waitFor();
    await page.getByRole('menuitem', { name: '督导总览' }).click();

    const table = page.getByTestId('overview-table');
    const units = () => table.getByTestId('unit-link').allTextContents();
    const yearSelect = page.locator('.ant-select').filter({ hasText: /^(\d{4}年度|全部年度)$/ });
    const pickYear = (label: string) => pickOption(page, yearSelect, label);
    // The latest year by default, in unit order.
    await expect.poll(units).toEqual(['测试单位1', '测试单位3', '测试单位4']);
    // 状态 ascending: 零意见, 未就绪, 可以召开.
    await table.locator('th').filter({ hasText: '状态' }).click();
    await expect.poll(units).toEqual(['测试单位3', '测试单位4', '测试单位1']);
    expect(await table.getByTestId('status-tag').allTextContents()).toEqual(['零意见', '未就绪（待补 8 项）', '可以召开']);
    await pickYear('2024年度');
    await expect.poll(units).toEqual(['测试单位2']);
    await pickYear('全部年度');
    await expect.poll(units).toEqual(['测试单位3', '测试单位4', '测试单位1', '测试单位2']);
    // 年度 ascending: the 2024 meeting first, then the 2025 ones in unit order.
    await table.locator('th').filter({ hasText: /^年度$/ }).click();
    await expect.poll(units).toEqual(['测试单位2', '测试单位1', '测试单位3', '测试单位4']);
    await app.screenshot('overview-sorted');
    await app.close();
  });
});

describe('merge conflicts', () => {
  it('shows a record changed on both sides with both versions and keeps the chosen one', async () => {
    const content = countyContent({ units: 1, members: [2, 2], seed: 33 });
    const meta = { appVersion: 'test', exportedAt: '2025-11-10T08:00:00.000Z' };
    const target = content.opinions[0]!;
    const theirs = { ...content, opinions: content.opinions.map((o) => (o.id === target.id ? { ...o, content: '单位修改后的意见：调研不够深入，解决实际问题的办法不多', updatedAt: '2025-11-12T08:00:00.000Z' } : o)) };
    const app = await openApp('merge-conflict');
    const { page } = app;

    // The unit's first package, opened into an empty workbench.
    await choosePackage(page, '财政局-第一次.mzsh.json', buildPackage(content, meta));
    await page.getByRole('button', { name: '打开到本机' }).click();

    // Here, the supervisor corrects the opinion; there, the unit rewrites it too.
    await page.getByRole('link', { name: content.units[0]!.name }).click();
    await page.getByRole('link', { name: '2025年度民主生活会' }).first().click();
    await openTab(page, '意见列表');
    await page.getByRole('row', { name: new RegExp(target.content.slice(0, 12)) }).getByText('修改').click();
    const editor = await opened(page.getByRole('dialog', { name: '修改意见' }));
    await editor.getByLabel('意见内容').fill('督导组核实后的意见：调查研究不够深入');
    await editor.getByRole('button', { name: /确\s?定|保\s?存/ }).click();
    await editor.waitFor({ state: 'hidden' });

    await choosePackage(page, '财政局-第二次.mzsh.json', buildPackage(theirs, meta));
    await page.getByTestId('merge-preview').click();
    const preview = await opened(page.getByRole('dialog', { name: '合并数据包预览' }));
    await preview.getByTestId('conflict').waitFor();
    await expect.poll(() => preview.getByTestId('conflict').textContent()).toContain('督导组核实后的意见：调查研究不够深入');
    expect(await preview.getByTestId('conflict').textContent()).toContain('单位修改后的意见：调研不够深入');
    // Nothing can be written until the conflict is settled.
    expect(await preview.getByRole('button', { name: /确认合并/ }).isDisabled()).toBe(true);
    await app.screenshot('conflict');
    await preview.getByTestId('conflict').getByText('保留本机').click();
    await preview.getByRole('button', { name: /确认合并/ }).click();
    await preview.waitFor({ state: 'hidden' });

    await page.getByRole('menuitem', { name: '单位与会议' }).click();
    await page.getByRole('link', { name: content.units[0]!.name }).click();
    await page.getByRole('link', { name: '2025年度民主生活会' }).first().click();
    await openTab(page, '意见列表');
    await page.getByText('督导组核实后的意见：调查研究不够深入').waitFor();
    expect(await page.getByText('单位修改后的意见').count()).toBe(0);
    await app.close();
  });
});
