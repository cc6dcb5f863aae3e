// Temporary folders for tests, under one root per test file that is removed after the file's
// tests (test/support/remove-temp-dirs.ts, a setup file), so a run leaves nothing in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let root: string | undefined;

/** A new, empty folder whose name starts with `prefix`; removed when the test file is done. */
export function tempDir(prefix: string): string {
  root ??= mkdtempSync(join(tmpdir(), 'mzsh-test-'));
  return mkdtempSync(join(root, `${prefix}-`));
}

/** Removes every folder tempDir made. */
export function removeTempDirs(): void {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
}
