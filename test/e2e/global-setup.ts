// Builds the renderer once (unless E2E_SKIP_BUILD=1) and serves it on a free localhost port for
// every end-to-end test file.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startWebServer } from '../../scripts/web-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = resolve(__dirname, '../..');
  if (process.env['E2E_SKIP_BUILD'] !== '1') {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const server = await startWebServer({ root: resolve(root, 'out/renderer') });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
