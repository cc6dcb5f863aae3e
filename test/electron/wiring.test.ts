// The main process's wiring, with a fake Electron: every guard is registered, and each one denies.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMain, type Electron } from '../../electron/main/wiring';
import { CHANNELS } from '../../electron/main/ipc/dispatch';
import { APP_ENTRY_URL } from '../../electron/main/policy/trusted-url';
import { encodeBackup } from '#shared/backup/format';
import { fakeElectron, type FakeWebContents } from '../support/fake-electron';

const running: Array<{ stop(): void }> = [];

async function started(options: { singleInstance?: boolean; devOrigin?: string } = {}) {
  const fake = fakeElectron(options);
  const result = startMain(fake.electron as unknown as Electron, {
    rendererDir: '/opt/app/renderer',
    preloadPath: '/opt/app/preload/index.js',
    devOrigin: options.devOrigin,
    buildMenu: () => ({}) as never,
  });
  fake.ready();
  await new Promise((r) => setTimeout(r, 0));
  if (result) running.push(result.scheduler);
  return { ...fake, result };
}

afterEach(() => {
  vi.useRealTimers();
  for (const scheduler of running.splice(0)) scheduler.stop();
});

describe('main process wiring', () => {
  it('registers app:// as a privileged scheme before the app is ready', async () => {
    const { electron } = await started();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('quits when another copy already runs', async () => {
    const { electron, windows, result } = await started({ singleInstance: false });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    expect(result).toBeUndefined();
  });

  it('opens one locked-down window on the app page', async () => {
    const { windows } = await started();
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window!.loaded).toBe(APP_ENTRY_URL);
    expect((window!.options as { webPreferences: unknown }).webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/opt/app/preload/index.js',
      // The fake app is packaged: no developer tools.
      devTools: false,
    });
  });

  it('denies every permission, by request and by check', async () => {
    const { session } = await started();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      session.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheck!({}, permission)).toBe(false);
    }
  });

  it('cancels every request outside the app, and turns off spell-check downloads', async () => {
    const { session } = await started();
    const decide = (url: string) => {
      const callback = vi.fn();
      session.beforeRequest!({ url }, callback);
      return callback.mock.calls[0]![0] as { cancel: boolean };
    };
    expect(decide('app://bundle/assets/index.js')).toEqual({ cancel: false });
    for (const url of ['https://update.electronjs.org/x', 'http://127.0.0.1:8080/', 'https://redirector.gvt1.com/dict', 'ws://example.com/', 'file:///etc/passwd', 'app://evil/x']) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
    expect(session.spellChecker).toBe(false);
  });

  it('blocks navigation, redirects, webviews and new windows in every web contents', async () => {
    const { windows } = await started();
    const contents = windows[0]!.webContents as FakeWebContents;
    expect(contents.fire('will-navigate', 'https://evil.example/').prevented).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd').prevented).toBe(true);
    expect(contents.fire('will-navigate', 'app://bundle/index.html#/settings').prevented).toBe(false);
    expect(contents.fire('will-redirect', 'https://evil.example/').prevented).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {}).prevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('registers every contract channel through the checked dispatcher', async () => {
    const { ipcHandlers, windows } = await started();
    expect([...ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const call = (channel: string, url: string | undefined, payload: unknown) =>
      ipcHandlers.get(channel)!({ senderFrame: url === undefined ? null : { url }, sender: windows[0]!.webContents }, payload);
    expect(await call('app:version', APP_ENTRY_URL, null)).toEqual({ ok: true, value: '0.1.0' });
    expect(await call('app:version', 'https://evil.example/', null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('app:version', undefined, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('backup:read', APP_ENTRY_URL, { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('trusts the dev server only in development', async () => {
    const dev = await started({ devOrigin: 'http://localhost:5173' });
    expect(dev.windows[0]!.loaded).toBe('http://localhost:5173');
    expect((dev.windows[0]!.webContents as FakeWebContents).fire('will-navigate', 'http://localhost:5173/#/x').prevented).toBe(false);
    const prod = await started();
    expect((prod.windows[0]!.webContents as FakeWebContents).fire('will-navigate', 'http://localhost:5173/#/x').prevented).toBe(true);
  });

  it('takes a last backup when the window closes, then closes', async () => {
    const { windows, result } = await started();
    const window = windows[0]!;
    const write = vi.spyOn(result!.folder, 'write').mockResolvedValue({ written: true, name: 'n', path: '/p' });
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.hidden).toBe(true);
    const [channel, request] = window.webContents.sent[0]!;
    expect(channel).toBe('backup:request');
    expect(request).toMatchObject({ reason: 'quit' });
    const payload = new Uint8Array([1]);
    const data = encodeBackup({ schemaVersion: 1, appVersion: '0.1.0', createdAt: '2026-01-01T00:00:00.000Z', reason: 'quit', tables: {}, payload: { compression: 'gzip', plainBytes: 1 }, encryption: null }, payload);
    expect(result!.scheduler.receive({ requestId: (request as { requestId: string }).requestId, data })).toBe(true);
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(write).toHaveBeenCalledWith(data, 'quit', { skipIfUnchanged: true });
  });

  it('writes automatic backups under userData/backups', async () => {
    const { result } = await started();
    expect(result!.folder.dir.replace(/\\/g, '/')).toBe('/fake/userData/backups');
  });
});

describe('electron/main/index.ts', () => {
  it('hands the real Electron modules to the wiring', async () => {
    const fake = fakeElectron();
    vi.doMock('electron', () => fake.electron);
    await import('../../electron/main/index');
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(fake.electron.app.getPath).toHaveBeenCalledWith('userData');
    vi.doUnmock('electron');
  });
});
