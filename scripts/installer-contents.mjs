// What the installer would carry, measured without the Electron binary (which cannot be downloaded
// here): electron-builder packs the built app (`npm run build` first) for Linux as a folder, over a
// stand-in Electron (an empty file where the binary goes) and without flipping the fuses (they need
// the real binary), then this lists app.asar: its size, the largest parts and every model or
// WebAssembly file. A script that prints figures, not a test.
//   node scripts/installer-contents.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/renderer/index.html'))) {
  console.error('先运行 npm run build（需要 out/main 与 out/renderer）');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'installer-'));
const electron = join(work, 'electron-dist');
mkdirSync(join(electron, 'resources'), { recursive: true });
for (const f of ['electron', 'LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(electron, f), '');
const version = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

// The project's configuration, less the fuses, into the temporary folder.
const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8').replace(/^electronFuses:\n(?:[ \t]+.*\n)+/m, '').replace(/^(\s+output:).*$/m, `$1 ${join(work, 'release')}`);
const configFile = join(work, 'electron-builder.yml');
writeFileSync(configFile, `${config}\nelectronDist: ${electron}\nelectronVersion: ${version}\n`);
const r = spawnSync('npx', ['electron-builder', '--linux', 'dir', '--x64', '--config', configFile], { cwd: root, encoding: 'utf8', timeout: 600_000 });
if (r.status !== 0) {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}

const asarFile = join(work, 'release/linux-unpacked/resources/app.asar');
const asar = createRequire(join(root, 'node_modules/electron-builder/package.json'))('@electron/asar');
const sizes = new Map();
const heavy = [];
let files = 0;
for (const entry of asar.listPackage(asarFile, { isPack: false })) {
  const size = asar.statFile(asarFile, entry.slice(1)).size;
  if (!size) continue;
  files++;
  const parts = entry.split('/').slice(1);
  const part = parts[0] === 'node_modules' ? parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/') : parts.slice(0, 2).join('/');
  sizes.set(part, (sizes.get(part) ?? 0) + size);
  if (/\.(onnx|wasm)$/.test(entry)) heavy.push([entry, size]);
}
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`app.asar ${mb(statSync(asarFile).size)}, ${files} files`);
for (const [part, size] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${mb(size).padStart(9)}  ${part}`);
console.log('models and WebAssembly:');
for (const [entry, size] of heavy) console.log(`  ${mb(size).padStart(9)}  ${entry}`);
rmSync(work, { recursive: true, force: true });
