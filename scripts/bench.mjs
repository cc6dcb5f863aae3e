// npm run bench: the county-scale benchmark (not a test). Generates 300 units, ~3,000 members
// and ~100,000 opinions of 23–122 characters (3% of them copied or near-copied from another unit),
// opens them into Chromium's IndexedDB through the app's own merge, and prints each measured
// operation beside a plain read of the same rows, as a ratio. Needs Debian's /usr/bin/chromium.
// Options: --quick (30 units), --build (rebuild the app), --keep (leave the data, skip the write
// test), --reuse (measure the data a --keep run left), --only=overview.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const appDir = resolve(root, 'out/renderer');
const benchDir = resolve(root, '.tmp/bench-page');
const quick = process.argv.includes('--quick');
const reuse = process.argv.includes('--reuse');
const keep = process.argv.includes('--keep');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const COUNTY = quick ? { units: 30, members: [8, 12], perCell: 6, copyRate: 0.03 } : { units: 300, members: [8, 12], perCell: 6, copyRate: 0.03 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

if (!existsSync(resolve(appDir, 'index.html')) || process.argv.includes('--build')) {
  console.log('building the app (electron-vite build)…');
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
console.log('building the benchmark page…');
await build({ root: resolve(root, 'scripts/bench'), base: './', logLevel: 'warn', resolve: { alias: [{ find: /^#shared\//, replacement: `${resolve(root, 'shared')}/` }] }, build: { outDir: benchDir, emptyOutDir: true, chunkSizeWarningLimit: 8192 } });

// One origin for both pages: they must share the app's IndexedDB.
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (path === '/') path = '/index.html';
  const [base, rest] = path.startsWith('/bench/') ? [benchDir, path.slice('/bench'.length)] : [appDir, path];
  const file = resolve(base, `.${rest}`);
  if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const lines = [];
const row = (what, ms, plainMs, note = '') => {
  const line = `${what.padEnd(44)} ${fmt(ms).padStart(10)}   plain read ${fmt(plainMs).padStart(10)}   ratio ${(ms / plainMs).toFixed(2).padStart(6)}×  ${note}`;
  lines.push(line);
  console.log(line);
};
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`${url}bench/index.html`);
  await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
  // --reuse: keep the county a previous run left with --keep (loading it takes a while).
  const existing = reuse ? await page.evaluate(() => window.bench.count()) : 0;
  if (existing > 0) console.log(`reusing the county already loaded (${existing} opinions)\n`);
  else {
    await page.evaluate(() => window.bench.reset());
    console.log(`generating and opening the county (${COUNTY.units} units)…`);
    const load = await page.evaluate((o) => window.bench.load(o), COUNTY);
    console.log(`  ${load.units} units, ${load.members} members, ${load.opinions} opinions: generated ${fmt(load.generateMs)}, merge preview ${fmt(load.previewMs)}, merge write (one transaction, with summaries) ${fmt(load.applyMs)}\n`);
  }

  const ov = await page.evaluate(() => window.bench.overview());
  row(`overview data (${ov.rows} meetings, from summaries)`, ov.overviewMs, ov.plainMs, 'plain = units + summaries');

  // The real page: load the app at #/overview and wait for the table's rows and the chart.
  const app = await context.newPage();
  const opens = [];
  for (let i = 0; i < 5; i++) {
    await app.goto('about:blank');
    const t = Date.now();
    await app.goto(`${url}index.html#/overview`);
    await app.locator('[data-testid="overview-table"] .ant-table-row').first().waitFor();
    await app.getByTestId('status-chart').waitFor();
    opens.push(Date.now() - t);
  }
  opens.sort((a, b) => a - b);
  mkdirSync(resolve(root, 'test-results/screenshots'), { recursive: true });
  await app.screenshot({ path: resolve(root, 'test-results/screenshots/bench-overview-county.png') });
  const plainPage = [];
  for (let i = 0; i < 5; i++) {
    await app.goto('about:blank');
    const t = Date.now();
    await app.goto(`${url}index.html#/settings`);
    await app.getByText('操作人').first().waitFor();
    plainPage.push(Date.now() - t);
  }
  plainPage.sort((a, b) => a - b);
  row('overview page open (app load → table drawn)', opens[2], plainPage[2], 'plain = the same app opening the settings page');
  await app.close();

  if (only === 'overview') {
    await browser.close();
    server.close();
    process.exit(0);
  }
  const rd = await page.evaluate(() => window.bench.readiness());
  row(`readiness of all meetings from opinions (${rd.ready} ready)`, rd.readinessMs, rd.plainMs, 'plain = meetings + members + opinions');
  for (const n of [10_000, 100_000]) {
    const cp = await page.evaluate((k) => window.bench.copies(k), n);
    row(`copy detection, ${cp.n} opinions`, cp.detectMs, cp.plainMs, `detection alone ${fmt(cp.detectOnlyMs)}; ${cp.warnings} warnings ${JSON.stringify(cp.kinds)}`);
  }
  if (!keep) {
    const wr = await page.evaluate(() => window.bench.write());
    row(`add 1 opinion (meeting of ${wr.meetingOpinions}), with summary`, wr.writeMs, wr.bareMs, 'plain = a bare add in a transaction');
    await page.evaluate(() => window.bench.reset());
  }
  console.log(`\nChromium ${browser.version()}, Node ${process.version}; medians.`);
} finally {
  await browser.close();
  server.close();
}
