// Importing from a spreadsheet end to end in Chromium: choose a file, read the preview, fix a
// column mapping, confirm, see the matrix update; the same file again adds nothing; a hostile
// file is refused while the app keeps working; the template downloads and is this meeting's.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '#shared/import/read-workbook';
import { openTab, setUpMeeting } from './flows';
import { openApp, pickOption, useBrowser } from './harness';

useBrowser();

const FIXTURES = resolve(__dirname, '../fixtures/import');
const UNIT = '某某县财政局';

async function setUp(page: Page) {
  await setUpMeeting(page, UNIT, [
    ['张三', '局长'],
    ['李四', '副局长'],
    ['王五', '副局长'],
  ]);
  await openTab(page, '导入');
}

const dropZone = (page: Page) => page.locator('.ant-upload input[type="file"]').first();

/** Chooses a file the way the drop zone receives it (its file input). */
async function chooseFile(page: Page, fixture: string) {
  await dropZone(page).setInputFiles(resolve(FIXTURES, fixture));
}

async function mapColumn(page: Page, letter: string, field: string) {
  await pickOption(page, page.getByLabel(`${letter} 列导入为`), field);
}

/** Drops a file on the drop zone the way a file dragged from the desktop arrives (a drop event with a DataTransfer). */
async function dropFile(page: Page, fixture: string, name = fixture.split('/').pop()!) {
  const bytes = readFileSync(resolve(FIXTURES, fixture));
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
      return data;
    },
    { base64: bytes.toString('base64'), name },
  );
  await page.locator('.ant-upload-drag .ant-upload-btn').dispatchEvent('drop', { dataTransfer });
}

const counts = (page: Page) => page.getByTestId('import-counts').textContent();

/** An .xlsx of opinion sheets, each under the usual header, chosen in the drop zone. */
async function chooseWorkbook(page: Page, name: string, sheets: Array<[string, string[][]]>) {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of sheets) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow(['意见对象', '意见来源', '征求方式', '意见建议', '收到日期']);
    for (const r of rows) ws.addRow(r);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await dropZone(page).setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
}

const LAST_YEAR = [
  ['张三', '上级领导', '谈心谈话', '统筹协调分管工作的力度还不够', '2024-11-20'],
  ['王五', '分管领域', '书面征求', '分管科室之间协调配合不够顺畅', '2024-12-03'],
];

