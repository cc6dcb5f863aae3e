// The one contract between the renderer and the main process: each channel's name and the types
// of its request and response. Main registers a handler per channel over this map; the preload
// exposes one named function per channel; the web build implements the same DesktopApi in the page.
// The requests' types are inferred from the validators main runs on them (`requestValidators`), so
// a field cannot be added to one and forgotten in the other; responses come from main itself.
import type { z } from 'zod';
import { BACKUP_EXTENSION, MAX_BACKUP_BYTES, type BackupReason } from '../backup/format';
import { arr, bool, bytes, int, literal, nothing, obj, str } from '../util/validation';

// Each request's type is that of its validator (`requestValidators`, below).
type Requests = { [C in keyof typeof requestValidators]: z.infer<(typeof requestValidators)[C]> };

export type FileFilter = z.infer<typeof fileFilter>;
export type SaveFileRequest = Requests['file:save'];
export type SaveFileResponse = { saved: true; path: string } | { saved: false };

export type OpenFileRequest = Requests['file:open'];
export interface OpenedFile {
  name: string;
  data: Uint8Array;
}
/** No files when the user cancelled. */
export interface OpenFileResponse {
  files: OpenedFile[];
}

/** Several files written into one new folder (one list per member). */
export type SaveFilesRequest = Requests['file:save-many'];
/** `files`: the names of the files on disk (made safe and unique: they may differ from those asked for). */
export type SaveFilesResponse = { saved: true; folder: string; count: number; files: string[] } | { saved: false };

/** Whether the print dialog ended with a print (false when the user cancelled). */
export interface PrintPageResponse {
  printed: boolean;
}

/** One automatic backup in the app's backups folder. */
export interface AutoBackupInfo {
  name: string;
  size: number;
  /** ISO time, from the file name. */
  createdAt: string;
  reason: BackupReason;
}
export interface BackupListResponse {
  /** The folder, shown to the user so they can find the files. */
  folder: string;
  /** Newest first. */
  backups: AutoBackupInfo[];
}
/** Main asks the renderer for a snapshot (main cannot read IndexedDB); the renderer answers with `submitBackup`. */
export interface BackupRequest {
  requestId: string;
  reason: 'scheduled' | 'quit';
}
/** The renderer's answer to a BackupRequest: the backup file's bytes, or why it could not make one. */
export type SubmitBackupRequest = Requests['backup:submit'];
/** A backup the renderer made itself, for main to keep in the backups folder. */
type StoreBackupRequest = Requests['backup:store'];
export interface StoreBackupResponse {
  name: string;
  path: string;
}
type ReadBackupRequest = Requests['backup:read'];

/** The main → renderer event asking for a snapshot; the preload exposes it as `onBackupRequest`. */
export const BACKUP_REQUEST_EVENT = 'backup:request';

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
  'backup:submit': { request: SubmitBackupRequest; response: null };
  'backup:store': { request: StoreBackupRequest; response: StoreBackupResponse };
  'backup:list': { request: null; response: BackupListResponse };
  'backup:read': { request: ReadBackupRequest; response: OpenedFile };
}
export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

/** The largest file the app reads or writes through the desktop API. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** The most files one save-many call writes (a meeting has a few dozen members at most). */
export const MAX_SAVE_FILES = 500;

const fileFilter = obj({ name: str({ max: 100 }), extensions: arr(str({ max: 20, pattern: /^[A-Za-z0-9*-]+$/, patternName: '扩展名' }), { max: 20 }) });
const filters = arr(fileFilter, { max: 20 });
// A file name only: no folders (nor `.` and `..`), no characters Windows refuses. Up to 255
// characters: main cuts every name to 255 bytes of UTF-8 itself (shared/files/safe-names.ts).
// eslint-disable-next-line no-control-regex
const fileName = str({ min: 1, max: 255, pattern: /^(?!\.{1,2}$)[^\\/:*?"<>|\u0000-\u001f]+$/, patternName: '文件名' });

const requestId = str({ min: 1, max: 100, pattern: /^[A-Za-z0-9-]+$/, patternName: '请求编号' });
// An automatic backup's file name as main writes it; main parses it again before touching the disk.
const backupName = str({ min: 1, max: 120, pattern: new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]*\\${BACKUP_EXTENSION}$`), patternName: '备份文件名' });

/** Validators of each channel's request: main runs them on every call before doing anything. */
export const requestValidators = {
  'file:save': obj({ suggestedName: fileName, filters, data: bytes({ max: MAX_FILE_BYTES }) }),
  'file:open': obj({
    filters,
    /** Files larger than this are refused before they are read. */
    maxBytes: int({ min: 1, max: MAX_FILE_BYTES }),
    multiple: bool().optional(),
  }),
  'app:version': nothing(),
  'file:save-many': obj({
    /** The folder created inside the one the user picks; in a browser, the name of the zip. */
    folderName: fileName,
    files: arr(obj({ name: fileName, data: bytes({ max: MAX_FILE_BYTES }) }), { max: MAX_SAVE_FILES }),
  }),
  'print:page': nothing(),
  'backup:submit': obj({ requestId, data: bytes({ max: MAX_BACKUP_BYTES }).optional(), error: str({ max: 2000 }).optional() }),
  'backup:store': obj({ reason: literal('before-restore', 'before-upgrade'), data: bytes({ max: MAX_BACKUP_BYTES }) }),
  'backup:list': nothing(),
  'backup:read': obj({ name: backupName }),
} satisfies Record<Channel, z.ZodType>;

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
  /** Calls the listener whenever main asks for a backup; returns the function that stops listening. */
  onBackupRequest(listener: (request: BackupRequest) => void): () => void;
  submitBackup(request: SubmitBackupRequest): Promise<IpcResult<null>>;
  storeBackup(request: StoreBackupRequest): Promise<IpcResult<StoreBackupResponse>>;
  listBackups(): Promise<IpcResult<BackupListResponse>>;
  readBackup(request: ReadBackupRequest): Promise<IpcResult<OpenedFile>>;
}
