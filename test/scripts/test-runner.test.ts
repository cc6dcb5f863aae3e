// npm test's verdict (scripts/test-verdict.mjs) against tiny vitest projects written for each case:
// every way a suite can fail to run while no test is counted as failed must still fail npm test.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeVitestRun, runVitest, summaryLine } from '../../scripts/test-verdict.mjs';

const root = resolve(__dirname, '../..');
// Inside the project, so that the cases' `import 'vitest'` finds the project's vitest.
mkdirSync(join(root, '.tmp'), { recursive: true });
const casesDir = mkdtempSync(join(root, '.tmp', 'runner-cases-'));
afterAll(() => rmSync(casesDir, { recursive: true, force: true }));

const passing = `import { it, expect } from 'vitest';\nit('adds', () => { expect(1 + 1).toBe(2); });\n`;

/** Writes a vitest project (config + files), runs it as npm test does and returns the verdict. */
function runCase(name: string, files: Record<string, string>, options: { config?: string; floor?: number } = {}) {
  const dir = join(casesDir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'vitest.config.mjs'), options.config ?? `export default { test: { include: ['*.test.mjs'] } };\n`);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return runVitest({
    label: name,
    cwd: dir,
    command: process.execPath,
    args: [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')],
    reportFile: join(dir, 'report.json'),
    floor: options.floor ?? 0,
    stdio: 'pipe',
  });
}

describe('npm test runner', () => {
  it('passes a project whose tests all pass (the cases below differ only in what breaks)', { timeout: 120_000 }, () => {
    expect(runCase('passing', { 'a.test.mjs': passing }, { floor: 1 })).toEqual({ label: 'passing', passed: 1, failed: 0, skipped: 0, problems: [] });
  });

  it('fails a project whose global setup throws (as the e2e build does when the build breaks)', { timeout: 120_000 }, () => {
    const verdict = runCase(
      'global-setup',
      { 'a.test.mjs': passing, 'setup.mjs': `export default function () { throw new Error('build broken'); }\n` },
      { config: `export default { test: { include: ['*.test.mjs'], globalSetup: ['./setup.mjs'] } };\n` },
    );
    expect(verdict.failed).toBeGreaterThan(0);
    expect(verdict.problems.join()).toMatch(/退出码|没有生成测试报告|success/);
  });

  it('fails a project that finds no test files', { timeout: 120_000 }, () => {
    const verdict = runCase('empty', { 'readme.txt': 'no tests here\n' });
    expect(verdict.passed).toBe(0);
    expect(verdict.failed).toBeGreaterThan(0);
  });

  it('fails a project whose tests pass but leave an unhandled rejection', { timeout: 120_000 }, () => {
    const leaky = `import { it } from 'vitest';\nit('passes but leaks', () => { void Promise.reject(new Error('nobody waits for me')); });\nit('passes', async () => { await new Promise((r) => setTimeout(r, 50)); });\n`;
    const verdict = runCase('unhandled', { 'a.test.mjs': leaky });
    expect(verdict.passed).toBe(2);
    expect(verdict.failed).toBeGreaterThan(0);
    expect(verdict.problems.join()).toMatch(/退出码 1/);
  });

  it('reports a skipped file as skipped, and fails when the skipped tests take the count below the floor', { timeout: 120_000 }, () => {
    const skipped = `import { describe, it } from 'vitest';\ndescribe.skip('skipped file', () => { it('one', () => {}); it('two', () => {}); });\nit.todo('later');\n`;
    const files = { 'a.test.mjs': passing, 'b.test.mjs': skipped };
    const verdict = runCase('skipped', files, { floor: 4 });
    expect(verdict).toMatchObject({ passed: 1, failed: 1, skipped: 3 });
    expect(verdict.problems.join()).toMatch(/少于下限 4/);
    expect(summaryLine(verdict)).toBe('1 passed, 1 failed, 3 skipped');
  });
});

describe('npm test verdict', () => {
  const clean = { success: true, numPassedTests: 10, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 0, numTodoTests: 0 };

  it('fails a run that exited non-zero or says success: false, whatever its counts', () => {
    expect(judgeVitestRun({ label: 'x', exitCode: 1, report: clean }).failed).toBe(1);
    expect(judgeVitestRun({ label: 'x', exitCode: 0, report: { ...clean, success: false } }).failed).toBe(1);
    expect(judgeVitestRun({ label: 'x', exitCode: 0, report: undefined }).failed).toBe(1);
  });

  it('counts a file that failed to load as a failure when no test failed', () => {
    expect(judgeVitestRun({ label: 'x', exitCode: 1, report: { ...clean, success: false, numFailedTestSuites: 2 } }).failed).toBe(2);
    expect(judgeVitestRun({ label: 'x', exitCode: 1, report: { ...clean, success: false, numFailedTests: 3, numFailedTestSuites: 1 } }).failed).toBe(3);
  });

  it('holds a run to its floor: exactly the floor passes, one below fails', () => {
    expect(judgeVitestRun({ label: 'x', exitCode: 0, report: clean, floor: 10 }).failed).toBe(0);
    expect(judgeVitestRun({ label: 'x', exitCode: 0, report: clean, floor: 11 }).failed).toBe(1);
  });

  it('prints the last line as N passed, N failed, adding N skipped only when tests were skipped', () => {
    expect(summaryLine({ passed: 12, failed: 0, skipped: 0 })).toBe('12 passed, 0 failed');
    expect(summaryLine({ passed: 12, failed: 1, skipped: 2 })).toBe('12 passed, 1 failed, 2 skipped');
  });

  it('keeps a floor for both projects in the repository', () => {
    const floors = JSON.parse(readFileSync(join(root, 'scripts/test-floors.json'), 'utf8')) as Record<string, unknown>;
    expect(floors.unit).toBeGreaterThan(500);
    expect(floors.e2e).toBeGreaterThan(20);
  });
});
