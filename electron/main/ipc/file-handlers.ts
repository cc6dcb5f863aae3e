import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BrowserWindow } from 'electron';
import type { OpenFileRequest, OpenFileResponse, SaveFileRequest, SaveFileResponse } from '../../../shared/ipc/contract';
import { describeFsError, writeFileAtomic } from '../files/atomic-write';
import { IpcFailure } from './dispatch';

/** The dialogs main needs; injected so the handlers can be tested without Electron. */
export interface DialogPort {
  showSave(window: BrowserWindow | null, options: { defaultPath: string; filters: SaveFileRequest['filters'] }): Promise<string | undefined>;
  showOpen(window: BrowserWindow | null, options: { filters: OpenFileRequest['filters']; multiple: boolean }): Promise<string[]>;
  defaultFolder(): string;
}

export interface FileContext {
  window: BrowserWindow | null;
}

export async function saveFile(port: DialogPort, request: SaveFileRequest, context: FileContext): Promise<SaveFileResponse> {
  const path = await port.showSave(context.window, {
    defaultPath: `${port.defaultFolder()}/${request.suggestedName}`,
    filters: request.filters,
  });
  if (path === undefined) return { saved: false };
  try {
    await writeFileAtomic(path, request.data);
  } catch (e) {
    throw new IpcFailure('io', describeFsError(e, path));
  }
  return { saved: true, path };
}

export async function openFile(port: DialogPort, request: OpenFileRequest, context: FileContext): Promise<OpenFileResponse> {
  const paths = await port.showOpen(context.window, { filters: request.filters, multiple: request.multiple === true });
  const files: OpenFileResponse['files'] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.size > request.maxBytes) {
        throw new IpcFailure('too-large', `文件“${basename(path)}”过大（${formatMb(info.size)}），最多 ${formatMb(request.maxBytes)}。`);
      }
      const buffer = await readFile(path);
      files.push({ name: basename(path), data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) });
    } catch (e) {
      if (e instanceof IpcFailure) throw e;
      throw new IpcFailure('io', describeFsError(e, path));
    }
  }
  return { files };
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
