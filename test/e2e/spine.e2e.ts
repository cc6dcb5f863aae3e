// The spine end to end: unit → meeting → roster → opinions typed and pasted → the matrix turns
// from 不得召开 to 可以召开; the data survives a reload; delete and restore from the recycle bin.
import { describe, expect, it } from 'vitest';
import { addBlock, choose, openTab, setUpMeeting, typeOpinion } from './flows';
import { confirmPopup, openApp, opened, pasteInto, useBrowser } from './harness';

useBrowser();

const CATEGORIES = ['上级领导', '下属单位', '分管领域', '服务对象', '基层群众'];
const UNIT = '某某县发展和改革局';

describe('the spine', () => {
  it('creates a unit, a meeting and a roster, and keeps rank order', async () => {
    const app = await openApp('spine-roster');
    const { page } = app;
    await setUpMeeting(page, UNIT, [
      ['张三', '局长', '全面工作'],
      ['李四', '副局长', '项目建设'],
      ['王五', '副局长', '价格管理'],
    ]);
    // Move 王五 above 李四 with the button, then check the order shown.
    await page.getByRole('button', { name: '上移王五' }).click();
    const names = page.locator('.ant-table-tbody tr td:nth-child(3)');
    await expect.poll(() => names.allTextContents()).toEqual(['张三', '王五', '李四']);
    await app.screenshot('roster');
    await app.close();
  });

  it('goes from shortfall to ready as opinions are typed and pasted, and survives a reload', async () => {
    const app = await openApp('spine-entry');
    const { page } = app;
    await setUpMeeting(page, UNIT, [
      ['张三', '局长'],
      ['李四', '副局长'],
      ['王五', '副局长'],
    ]);

    await openTab(page, '就绪情况');
    await expect.poll(() => page.getByTestId('verdict-tag').textContent()).toBe('不得召开');
    await expect.poll(() => page.getByTestId('shortfalls').textContent()).toContain('张三（局长）：没有一条实质性意见（零意见）');
    // A new meeting has 24 messages: the first 12 show, the rest behind 展开全部.
    expect(await page.getByTestId('shortfalls').locator('li').count()).toBe(12);
    await app.screenshot('empty-matrix');
    await page.getByRole('button', { name: '展开全部 24 项' }).click();
    await expect.poll(() => page.getByTestId('shortfalls').locator('li').count()).toBe(24);
    await page.getByRole('button', { name: '收起' }).click();
    await expect.poll(() => page.getByTestId('shortfalls').locator('li').count()).toBe(12);

    // One by one: 张三 · 上级领导 goes 0/2 → 1/2 → 2/2; a no-opinion phrase does not count.
    await openTab(page, '录入意见');
    await choose(page, '张三（局长）', '上级领导', '谈心谈话');
    const progress = page.getByTestId('progress-上级领导');
    await expect.poll(() => progress.textContent()).toBe('0/2');
    await typeOpinion(page, '理论学习不够系统，以会代学的情况时有发生');
    await expect.poll(() => progress.textContent()).toBe('1/2');
    await typeOpinion(page, '暂无意见');
    await expect.poll(() => progress.textContent()).toBe('1/2');
    await typeOpinion(page, '深入基层调研的次数偏少，对企业反映的问题跟踪不够');
    await expect.poll(() => progress.textContent()).toBe('2/2');

    // A pasted numbered block: split, numbering stripped, previewed, then added in one go.
    await choose(page, '张三（局长）', '基层群众', '座谈会');
    await pasteInto(page.getByTestId('opinion-input'), '1、窗口服务态度有待改进\n2、办事指南更新不及时，\n群众多跑腿\n（3）政策宣传不够接地气');
    const preview = await opened(page.getByRole('dialog', { name: /粘贴预览：拆分出 3 条/ }));
    await expect.poll(() => preview.textContent()).toContain('办事指南更新不及时，群众多跑腿');
    expect(await preview.textContent()).not.toContain('（3）');
    await app.screenshot('paste-preview');
    await preview.getByRole('button', { name: '添加 3 条' }).click();
    await preview.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('progress-基层群众').textContent()).toBe('3/2');

    // Fill every remaining cell with two opinions each, leaving 王五 · 基层群众 at one.
    const targets = ['领导班子', '张三（局长）', '李四（副局长）', '王五（副局长）'];
    for (const target of targets) {
      for (const category of CATEGORIES) {
        if (target === '张三（局长）' && (category === '上级领导' || category === '基层群众')) continue;
        await choose(page, target, category);
        if (target === '王五（副局长）' && category === '基层群众') {
          await typeOpinion(page, `${target}${category}：联系群众的渠道单一，意见反馈慢`);
        } else {
          await addBlock(page, [`${target}${category}：调查研究不够深入，解决实际问题的办法不多`, `${target}${category}：抓落实的韧劲不足，督促检查跟进不够`]);
        }
      }
    }

    await openTab(page, '就绪情况');
    await expect.poll(() => page.getByTestId('verdict-tag').textContent()).toBe('不得召开');
    await expect.poll(() => page.getByTestId('shortfalls').locator('li').allTextContents()).toEqual(['王五（副局长）：基层群众意见 1 条，至少需 2 条']);
    await app.screenshot('one-shortfall');

    // Clicking the cell opens its opinions; 补录 goes to entry with that cell selected.
    await page.locator('[data-testid$="-基层群众"]').last().click();
    const drawer = await opened(page.getByRole('dialog'));
    await expect.poll(() => drawer.textContent()).toContain('王五（副局长） · 基层群众');
    await expect.poll(() => drawer.textContent()).toContain('联系群众的渠道单一');
    await drawer.getByRole('button', { name: '补录意见' }).click();
    await expect.poll(() => page.getByTestId('progress-基层群众').textContent()).toBe('1/2');
    await typeOpinion(page, '下村入户少，对困难群众的诉求回应不及时');
    await expect.poll(() => page.getByTestId('progress-基层群众').textContent()).toBe('2/2');
    await expect.poll(() => page.getByTestId('verdict-tag').textContent()).toBe('可以召开');

    await openTab(page, '就绪情况');
    await expect.poll(() => page.getByTestId('verdict').textContent()).toContain('可以召开');
    await app.screenshot('ready-matrix');

    // Everything is still there after a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId('verdict-tag').textContent()).toBe('可以召开');
    await page.getByText('收集 42 条，计入 41 条').waitFor();
    await app.close();
  });

  it('deletes an opinion to the recycle bin and restores it', async () => {
    const app = await openApp('spine-bin');
    const { page } = app;
    await setUpMeeting(page, UNIT, [['张三', '局长']]);
    await openTab(page, '录入意见');
    await choose(page, '张三（局长）', '下属单位');
    await typeOpinion(page, '对下属单位的指导多停留在发文件、开会议层面');
    await typeOpinion(page, '对基层反映的困难，协调解决不够及时');

    await openTab(page, '意见列表');
    await page.getByText('共 2 条').first().waitFor();
    const row = page.getByRole('row', { name: /协调解决不够及时/ });
    await row.getByText('删除').click();
    await confirmPopup(page, '删除');
    await page.getByText('共 1 条').first().waitFor();

    await openTab(page, '回收站');
    await page.getByText('协调解决不够及时').waitFor();
    await app.screenshot('recycle-bin');
    await page.getByTestId('restore-one').click();
    await page.getByText('回收站是空的').waitFor();

    await openTab(page, '意见列表');
    await page.getByText('共 2 条').first().waitFor();

    await openTab(page, '变更记录');
    await page.getByText('从回收站恢复意见：对基层反映的困难，协调解决不够及时').waitFor();
    // The kind of record each line is about, in Chinese (对象 column).
    const restored = page.locator('.ant-table-row', { hasText: '从回收站恢复意见' });
    expect(await restored.locator('td').nth(2).textContent()).toBe('意见建议');
    await app.screenshot('change-log');
    await app.close();
  });
});

describe('local storage', () => {
  it('asks the browser to keep its data (navigator.storage.persist) when the app opens', async () => {
    const app = await openApp('spine-persist', {
      // Count calls to StorageManager.persist from the first script of the page on.
      beforeLoad: async (context) => {
        await context.addInitScript(() => {
          const w = window as unknown as { __persistCalls: number };
          w.__persistCalls = 0;
          const original = StorageManager.prototype.persist;
          StorageManager.prototype.persist = function (this: StorageManager) {
            w.__persistCalls++;
            return original.call(this);
          };
        });
      },
    });
    const { page } = app;
    const calls = () => page.evaluate(() => (window as unknown as { __persistCalls?: number }).__persistCalls);
    await expect.poll(calls).toBeGreaterThanOrEqual(1);
    await app.close();
  });
});
