import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../electron/main/policy/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/policy/csp';
import { APP_ENTRY_URL, isTrustedAppUrl } from '../../electron/main/policy/trusted-url';
import { allowNavigation, allowPermission, allowRequest, allowWebview, windowOpenDecision } from '../../electron/main/policy/web-contents-policy';
import { mainWindowOptions } from '../../electron/main/policy/window-options';

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
  ])('request filter: %s → %s', (url, allowed) => {
    expect(allowRequest(url)).toBe(allowed);
  });
});

describe('mainWindowOptions', () => {
  it('writes out every security setting', () => {
    const prefs = mainWindowOptions('/app/preload.js').webPreferences!;
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
    });
  });
});

describe('resolveAppRequest', () => {
  const root = resolve('/opt/app/renderer');
  it('serves files inside the renderer folder', () => {
    expect(resolveAppRequest('app://bundle/index.html', root)).toEqual({ kind: 'file', path: resolve(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://bundle/', root)).toMatchObject({ kind: 'file', path: resolve(root, 'index.html') });
    expect(resolveAppRequest('app://bundle/assets/a.js?v=1', root)).toMatchObject({ kind: 'file', path: resolve(root, 'assets/a.js') });
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

describe('CSP', () => {
  it('is the same in index.html and in the app:// headers, and allows no network', () => {
    const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    // frame-ancestors is ignored in a meta tag, so only the header carries it.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});
