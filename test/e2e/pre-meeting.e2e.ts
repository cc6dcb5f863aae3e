// The supervisors' pre-meeting check end to end: talks recorded until the coverage is complete, two
// members' 对照检查材料 imported from .docx (one sharing a paragraph with another unit's material
// already in the app), the warnings and the 会前准备 checklist seen, and a verdict citing them; a talk
// recorded after the verdict makes the 审核 tab say the verdict is out of date.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATERIALS_DIR } from '../support/materials';
import { openTab, setUpMeeting } from './flows';
import { openApp, pickOption, useBrowser } from './harness';
import type { Page } from 'playwright-core';

useBrowser();

async function importMaterial(page: Page, label: string, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: `导入${label}的对照检查材料`, exact: true }).click()]);
  await chooser.setFiles(join(MATERIALS_DIR, file));
  await page.getByTestId('material-reviews').getByText(file).waitFor();
}

describe('pre-meeting check', () => {
  it('records talks until coverage is complete, reads two materials with a cross-unit copy, and returns the meeting citing them', async () => {
    const app = await openApp('pre-meeting');
    const { page } = app;

    // Another unit's material is already in the app.
    await setUpMeeting(page, '某某县农业农村局', [['张伟', '副局长', '分管办公室']]);
    await openTab(page, '会前准备');
    await importMaterial(page, '张伟（副局长）', '2025-农业农村局-张伟-对照检查材料.docx');

    await setUpMeeting(page, '某某县交通运输局', [
      ['王军', '党组书记、局长', '主持全面工作'],
      ['李红', '副局长', '分管财务股'],
    ]);

    // 谈心谈话: the 书记 with 李红 (also 班子成员之间), and 李红 with the head of 财务股.
    await openTab(page, '谈心谈话');
    await expect.poll(() => page.getByTestId('talk-coverage').textContent()).toBe('谈心谈话应谈2对，已谈0对，尚缺2对');
    // No talk yet: the list says what to do, not antd's bare 暂无数据.
    await expect.poll(() => page.getByTestId('talk-list').textContent()).toContain('还没有谈话记录。在左侧“记录谈心谈话”中');
    expect(await page.getByTestId('talk-list').textContent()).not.toContain('暂无数据');
    const form = page.getByTestId('talk-form');
    await pickOption(page, form.getByLabel('谈话一方'), '王军（党组书记、局长）');
    await pickOption(page, form.getByLabel('谈话另一方'), '李红（副局长）');
    await form.getByLabel('谈话要点').fill('交流分管领域工作中的问题');
    await form.getByRole('button', { name: '记录谈心谈话' }).click();
    await expect.poll(() => page.getByTestId('talk-coverage').textContent()).toBe('谈心谈话应谈2对，已谈1对，尚缺1对');
    await expect.poll(() => page.getByTestId('talk-missing').textContent()).toContain('李红（副局长）与分管的财务股负责人尚未谈心谈话');
    await app.screenshot('talks-one-missing');
    await pickOption(page, form.getByLabel('谈话一方'), '李红（副局长）');
    await form.getByText('分管部门负责人', { exact: true }).click();
    await pickOption(page, form.getByLabel('部门', { exact: true }), '财务股');
    await form.getByLabel('谈话对象姓名').fill('周敏');
    await form.getByRole('button', { name: '记录谈心谈话' }).click();
    await expect.poll(() => page.getByTestId('talk-coverage').textContent()).toBe('谈心谈话应谈2对，已全部完成');
    await expect.poll(() => page.getByTestId('talk-matrix').textContent()).toContain('财务股（周敏）');
    await app.screenshot('talks-complete');

    // 对照检查材料: 李红's shares a paragraph with 张伟's; 王军's ignores what was asked of it.
    await openTab(page, '会前准备');
    await importMaterial(page, '李红（副局长）', '2025-交通运输局-李红-对照检查材料.docx');
    await importMaterial(page, '王军（党组书记、局长）', '2025-交通运输局-赵强-对照检查材料.docx');
    const reviews = page.getByTestId('material-reviews');
    await reviews.getByText('李红（副局长）', { exact: true }).click();
    const copy = reviews.getByTestId('material-copy').first();
    await expect.poll(() => copy.textContent()).toContain('与其他单位的材料雷同');
    await expect.poll(() => copy.textContent()).toContain('某某县农业农村局·张伟（副局长）·2025年度');
    await reviews.getByText('王军（党组书记、局长）', { exact: true }).click();
    const checklist = page.getByTestId('pre-meeting-checklist');
    await expect.poll(() => checklist.getByTestId('checklist-talks').textContent()).toContain('已完成');
    await expect.poll(() => checklist.getByTestId('checklist-materials').textContent()).toContain('未完成');
    await expect.poll(() => checklist.getByTestId('checklist-materials').textContent()).toContain('领导班子尚未提交对照检查材料');
    await expect.poll(() => checklist.getByTestId('checklist-plan').textContent()).toContain('尚未录入方案报送日期');
    await app.screenshot('materials-and-checklist');

    // The verdict cites the copy and the checklist item.
    await openTab(page, '审核');
    const pre = page.getByTestId('audit-pre-meeting');
    await pre.getByTestId('material-reviews').getByText('李红（副局长）', { exact: true }).click();
    await pre.getByTestId('material-copy').first().getByRole('checkbox').check();
    await pre.getByTestId('checklist-plan').getByRole('checkbox').check();
    const auditForm = page.getByTestId('audit-form');
    await expect.poll(() => auditForm.textContent()).toContain('已勾选问题 2 项');
    await auditForm.getByText('退回整改', { exact: true }).click();
    await auditForm.getByLabel('审核理由').fill('对照检查材料存在与其他单位雷同的段落，方案未按时报送，请整改后重新提交。');
    await app.screenshot('audit-citing');
    await auditForm.getByRole('button', { name: '记录审核结论' }).click();
    // The history lists the cited lines under the verdict.
    await page.getByText(/^对照检查材料：李红（副局长）：与其他单位的材料雷同（相似度 \d+%）：某某县农业农村局·张伟（副局长）·2025年度$/).waitFor();
    await page.getByText('方案报送：尚未录入方案报送日期', { exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(1);
    expect(await page.getByTestId('audit-stale').count()).toBe(0);
    await app.screenshot('audit-recorded');

    // A talk recorded after the verdict: the verdict judged other data, and the 审核 tab says so.
    await openTab(page, '谈心谈话');
    await pickOption(page, form.getByLabel('谈话一方'), '王军（党组书记、局长）');
    await pickOption(page, form.getByLabel('谈话另一方'), '李红（副局长）');
    await form.getByLabel('谈话要点').fill('审核后再次谈心，交流整改打算');
    await form.getByRole('button', { name: '记录谈心谈话' }).click();
    await page.getByText('谈话记录（3 次）', { exact: true }).waitFor();
    await openTab(page, '审核');
    await page.getByTestId('audit-stale').waitFor();
    await expect.poll(() => page.getByTestId('stale-tag').textContent()).toBe('审核后数据已变更');
    await expect.poll(() => page.getByTestId('latest-verdict').textContent()).toContain('审核后数据已变更');
    await app.screenshot('audit-stale-after-talk');
    await app.close();
  });
});
