// Debian's Chromium and the flags that keep it quiet on a closed network (see TOOLCHAIN.md);
// shared by the end-to-end harness and the benchmarks (which cannot import vitest).
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
