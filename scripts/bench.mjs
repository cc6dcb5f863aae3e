// npm run bench: the county-scale benchmark (not a test). Generates 300 units, ~3,000 members
// and ~100,000 opinions of 23–122 characters (3% of them copied or near-copied from another unit),
// opens them into Chromium's IndexedDB through the app's own merge, and prints each measured
// operation beside a plain read of the same rows, as a ratio. Needs Debian's /usr/bin/chromium.
// Options: --quick (30 units), --build (rebuild the app), --keep (leave the data, skip the write
// test), --reuse (measure the data a --keep run left), --only=overview, --only=bulk (bulk add,
// delete and restore of 500 on the loaded county), --only=write (adding one opinion), --only=copies (copy detection on both corpora
// and on a template filled in 3,000 times), --only=open (opening the county's package, beside the plain write), --only=import
// (an import commit of 10,000 rows, beside the plain write; no county), --only=cli (the built command line; no county).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
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

// Only the overview's page load (in every run but these) needs the app itself.
if ((!['write', 'bulk', 'open', 'import', 'cli'].includes(only) && !existsSync(resolve(appDir, 'index.html'))) || process.argv.includes('--build')) {
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
const row = (what, ms, plainMs, note = '', plain = 'plain read') => {
  const line = `${what.padEnd(44)} ${fmt(ms).padStart(10)}   ${plain} ${fmt(plainMs).padStart(10)}   ratio ${(ms / plainMs).toFixed(2).padStart(6)}×  ${note}`;
  lines.push(line);
  console.log(line);
};
// A figure beside its floor (issue 14): the measured ratio or value, the floor, and whether it holds.
const floorRow = (what, value, floor, unit, note = '') => {
  const shown = unit === 'ms' ? fmt(value) : unit === '%' ? `${(value * 100).toFixed(1)}%` : `${value.toFixed(2)}×`;
  const limit = unit === 'ms' ? fmt(floor) : unit === '%' ? `${(floor * 100).toFixed(0)}%` : `${floor}×`;
  const holds = unit === '%' ? value >= floor : value <= floor;
  const line = `${what.padEnd(60)} ${shown.padStart(10)}   floor ${unit === '%' ? '≥' : '≤'} ${limit.padEnd(7)} ${holds ? 'holds' : 'MISSED'}  ${note}`;
  lines.push(line);
  console.log(line);
};
// Adding one opinion (issue 14.4): the add through the repository against a bare add, the same add
// computing the whole summary (as before), and what the add leaves to a moment later.
let addOne;
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`${url}bench/index.html`);
  await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
  addOne = async () => {
    const wr = await page.evaluate(() => window.bench.write());
    row(`add 1 opinion (meeting of ${wr.meetingOpinions}), with summary`, wr.writeMs, wr.bareMs, 'floor 5×; plain = a bare add in a transaction');
    floorRow('  add 1 opinion: ratio to a bare add', wr.writeMs / wr.bareMs, 5, '×');
    row('  before: the whole summary computed in the add', wr.fullMs, wr.bareMs, 'the same add with the meeting read and summarised in full');
    row('  its deferred summary parts, a moment later', wr.deferredMs, wr.bareMs, 'copies in the meeting, fingerprint, 会前准备: one pass per burst of writes');
  };
  // The import commit and the command line: data of their own, no county.
  const importCommit = async () => {
    const imp = await page.evaluate(() => window.bench.importCommit(10_000));
    row(`import commit, ${imp.added} rows (one transaction)`, imp.commitMs, imp.plainMs, `floor 2×; plain = the same ${imp.plainRows} rows (opinions + change log)`, 'plain write');
    floorRow('  import commit: ratio to the plain write', imp.commitMs / imp.plainMs, 2, '×', `load average ${loadavg()[0].toFixed(1)}`);
  };
  const commandLine = async () => {
    const { ensureCli, CLI_ENTRY } = await import('./build-cli.mjs');
    await ensureCli();
    const cliDir = resolve(root, '.tmp/bench-cli');
    rmSync(cliDir, { recursive: true, force: true });
    mkdirSync(cliDir, { recursive: true });
    const pkg = await page.evaluate(() => window.bench.cliPackage());
    writeFileSync(resolve(cliDir, 'unit.mzsh.json'), pkg.json);
    // `npm run bench` sets INIT_CWD, against which the command line reads its paths (as for `npm run
    // cli`): point it at the bench's folder, where the package is.
    const env = { ...process.env, INIT_CWD: cliDir };
    const timedRun = (args) => {
      const t = Date.now();
      const r = spawnSync(process.execPath, args, { cwd: cliDir, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
      return Date.now() - t;
    };
    const runs = (args, k = 5) => [...Array(k)].map(() => timedRun(args)).sort((a, b) => a - b)[Math.floor(k / 2)];
    const bare = runs(['-e', '0']);
    const start = runs([CLI_ENTRY, 'help']);
    floorRow(`command line start (help), built`, start, 1000, 'ms', `bare node ${fmt(bare)}; load average ${loadavg()[0].toFixed(1)}`);
    const exportMs = runs([CLI_ENTRY, 'export', 'unit.mzsh.json', '--out', 'out'], 3);
    floorRow(`command line export, meeting of ${pkg.opinions} opinions`, exportMs, 2000, 'ms', `Word lists, report and Excel ledger; load average ${loadavg()[0].toFixed(1)}`);
  };
  if (only === 'import' || only === 'cli') {
    await (only === 'import' ? importCommit() : commandLine());
    await browser.close();
    server.close();
    process.exit(0);
  }
  // --reuse: keep the county a previous run left with --keep (loading it takes a while).
  const existing = reuse ? await page.evaluate(() => window.bench.count()) : 0;
  if (existing > 0) console.log(`reusing the county already loaded (${existing} opinions)\n`);
  else {
    await page.evaluate(() => window.bench.reset());
    console.log(`generating and opening the county (${COUNTY.units} units)…`);
    const load = await page.evaluate((o) => window.bench.load(o), COUNTY);
    console.log(`  ${load.units} units, ${load.members} members, ${load.opinions} opinions: generated ${fmt(load.generateMs)}, merge preview ${fmt(load.previewMs)}, merge write (one transaction, with summaries) ${fmt(load.applyMs)}\n`);
    const plain = await page.evaluate((o) => window.bench.plainWrite(o), COUNTY);
    row(`open the county's package: write (${load.opinions} opinions)`, load.applyMs, plain.ms, `floor 1.5×; plain = the same ${plain.rows} rows bulkAdd in one transaction`, 'plain write');
    floorRow(`  open the county's package: write, ratio to the plain write`, load.applyMs / plain.ms, 1.5, '×', `load average ${loadavg()[0].toFixed(1)}`);
    floorRow(`open the county's package: preview`, load.previewMs, 3000, 'ms');
  }
  if (only === 'open') {
    if (!keep) await page.evaluate(() => window.bench.reset());
    await browser.close();
    server.close();
    process.exit(0);
  }

  if (only === 'write') {
    await addOne();
    if (!keep) await page.evaluate(() => window.bench.reset());
    await browser.close();
    server.close();
    process.exit(0);
  }
  if (only === 'bulk') {
    const bk = await page.evaluate((k) => window.bench.bulk(k), 500);
    row(`delete ${bk.n} opinions (one transaction)`, bk.deleteMs, bk.addMs, `plain = adding the same ${bk.n} through the repository`);
    row(`restore ${bk.n} opinions (one transaction)`, bk.restoreMs, bk.addMs, `plain = adding the same ${bk.n} through the repository`);
    if (!keep) await page.evaluate(() => window.bench.reset());
    await browser.close();
    server.close();
    process.exit(0);
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
  if (only !== 'copies') {
    const rd = await page.evaluate(() => window.bench.readiness());
    row(`readiness of all meetings from opinions (${rd.ready} ready)`, rd.readinessMs, rd.plainMs, 'plain = meetings + members + opinions');
  }
  // Copy detection on both corpora (issue 14): time against reading every text into its bigram set,
  // recall of the pairs at or above the threshold (a sample of texts compared with all), scaling.
  const county = [];
  for (const n of [10_000, 100_000]) {
    const cp = await page.evaluate((k) => window.bench.countyCopies(k), n);
    county.push(cp);
    row(`copy detection, county corpus, ${cp.n} opinions`, cp.detectMs, cp.readMs, `floor 4×; ${cp.warnings} warnings; recall ${(cp.recall * 100).toFixed(1)}% of ${cp.sampledPairs} sampled pairs`, 'bigram read');
  }
  const stockSizes = quick ? [1_000, 10_000] : [10_000, 100_000];
  const stock = [];
  for (const n of stockSizes) {
    const cp = await page.evaluate((k) => window.bench.stockCopies(k), n);
    stock.push(cp);
    row(`copy detection, stock-phrase corpus, ${cp.n} opinions`, cp.detectMs, cp.readMs, `floor 4×; planted copies found ${cp.plantedFound}/${cp.planted}, warned ${cp.plantedWarned}`, 'bigram read');
    floorRow(`  recall of pairs ≥ threshold, stock-phrase, ${cp.n}`, cp.recall, 0.97, '%', `${cp.sampledPairs} pairs of 100 sampled texts`);
  }
  floorRow(`  recall of pairs ≥ threshold, county, ${county[1].n}`, county[1].recall, 0.97, '%', `${county[1].sampledPairs} pairs of 400 sampled texts`);
  floorRow(`copy detection scaling, county ${county[0].n} → ${county[1].n}`, county[1].detectMs / county[0].detectMs, 1.2 * (county[1].n / county[0].n), '×', `(${(county[1].n / county[0].n).toFixed(1)}× the opinions)`);
  floorRow(`copy detection scaling, stock-phrase ${stock[0].n} → ${stock[1].n}`, stock[1].detectMs / stock[0].detectMs, 12, '×');
  // One template filled in 3,000 times in one meeting: every pair similar, only a bounded number sought.
  const tp = await page.evaluate((k) => window.bench.templateCopies(k), 3000);
  row(`copy detection, template ×${tp.n} in one meeting`, tp.detectMs, tp.readMs, `${tp.pairs} pairs kept of ${tp.allPairs} similar (≤ ${tp.cap} later partners a text; ${tp.capped} texts capped); ${tp.warnings} warnings`, 'bigram read');
  row(`meeting summary, template ×${tp.n} (each write's refresh)`, tp.summaryMs, tp.readMs, 'readiness, warnings, fingerprint of the meeting', 'bigram read');
  if (only === 'copies') {
    await browser.close();
    server.close();
    process.exit(0);
  }

  await importCommit();

  // The command line, built (issue 14): start-up and a 300-opinion meeting's export, as processes.
  await commandLine();
  if (!keep) {
    await addOne();
    const bk = await page.evaluate((k) => window.bench.bulk(k), 500);
    row(`delete ${bk.n} opinions (one transaction)`, bk.deleteMs, bk.addMs, `plain = adding the same ${bk.n} through the repository`);
    row(`restore ${bk.n} opinions (one transaction)`, bk.restoreMs, bk.addMs, `plain = adding the same ${bk.n} through the repository`);
    await page.evaluate(() => window.bench.reset());
  }
  console.log(`\nChromium ${browser.version()}, Node ${process.version}; medians.`);
} finally {
  await browser.close();
  server.close();
}
