// Issue 11 end to end: removing a member who has opinions offers to move them in one step; an
// import is undone as a whole; the import preview tags 仅表扬.
import { describe, expect, it } from 'vitest';
import { choose, openTab, setUpMeeting, typeOpinion } from './flows';
import { openApp, opened, pickOption, useBrowser } from './harness';

useBrowser();

describe('the roster and batches', () => {
  it('moves a removed member’s opinions to another target in one step', async () => {
    const app = await openApp('roster-remove');
    const { page } = app;
    await setUpMeeting(page, '某某县水利局', [
      ['张三', '局长'],
      ['李四', '副局长'],
    ]);
    // The roster already has 张三: typing the name again warns.
    await page.getByLabel('姓名', { exact: true }).fill('张三');
    await expect.poll(() => page.getByTestId('same-name-warning').textContent()).toContain('名单中已有张三（局长）');
    await page.getByLabel('姓名', { exact: true }).fill('');

    await openTab(page, '录入意见');
    await choose(page, '李四（副局长）', '上级领导', '书面征求');
    await typeOpinion(page, '水利工程建设督查不够，部分项目进度滞后');
    await typeOpinion(page, '对基层水管站指导不够');
    await openTab(page, '班子成员');
    await page.getByRole('row', { name: /李四/ }).getByRole('button', { name: '移除' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '移除李四' }));
    expect(await dialog.getByTestId('remove-member-warning').textContent()).toContain('李四已有 2 条意见');
    await app.screenshot('remove-member');
    await pickOption(page, dialog.getByRole('combobox', { name: '意见改到的对象' }), '领导班子');
    await dialog.getByRole('button', { name: '改到所选对象并移除' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('cell', { name: '李四', exact: true }).count()).toBe(0);
    await openTab(page, '就绪情况');
    await expect.poll(() => page.getByTestId('cell-group-上级领导').textContent()).toBe('2/2');
    await app.close();
  });

  it('undoes a whole import, and tags praise-only rows in the preview', async () => {
    const app = await openApp('import-undo');
    const { page } = app;
    await setUpMeeting(page, '某某县水利局', [['张三', '局长']]);
    await openTab(page, '导入');
    const csv = '意见对象,意见来源,征求方式,意见建议\n张三,上级领导,座谈会,理论学习不够深入\n张三,基层群众,走访,联系群众不够经常\n张三,基层群众,走访,工作认真负责，希望继续保持\n';
    await page.locator('.ant-upload input[type="file"]').first().setInputFiles({ name: '意见.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('import-praise').textContent()).toBe('其中仅表扬 1 条');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('undo-import').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('已撤销本次导入的 3 条意见');
    await openTab(page, '回收站');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(3);
    await app.close();
  });

  it('shows the latest verdict, its reasons and staleness in the meeting header', async () => {
    const app = await openApp('verdict-header');
    const { page } = app;
    await setUpMeeting(page, '某某县水利局', [['张三', '局长']]);
    await openTab(page, '审核');
    await page.getByRole('radiogroup', { name: '审核结论' }).getByText('退回整改').click();
    await page.getByLabel('审核理由').fill('基层群众意见不足，请重新征求后报送。');
    await page.getByLabel('审核人').fill('第二督导组 王组长');
    await page.getByRole('button', { name: '记录审核结论' }).click();
    await expect.poll(() => page.getByTestId('latest-verdict').textContent()).toMatch(/^督导：退回整改（\d{4}-\d{2}-\d{2}）基层群众意见不足，请重新征求后报送。$/);
    await openTab(page, '录入意见');
    await choose(page, '张三（局长）', '基层群众', '走访');
    await typeOpinion(page, '联系群众不够经常，对群众来信答复不够及时');
    await expect.poll(() => page.getByTestId('latest-verdict').textContent()).toContain('审核后数据已变更');
    await app.screenshot('header');
    await app.close();
  });
});
