// No network: every request the page makes during a whole working session — units, meeting,
// roster, typed and pasted opinions, the list, the recycle bin, settings, a backup and a restore,
// a spreadsheet import, a Word list, the Excel ledger, printing, an audit verdict, a package
// exported and another merged, the supervisory overview — goes to the app's own origin (or stays
// in memory: data:, blob:). Nothing else is even attempted.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '#shared/package/format';
import { sampleContent } from '../support/sample-content';
import { addBlock, choose, openTab, printOnce, setUpMeeting, typeOpinion } from './flows';
import { confirmPopup, openApp, opened, pasteInto, useBrowser } from './harness';
import { choosePackage } from './package-flows';
import { tempDir } from '../support/temp-dir';

/** Clicks a button that downloads a file; the file's suggested name. */
async function downloadName(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return file.suggestedFilename();
}

/** An opinion form as a unit returns it: three rows for the two members and the group. */
function returnedForm(): Buffer {
  const rows = [
    ['意见对象', '意见来源', '征求方式', '意见建议'],
    ['张三', '下属单位', '书面征求', '对基层单位的业务指导不够经常'],
    ['李四', '基层群众', '走访', '食品抽检结果公开不够及时'],
    ['领导班子', '服务对象', '座谈会', '涉企检查频次偏多，影响企业正常经营'],
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '意见');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

useBrowser();

describe('no network', () => {
  it('makes no request outside its own origin during a full session', async () => {
    const requests: string[] = [];
    const sockets: string[] = [];
    const app = await openApp('no-network', {
      beforeLoad: (context) => {
        context.on('request', (r) => requests.push(r.url()));
        context.on('page', (p) => p.on('websocket', (ws) => sockets.push(ws.url())));
      },
    });
    const { page, baseUrl, context } = app;
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const UNIT = '某某县市场监督管理局';

    await setUpMeeting(page, UNIT, [
      ['张三', '局长', '全面工作'],
      ['李四', '副局长', '食品安全'],
    ]);
    await openTab(page, '录入意见');
    await choose(page, '领导班子', '上级领导', '谈心谈话');
    await typeOpinion(page, '班子议事决策程序执行不够严格');
    await choose(page, '李四（副局长）', '服务对象', '问卷调查');
    await pasteInto(page.getByTestId('opinion-input'), '1、检查标准不统一\n2、整改时限要求过急\n3、政策解读不够及时');
    const preview = await opened(page.getByRole('dialog', { name: /粘贴预览：拆分出 3 条/ }));
    await preview.getByRole('button', { name: '添加 3 条' }).click();
    await preview.waitFor({ state: 'hidden' });
    await addBlock(page, ['执法过程中沟通解释不足', '对小微企业的帮扶措施不多']);

    await openTab(page, '意见列表');
    await page.getByText('共 6 条').first().waitFor();
    const row = page.getByRole('row', { name: /整改时限要求过急/ });
    await row.getByText('删除').click();
    await confirmPopup(page, '删除');
    // Every wait below is on state that stays (the list's count, an empty bin, a closed panel, a
    // verdict in the history), never on a toast, which closes by itself.
    await page.getByText('共 5 条').first().waitFor();
    await openTab(page, '回收站');
    await page.getByTestId('restore-one').click();
    await page.getByText('回收站是空的').waitFor();
    await openTab(page, '就绪情况');
    await openTab(page, '变更记录');

    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByLabel('操作人姓名').fill('王科长');
    await page.getByRole('button', { name: '保存', exact: true }).first().click();
    await page.getByText('操作人：王科长').waitFor();

    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await page.getByLabel('备份密码', { exact: true }).fill('密码123');
    await page.getByLabel('确认备份密码').fill('密码123');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '备份到文件…' }).click()]);
    const file = join(tempDir('no-network'), 'b.mzsh-backup');
    await download.saveAs(file);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择备份文件…' }).click()]);
    await chooser.setFiles(file);
    await page.getByLabel('恢复密码').fill('密码123');
    await page.getByRole('button', { name: '恢复此备份…' }).click();
    const confirm = await opened(page.getByRole('dialog').filter({ hasText: '用该备份替换本机的全部数据？' }));
    await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: '备份当前数据并恢复' }).click()]);
    await page.getByTestId('backup-summary').waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByRole('menuitem', { name: '单位与会议' }).click();
    await page.getByRole('link', { name: UNIT }).click();
    await page.getByRole('link', { name: '2025年度民主生活会' }).first().click();

    // Opinions returned as a spreadsheet.
    await openTab(page, '导入');
    await page.locator('.ant-upload input[type="file"]').first().setInputFiles({ name: '县局反馈意见.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: returnedForm() });
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toContain('将添加 3 条');
    await page.getByTestId('import-confirm').click();
    await page.getByText('已导入 3 条意见').waitFor();

    // The Word list, the Excel ledger, and the list printed (window.print in a browser).
    await openTab(page, '导出与打印');
    await page.getByTestId('print-preview').locator('.gb-list').first().waitFor();
    expect(await downloadName(page, '导出所选对象的清单')).toMatch(/领导班子-征求意见建议清单\.docx$/);
    expect(await downloadName(page, '导出意见建议汇总台账（内部资料）')).toMatch(/意见建议汇总台账（内部资料）\.xlsx$/);
    await printOnce(page);

    // A verdict on the meeting.
    await openTab(page, '审核');
    await page.getByRole('radiogroup', { name: '审核结论' }).getByText('退回整改').click();
    await page.getByLabel('审核理由').fill('各类意见数量不足，请继续征求后报送。');
    await page.getByLabel('审核人').fill('第一督导组 李组长');
    await page.getByRole('button', { name: '记录审核结论' }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(1);

    // A package out, and another unit's package merged in.
    await page.getByRole('menuitem', { name: '数据交换' }).click();
    expect(await downloadName(page, '导出全部数据')).toMatch(/\.mzsh\.json$/);
    await choosePackage(page, '另一单位.mzsh.json', buildPackage(sampleContent({ units: 1, firstId: 9000 }), { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
    await page.getByTestId('merge-preview').click();
    const merge = await opened(page.getByRole('dialog', { name: '合并数据包预览' }));
    await merge.getByRole('button', { name: /确认合并/ }).click();
    await merge.waitFor({ state: 'hidden' });

    // The supervisory overview of both units.
    await page.getByRole('menuitem', { name: '督导总览' }).click();
    await expect.poll(() => page.getByTestId('overview-table').locator('.ant-table-row').count()).toBe(2);

    const origin = new URL(baseUrl).origin;
    const outside = requests.filter((url) => {
      const u = new URL(url);
      return !(u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:');
    });
    console.log(`no-network session: ${requests.length} requests (${new Set(requests).size} distinct URLs), ${outside.length} outside ${origin}, ${sockets.length} websockets, ${context.serviceWorkers().length} service workers`);
    console.log(`requested: ${[...new Set(requests.map((url) => (url.startsWith(origin) ? url.slice(origin.length) : url.slice(0, 40))))].join(' ')}`);
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(sockets).toEqual([]);
    expect(context.serviceWorkers()).toEqual([]);
    await app.close();
  });
});
