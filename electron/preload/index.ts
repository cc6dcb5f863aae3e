// The preload: one named function per contract channel, nothing generic, no ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BACKUP_REQUEST_EVENT, type BackupRequest, type Channel, type DesktopApi, type IpcResult, type RequestOf, type ResponseOf } from '#shared/ipc/contract';

function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<ResponseOf<C>>>;
}

export const desktopApi = {
  kind: 'electron',
  saveFile: (request) => call('file:save', request),
  openFile: (request) => call('file:open', request),
  appVersion: () => call('app:version', null),
  saveFiles: (request) => call('file:save-many', request),
  printPage: () => call('print:page', null),
  onBackupRequest: (listener) => {
    // The page gets the request's fields only, never the IPC event (it would expose the sender).
    const handler = (_event: IpcRendererEvent, payload: BackupRequest) => {
      if (typeof payload?.requestId !== 'string') return;
      listener({ requestId: payload.requestId, reason: payload.reason === 'quit' ? 'quit' : 'scheduled' });
    };
    ipcRenderer.on(BACKUP_REQUEST_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(BACKUP_REQUEST_EVENT, handler);
    };
  },
  submitBackup: (request) => call('backup:submit', request),
  storeBackup: (request) => call('backup:store', request),
  listBackups: () => call('backup:list', null),
  readBackup: (request) => call('backup:read', request),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', desktopApi);
