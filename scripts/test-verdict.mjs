// The verdict of npm test, apart from the running, so that it can be tested (test/scripts/):
// what one vitest run adds to the totals, and the last line. A run is a failure when vitest exits
// non-zero, when its JSON report is missing or says `success: false`, or when it ran fewer tests
// than its floor (scripts/test-floors.json) — whatever the counts of failed tests say. A global
// setup that throws, a project that finds no test files and an unhandled error all leave a report
// with zero failed tests; only the exit code and `success` tell.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * Judges one vitest run from its exit code and JSON report (undefined when none was written).
 * Returns the counts it adds and, when it failed, why. A failed run adds at least one failure.
 */
export function judgeVitestRun({ label, exitCode, report, floor = 0 }) {
  const problems = [];
  if (!report) {
    problems.push('没有生成测试报告（测试没有运行）');
    return { label, passed: 0, failed: 1, skipped: 0, problems };
  }
  const passed = report.numPassedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const failedTests = report.numFailedTests ?? 0;
  // A file that fails to load (a syntax error, a throwing import) fails its suite without a test.
  let failed = failedTests + (failedTests === 0 ? (report.numFailedTestSuites ?? 0) : 0);
  if (exitCode !== 0) problems.push(`vitest 退出码 ${exitCode}`);
  if (report.success === false) problems.push('报告记为未成功（success: false）');
  if (passed < floor) problems.push(`只通过 ${passed} 个测试，少于下限 ${floor}（scripts/test-floors.json）`);
  if (problems.length > 0 && failed === 0) failed = 1;
  if (failed > 0 && problems.length === 0) problems.push(`${failed} 个测试失败`);
  return { label, passed, failed, skipped, problems };
}

/** Runs vitest with the JSON reporter (output shown as it comes) and judges the run. */
export function runVitest({ label, cwd, args, reportFile, floor, command = 'npx', env = process.env, stdio = 'inherit' }) {
  rmSync(reportFile, { force: true });
  const result = spawnSync(command, [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], { cwd, stdio, env });
  const exitCode = result.status ?? 1;
  let report;
  if (existsSync(reportFile)) {
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8'));
    } catch {
      report = undefined;
    }
  }
  return judgeVitestRun({ label, exitCode, report, floor });
}

/** The last line of npm test: `N passed, N failed`, then `, N skipped` when any test was skipped or todo. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
