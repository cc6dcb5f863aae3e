import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/main/ipc/dispatch';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: null }));
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
}));

type Api = Record<string, (...args: unknown[]) => unknown>;

describe('preload', () => {
  beforeEach(() => invoke.mockClear());

  it('exposes exactly the named functions of the contract, nothing generic', async () => {
    await import('../../electron/preload/index');
    expect(Object.keys(exposed)).toEqual(['desktop']);
    const api = exposed['desktop'] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([
      'appVersion',
      'kind',
      'listBackups',
      'onBackupRequest',
      'openFile',
      'printPage',
      'readBackup',
      'saveFile',
      'saveFiles',
      'storeBackup',
      'submitBackup',
    ]);
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) expect(api).not.toHaveProperty(key);
  });

  it('sends each function to its own channel, and reaches every channel', async () => {
    await import('../../electron/preload/index');
    const api = exposed['desktop'] as Api;
    await api['appVersion']!();
    await api['openFile']!({ filters: [], maxBytes: 1 });
    await api['saveFile']!({ suggestedName: 'a', filters: [], data: new Uint8Array() });
    await api['saveFiles']!({ folderName: 'x', files: [] });
    await api['printPage']!();
    await api['submitBackup']!({ requestId: 'r' });
    await api['storeBackup']!({ reason: 'before-restore', data: new Uint8Array() });
    await api['listBackups']!();
    await api['readBackup']!({ name: 'x.mzsh-backup' });
    const called = invoke.mock.calls.map((c) => (c as unknown[])[0]);
    expect(called).toEqual(['app:version', 'file:open', 'file:save', 'file:save-many', 'print:page', 'backup:submit', 'backup:store', 'backup:list', 'backup:read']);
    expect([...called].sort()).toEqual([...CHANNELS].sort());
  });

  it('passes backup requests on without the IPC event, and stops when unsubscribed', async () => {
    await import('../../electron/preload/index');
    const api = exposed['desktop'] as Api;
    const received: unknown[][] = [];
    const stop = api['onBackupRequest']!((...args: unknown[]) => received.push(args)) as () => void;
    const fire = (payload: unknown) => listeners.get('backup:request')?.forEach((l) => l({ sender: 'secret' }, payload));
    fire({ requestId: 'abc', reason: 'quit', extra: 'dropped' });
    fire({ reason: 'scheduled' });
    expect(received).toEqual([[{ requestId: 'abc', reason: 'quit' }]]);
    stop();
    fire({ requestId: 'later', reason: 'scheduled' });
    expect(received).toHaveLength(1);
    expect(listeners.get('backup:request')?.size).toBe(0);
  });
});
