import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of shared/ (npm run mutation): the domain's unit
// tests only. LibreOffice rendering (every *libreoffice.test.ts) and the fuzz test (child processes, minutes) are left out:
// they prove other things and would make every mutant cost minutes. So are the hostile-file tests,
// whose bounds are seconds of wall time: on a machine busy with mutants they fail the initial run.
export default defineConfig({
  // The same `#shared/…` alias as vitest.config.mts: tests and shared/ import through it.
  resolve: { alias: [{ find: /^#shared\//, replacement: `${resolve(import.meta.dirname, 'shared')}/` }] },
  test: {
    include: ['test/shared/**/*.test.ts'],
    exclude: ['test/shared/**/*libreoffice.test.ts', 'test/shared/import/hostile.test.ts', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/support/remove-temp-dirs.ts'],
    testTimeout: 60_000,
  },
});
