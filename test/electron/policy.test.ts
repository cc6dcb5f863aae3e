import { mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confineToRoot, resolveAppRequest } from '../../electron/main/policy/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/policy/csp';
import { CSP as WEB_SERVER_CSP } from '../../scripts/web-server.mjs';
import { APP_ENTRY_URL, isTrustedAppUrl } from '../../electron/main/policy/trusted-url';
import { allowNavigation, allowPermission, allowRequest, allowWebview, windowOpenDecision } from '../../electron/main/policy/web-contents-policy';
import { mainWindowOptions } from '../../electron/main/policy/window-options';
import { tempDir } from '../support/temp-dir';

describe('isTrustedAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://bundle/', 'app://bundle/index.html#/meetings/1', 'app://bundle/assets/index.js'])('trusts %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });
  it.each([
    'app://bundle.evil.com/index.html',
    'app://evil/index.html',
    'app://user:pass@bundle/index.html',
    'app://bundle:8080/index.html',
    'file:///etc/passwd',
    'file:///C:/Windows/system32',
    'http://bundle/index.html',
    'https://bundle/index.html',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://bundle/1234',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '//bundle/index.html',
    '',
    'not a url',
  ])('does not trust %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });
  it('trusts the dev server only when it is local and named', () => {
    expect(isTrustedAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedAppUrl('http://evil.com:5173/', 'http://evil.com:5173')).toBe(false);
  });
});

describe('web contents policy', () => {
  it('refuses navigation away from the app', () => {
    expect(allowNavigation(APP_ENTRY_URL)).toBe(true);
    expect(allowNavigation('https://example.com/')).toBe(false);
    expect(allowNavigation('file:///etc/passwd')).toBe(false);
  });
  it('denies new windows, webviews and every permission', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    expect(allowWebview()).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) expect(allowPermission(p)).toBe(false);
  });
  it.each([
    ['app://bundle/assets/index.js', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://bundle/1', true],
    ['https://example.com/x.js', false],
    ['http://127.0.0.1:8080/', false],
    ['ws://localhost:1234/', false],
    ['ftp://example.com/', false],
    ['file:///etc/passwd', false],
    ['app://evil/x', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['chrome-extension://abcdefghijklmnop/script.js', false],
    ['chrome://settings/', false],
  ])('request filter: %s → %s', (url, allowed) => {
    expect(allowRequest(url)).toBe(allowed);
  });
  it('allows the developer tools only in development, beside the dev server', () => {
    expect(allowRequest('devtools://devtools/bundled/inspector.html', 'http://localhost:5173')).toBe(true);
    expect(allowRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(allowRequest('chrome-extension://abcdefghijklmnop/script.js', 'http://localhost:5173')).toBe(false);
  });
});

describe('mainWindowOptions', () => {
  it('writes out every security setting', () => {
    const prefs = mainWindowOptions('/app/preload.js', { packaged: true }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });
  it('has developer tools only when not packaged', () => {
    expect(mainWindowOptions('/app/preload.js', { packaged: false }).webPreferences!.devTools).toBe(true);
    expect(mainWindowOptions('/app/preload.js', { packaged: true }).webPreferences!.devTools).toBe(false);
  });
});

describe('resolveAppRequest', () => {
  const root = resolve('/opt/app/renderer');
  it('serves files inside the renderer folder', () => {
    expect(resolveAppRequest('app://bundle/index.html', root)).toEqual({ kind: 'file', path: resolve(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://bundle/', root)).toMatchObject({ kind: 'file', path: resolve(root, 'index.html') });
    expect(resolveAppRequest('app://bundle/assets/a.js?v=1', root)).toMatchObject({ kind: 'file', path: resolve(root, 'assets/a.js') });
  });
  it('serves the paper-form reader\'s runtime and models from the bundle', () => {
    expect(resolveAppRequest('app://bundle/assets/ort-wasm-simd-threaded-x1.wasm', root)).toMatchObject({ kind: 'file', mimeType: 'application/wasm' });
    expect(resolveAppRequest('app://bundle/assets/ch_PP-OCRv4_rec_infer-x2.onnx', root)).toMatchObject({ kind: 'file', mimeType: 'application/octet-stream' });
  });
  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://bundle/..%5c..%5cwindows%5cwin.ini',
    'app://bundle/index.html%00.js',
    'app://other/index.html',
  ])('refuses %s', (url) => {
    const r = resolveAppRequest(url, root);
    if (r.kind === 'file') expect(r.path.startsWith(root)).toBe(true);
    else expect([403, 404]).toContain(r.status);
  });
  it('refuses unknown file types', () => {
    expect(resolveAppRequest('app://bundle/secret.db', root)).toEqual({ kind: 'error', status: 404 });
  });
});

describe('confineToRoot', () => {
  it('serves a real file of the bundle and refuses a link inside it that leads outside, or a missing file', async () => {
    const dir = tempDir('app-root');
    const bundle = join(dir, 'renderer');
    mkdirSync(join(bundle, 'assets'), { recursive: true });
    writeFileSync(join(bundle, 'index.html'), '<html></html>');
    writeFileSync(join(dir, 'secret.json'), '{"password":"x"}');
    symlinkSync(join(dir, 'secret.json'), join(bundle, 'assets', 'data.json'));
    symlinkSync(dir, join(bundle, 'up'));
    const inside = await confineToRoot(join(bundle, 'index.html'), bundle);
    expect(inside).toBe(join(realpathSync(bundle), 'index.html'));
    const viaLink = resolveAppRequest('app://bundle/assets/data.json', bundle);
    expect(viaLink.kind).toBe('file');
    expect(await confineToRoot((viaLink as { path: string }).path, bundle)).toBeUndefined();
    expect(await confineToRoot(join(bundle, 'up', 'secret.json'), bundle)).toBeUndefined();
    expect(await confineToRoot(join(bundle, 'missing.js'), bundle)).toBeUndefined();
  });
});

describe('CSP', () => {
  it('is the same in index.html and in the app:// headers, and allows no network', () => {
    const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    // frame-ancestors is ignored in a meta tag, so only the header carries it.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    // The web build's server (the end-to-end tests) sends the app's policy too.
    expect(WEB_SERVER_CSP).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    // Scripts from the app only; WebAssembly may compile (the paper-form reader), nothing may be eval'd or inlined.
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});
