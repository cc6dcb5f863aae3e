import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (Node, fake-indexeddb for the database layer) and `e2e` (the built web
// page in Debian's Chromium through playwright-core; see test/e2e/global-setup.ts).
export default defineConfig({
  plugins: [react()],
  // `#shared/…` is `shared/…`, as in tsconfig.base.json and electron.vite.config.ts.
  resolve: { alias: [{ find: /^#shared\//, replacement: `${resolve(import.meta.dirname, 'shared')}/` }] },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          globalSetup: ['test/support/build-cli-setup.ts'],
          setupFiles: ['test/support/remove-temp-dirs.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          setupFiles: ['test/support/remove-temp-dirs.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
