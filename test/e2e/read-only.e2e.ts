// An app older than the database it finds: the database on disk is version 99 (written with raw
// IndexedDB in the page, as a newer app would leave it). After a reload the app shows the data,
// says why it is read-only, refuses every change, and leaves the database exactly as it was.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUnit } from './flows';
import { openApp, opened, recordToasts, useBrowser, type AppSession } from './harness';

useBrowser();

/** Leaves the app for a static file of the same origin (same IndexedDB, no app code running). */
async function leaveApp(app: AppSession) {
  const before = app.errors.length;
  await app.page.goto(`${app.baseUrl}favicon.svg`);
  // Chromium asks for /favicon.ico on a non-HTML page; that 404 is the browser's, not the app's.
  await app.page.waitForTimeout(200);
  app.errors.splice(before, app.errors.length - before, ...app.errors.slice(before).filter((e) => !e.includes('404')));
}

/** Version, store names and row counts of the app's database, read raw on a page of the same origin. */
function inspect(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; units: number; unitIndexes: string[] }>((resolve, reject) => {
        const req = indexedDB.open('mzsh-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['units'], 'readonly');
          const store = tx.objectStore('units');
          const count = store.count();
          tx.oncomplete = () => {
            resolve({ version: db.version, stores: [...db.objectStoreNames].sort(), units: count.result, unitIndexes: [...store.indexNames].sort() });
            db.close();
          };
        };
      }),
  );
}

describe('a database from a newer version of the app', () => {
  it('opens read-only with a Chinese explanation and writes nothing', async () => {
    const app = await openApp('read-only');
    const { page, baseUrl } = app;
    await createUnit(page, '某某县审计局');

    // Leave the app, then upgrade the database to version 99 as a newer app would: a new store
    // and a new index.
    await leaveApp(app);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('mzsh-workbench', 990);
          req.onupgradeneeded = () => {
            req.result.createObjectStore('summaries', { keyPath: 'meetingId' });
            req.transaction!.objectStore('units').createIndex('name', 'name');
          };
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
        }),
    );
    const before = await inspect(page);
    expect(before).toMatchObject({ version: 990, units: 1 });

    await page.goto(baseUrl);
    const banner = page.getByTestId('read-only-banner');
    await banner.waitFor();
    await expect.poll(() => banner.textContent()).toContain('本机数据由更新版本的工作台写入，当前版本无法安全修改。请安装最新版本的工作台后再编辑。');
    await page.getByRole('link', { name: '某某县审计局' }).waitFor();
    await app.screenshot('banner');

    // Try to change something: refused with the reason, nothing written.
    await page.getByRole('button', { name: '新建单位' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '新建单位' }));
    await dialog.getByLabel('单位（班子）名称').fill('不应写入的单位');
    // The reason comes as a toast, which closes by itself: the test reads the record of toasts.
    const toasts = await recordToasts(page);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(toasts).toContainEqual(expect.stringMatching(/^只读模式，不能修改数据：/));
    await app.screenshot('refused');
    await dialog.getByRole('button', { name: '取 消' }).or(dialog.getByRole('button', { name: '取消' })).first().click();

    // The backup page: backing up works, restoring is not offered.
    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await page.getByRole('heading', { name: '备份与恢复' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '备份到文件…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.mzsh-backup$/);

    await leaveApp(app);
    expect(await inspect(page)).toEqual(before);
    await app.close();
  });
});
