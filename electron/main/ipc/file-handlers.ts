import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BrowserWindow } from 'electron';
import {
  MAX_FILE_BYTES,
  type OpenFileRequest,
  type OpenFileResponse,
  type SaveFileRequest,
  type SaveFileResponse,
  type SaveFilesRequest,
  type SaveFilesResponse,
} from '#shared/ipc/contract';
import { describeFsError, writeFileAtomic } from '../../../node/files/atomic-write';
import { writeFolderAtomic } from '../../../node/files/write-folder';
import { IpcFailure } from './dispatch';

/** The dialogs main needs; injected so the handlers can be tested without Electron. */
export interface DialogPort {
  showSave(window: BrowserWindow | null, options: { defaultPath: string; filters: SaveFileRequest['filters'] }): Promise<string | undefined>;
  showOpen(window: BrowserWindow | null, options: { filters: OpenFileRequest['filters']; multiple: boolean }): Promise<string[]>;
  /** Picks a folder; undefined when cancelled. */
  showFolder(window: BrowserWindow | null, options: { title: string; defaultPath: string }): Promise<string | undefined>;
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

/**
 * Writes several files into a new folder inside the one the user picks, all or nothing (a
 * temporary folder renamed into place, node/files/write-folder.ts). Names are plain file
 * names (the contract's validator refuses separators, `.` and `..`; checked again here); they are
 * made safe and unique without regard to case, so no file overwrites another, and the answer
 * lists the files that are on disk.
 */
export async function saveFiles(port: DialogPort, request: SaveFilesRequest, context: FileContext): Promise<SaveFilesResponse> {
  const names = [request.folderName, ...request.files.map((f) => f.name)];
  const bad = names.find((n) => basename(n) !== n || n === '.' || n === '..');
  if (bad !== undefined) throw new IpcFailure('bad-request', `文件名“${bad}”不能包含文件夹`);
  const total = request.files.reduce((sum, f) => sum + f.data.byteLength, 0);
  if (total > MAX_FILE_BYTES) throw new IpcFailure('too-large', `文件总大小超过 ${formatMb(MAX_FILE_BYTES)}`);

  const parent = await port.showFolder(context.window, { title: `选择保存位置（将新建文件夹“${request.folderName}”）`, defaultPath: port.defaultFolder() });
  if (parent === undefined) return { saved: false };
  let written;
  try {
    written = await writeFolderAtomic(parent, request.folderName, request.files);
  } catch (e) {
    throw new IpcFailure('io', `${describeFsError(e, join(parent, request.folderName))}未保存任何文件。`);
  }
  if (written.files.length !== request.files.length) {
    throw new IpcFailure('io', `只有 ${written.files.length} 个文件写入了“${written.folder}”，应为 ${request.files.length} 个。`);
  }
  return { saved: true, folder: written.folder, count: written.files.length, files: written.files };
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
