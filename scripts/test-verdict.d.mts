export interface VitestReport {
  success?: boolean;
  numPassedTests?: number;
  numFailedTests?: number;
  numFailedTestSuites?: number;
  numPendingTests?: number;
  numTodoTests?: number;
}
export interface RunVerdict {
  label: string;
  passed: number;
  failed: number;
  skipped: number;
  problems: string[];
}
export function judgeVitestRun(run: { label: string; exitCode: number; report: VitestReport | undefined; floor?: number }): RunVerdict;
export function runVitest(run: {
  label: string;
  cwd: string;
  args: string[];
  reportFile: string;
  floor?: number;
  command?: string;
  env?: NodeJS.ProcessEnv;
  stdio?: 'inherit' | 'pipe' | 'ignore';
}): RunVerdict;
export function summaryLine(totals: { passed: number; failed: number; skipped: number }): string;
