import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../node/files/atomic-write';
import { CHANNELS, dispatch, IpcFailure, type Handlers } from '../../electron/main/ipc/dispatch';
import { openFile, saveFile, saveFiles, type DialogPort } from '../../electron/main/ipc/file-handlers';
import { printPage, type PrintPort } from '../../electron/main/ipc/print-handler';
import { isTrustedAppUrl } from '../../electron/main/policy/trusted-url';
import { tempDir } from '../support/temp-dir';

const APP = 'app://bundle/index.html';

function handlers(): Handlers<null> {
  return {
    'file:save': vi.fn(async () => ({ saved: true as const, path: '/x' })),
    'file:open': vi.fn(async () => ({ files: [] })),
    'app:version': vi.fn(async () => '1.0.0'),
    'file:save-many': vi.fn(async () => ({ saved: true as const, folder: '/x', count: 1, files: ['a.docx'] })),
    'print:page': vi.fn(async () => ({ printed: true })),
    'backup:submit': vi.fn(async () => null),
    'backup:store': vi.fn(async () => ({ name: 'b.mzsh-backup', path: '/b.mzsh-backup' })),
    'backup:list': vi.fn(async () => ({ folder: '/backups', backups: [] })),
    'backup:read': vi.fn(async () => ({ name: 'b.mzsh-backup', data: new Uint8Array() })),
  };
}

