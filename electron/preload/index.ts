// The preload: one named function per contract channel, nothing generic, no ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, DesktopApi, IpcResult, RequestOf, ResponseOf } from '../../shared/ipc/contract';

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
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', desktopApi);
