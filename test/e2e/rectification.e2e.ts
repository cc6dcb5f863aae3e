// 整改 to the end in Chromium: problem items registered (挂号) with account numbers, progress added,
// 销号 refused without its evidence and accepted with it, the clock moved past a time limit (逾期 in
// the ledger, the meeting header and the supervisory overview), next year's meeting created with
// last year's open items carried over (回头看) and a repeated problem flagged, and the 整改清单, the
// 整改落实情况报告 and the Excel 整改台账 exported. The problem items are seeded straight into the
// database, as the 查摆问题 tab (issue 15) will save them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { documentLines, officeParts } from '../support/docx';
import { addMembers, createUnit, openTab } from './flows';
import { openApp, opened, pickOption, SCREENSHOT_DIR, useBrowser } from './harness';

useBrowser();

const UNIT = '某某县交通运输局';
const OUT = resolve(SCREENSHOT_DIR, '../rectification');

interface Seed {
  target: string;
  description: string;
  deadline: string;
  longTerm?: boolean;
  standard?: string;
}

/** Writes problem items of a meeting into the database as the 查摆问题 tab saves them, then reloads so the page reads them. */
async function seedProblems(page: Page, meetingId: string, items: Seed[]): Promise<void> {
  await page.evaluate(
    ({ meetingId, items }) =>
      new Promise<void>((done, fail) => {
        const req = indexedDB.open('mzsh-workbench');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const read = db.transaction('members').objectStore('members').index('meetingId').getAll(meetingId);
          read.onsuccess = () => {
            const members = read.result as Array<{ id: string; name: string }>;
            const tx = db.transaction('problems', 'readwrite');
            const at = new Date().toISOString();
            items.forEach((p, i) =>
              tx.objectStore('problems').add({
                id: crypto.randomUUID(),
                meetingId,
                targetId: p.target === '班子' ? 'group' : members.find((m) => m.name === p.target)!.id,
                description: p.description,
                dimension: '',
                sources: ['征求意见'],
                consolidatedIds: [],
                causes: '',
                measures: '制定计划，逐月推进，按季度报告进展',
                standard: p.standard ?? '按期全部完成，群众满意度不低于90%',
                leader: '张三',
                responsible: '办公室',
                deadline: p.longTerm ? '' : p.deadline,
                longTerm: Boolean(p.longTerm),
                published: true,
                note: '',
                order: i + 1,
                createdAt: at,
                updatedAt: at,
              }),
            );
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        };
      }),
    { meetingId, items },
  );
  await page.reload();
}

/** Opens the meeting's page at a tab with the app's clock set to a day (`?clock=`, read at page load). */
async function goWithClock(page: Page, baseUrl: string, day: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}?clock=${day}#${route}`);
  await page.getByText('单位与会议').first().waitFor();
}

const rowOf = (page: Page, account: string) => page.getByTestId('ledger-table').locator('tr', { hasText: account });

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await event;
  const bytes = new Uint8Array(readFileSync((await file.path())!));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(resolve(OUT, file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), bytes };
}