describe('dispatch', () => {
  it('runs a valid call from the app', async () => {
    const h = handlers();
    const r = await dispatch('file:save', APP, { suggestedName: '清单.docx', filters: [], data: new Uint8Array([1]) }, h, null, (u) => isTrustedAppUrl(u));
    expect(r).toEqual({ ok: true, value: { saved: true, path: '/x' } });
  });
  it('refuses a sender that is not the app, without running the handler', async () => {
    const h = handlers();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', undefined]) {
      const r = await dispatch('app:version', url, null, h, null, (u) => isTrustedAppUrl(u));
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: '拒绝来自非本应用页面的请求' } });
    }
    expect(h['app:version']).not.toHaveBeenCalled();
  });
  it('refuses malformed payloads with the field named', async () => {
    const h = handlers();
    const r = await dispatch('file:save', APP, { suggestedName: '../../etc/passwd', filters: [], data: new Uint8Array() }, h, null, () => true);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: '请求数据不正确：字段 suggestedName 格式不正确（应为文件名）' } });
    const r2 = await dispatch('file:open', APP, { filters: [], maxBytes: -1 }, h, null, () => true);
    expect(r2).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(h['file:save']).not.toHaveBeenCalled();
  });
  it('refuses file names that carry a folder in save-many, without running the handler', async () => {
    const h = handlers();
    const file = (name: string) => ({ name, data: new Uint8Array([1]) });
    for (const payload of [
      { folderName: '清单', files: [file('../x.docx')] },
      { folderName: '清单', files: [file('a\\b.docx')] },
      { folderName: '..', files: [file('a.docx')] },
      { folderName: 'C:', files: [file('a.docx')] },
      { folderName: '清单', files: [file('.')] },
    ]) {
      const r = await dispatch('file:save-many', APP, payload, h, null, () => true);
      expect(r, JSON.stringify(payload.files[0]!.name)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(h['file:save-many']).not.toHaveBeenCalled();
    const ok = await dispatch('file:save-many', APP, { folderName: '2025年度-某某局-征求意见建议清单（逐人）', files: [file('00-领导班子.docx')] }, h, null, () => true);
    expect(ok.ok).toBe(true);
  });
  it('refuses unknown channels', async () => {
    const r = await dispatch('shell:exec' as never, APP, {}, handlers(), null, () => true);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
  it('turns failures into Chinese messages, never stack traces', async () => {
    const h = handlers();
    h['app:version'] = async () => {
      throw new IpcFailure('io', '磁盘已满');
    };
    expect(await dispatch('app:version', APP, null, h, null, () => true)).toEqual({ ok: false, error: { code: 'io', message: '磁盘已满' } });
    h['app:version'] = async () => {
      throw new TypeError('x is undefined');
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await dispatch('app:version', APP, null, h, null, () => true);
    spy.mockRestore();
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: '操作未能完成：程序内部错误，数据未改动。' } });
  });
  it('has a validator and a handler for every channel', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...CHANNELS].sort());
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file completely and leaves no temporary file', async () => {
    const dir = tempDir('atomic');
    const target = join(dir, '清单.docx');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new content'));
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['清单.docx']);
  });
  it('leaves the old file untouched when the write fails', async () => {
    const dir = tempDir('atomic');
    const target = join(dir, 'missing-folder', 'x.docx');
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('file handlers', () => {
  const port = (paths: { save?: string; open?: string[]; folder?: string }): DialogPort => ({
    showSave: async () => paths.save,
    showOpen: async () => paths.open ?? [],
    showFolder: async () => paths.folder,
    defaultFolder: () => tmpdir(),
  });
  it('saves through the dialog, atomically', async () => {
    const dir = tempDir('save');
    const target = join(dir, 'a.xlsx');
    const r = await saveFile(port({ save: target }), { suggestedName: 'a.xlsx', filters: [], data: new Uint8Array([7, 8]) }, { window: null });
    expect(r).toEqual({ saved: true, path: target });
    expect([...readFileSync(target)]).toEqual([7, 8]);
  });
  it('reports a cancelled dialog as not saved', async () => {
    expect(await saveFile(port({}), { suggestedName: 'a.xlsx', filters: [], data: new Uint8Array() }, { window: null })).toEqual({ saved: false });
  });
  it('refuses files over the size limit before reading them', async () => {
    const dir = tempDir('open');
    const big = join(dir, '大文件.xlsx');
    writeFileSync(big, Buffer.alloc(2048));
    await expect(openFile(port({ open: [big] }), { filters: [], maxBytes: 1024 }, { window: null })).rejects.toThrow('文件“大文件.xlsx”过大');
    const r = await openFile(port({ open: [big] }), { filters: [], maxBytes: 4096 }, { window: null });
    expect(r.files[0]!.name).toBe('大文件.xlsx');
    expect(r.files[0]!.data.byteLength).toBe(2048);
  });
  it('writes many files into a new folder inside the chosen one, each complete', async () => {
    const dir = tempDir('many');
    const files = [
      { name: '00-领导班子.docx', data: new Uint8Array([1, 2]) },
      { name: '01-张三.docx', data: new Uint8Array([3]) },
    ];
    const r = await saveFiles(port({ folder: dir }), { folderName: '清单（逐人）', files }, { window: null });
    expect(r).toEqual({ saved: true, folder: join(dir, '清单（逐人）'), count: 2, files: ['00-领导班子.docx', '01-张三.docx'] });
    expect(readdirSync(join(dir, '清单（逐人）')).sort()).toEqual(['00-领导班子.docx', '01-张三.docx']);
    expect([...readFileSync(join(dir, '清单（逐人）', '00-领导班子.docx'))]).toEqual([1, 2]);
    // Again: a new folder beside the first, which is left as it was; no temporary folder is left behind.
    const again = await saveFiles(port({ folder: dir }), { folderName: '清单（逐人）', files: [{ name: '01-张三.docx', data: new Uint8Array([9]) }] }, { window: null });
    expect(again).toMatchObject({ saved: true, folder: join(dir, '清单（逐人）（2）') });
    expect([...readFileSync(join(dir, '清单（逐人）', '01-张三.docx'))]).toEqual([3]);
    expect(readdirSync(dir).sort()).toEqual(['清单（逐人）', '清单（逐人）（2）']);
  });
  it('keeps files whose names differ only in case, and refuses folder-carrying names before asking for a folder; cancel is not saved', async () => {
    const dir = tempDir('save-many-case');
    const showFolder = vi.fn(async () => dir);
    const p: DialogPort = { ...port({}), showFolder };
    const data = new Uint8Array([1]);
    await expect(saveFiles(p, { folderName: 'x', files: [{ name: '../a.docx', data }] }, { window: null })).rejects.toThrow('不能包含文件夹');
    expect(showFolder).not.toHaveBeenCalled();
    expect(await saveFiles(p, { folderName: 'x', files: [{ name: 'a.docx', data }, { name: 'A.docx', data }] }, { window: null })).toEqual({
      saved: true,
      folder: join(dir, 'x'),
      count: 2,
      files: ['a.docx', 'A（2）.docx'],
    });
    expect(await saveFiles(port({}), { folderName: 'x', files: [{ name: 'a.docx', data }] }, { window: null })).toEqual({ saved: false });
  });
});

describe('print handler', () => {
  const window = {} as never;
  const port = (success: boolean, failureReason: string): PrintPort => ({ print: async () => ({ success, failureReason }) });
  it('prints through the system dialog', async () => {
    expect(await printPage(port(true, ''), { window })).toEqual({ printed: true });
  });
  it('reports a cancelled dialog as not printed, not as an error', async () => {
    expect(await printPage(port(false, 'cancelled'), { window })).toEqual({ printed: false });
    expect(await printPage(port(false, 'Print job canceled'), { window })).toEqual({ printed: false });
    expect(await printPage(port(false, ''), { window })).toEqual({ printed: false });
  });
  it('turns a printer failure into a fixed Chinese message, logging the English reason only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const failed = printPage(port(false, 'Print job failed'), { window });
      await expect(failed).rejects.toThrow(new IpcFailure('io', '打印失败，请检查打印机是否可用后重试。'));
      await expect(failed).rejects.not.toThrow(/Print job failed/);
      await expect(printPage(port(false, 'Invalid printer settings'), { window })).rejects.toThrow('打印失败：找不到所选打印机或打印设置无效，请重新选择打印机后重试。');
      await expect(printPage(port(false, 'Something new'), { window })).rejects.toThrow('打印失败，请检查打印机是否可用后重试。');
      expect(warn).toHaveBeenCalledWith('[print] failed: Print job failed');
    } finally {
      warn.mockRestore();
    }
    await expect(printPage(port(true, ''), { window: null })).rejects.toThrow('找不到要打印的窗口');
  });
});
