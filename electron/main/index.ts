// The main process: owns the OS (windows, dialogs, files, automatic backups), never the domain.
// The wiring lives in ./wiring.ts with Electron passed in, so it is tested with a fake.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { buildMenu } from './menu';
import { startMain } from './wiring';

startMain(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session },
  {
    rendererDir: join(__dirname, '../renderer'),
    preloadPath: join(__dirname, '../preload/index.js'),
    devOrigin: !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined,
    buildMenu,
  },
);
