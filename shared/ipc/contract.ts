// The one contract between the renderer and the main process: each channel's name and the types
// of its request and response. Main registers a handler per channel over this map; the preload
// exposes one named function per channel; the web build implements the same DesktopApi in the page.
import { arr, bool, bytes, int, nothing, obj, optional, str, type Validator } from '../util/schema';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  filters: FileFilter[];
  data: Uint8Array;
}
export type SaveFileResponse = { saved: true; path: string } | { saved: false };

export interface OpenFileRequest {
  filters: FileFilter[];
  /** Files larger than this are refused before they are read. */
  maxBytes: number;
  multiple?: boolean;
}
export interface OpenedFile {
  name: string;
  data: Uint8Array;
}
/** No files when the user cancelled. */
export interface OpenFileResponse {
  files: OpenedFile[];
}

/** Several files written into one new folder (one list per member). */
export interface SaveFilesRequest {
  /** The folder created inside the one the user picks; in a browser, the name of the zip. */
  folderName: string;
  files: Array<{ name: string; data: Uint8Array }>;
}
export type SaveFilesResponse = { saved: true; folder: string; count: number } | { saved: false };

/** Whether the print dialog ended with a print (false when the user cancelled). */
export interface PrintPageResponse {
  printed: boolean;
}

export type IpcErrorCode = 'bad-request' | 'forbidden' | 'too-large' | 'io' | 'internal';
export interface IpcError {
  code: IpcErrorCode;
  /** A Chinese message fit to show the user. */
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Channel → request and response. */
export interface IpcContract {
  'file:save': { request: SaveFileRequest; response: SaveFileResponse };
  'file:open': { request: OpenFileRequest; response: OpenFileResponse };
  'app:version': { request: null; response: string };
  'file:save-many': { request: SaveFilesRequest; response: SaveFilesResponse };
  'print:page': { request: null; response: PrintPageResponse };
}
export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

/** The largest file the app reads or writes through the desktop API. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** The most files one save-many call writes (a meeting has a few dozen members at most). */
export const MAX_SAVE_FILES = 500;

const filters = arr(obj({ name: str({ max: 100 }), extensions: arr(str({ max: 20, pattern: /^[A-Za-z0-9*]+$/, patternName: '扩展名' }), { max: 20 }) }), { max: 20 });
// A file name only: no folders (nor `.` and `..`), no characters Windows refuses.
// eslint-disable-next-line no-control-regex
const fileName = str({ min: 1, max: 200, pattern: /^(?!\.{1,2}$)[^\\/:*?"<>|\u0000-\u001f]+$/, patternName: '文件名' });

/** Validators of each channel's request: main runs them on every call before doing anything. */
export const requestValidators = {
  'file:save': obj({ suggestedName: fileName, filters, data: bytes({ max: MAX_FILE_BYTES }) }),
  'file:open': obj({ filters, maxBytes: int({ min: 1, max: MAX_FILE_BYTES }), multiple: optional(bool()) }),
  'app:version': nothing(),
  'file:save-many': obj({ folderName: fileName, files: arr(obj({ name: fileName, data: bytes({ max: MAX_FILE_BYTES }) }), { max: MAX_SAVE_FILES }) }),
  'print:page': nothing(),
} satisfies { [C in Channel]: Validator<RequestOf<C>> };

/** What the preload exposes as `window.desktop`, and what the web build implements in the page. */
export interface DesktopApi {
  readonly kind: 'electron' | 'web';
  saveFile(request: SaveFileRequest): Promise<IpcResult<SaveFileResponse>>;
  openFile(request: OpenFileRequest): Promise<IpcResult<OpenFileResponse>>;
  appVersion(): Promise<IpcResult<string>>;
  /** Picks a folder and writes the files into a new folder inside it (a zip download in a browser). */
  saveFiles(request: SaveFilesRequest): Promise<IpcResult<SaveFilesResponse>>;
  /** Prints the current page through the system print dialog (the print layout's @media print CSS applies). */
  printPage(): Promise<IpcResult<PrintPageResponse>>;
}
