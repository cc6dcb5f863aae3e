// 导出与打印 in the app (web mode, so files arrive as downloads): one list, every list as a zip
// with progress, all lists in one document, the report, the ledger, the internal version behind a
// warning, and the print layout — printed through window.print and rendered to PDF by Chromium.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '#shared/package/format';
import { documentLines, officeParts } from '../support/docx';
import { requirePoppler } from '../support/prereqs';
import { sampleContent } from '../support/sample-content';
import { openTab, printOnce } from './flows';
import { openApp, opened, pickOption, useBrowser } from './harness';
import { choosePackage } from './package-flows';
import { tempDir } from '../support/temp-dir';

useBrowser();

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };

/** A workbench holding one unit (3 members, the last short of 基层群众), on the meeting's export tab. */
async function openExportTab(page: Page): Promise<void> {
  const content = sampleContent({ units: 1, providers: ['提出人甲', '提出人乙'] });
  // An opinion typed on three lines, as clerks type 一是、二是、三是: three lines of one item on paper.
  const wang = content.members.find((m) => m.name === '王秀英')!;
  content.opinions.find((o) => o.targetId === wang.id)!.content = '一是理论学习不够系统；\n二是调查研究不够经常；\n三是推动落实的办法不多。';
  await choosePackage(page, '测试.mzsh.json', buildPackage(content, META));
  await page.getByRole('button', { name: '打开到本机' }).click();
  await page.getByRole('link', { name: '测试单位1' }).click();
  await page.getByRole('link', { name: '2025年度民主生活会' }).first().click();
  await openTab(page, '导出与打印');
  await page.getByTestId('print-preview').locator('.gb-list').first().waitFor();
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

async function chooseTarget(page: Page, label: string): Promise<void> {
  await pickOption(page, page.getByTestId('export-target'), label);
}

describe('导出与打印', () => {
  it('exports each document as a download, with progress for every list', async () => {
    const app = await openApp('exports-files');
    const { page } = app;
    await openExportTab(page);
    await app.screenshot('tab');

    const group = await download(page, '导出所选对象的清单');
    expect(group.name).toBe('2025年度-测试单位1-00-领导班子-征求意见建议清单.docx');
    const groupLines = documentLines(officeParts(group.bytes));
    expect(groupLines.slice(0, 2)).toEqual(['测试单位1领导班子2025年度民主生活会征求意见建议清单', expect.stringContaining('截至')]);
    expect(groupLines.join('')).not.toContain('提出人甲');

    await chooseTarget(page, '李卫东（副局长）');
    const li = await download(page, '导出所选对象的清单');
    expect(li.name).toBe('2025年度-测试单位1-02-李卫东-征求意见建议清单.docx');
    expect(documentLines(officeParts(li.bytes)).slice(0, 2)).toEqual(['李卫东同志2025年度民主生活会征求意见建议清单', '测试单位1副局长']);

    // Every list: one zip with a folder of files, group first then rank order; progress shown on the way.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="export-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const zip = await download(page, '逐人导出全部清单（每人一个文件）');
    expect(zip.name).toBe('2025年度-测试单位1-征求意见建议清单（逐人）.zip');
    const entries = Object.keys(unzipSync(zip.bytes)).filter((e) => !e.endsWith('/'));
    expect(entries).toEqual([
      '2025年度-测试单位1-征求意见建议清单（逐人）/2025年度-测试单位1-00-领导班子-征求意见建议清单.docx',
      '2025年度-测试单位1-征求意见建议清单（逐人）/2025年度-测试单位1-01-张建国-征求意见建议清单.docx',
      '2025年度-测试单位1-征求意见建议清单（逐人）/2025年度-测试单位1-02-李卫东-征求意见建议清单.docx',
      '2025年度-测试单位1-征求意见建议清单（逐人）/2025年度-测试单位1-03-王秀英-征求意见建议清单.docx',
    ]);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((t) => /^[0-4]\/4$/.test(t))).toBe(true);

    const combined = await download(page, '全部清单合为一个文件（每人从单数页起，页码各自编排）');
    const titles = documentLines(officeParts(combined.bytes)).filter((l) => l.endsWith('征求意见建议清单'));
    expect(titles.map((t) => t.replace('2025年度民主生活会征求意见建议清单', ''))).toEqual(['测试单位1领导班子', '张建国同志', '李卫东同志', '王秀英同志']);

    const report = await download(page, '导出征求意见情况报告');
    expect(report.name).toBe('2025年度-测试单位1-征求意见情况报告.docx');
    expect(documentLines(officeParts(report.bytes))).toContain('1.王秀英（副局长）：基层群众意见1条，至少需2条。');

    const ledger = await download(page, '导出意见建议汇总台账（内部资料）');
    expect(ledger.name).toBe('2025年度-测试单位1-意见建议汇总台账（内部资料）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ledger.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['意见建议汇总台账', '统计', '缺项清单']);
    expect(wb.getWorksheet('意见建议汇总台账')!.getCell('F3').value).toBe('提出人甲');
    await app.close();
  });

  it('makes the internal version only after a warning, and then names providers', async () => {
    const app = await openApp('exports-internal');
    const { page } = app;
    await openExportTab(page);
    await page.getByRole('checkbox', { name: '内部版本（清单中列出意见提出方）' }).click();
    const confirm = await opened(page.getByRole('dialog', { name: '生成内部版本？' }));
    await app.screenshot('internal-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    expect(await page.getByTestId('internal-warning').count()).toBe(0);

    await page.getByRole('checkbox', { name: '内部版本（清单中列出意见提出方）' }).click();
    await (await opened(page.getByRole('dialog', { name: '生成内部版本？' }))).getByRole('button', { name: '生成内部版本' }).click();
    await page.getByTestId('internal-warning').waitFor();
    await expect.poll(() => page.getByTestId('print-preview').textContent()).toContain('提出方：提出人甲');
    const file = await download(page, '导出所选对象的清单');
    expect(file.name).toBe('2025年度-测试单位1-00-领导班子-征求意见建议清单（内部资料）.docx');
    const parts = officeParts(file.bytes);
    expect(documentLines(parts).join('')).toContain('提出方：提出人甲');
    expect([...parts.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k)).map((k) => documentLines(new Map([['word/document.xml', parts.get(k)!]])))).toEqual([
      ['内部资料'],
      ['内部资料'],
    ]);
    await app.screenshot('internal');
    // On paper, every page of the internal list carries 内部资料 at the top.
    const pdfPath = join(tempDir('print'), 'internal.pdf');
    writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true }));
    const { pdftotext, pdfinfo } = requirePoppler();
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync(pdfinfo, [pdfPath], { encoding: 'utf8' }).stdout)![1]);
    const text = spawnSync(pdftotext, [pdfPath, '-'], { encoding: 'utf8' }).stdout;
    expect(pages).toBeGreaterThanOrEqual(2);
    // One mark per page, plus the intro's sentence saying the list is 内部资料.
    expect(text.split('内部资料').length - 1).toBe(pages + 1);
    await app.close();
  });

  it('prints the list: window.print in the browser, and only the list reaches paper, as the Word list says it', async () => {
    const app = await openApp('exports-print');
    const { page } = app;
    await openExportTab(page);
    await chooseTarget(page, '王秀英（副局长）');
    const preview = page.getByTestId('print-preview');
    await expect.poll(() => preview.textContent()).toContain('王秀英同志2025年度民主生活会征求意见建议清单');
    await app.screenshot('preview');

    await printOnce(page);

    // The same words, in the same order, as the Word list of 王秀英.
    const word = await download(page, '导出所选对象的清单');
    const wordLines = documentLines(officeParts(word.bytes));
    const printed = await page.getByTestId('print-root').locator('.gb-list h1, .gb-list p, .gb-list h2').allTextContents();
    expect(printed.filter((t) => t !== '')).toEqual(wordLines);
    // The three typed lines are three lines of item 1 in both, never run together.
    const at = wordLines.findIndex((l) => l.startsWith('1.一是'));
    expect(wordLines.slice(at, at + 3)).toEqual(['1.一是理论学习不够系统；', '二是调查研究不够经常；', expect.stringMatching(/^三是推动落实的办法不多。/)]);

    // On paper: Chromium's print of the page is the list alone, A4, with — N — page numbers.
    await page.emulateMedia({ media: 'print' });
    await app.screenshot('print-media');
    const pdfPath = join(tempDir('print'), 'list.pdf');
    writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const { pdftotext, pdfinfo } = requirePoppler();
    const text = spawnSync(pdftotext, ['-layout', pdfPath, '-'], { encoding: 'utf8' }).stdout;
    expect(text.replace(/\s+/g, '')).toContain('王秀英同志2025年度民主生活会征求意见建议清单');
    expect(text).toMatch(/—\s*1\s*—/);
    // A full line holds 28 characters of 三号, as the Word list's lines do.
    const full = text.split('\n').map((l) => l.trim()).filter((l) => /^[\u4e00-\u9fff，、；：“”（）]+$/u.test(l));
    expect(Math.max(...full.map((l) => [...l].length))).toBe(28);
    expect(text).not.toContain('单位与会议');
    expect(text).not.toContain('打印预览');
    const size = spawnSync(pdfinfo, [pdfPath], { encoding: 'utf8' }).stdout;
    expect(size).toMatch(/Page size:.*\(A4\)/);
    await app.close();
  });
});
