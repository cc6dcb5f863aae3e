// No network: every request the page makes during a whole working session — units, meeting,
// roster, typed and pasted opinions, the list, the recycle bin, settings, a backup and a restore —
// goes to the app's own origin (or stays in memory: data:, blob:). Nothing else is even attempted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBlock, addMembers, choose, createMeeting, createUnit, openTab, typeOpinion } from './flows';
import { openApp, pasteInto, useBrowser } from './harness';

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

    await createUnit(page, UNIT);
    await createMeeting(page, UNIT, 2025);
    await addMembers(page, [
      ['张三', '局长', '全面工作'],
      ['李四', '副局长', '食品安全'],
    ]);
    await openTab(page, '录入意见');
    await choose(page, '领导班子', '上级领导', '谈心谈话');
    await typeOpinion(page, '班子议事决策程序执行不够严格');
    await choose(page, '李四（副局长）', '服务对象', '问卷调查');
    await pasteInto(page.getByTestId('opinion-input'), '1、检查标准不统一\n2、整改时限要求过急\n3、政策解读不够及时');
    const preview = page.getByRole('dialog', { name: /粘贴预览：拆分出 3 条/ });
    await preview.getByRole('button', { name: '添加 3 条' }).click();
    await preview.waitFor({ state: 'hidden' });
    await addBlock(page, ['执法过程中沟通解释不足', '对小微企业的帮扶措施不多']);

    await openTab(page, '意见列表');
    await page.getByText('共 6 条').first().waitFor();
    const row = page.getByRole('row', { name: /整改时限要求过急/ });
    await row.getByText('删除').click();
    await page.getByRole('button', { name: '删除', exact: true }).last().click();
    await page.getByText('已将 1 条意见移入回收站').waitFor();
    await openTab(page, '回收站');
    await page.getByTestId('restore-one').click();
    await page.getByText('已恢复 1 条意见').waitFor();
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
    const file = join(mkdtempSync(join(tmpdir(), 'no-network-')), 'b.mzsh-backup');
    await download.saveAs(file);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择备份文件…' }).click()]);
    await chooser.setFiles(file);
    await page.getByLabel('恢复密码').fill('密码123');
    await page.getByRole('button', { name: '恢复此备份…' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '用该备份替换本机的全部数据？' });
    await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: '备份当前数据并恢复' }).click()]);
    await page.getByText('已恢复：意见建议 6 条').waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: '单位与会议' }).click();
    await page.getByRole('link', { name: UNIT }).waitFor();

    const origin = new URL(baseUrl).origin;
    const outside = requests.filter((url) => {
      const u = new URL(url);
      return !(u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:');
    });
    console.log(`no-network session: ${requests.length} requests (${new Set(requests).size} distinct URLs), ${outside.length} outside ${origin}, ${sockets.length} websockets, ${context.serviceWorkers().length} service workers`);
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(sockets).toEqual([]);
    expect(context.serviceWorkers()).toEqual([]);
    await app.close();
  });
});
