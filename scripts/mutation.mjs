// npm run mutation [-- FOLDER_OR_FILE …] [--tests=GLOB,…] [--survivors]: Stryker over shared/
// (stryker.config.mjs), then the mutation score per folder. With arguments only those folders/files
// are mutated (e.g. `npm run mutation -- shared/text shared/checks`); --survivors lists each
// surviving mutant. --tests runs only those test files (Stryker's --testFiles): on a busy machine a
// file's own tests take seconds per mutant where the whole related suite takes minutes.
// Score = (killed + timed out) / (killed + timed out + survived + no coverage); mutants that do
// not compile are not counted (the TypeScript checker rejects them before any test runs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const showSurvivors = args.includes('--survivors');
const targets = args.filter((a) => !a.startsWith('--'));
const tests = args.find((a) => a.startsWith('--tests='))?.slice('--tests='.length) ?? '';
const slug = targets.length === 0 ? 'all' : targets.map((t) => t.replace(/\/$/, '').replace(/[^A-Za-z0-9]+/g, '-')).join('+');
const report = resolve(root, `.tmp/mutation/report-${slug}.json`);

const stryker = [resolve(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', 'stryker.config.mjs'];
if (targets.length > 0) {
  const globs = targets.map((t) => (t.endsWith('.ts') ? t : `${t.replace(/\/$/, '')}/**/*.ts`));
  stryker.push('--mutate', globs.join(','));
}
if (tests !== '') stryker.push('--testFiles', tests);
rmSync(report, { force: true });
const started = Date.now();
const shim = `--import=${pathToFileURL(resolve(root, 'scripts/stryker-node20.mjs')).href}`;
// The selection names its own sandbox, report and incremental file (stryker.config.mjs).
const env = { ...process.env, MUTATION_SLUG: slug, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${shim}`.trim() };
const run = spawnSync(process.execPath, stryker, { cwd: root, stdio: 'inherit', env });
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (!existsSync(report)) {
  console.error(`Stryker 没有生成报告（退出码 ${run.status}）。`);
  process.exit(2);
}

const counted = { Killed: 'killed', Timeout: 'killed', Survived: 'survived', NoCoverage: 'survived' };
const folders = new Map();
const survivors = [];
const json = JSON.parse(readFileSync(report, 'utf8'));
for (const [file, { mutants, source }] of Object.entries(json.files)) {
  const rel = relative(root, resolve(root, file));
  const folder = dirname(rel);
  const row = folders.get(folder) ?? { killed: 0, survived: 0, ignored: 0 };
  for (const m of mutants) {
    const kind = counted[m.status];
    if (kind) row[kind]++;
    else row.ignored++;
    if (kind === 'survived') {
      const line = source.split('\n')[m.location.start.line - 1]?.trim() ?? '';
      survivors.push(`${rel}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}  ← ${line}`);
    }
  }
  folders.set(folder, row);
}

console.log(`\nMutation score per folder (${minutes} min):`);
for (const [folder, r] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  const total = r.killed + r.survived;
  const score = total === 0 ? 'n/a' : `${((100 * r.killed) / total).toFixed(1)}%`;
  console.log(`  ${folder.padEnd(24)} ${score.padStart(6)}  killed ${r.killed}, survived ${r.survived}, not counted ${r.ignored}`);
}
if (showSurvivors) for (const s of survivors) console.log(s);
process.exit(run.status ?? 1);
