import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: null }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke },
}));

describe('preload', () => {
  beforeEach(() => invoke.mockClear());

  it('exposes exactly the named functions of the contract, nothing generic', async () => {
    await import('../../electron/preload/index');
    expect(Object.keys(exposed)).toEqual(['desktop']);
    const api = exposed['desktop'] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['appVersion', 'kind', 'openFile', 'printPage', 'saveFile', 'saveFiles']);
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) expect(api).not.toHaveProperty(key);
  });

  it('sends each function to its own channel', async () => {
    await import('../../electron/preload/index');
    const api = exposed['desktop'] as {
      appVersion: () => Promise<unknown>;
      openFile: (r: unknown) => Promise<unknown>;
      saveFiles: (r: unknown) => Promise<unknown>;
      printPage: () => Promise<unknown>;
    };
    await api.appVersion();
    await api.openFile({ filters: [], maxBytes: 1 });
    await api.saveFiles({ folderName: 'x', files: [] });
    await api.printPage();
    expect(invoke.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['app:version', 'file:open', 'file:save-many', 'print:page']);
  });
});