describe('整改台账', () => {
  it('registers, reports progress, refuses 销号 without evidence, shows 逾期 everywhere, carries items into next year and exports', async () => {
    const app = await openApp('rectification');
    const { page, baseUrl } = app;
    await goWithClock(page, baseUrl, '2026-03-01', '/');
    await createUnit(page, UNIT);
    await page.getByRole('link', { name: UNIT }).click();
    await page.getByRole('button', { name: '新建会议' }).click();
    let dialog = await opened(page.getByRole('dialog', { name: '新建民主生活会' }));
    await dialog.getByLabel('年度').fill('2025');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('tab', { name: '班子成员', selected: true }).waitFor();
    await addMembers(page, [['张三', '局长'], ['李四', '副局长']]);
    const meetingId = /#\/meetings\/([^/]+)/.exec(page.url())![1]!;

    await seedProblems(page, meetingId, [
      { target: '班子', description: '深入基层调研不够，全年到联系点调研仅2次', deadline: '2026-06-30' },
      { target: '李四', description: '分管领域安全生产督促检查不到位，隐患整改跟踪不及时', deadline: '2027-01-31' },
      { target: '班子', description: '理论学习中心组学习不够系统', deadline: '', longTerm: true },
      { target: '张三', description: '批评与自我批评辣味不足', deadline: '2026-09-30', standard: '' },
    ]);
    await openTab(page, '整改');
    const register = page.getByTestId('register-card');
    await expect.poll(() => register.getByTestId('register-item').count()).toBe(4);
    expect(await register.textContent()).toContain('缺少整改标准');
    await page.getByRole('button', { name: '全部挂号（五个明确齐全的）' }).click();
    await expect.poll(() => page.getByTestId('account-number').allTextContents()).toEqual([`2025-${UNIT}-班子-001`, `2025-${UNIT}-班子-002`, `2025-${UNIT}-李四-001`]);
    // The incomplete item stays waiting, registered by nobody.
    await expect.poll(() => register.getByTestId('register-item').count()).toBe(1);

    // 班子-001: start, report progress, apply, and 销号 — first without the evidence.
    const first = rowOf(page, `2025-${UNIT}-班子-001`);
    await first.getByRole('button', { name: '开始整改' }).click();
    await expect.poll(() => first.getByTestId('ledger-status').textContent()).toBe('整改中');
    await first.getByRole('button', { name: /进展/ }).click();
    const drawer = await opened(page.locator('.ant-drawer-body'));
    await drawer.getByLabel('进展情况').fill('已制定年度调研计划，一季度到联系点调研2次');
    await drawer.getByRole('button', { name: '添加进展' }).click();
    await expect.poll(() => page.getByTestId('progress-log').textContent()).toContain('已制定年度调研计划');
    await app.screenshot('progress-drawer');
    await page.keyboard.press('Escape');
    await expect.poll(() => first.getByRole('button', { name: /进展/ }).textContent()).toBe('进展（1）');
    await first.getByRole('button', { name: '申请销号' }).click();
    await expect.poll(() => first.getByTestId('ledger-status').textContent()).toBe('申请销号');
    await first.getByRole('button', { name: '销号' }).click();
    dialog = await opened(page.getByRole('dialog', { name: /销号：/ }));
    await dialog.getByRole('button', { name: '确认销号' }).click();
    await expect.poll(() => dialog.getByTestId('closure-error').textContent()).toBe('不能销号：缺少佐证材料（是什么）、佐证材料存放位置、审核人');
    await app.screenshot('closure-refused');
    expect(await first.getByTestId('ledger-status').textContent()).toBe('申请销号');
    await dialog.getByLabel('佐证材料（是什么）').fill('调研报告4篇、调研计划1份');
    await dialog.getByLabel('佐证材料存放位置').fill('办公室档案柜 2026-03 号盒');
    await dialog.getByLabel('审核人').fill('县委组织部 王科长');
    await dialog.getByRole('button', { name: '确认销号' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => first.getByTestId('ledger-status').textContent()).toBe('已销号');
    // 班子-002 stays open by nature: 长期坚持.
    const lasting = rowOf(page, `2025-${UNIT}-班子-002`);
    await lasting.getByRole('button', { name: '转为长期坚持' }).click();
    await expect.poll(() => lasting.getByTestId('ledger-status').textContent()).toBe('长期坚持');
    expect(await page.getByTestId('header-overdue').count()).toBe(0);
    await app.screenshot('ledger-closed');

    // The clock past 李四's time limit (2027-01-31): 逾期 in the ledger, the header and the overview.
    await goWithClock(page, baseUrl, '2027-02-15', `/meetings/${meetingId}/rectification`);
    await expect.poll(() => rowOf(page, `2025-${UNIT}-李四-001`).getByTestId('overdue-tag').textContent()).toBe('逾期15天');
    await expect.poll(() => page.getByTestId('header-overdue').textContent()).toBe('整改逾期 1 项');
    await app.screenshot('overdue');
    await page.getByTestId('header-overdue').click();
    await expect.poll(() => page.getByTestId('account-number').allTextContents()).toEqual([`2025-${UNIT}-李四-001`]);
    await page.getByRole('menuitem', { name: '督导总览' }).click();
    const row = page.getByTestId('overview-table').locator('.ant-table-row').filter({ hasText: UNIT });
    // The 整改 columns are one of the groups a supervisor shows (显示列), hidden by default to fit the screen.
    await page.getByTestId('overview-columns').getByText('整改', { exact: true }).click();
    await expect.poll(() => row.getByTestId('rect-overdue').textContent()).toBe('1');
    expect(await row.getByTestId('rect-items').textContent()).toBe('3');
    expect(await row.getByTestId('rect-closed').textContent()).toBe('1');
    expect(await row.getByTestId('rect-rate').textContent()).toBe('33%');
    expect(await page.getByTestId('rect-chart-overdue').textContent()).toBe('1 项');
    await app.screenshot('overview');

    // 回头看: next year's meeting takes last year's two open items (one 长期坚持) with it.
    await page.getByRole('menuitem', { name: '单位与会议' }).click();
    await page.getByRole('link', { name: UNIT }).click();
    await page.getByRole('button', { name: '新建会议' }).click();
    dialog = await opened(page.getByRole('dialog', { name: '新建民主生活会' }));
    await dialog.getByRole('spinbutton', { name: /年度/ }).fill('2026');
    await expect.poll(() => dialog.getByTestId('carry-over-offer').textContent()).toBe('回头看：结转上年度未销号的整改事项（2025年度民主生活会，2 项，含长期坚持）');
    await app.screenshot('create-with-carry-over');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('tab', { name: '班子成员', selected: true }).waitFor();
    const nextId = /#\/meetings\/([^/]+)/.exec(page.url())![1]!;
    await openTab(page, '整改');
    await expect.poll(() => page.getByTestId('account-number').allTextContents()).toEqual([`2026-${UNIT}-班子-001`, `2026-${UNIT}-李四-001`]);
    expect(await page.getByTestId('ledger-table').textContent()).toContain(`上年度结转 2025-${UNIT}-李四-001`);
    await expect.poll(() => page.getByText('回头看：已从2025年度民主生活会结转未销号事项 2 项。').count()).toBe(1);
    // The carried item keeps its history: last year's account and status in its record.
    await rowOf(page, `2026-${UNIT}-李四-001`).getByRole('button', { name: /进展/ }).click();
    await expect.poll(() => page.getByTestId('earlier-years').textContent()).toContain(`2025-${UNIT}-李四-001　未启动`);
    await page.keyboard.press('Escape');
    // Its time limit (2027-01-31) had passed when it was carried: not kept, so it is not overdue the day it is carried — a new one is to be set.
    await expect.poll(() => rowOf(page, `2026-${UNIT}-李四-001`).textContent()).toContain('未定时限');
    expect(await page.getByTestId('header-overdue').count()).toBe(0);
    // Nothing of the new meeting is published yet: no 整改清单（公示版） to make, as no 两张清单（公示版）.
    await openTab(page, '导出与打印');
    await expect.poll(() => page.getByTestId('rectification-published').textContent()).toBe('0');
    expect(await page.getByRole('button', { name: '导出整改清单（公示版，Word）' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '导出两张清单（公示版）' }).isDisabled()).toBe(true);
    await openTab(page, '整改');
    // A new item nearly the same as last year's closed one: 问题反复出现.
    await seedProblems(page, nextId, [{ target: '班子', description: '深入基层调研不够，全年到联系点调研仅3次', deadline: '2027-06-30' }]);
    await expect.poll(() => page.getByTestId('register-card').textContent()).toContain('问题反复出现');
    await page.getByRole('button', { name: '全部挂号（五个明确齐全的）' }).click();
    await expect.poll(() => page.getByTestId('ledger-table').getByTestId('repeat-tag').count()).toBe(1);
    await app.screenshot('next-year');

    // Exports: 整改清单, 整改落实情况报告 (with 上年度整改落实情况) and the Excel 整改台账.
    await openTab(page, '导出与打印');
    const list = await download(page, '导出整改清单（公示版，Word）');
    expect(list.name).toBe(`2026年度-${UNIT}-整改清单（公示版）.docx`);
    // The public list holds published items only: carried items start unpublished.
    const listText = documentLines(officeParts(list.bytes)).join('\n');
    expect(listText).toContain('班子-002');
    expect(listText).not.toContain('李四-001');
    const report = await download(page, '导出整改落实情况报告（Word）');
    const reportText = documentLines(officeParts(report.bytes)).join('\n');
    expect(reportText).toContain('一、上年度整改落实情况');
    expect(reportText).toContain('2025年度民主生活会查摆问题3项，已销号1项，销号率33%；未销号2项（未启动1项、长期坚持1项），已结转本年度2项。');
    expect(reportText).not.toContain('逾期15天');
    // The 征求意见情况报告 of the new meeting reports last year's rectification too.
    const opinionReport = documentLines(officeParts((await download(page, '导出征求意见情况报告')).bytes));
    const part = opinionReport.findIndex((l) => /^[一二三四五六]、上年度整改落实情况$/.test(l));
    expect(part).toBeGreaterThan(0);
    expect(opinionReport[part + 1]).toBe('2025年度民主生活会查摆问题3项，已销号1项，销号率33%；未销号2项（未启动1项、长期坚持1项），已结转本年度2项。');
    const xlsx = await download(page, '导出整改台账（Excel，含进展情况）');
    expect(xlsx.name).toBe(`2026年度-${UNIT}-整改台账.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['整改台账', '进展情况', '状态记录', '统计']);
    expect(book.getWorksheet('整改台账')!.pageSetup.orientation).toBe('landscape');

    // Last year's ledger: the two carried items are 已结转 — counted in 2026, not open or overdue in 2025 too.
    await goWithClock(page, baseUrl, '2027-02-15', `/meetings/${meetingId}/rectification`);
    await expect.poll(() => rowOf(page, `2025-${UNIT}-李四-001`).getByTestId('ledger-status').textContent()).toBe('已结转');
    expect(await rowOf(page, `2025-${UNIT}-班子-002`).getByTestId('ledger-status').textContent()).toBe('已结转');
    expect(await page.getByTestId('ledger-carried').textContent()).toContain('2');
    expect(await page.getByTestId('header-overdue').count()).toBe(0);
    // A carried item takes no more writes here: its moves are disabled, saying where it is handled now.
    const carriedRow = rowOf(page, `2025-${UNIT}-李四-001`);
    const moves = await carriedRow.getByTestId('ledger-move').all();
    expect(moves.length).toBeGreaterThan(0);
    for (const b of moves) expect(await b.isDisabled()).toBe(true);
    await moves[0]!.hover({ force: true });
    await expect.poll(() => page.locator('.ant-tooltip').filter({ hasText: '已结转至' }).first().textContent()).toMatch(/^已结转至 2026-.+-李四-001，请在2026年度台账中办理$/);
    await app.screenshot('last-year-carried');
    await carriedRow.getByRole('button', { name: /^进展/ }).click();
    await expect.poll(() => page.getByTestId('progress-carried').textContent()).toContain('请在2026年度台账中办理');
    expect(await page.getByRole('button', { name: '添加进展' }).count()).toBe(0);
    await app.screenshot('last-year-carried-drawer');
    await page.keyboard.press('Escape');

    // The overview's 整改 group says what last year's row carried on: 已结转 2, open and counted in 2026.
    await page.getByRole('menuitem', { name: '督导总览' }).click();
    // The overview opens on the latest year; both years side by side.
    await pickOption(page, page.getByTestId('filter-year'), '全部年度');
    const yearRow = (year: string) => page.getByTestId('overview-table').locator('.ant-table-row').filter({ hasText: UNIT }).filter({ has: page.locator('.ant-table-cell', { hasText: new RegExp(`^${year}$`) }) });
    await expect.poll(() => yearRow('2025').getByTestId('rect-carried').textContent()).toBe('2');
    expect(await yearRow('2025').getByTestId('rect-items').textContent()).toBe('3');
    expect(await yearRow('2026').getByTestId('rect-carried').textContent()).toBe('0');
    await app.screenshot('overview-carried');
    await app.close();
  });
});
