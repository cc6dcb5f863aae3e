// The wiring of the main process, with Electron passed in so a test can hand it a fake and check
// that every guard is registered and denies: navigation, new windows, webviews, permissions, the
// request filter, IPC sender checks. Every decision applied here is a pure function in ./policy.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as ElectronModule from 'electron';
import type { BrowserWindow, IpcMain, Protocol, Session, WebContents } from 'electron';
import { BACKUP_REQUEST_EVENT, type Channel } from '#shared/ipc/contract';
import { BackupFolder } from './backup/backup-folder';
import { BackupScheduler, DEFAULT_SCHEDULE } from './backup/scheduler';
import { backupHandlers } from './ipc/backup-handlers';
import { CHANNELS, dispatch, type Handlers } from './ipc/dispatch';
import { openFile, saveFile, saveFiles, type DialogPort, type FileContext } from './ipc/file-handlers';
import { printPage, type PrintPort } from './ipc/print-handler';
import { confineToRoot, resolveAppRequest } from './policy/app-protocol';
import { CONTENT_SECURITY_POLICY } from './policy/csp';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedAppUrl } from './policy/trusted-url';
import { allowNavigation, allowPermission, allowRequest, allowWebview, windowOpenDecision } from './policy/web-contents-policy';
import { mainWindowOptions } from './policy/window-options';

export type Electron = Pick<typeof ElectronModule, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'session'>;

export interface MainOptions {
  rendererDir: string;
  preloadPath: string;
  /** The dev server's origin, only when not packaged. */
  devOrigin?: string;
  buildMenu: () => ElectronModule.Menu;
}

/** How long closing the window waits for the last automatic backup. */
export const QUIT_BACKUP_TIMEOUT_MS = 15_000;

/** Wires the whole main process; returns what tests need to poke at. */
export function startMain(electron: Electron, options: MainOptions): { folder: BackupFolder; scheduler: BackupScheduler } | undefined {
  const { app, BrowserWindow, ipcMain, protocol, session, Menu } = electron;
  const { devOrigin } = options;

  // Must run before the app is ready: app:// behaves like https (secure, standard, fetch allowed).
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);

  if (!app.requestSingleInstanceLock()) {
    // A second copy would share the same IndexedDB files; hand over to the first and quit.
    app.quit();
    return undefined;
  }

  let mainWindow: BrowserWindow | undefined;
  const folder = new BackupFolder(join(app.getPath('userData'), 'backups'));
  const scheduler = new BackupScheduler(
    {
      ask: (request) => {
        if (!mainWindow || mainWindow.isDestroyed()) return false;
        mainWindow.webContents.send(BACKUP_REQUEST_EVENT, request);
        return true;
      },
      store: (data, reason) => folder.write(data, reason, { skipIfUnchanged: true }),
      newId: randomUUID,
      log: (message, error) => console.warn(`[backup] ${message}`, error ?? ''),
    },
    DEFAULT_SCHEDULE,
  );

  const handlers: Handlers<FileContext> = {
    'file:save': (request, context) => saveFile(dialogPort(electron), request, context),
    'file:open': (request, context) => openFile(dialogPort(electron), request, context),
    'app:version': async () => app.getVersion(),
    'file:save-many': (request, context) => saveFiles(dialogPort(electron), request, context),
    'print:page': (_request, context) => printPage(printPort, context),
    ...backupHandlers<FileContext>(folder, scheduler),
  };

  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, devOrigin));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    lockDownSession(session.defaultSession, devOrigin);
    serveApp(protocol, options.rendererDir);
    registerIpc(ipcMain, handlers, (contents) => BrowserWindow.fromWebContents(contents), devOrigin);
    Menu.setApplicationMenu(options.buildMenu());
    mainWindow = createMainWindow(BrowserWindow, options, scheduler, app.isPackaged);
    scheduler.start();
  });
  return { folder, scheduler };
}

/** The one window factory. Closing it first takes a last automatic backup (hidden, at most 15 s). */
function createMainWindow(BrowserWindowClass: Electron['BrowserWindow'], options: MainOptions, scheduler: BackupScheduler, packaged: boolean): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(options.preloadPath, { packaged }));
  window.once('ready-to-show', () => window.show());
  let lastBackupTaken = false;
  window.on('close', (event) => {
    if (lastBackupTaken) return;
    event.preventDefault();
    lastBackupTaken = true;
    window.hide();
    void scheduler.run('quit', QUIT_BACKUP_TIMEOUT_MS).finally(() => {
      scheduler.stop();
      if (!window.isDestroyed()) window.close();
    });
  });
  void window.loadURL(options.devOrigin ?? APP_ENTRY_URL);
  return window;
}

/** Every permission denied, every request outside the app cancelled, no spell-check dictionary download. */
export function lockDownSession(ses: Session, devOrigin?: string): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowRequest(details.url, devOrigin) }));
  // Chromium fetches Hunspell dictionaries from Google's servers when spell checking is on.
  ses.setSpellCheckerEnabled(false);
}

/** No navigation or redirect away from the app, no new windows, no webviews. */
export function lockDownContents(contents: WebContents, devOrigin?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url, devOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url, devOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    if (!allowWebview()) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

/** One handler per contract channel, each going through dispatch (sender check, validation, typed errors). */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers<FileContext>,
  windowOf: (contents: WebContents) => BrowserWindow | null,
  devOrigin?: string,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel as Channel, event.senderFrame?.url, payload, handlers, { window: windowOf(event.sender) }, (url) => isTrustedAppUrl(url, devOrigin)),
    );
  }
}

/** Serves the renderer folder on app:// with the CSP header; nothing outside the folder. */
export function serveApp(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererDir);
    if (resolved.kind === 'error') return new Response(null, { status: resolved.status });
    try {
      // The path is inside the folder by its text; a link inside it could still point outside.
      const real = await confineToRoot(resolved.path, rendererDir);
      if (real === undefined) return new Response(null, { status: 403 });
      const body = await readFile(real);
      return new Response(body, {
        headers: {
          'Content-Type': resolved.mimeType,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

function dialogPort({ app, dialog }: Electron): DialogPort {
  return {
    async showSave(window, options) {
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
    async showOpen(window, options) {
      const props: Array<'openFile' | 'multiSelections'> = options.multiple ? ['openFile', 'multiSelections'] : ['openFile'];
      const dialogOptions = { filters: options.filters, properties: props };
      const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? [] : result.filePaths;
    },
    async showFolder(window, options) {
      const dialogOptions = { title: options.title, defaultPath: options.defaultPath, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? undefined : result.filePaths[0];
    },
    defaultFolder: () => app.getPath('documents'),
  };
}

/** The system print dialog for the window's page (its @media print CSS applies). */
const printPort: PrintPort = {
  print: (window) =>
    new Promise((resolve) =>
      window.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, failureReason) => resolve({ success, failureReason })),
    ),
};
