import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The options of every window the app opens. The security settings are written out even where
 * they are Electron's defaults, so that a change of default can never weaken them. Developer
 * tools only in development: in a packaged build they would open the data to anyone at the desk.
 */
export function mainWindowOptions(preloadPath: string, options: { packaged: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: '民主生活会征求意见工作台',
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !options.packaged,
    },
  };
}
