// Measures the import: reading (guard + SheetJS), finding the table and planning, in Node, for
// files of 1 000 and 10 000 rows in each format; refusing the hostile fixtures; and, in Chromium
// against the built app (npx electron-vite build first), the whole path a user takes: a 10 000-row
// file chosen on the 导入 tab, read in the worker, previewed, and committed to IndexedDB.
//   npx tsx scripts/bench-import.ts [--chromium [--screenshot]]
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { findTables } from '#shared/import/find-table';
import { initialChoices, planImport, type ImportMeeting } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { DEFAULT_CATEGORIES, DEFAULT_CHANNELS, defaultRuleSet } from '#shared/model/rule-set';

const root = resolve(__dirname, '..');
const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑一', '冯二'];
const roster = NAMES.map((name, i) => ({ id: `m${i}`, name, position: i === 0 ? '局长' : '副局长' }));
const meeting: ImportMeeting = { ruleSet: defaultRuleSet(), dimensions: [], members: roster, existing: [], period: { year: 2025 } };

function rows(n: number): string[][] {
  const out = [['意见对象', '意见来源', '征求方式', '意见建议', '提出单位']];
  for (let i = 0; i < n; i++) {
    out.push([
      i % 11 === 0 ? '领导班子' : NAMES[i % NAMES.length]!,
      DEFAULT_CATEGORIES[i % 5]!,
      DEFAULT_CHANNELS[i % 6]!,
      `第 ${i + 1} 条：调查研究不够深入，对基层反映的困难和问题跟踪解决不够及时，解决群众急难愁盼问题的办法不多`,
      `第${(i % 40) + 1}网格`,
    ]);
  }
  return out;
}

async function xlsx(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  for (const r of rows(n)) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function xls(n: number): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows(n)), '意见');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
}

function csv(n: number): Uint8Array {
  return new TextEncoder().encode(rows(n).map((r) => r.join(',')).join('\r\n'));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(work: () => T, runs = 3): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value };
}

async function node() {
  console.log('Node: read (guard + SheetJS) / find table / plan, medians of 3');
  console.log('format  rows    size      read      find     plan    rows added');
  for (const n of [1_000, 10_000]) {
    for (const [format, bytes] of [['xlsx', await xlsx(n)], ['xls', xls(n)], ['csv', csv(n)]] as const) {
      const read = time(() => readWorkbook(bytes, `bench.${format}`));
      if (!read.value.ok) throw new Error(read.value.error);
      const workbook = read.value.workbook;
      const find = time(() => findTables(workbook, roster));
      const plan = time(() => planImport(workbook, find.value, initialChoices(find.value, meeting.ruleSet), meeting));
      console.log(
        `${format.padEnd(7)} ${String(n).padEnd(7)} ${`${(bytes.length / 1024).toFixed(0)} KB`.padEnd(9)} ${`${read.ms.toFixed(0)} ms`.padEnd(9)} ${`${find.ms.toFixed(1)} ms`.padEnd(8)} ${`${plan.ms.toFixed(0)} ms`.padEnd(7)} ${plan.value.toAdd.length}`,
      );
    }
  }
  console.log('\nNode: refusing hostile files');
  for (const f of ['zip-bomb', 'overlapping-bomb', 'many-entries', 'huge-range', 'huge-merge', 'truncated']) {
    const bytes = new Uint8Array(readFileSync(join(root, 'test/fixtures/import/hostile', `${f}.xlsx`)));
    const r = time(() => readWorkbook(bytes, `${f}.xlsx`), 1);
    console.log(`${f.padEnd(18)} ${`${r.ms.toFixed(0)} ms`.padEnd(9)} ${r.value.ok ? 'ACCEPTED' : r.value.error}`);
  }
}

async function chromium() {
  const { chromium: browserType } = await import('playwright-core');
  const { startWebServer } = await import('./web-server.mjs');
  const server = await startWebServer({ root: join(root, 'out/renderer') });
  const browser = await browserType.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
    const file = join(dir, '一万条意见.xlsx');
    writeFileSync(file, await xlsx(10_000));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(120_000);
    await page.goto(server.url);
    await page.getByRole('button', { name: '新建单位' }).click();
    await page.getByRole('dialog', { name: '新建单位' }).getByLabel('单位（班子）名称').fill('测速单位');
    await page.getByRole('dialog', { name: '新建单位' }).getByRole('button', { name: '保存' }).click();
    await page.getByRole('link', { name: '测速单位' }).click();
    await page.getByRole('button', { name: '新建会议' }).click();
    const dialog = page.getByRole('dialog', { name: '新建民主生活会' });
    await dialog.getByLabel('年度').fill('2025');
    await dialog.getByLabel('会议名称').fill('2025年度民主生活会');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('tab', { name: '班子成员', selected: true }).waitFor();
    for (const m of roster) {
      await page.getByLabel('姓名', { exact: true }).fill(m.name);
      await page.getByLabel('职务', { exact: true }).fill(m.position);
      await page.getByRole('button', { name: '添加成员' }).click();
      await page.getByRole('cell', { name: m.name, exact: true }).waitFor();
    }
    await page.getByRole('tab', { name: '导入' }).click();

    let start = performance.now();
    await page.locator('.ant-upload input[type="file"]').first().setInputFiles(file);
    await page.getByText('将添加 10000 条').waitFor();
    const preview = performance.now() - start;
    start = performance.now();
    await page.getByTestId('import-confirm').click();
    if (process.argv.includes('--screenshot')) {
      await page.getByTestId('import-progress').waitFor();
      await page.screenshot({ path: join(root, 'test-results/screenshots/bench-import-progress.png') });
    }
    await page.getByText('已导入 10000 条意见').waitFor();
    const commit = performance.now() - start;
    start = performance.now();
    await page.getByRole('button', { name: '查看就绪情况' }).click();
    await page.getByText('收集 10000 条').waitFor();
    const matrix = performance.now() - start;
    start = performance.now();
    await page.getByRole('tab', { name: '导入' }).click();
    await page.locator('.ant-upload input[type="file"]').first().setInputFiles(file);
    await page.getByText('重复跳过 10000 条').waitFor();
    const again = performance.now() - start;
    console.log('\nChromium, 10 000-row .xlsx through the 导入 tab (one run):');
    console.log(`  choose → preview shown (worker read + plan + render)   ${preview.toFixed(0)} ms`);
    console.log(`  confirm → done (one transaction, 20 000 rows written)   ${commit.toFixed(0)} ms`);
    console.log(`  matrix of 10 000 opinions shown                          ${matrix.toFixed(0)} ms`);
    console.log(`  same file again → preview with 10 000 duplicates         ${again.toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}

void (async () => {
  await node();
  if (process.argv.includes('--chromium')) await chromium();
})();
