// A stand-in for the parts of Electron the main process wires, recording every registration so a
// test can call the registered handlers the way Electron would.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  sent: Array<[string, unknown]> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  /** Emits like Electron does, with an event whose preventDefault is recorded. */
  fire(name: string, ...args: unknown[]): { prevented: boolean } {
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    this.emit(name, event, ...args);
    return event;
  }
}

export function fakeElectron(options: { singleInstance?: boolean } = {}) {
  const appEvents = new EventEmitter();
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const windows: FakeWindow[] = [];

  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loaded: string | undefined;
    destroyed = false;
    hidden = false;
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
    hide() {
      this.hidden = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    /** Like Electron: 'close' listeners may prevent it; otherwise the window is gone. */
    close() {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      this.emit('close', event);
      if (!event.prevented) this.destroyed = true;
    }
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
    static fromWebContents = (contents: unknown) => windows.find((w) => w.webContents === contents) ?? null;
  }

  const ipcHandlers = new Map<string, Listener>();
  const session = {
    permissionRequest: undefined as undefined | Listener,
    permissionCheck: undefined as undefined | Listener,
    beforeRequest: undefined as undefined | Listener,
    spellChecker: true,
    setPermissionRequestHandler(h: Listener) {
      this.permissionRequest = h;
    },
    setPermissionCheckHandler(h: Listener) {
      this.permissionCheck = h;
    },
    setSpellCheckerEnabled(on: boolean) {
      this.spellChecker = on;
    },
    webRequest: {
      onBeforeRequest: (h: Listener) => {
        session.beforeRequest = h;
      },
    },
  };

  const electron = {
    app: {
      isPackaged: true,
      on: (name: string, listener: Listener) => appEvents.on(name, listener),
      whenReady: () => whenReady,
      requestSingleInstanceLock: () => options.singleInstance ?? true,
      quit: vi.fn(),
      getPath: vi.fn((name: string) => `/fake/${name}`),
      getVersion: () => '0.1.0',
    },
    BrowserWindow: FakeWindow,
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    ipcMain: { handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn(() => ({})) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: session },
  };

  return { electron, appEvents, windows, ipcHandlers, session, ready: () => ready() };
}
