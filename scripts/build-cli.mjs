// Builds the command line into out/cli (index.js and the spreadsheet reader thread read-worker.js)
// with esbuild, so that `npm run cli` starts at once instead of compiling TypeScript every time.
// Everything is bundled, dependencies included (one file to load at start).
//   node scripts/build-cli.mjs          build now
//   ensureCli() (from scripts/cli.mjs)  build only when a source the last build read has changed
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
export const CLI_DIR = resolve(root, 'out/cli');
export const CLI_ENTRY = resolve(CLI_DIR, 'index.js');
const META = resolve(CLI_DIR, 'inputs.json');

/** Builds out/cli/index.js and out/cli/read-worker.js; records the inputs for the staleness check. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: 'node/cli/index.ts', 'read-worker': 'node/cli/read-worker.ts' },
    outdir: CLI_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Dependencies bundled too: resolving and loading exceljs's few hundred modules one by one cost
    // more at every start than parsing one file (0.33 s against 0.20 s of CPU for `help`).
    // The OCR runtime stays in node_modules: it loads its .wasm file from beside its own script,
    // and only the ocr verb needs it (required when that verb runs).
    external: ['onnxruntime-web'],
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(META, JSON.stringify(Object.keys(result.metafile.inputs)));
}

/** True when out/cli is missing, or older than any file the last build read (or package.json). */
export function cliIsStale() {
  if (!existsSync(CLI_ENTRY) || !existsSync(META)) return true;
  const built = statSync(CLI_ENTRY).mtimeMs;
  const inputs = [...JSON.parse(readFileSync(META, 'utf8')), 'package.json', 'scripts/build-cli.mjs'];
  return inputs.some((file) => {
    const path = resolve(root, file);
    return !existsSync(path) || statSync(path).mtimeMs > built;
  });
}

/** Builds the command line if it is missing or out of date. */
export async function ensureCli() {
  if (cliIsStale()) await buildCli();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
