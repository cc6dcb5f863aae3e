// npm test: everything CI runs — typecheck, lint, the unit tests and the end-to-end tests — and
// a last line `N passed, N failed[, N skipped]` summing every test (typecheck and lint count as
// one test each). A vitest run that exits non-zero, reports `success: false` or runs fewer tests
// than its floor in scripts/test-floors.json fails, whatever its counts (scripts/test-verdict.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runVitest, summaryLine } from './test-verdict.mjs';

const root = resolve(import.meta.dirname, '..');
const tmp = resolve(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const floors = JSON.parse(readFileSync(resolve(import.meta.dirname, 'test-floors.json'), 'utf8'));

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const ok = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env }).status === 0;
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(label);
  }
}

function vitest(label, project) {
  console.log(`\n=== ${label} ===`);
  const verdict = runVitest({
    label,
    cwd: root,
    args: ['vitest', 'run', '--project', project],
    reportFile: resolve(tmp, `vitest-${project}.json`),
    floor: floors[project] ?? 0,
  });
  totals.passed += verdict.passed;
  totals.failed += verdict.failed;
  totals.skipped += verdict.skipped;
  if (verdict.problems.length > 0) failures.push(`${label}：${verdict.problems.join('；')}`);
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
vitest('unit tests', 'unit');
vitest('end-to-end tests (Chromium)', 'e2e');

if (failures.length > 0) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${summaryLine(totals)}`);
process.exit(totals.failed === 0 ? 0 : 1);
