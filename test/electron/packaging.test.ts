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
