// The main process: owns the OS (windows, dialogs, files), never the domain. Every decision it
// applies is a pure function in ./policy with its own tests.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import type { Channel } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from './policy/csp';
import { resolveAppRequest } from './policy/app-protocol';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedAppUrl } from './policy/trusted-url';
import { allowNavigation, allowPermission, allowRequest, allowWebview, windowOpenDecision } from './policy/web-contents-policy';
import { mainWindowOptions } from './policy/window-options';
import { CHANNELS, dispatch, type Handlers } from './ipc/dispatch';
import { openFile, saveFile, saveFiles, type DialogPort, type FileContext } from './ipc/file-handlers';
import { printPage, type PrintPort } from './ipc/print-handler';
import { buildMenu } from './menu';

const devOrigin = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererDir = join(__dirname, '../renderer');

// Must run before the app is ready: app:// behaves like https (secure, standard, fetch allowed).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) {
  // A second copy would share the same IndexedDB files; hand over to the first and quit.
  app.quit();
}

const dialogs: DialogPort = {
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

const printer: PrintPort = {
  print: (window) =>
    new Promise((resolve) =>
      window.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, failureReason) => resolve({ success, failureReason })),
    ),
};

const handlers: Handlers<FileContext> = {
  'file:save': (request, context) => saveFile(dialogs, request, context),
  'file:open': (request, context) => openFile(dialogs, request, context),
  'app:version': async () => app.getVersion(),
  'file:save-many': (request, context) => saveFiles(dialogs, request, context),
  'print:page': (_request, context) => printPage(printer, context),
};

function registerIpc(): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel as Channel, event.senderFrame?.url, payload, handlers, { window: BrowserWindow.fromWebContents(event.sender) }, (url) =>
        isTrustedAppUrl(url, devOrigin),
      ),
    );
  }
}

function serveApp(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererDir);
    if (resolved.kind === 'error') return new Response(null, { status: resolved.status });
    try {
      const body = await readFile(resolved.path);
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

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowRequest(details.url, devOrigin) }));
}

function lockDownContents(contents: WebContents): void {
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

/** The one window factory. */
function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devOrigin ?? APP_ENTRY_URL);
  return window;
}

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => app.quit());

void app.whenReady().then(() => {
  lockDownSession();
  serveApp();
  registerIpc();
  Menu.setApplicationMenu(buildMenu());
  createMainWindow();
});