describe('import', () => {
  it('previews a file, takes a corrected mapping, imports, and adds nothing the second time', async () => {
    const app = await openApp('import');
    const { page } = app;
    await setUp(page);
    await page.getByText('点击选择或拖入意见表').waitFor();
    await app.screenshot('empty');

    await dropFile(page, 'e2e-unknown-header.xlsx');
    // The header 被征求人 is not a known name, but the column holds the roster's names: proposed, and said so.
    await expect.poll(() => counts(page)).toBe('共 5 行：将添加 4 条重复跳过 0 条无实质内容 0 条有误 1 行');
    await expect.poll(() => page.getByTestId('import-notes').textContent()).toContain('A 列“被征求人”按其中的内容识别为“意见对象”，请核对');
    await expect.poll(() => page.getByTestId('import-mapping').textContent()).toContain('按内容识别');

    // Not imported, by the user's choice: no row has a target.
    await mapColumn(page, 'A', '不导入');
    await expect.poll(() => counts(page)).toBe('共 5 行：将添加 0 条重复跳过 0 条无实质内容 0 条有误 5 行');
    await expect.poll(() => page.getByTestId('import-notes').textContent()).toContain('未导入的列：A 列“被征求人”');
    await expect.poll(() => page.getByTestId('import-rejected-table').textContent()).toContain('未指定意见对象');
    await page.getByTestId('import-rejected-table').scrollIntoViewIfNeeded();
    await app.screenshot('preview-unmapped');

    // And back: column A is the target.
    await mapColumn(page, 'A', '意见对象');
    await expect.poll(() => counts(page)).toBe('共 5 行：将添加 4 条重复跳过 0 条无实质内容 0 条有误 1 行');
    const rejected = page.getByTestId('import-rejected-table');
    await expect.poll(() => rejected.locator('tbody tr').allInnerTexts()).toEqual(['e2e-unknown-header.xlsx · 意见 · 第 6 行\tA 列（被征求人）\t“孙八”不在班子成员名单中']);
    await page.getByRole('tab', { name: /将添加/ }).click();
    await expect.poll(() => page.getByTestId('import-add-table').locator('tbody tr').count()).toBe(4);
    await page.getByTestId('import-add-table').scrollIntoViewIfNeeded();
    await app.screenshot('preview-mapped');

    await page.getByTestId('import-confirm').click();
    await page.getByText('已导入 4 条意见').waitFor();
    await app.screenshot('done');

    // The matrix counts the imported opinions: 张三 has two from 上级领导.
    await page.getByRole('button', { name: '查看就绪情况' }).click();
    const column = page.locator('[data-testid^="cell-"][data-testid$="-上级领导"]');
    await expect.poll(() => column.allTextContents()).toEqual(['0/2', '2/2', '0/2', '0/2']);
    await expect.poll(() => page.locator('[data-testid^="cell-"][data-testid$="-基层群众"]').allTextContents()).toEqual(['1/2', '0/2', '0/2', '0/2']);
    await page.getByText('收集 4 条，计入 4 条').waitFor();
    await app.screenshot('matrix');

    // The same file again: every row is a duplicate now.
    await openTab(page, '导入');
    await chooseFile(page, 'e2e-unknown-header.xlsx');
    await page.getByTestId('import-counts').waitFor();
    await mapColumn(page, 'A', '意见对象');
    await expect.poll(() => counts(page)).toBe('共 5 行：将添加 0 条重复跳过 4 条无实质内容 0 条有误 1 行');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await page.getByRole('tab', { name: /已跳过/ }).click();
    await page.getByText('与会议中已有的意见重复（同一对象、同一来源、内容相同），未导入').first().waitFor();
    await page.getByText('与会议中已有的意见重复（同一对象、同一来源、内容相同），未导入').first().scrollIntoViewIfNeeded();
    await app.screenshot('second-time');

    // Where each opinion came from is kept.
    await openTab(page, '意见列表');
    await page.getByText('共 4 条').first().waitFor();
    await app.close();
  });

  it('lists the questionnaire identity columns it drops, and reads a sheet per member', async () => {
    const app = await openApp('import-kinds');
    const { page } = app;
    await setUp(page);
    await chooseFile(page, 'questionnaire.xlsx');
    await expect.poll(() => page.getByTestId('import-notes').textContent()).toContain('已忽略问卷的答题人信息列：提交答卷时间、所用时间、来源、来源详情、来自IP、昵称');
    // No channel column in a questionnaire export: 问卷调查 is filled in, visibly, and can be changed.
    await expect.poll(() => page.getByLabel('统一的征求方式').locator('..').textContent()).toContain('问卷调查');
    await expect.poll(() => counts(page)).toBe('共 6 行：将添加 2 条重复跳过 0 条无实质内容 2 条有误 2 行');
    await app.screenshot('questionnaire');

    await chooseFile(page, 'sheet-per-member.xlsx');
    await expect.poll(() => counts(page)).toBe('共 7 行：将添加 6 条重复跳过 0 条无实质内容 0 条有误 1 行');
    await expect.poll(() => page.getByTestId('import-mapping').textContent()).toContain('工作表：领导班子、张三、李四（副局长）、王五同志意见、赵六');
    await app.screenshot('sheet-per-member');

    // A cell holding several numbered opinions stays one opinion; the preview names its row.
    const csv = '意见对象,意见来源,征求方式,意见建议\n张三,上级领导,座谈会,"1、理论学习不够深入。2、调研不够经常。"\n李四,基层群众,走访,联系群众不够经常\n';
    await dropZone(page).setInputFiles({ name: '多条一格.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => counts(page)).toBe('共 2 行：将添加 2 条重复跳过 0 条无实质内容 0 条有误 0 行');
    await expect.poll(() => page.getByTestId('import-notes').textContent()).toContain('第 2 行的意见内容中有多条编号意见，每行按一条意见导入和计数；如应分别计数，请在表格中拆成多行后再导入');
    await app.screenshot('several-in-one-cell');
    await app.close();
  });

  it('leaves last year’s sheet out, says why, and imports it only when its box is checked', async () => {
    const app = await openApp('import-sheets');
    const { page } = app;
    await setUp(page);
    await chooseWorkbook(page, '征求意见.xlsx', [
      [
        'Sheet1',
        [
          ['张三', '上级领导', '谈心谈话', '理论学习与业务工作结合不够紧密', '2025-11-05'],
          ['李四', '基层群众', '走访', '到联系村走访的次数偏少', '2025-11-12'],
          ['领导班子', '服务对象', '座谈会', '政务服务事项网上办理的比例不高', '2025-12-01'],
        ],
      ],
      ['2024年度', LAST_YEAR],
    ]);
    await expect.poll(() => counts(page)).toBe('共 3 行：将添加 3 条重复跳过 0 条无实质内容 0 条有误 0 行');
    const sheets = page.getByTestId('import-sheets');
    await expect.poll(() => sheets.textContent()).toContain('工作表“2024年度”名称为2024年度，不是本次会议（2025年度）的意见，未导入；如确需导入请勾选');
    expect(await page.getByLabel('导入工作表“Sheet1”').isChecked()).toBe(true);
    expect(await page.getByLabel('导入工作表“2024年度”').isChecked()).toBe(false);
    await expect.poll(() => page.getByTestId('import-mapping').textContent()).toContain('工作表：Sheet1；');
    await app.screenshot('sheets-last-year');

    // Checked: its rows are read, and the preview says whose choice it was.
    await page.getByLabel('导入工作表“2024年度”').check();
    await expect.poll(() => counts(page)).toBe('共 5 行：将添加 5 条重复跳过 0 条无实质内容 0 条有误 0 行');
    await expect.poll(() => sheets.textContent()).toContain('已按您的勾选导入');
    await expect.poll(() => page.getByTestId('import-mapping').textContent()).toContain('工作表：Sheet1、2024年度；');
    await app.screenshot('sheets-last-year-checked');
    await page.getByLabel('导入工作表“2024年度”').uncheck();
    await expect.poll(() => counts(page)).toBe('共 3 行：将添加 3 条重复跳过 0 条无实质内容 0 条有误 0 行');
    await page.getByTestId('import-confirm').click();
    await page.getByText('已导入 3 条意见').waitFor();

    // A file holding only last year's list: nothing is read, said prominently, and the box is there.
    await page.getByRole('button', { name: '继续导入' }).click();
    await chooseWorkbook(page, '2024年度意见.xlsx', [['上年度意见', LAST_YEAR]]);
    await expect.poll(() => page.getByTestId('import-sheets-none').textContent()).toContain('这个文件的意见表都不是本次会议的意见，未导入任何意见');
    await expect.poll(() => counts(page)).toBe('共 0 行：将添加 0 条重复跳过 0 条无实质内容 0 条有误 0 行');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await app.screenshot('sheets-only-last-year');
    await page.getByLabel('导入工作表“上年度意见”').check();
    await expect.poll(() => counts(page)).toBe('共 2 行：将添加 2 条重复跳过 0 条无实质内容 0 条有误 0 行');
    expect(await page.getByTestId('import-sheets-none').count()).toBe(0);
    await app.close();
  });

  it('imports an .ods (LibreOffice, 统信UOS/麒麟) and a WPS .et chosen in the 导入 tab, naming each format', async () => {
    const app = await openApp('import-ods-et');
    const { page } = app;
    await setUp(page);
    await chooseFile(page, 'corpus/ods/libreoffice.ods');
    await expect.poll(() => counts(page)).toBe('共 4 行：将添加 4 条重复跳过 0 条无实质内容 0 条有误 0 行');
    await expect.poll(() => page.getByText('OpenDocument 表格（.ods）').count()).toBeGreaterThan(0);
    await app.screenshot('preview-ods');
    await page.getByTestId('import-confirm').click();
    await page.getByText('已导入 4 条意见').waitFor();

    await page.getByRole('button', { name: '继续导入' }).click();
    await chooseFile(page, 'e2e-wps.et');
    await expect.poll(() => counts(page)).toBe('共 2 行：将添加 2 条重复跳过 0 条无实质内容 0 条有误 0 行');
    await expect.poll(() => page.getByText('WPS 表格（.et）').count()).toBeGreaterThan(0);
    await app.screenshot('preview-et');
    await page.getByTestId('import-confirm').click();
    await page.getByText('已导入 2 条意见').waitFor();

    // Both files counted: the group has one 上级领导 (ods) and one 服务对象 (et) opinion; 张三 one 下属单位 and one 基层群众.
    await page.getByRole('button', { name: '查看就绪情况' }).click();
    await page.getByText('收集 6 条，计入 6 条').waitFor();
    await expect.poll(() => page.locator('[data-testid^="cell-"][data-testid$="-服务对象"]').allTextContents()).toEqual(['1/2', '0/2', '0/2', '1/2']);
    await app.screenshot('matrix-ods-et');
    await app.close();
  });

  it('refuses a hostile file with a message and keeps working', async () => {
    const app = await openApp('import-hostile');
    const { page } = app;
    await setUp(page);
    await chooseFile(page, 'hostile/overlapping-bomb.xlsx');
    await expect.poll(() => page.getByTestId('import-error').textContent(), { timeout: 20_000 }).toContain('解压后超过 80 MB（疑似“压缩炸弹”），已拒绝');
    await app.screenshot('refused');
    // A Word document without a table is not ignored: it is named for what it is.
    await dropFile(page, 'hostile/word-renamed.xlsx', '征求意见.docx');
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('“征求意见.docx”是 Word 文档，但其中没有表格');
    // A legacy .xls whose sector chain runs in a circle (SheetJS alone would crash the page).
    await chooseFile(page, 'hostile/fat-cycle.xls');
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('“fat-cycle.xls”已损坏（文件结构异常），无法读取');
    await app.screenshot('refused-xls');
    // Still working: a good file dropped right after.
    await dropFile(page, 'gbk.csv');
    await expect.poll(() => counts(page)).toBe('共 3 行：将添加 3 条重复跳过 0 条无实质内容 0 条有误 0 行');
    await app.close();
  });

  it('downloads a template made for this meeting, which imports with no mapping step', async () => {
    const app = await openApp('import-template');
    const { page } = app;
    await setUp(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('某某县财政局-2025年度民主生活会-征求意见导入模板.xlsx');
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const read = readWorkbook(bytes, download.suggestedFilename());
    expect(read.ok && read.workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['意见建议', false],
      ['下拉选项', true],
      ['说明', false],
    ]);
    // Back in, it is recognised: every column found, nothing to add yet, nothing to say.
    await dropZone(page).setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
    await expect.poll(() => counts(page)).toBe('共 0 行：将添加 0 条重复跳过 0 条无实质内容 0 条有误 0 行');
    expect(await page.getByTestId('import-notes').count()).toBe(0);
    const selects = page.getByTestId('import-mapping').locator('.ant-select-content, .ant-select-selection-item');
    await expect.poll(() => selects.allTextContents()).toEqual(['意见对象', '意见来源', '征求方式', '意见内容', '所属方面', '提出方', '收到日期']);
    await app.screenshot('template-recognised');
    await app.close();
  });
});
