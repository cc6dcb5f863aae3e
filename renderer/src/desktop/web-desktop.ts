// The desktop API for the plain web page: downloads instead of save dialogs, a file input instead
// of open dialogs. The same renderer build runs in Electron (window.desktop from the preload) or here.
import { zipSync } from 'fflate';
import { safeName, uniqueNames } from '#shared/files/safe-names';
// Automatic backups need a main process and a folder of their own: in a browser there are none, so
// the backups list is empty and a backup the app makes before a restore is offered as a download.
import { BACKUP_EXTENSION } from '#shared/backup/format';
import type { DesktopApi, FileFilter, OpenedFile } from '#shared/ipc/contract';
import { fileStamp, REASON_LABELS } from '../lib/backup-labels';

function accept(filters: FileFilter[]): string {
  return filters
    .flatMap((f) => f.extensions)
    .filter((e) => e !== '*')
    .map((e) => `.${e}`)
    .join(',');
}

function download(data: Uint8Array, name: string): void {
  const blob = new Blob([data as Uint8Array<ArrayBuffer>]);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const webDesktop: DesktopApi = {
  kind: 'web',
  async saveFile(request) {
    download(request.data, request.suggestedName);
    return { ok: true, value: { saved: true, path: request.suggestedName } };
  },
  async saveFiles(request) {
    // A browser cannot write into a folder: one zip holds the folder instead. Documents are
    // already compressed, so store them (level 0) rather than spend time deflating them again.
    // The names are made safe and unique as main makes them: two files of one name (or of names
    // differing only in case) would otherwise be one entry of the zip, the other silently dropped.
    const names = uniqueNames(request.files.map((f) => f.name));
    const folder = safeName(request.folderName);
    const zip = zipSync({ [folder]: Object.fromEntries(request.files.map((f, i) => [names[i]!, [f.data, { level: 0 }] as const])) }, { mtime: new Date() });
    const name = safeName(`${folder}.zip`);
    download(zip, name);
    return { ok: true, value: { saved: true, folder: name, count: names.length, files: names } };
  },
  async printPage() {
    window.print();
    return { ok: true, value: { printed: true } };
  },
  openFile(request) {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept(request.filters);
      input.multiple = request.multiple === true;
      input.style.display = 'none';
      document.body.appendChild(input);
      const done = () => input.remove();
      input.addEventListener('cancel', () => {
        done();
        resolve({ ok: true, value: { files: [] } });
      });
      input.addEventListener('change', () => {
        const files = [...(input.files ?? [])];
        done();
        const tooLarge = files.find((f) => f.size > request.maxBytes);
        if (tooLarge) {
          resolve({
            ok: false,
            error: { code: 'too-large', message: `文件“${tooLarge.name}”过大（${(tooLarge.size / 1048576).toFixed(1)} MB），最多 ${(request.maxBytes / 1048576).toFixed(1)} MB。` },
          });
          return;
        }
        void Promise.all(files.map(async (f): Promise<OpenedFile> => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))).then(
          (opened) => resolve({ ok: true, value: { files: opened } }),
          () => resolve({ ok: false, error: { code: 'io', message: '读取文件失败，请重试。' } }),
        );
      });
      input.click();
    });
  },
  async appVersion() {
    return { ok: true, value: __APP_VERSION__ };
  },
  onBackupRequest() {
    return () => undefined;
  },
  async submitBackup() {
    return NO_AUTOMATIC_BACKUPS;
  },
  async storeBackup(request) {
    const name = `${REASON_LABELS[request.reason]}-${fileStamp()}${BACKUP_EXTENSION}`;
    const saved = await webDesktop.saveFile({ suggestedName: name, filters: [], data: request.data });
    return saved.ok ? { ok: true, value: { name, path: name } } : saved;
  },
  async listBackups() {
    return { ok: true, value: { folder: '', backups: [] } };
  },
  async readBackup() {
    return NO_AUTOMATIC_BACKUPS;
  },
};

const NO_AUTOMATIC_BACKUPS = { ok: false, error: { code: 'bad-request', message: '网页版没有自动备份，请使用“立即备份”保存到文件。' } } as const;
