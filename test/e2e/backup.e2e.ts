// 备份与恢复 end to end in the web build: back up to a download (plain and with a password), change
// the data, restore from the file — the current data is downloaded first — and get the old data
// back exactly; a damaged file and a wrong password are refused with Chinese messages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addBlock, choose, createUnit, openTab, setUpMeeting } from './flows';
import { openApp, opened, useBrowser } from './harness';
import { tempDir } from '../support/temp-dir';
import { decodeBackup, encodeBackup } from '#shared/backup/format';

useBrowser();

const UNIT = '某某县财政局';
const dir = tempDir('backup-e2e');

async function openBackupPage(page: Page) {
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await page.getByRole('heading', { name: '备份与恢复' }).waitFor();
}

/** Clicks 备份到文件… and keeps the download; returns its path and suggested name. */
async function backUpNow(page: Page, name: string, password?: string) {
  if (password) {
    await page.getByLabel('备份密码', { exact: true }).fill(password);
    await page.getByLabel('确认备份密码').fill(password);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '备份到文件…' }).click()]);
  const path = join(dir, name);
  await download.saveAs(path);
  // Done when the button no longer spins (and the password fields are cleared): state that stays,
  // not the 已备份到 toast, which closes by itself and may be gone on a busy machine.
  await expect.poll(() => page.getByRole('button', { name: '备份到文件…' }).getAttribute('class')).not.toContain('ant-btn-loading');
  if (password) await expect.poll(() => page.getByLabel('备份密码', { exact: true }).inputValue()).toBe('');
  return { path, suggested: download.suggestedFilename() };
}

async function chooseBackupFile(page: Page, path: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择备份文件…' }).click()]);
  await chooser.setFiles(path);
}

/** Every row of every table, read with raw IndexedDB in the page. */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('mzsh-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => (out[name] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

describe('backup and restore', () => {
  it('backs up, restores exactly, and keeps the current data first', async () => {
    const app = await openApp('backup');
    const { page } = app;
    await setUpMeeting(page, UNIT, [
      ['张三', '局长'],
      ['李四', '副局长'],
    ]);
    await openTab(page, '录入意见');
    await choose(page, '张三（局长）', '基层群众', '座谈会');
    await addBlock(page, ['窗口服务态度有待改进', '办事指南更新不及时，群众多跑腿', '政策宣传不够接地气']);
    const original = await dumpDatabase(page);

    await openBackupPage(page);
    await app.screenshot('page');
    const plain = await backUpNow(page, 'plain.mzsh-backup');
    expect(plain.suggested).toMatch(/^民主生活会工作台备份-\d{8}-\d{6}\.mzsh-backup$/);
    expect(readFileSync(plain.path).subarray(0, 13).toString()).toBe('MZSH-BACKUP/1');

    // Change the data after the backup.
    await createUnit(page, '后来新建的单位');
    expect((await dumpDatabase(page))['units']).toHaveLength(2);

    // Restore: what the backup holds is shown before anything happens.
    await openBackupPage(page);
    await chooseBackupFile(page, plain.path);
    const summary = page.getByTestId('backup-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('单位 1，会议 1，班子成员 2，意见建议 3');
    await expect.poll(() => summary.textContent()).toContain('完整，未被改动');
    await app.screenshot('summary');
    await summary.getByRole('button', { name: '恢复此备份…' }).click();
    const confirm = await opened(page.getByRole('dialog').filter({ hasText: '用该备份替换本机的全部数据？' }));
    await app.screenshot('confirm');
    const [before] = await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: '备份当前数据并恢复' }).click()]);
    expect(before.suggestedFilename()).toMatch(/^恢复备份前-\d{8}-\d{6}\.mzsh-backup$/);
    // Restored when the database holds the backup's rows again and the panel has closed.
    await expect.poll(() => dumpDatabase(page)).toEqual(original);
    await page.getByTestId('backup-summary').waitFor({ state: 'hidden' });

    // The backup taken before the restore holds the two units.
    const beforePath = join(dir, 'before.mzsh-backup');
    await before.saveAs(beforePath);
    await chooseBackupFile(page, beforePath);
    await expect.poll(() => page.getByTestId('backup-summary').textContent()).toContain('单位 2');
    await expect.poll(() => page.getByTestId('backup-summary').textContent()).toContain('恢复备份前');

    await page.getByRole('menuitem', { name: '单位与会议' }).click();
    await page.getByRole('link', { name: UNIT }).waitFor();
    expect(await page.getByRole('link', { name: '后来新建的单位' }).count()).toBe(0);
    await app.close();
  });

  it('restores an encrypted backup only with its password, and refuses a damaged file', async () => {
    const app = await openApp('backup-encrypted');
    const { page } = app;
    await createUnit(page, UNIT);
    await openBackupPage(page);
    const sealed = await backUpNow(page, 'sealed.mzsh-backup', '县委组织部2026');
    expect(readFileSync(sealed.path).includes(Buffer.from(UNIT))).toBe(false);

    // One changed byte near the end: refused before anything else happens.
    const damaged = readFileSync(sealed.path);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0x01;
    const damagedPath = join(dir, '损坏的备份.mzsh-backup');
    writeFileSync(damagedPath, damaged);
    await chooseBackupFile(page, damagedPath);
    await expect.poll(() => page.getByTestId('backup-problem').textContent()).toContain('备份文件已损坏：数据与校验码不符，文件已被改动');
    await app.screenshot('damaged');

    await createUnit(page, '第二个单位');
    await openBackupPage(page);
    await chooseBackupFile(page, sealed.path);
    const summary = page.getByTestId('backup-summary');
    await expect.poll(() => summary.textContent()).toContain('已加密（AES-256-GCM）');
    await page.getByLabel('恢复密码').fill('错误的密码');
    await summary.getByRole('button', { name: '恢复此备份…' }).click();
    await expect.poll(() => page.getByTestId('restore-failure').textContent()).toBe('密码不正确，或备份的清单已被改动，无法解密该备份');
    await app.screenshot('wrong-password');

    await page.getByLabel('恢复密码').fill('县委组织部2026');
    await summary.getByRole('button', { name: '恢复此备份…' }).click();
    const confirm = await opened(page.getByRole('dialog').filter({ hasText: '用该备份替换本机的全部数据？' }));
    await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: '备份当前数据并恢复' }).click()]);
    await expect.poll(async () => ((await dumpDatabase(page))['units'] as Array<{ name: string }>).map((u) => u.name)).toEqual([UNIT]);
    await page.getByTestId('backup-summary').waitFor({ state: 'hidden' });
    await app.close();
  });

  it('refuses a hand-edited backup with recomputed checksums, and never trusts the summaries in a backup', async () => {
    const app = await openApp('backup-forged');
    const { page } = app;
    await setUpMeeting(page, UNIT, [['张三', '局长']]);
    await openBackupPage(page);
    const plain = await backUpNow(page, 'to-forge.mzsh-backup');

    /** The backup edited as a forger would: a table changed, counts and every checksum recomputed. */
    const forge = (name: string, edit: (tables: Record<string, Array<Record<string, unknown>>>) => void) => {
      const d = decodeBackup(new Uint8Array(readFileSync(plain.path)));
      if (!d.ok) throw new Error(d.error);
      const tables = JSON.parse(gunzipSync(d.payload).toString('utf8')) as Record<string, Array<Record<string, unknown>>>;
      edit(tables);
      const json = Buffer.from(JSON.stringify(tables));
      const m = d.manifest;
      const bytes = encodeBackup(
        { ...m, tables: Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length])), payload: { compression: 'gzip', plainBytes: json.byteLength }, encryption: null },
        gzipSync(json),
      );
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };

    // A junk row in a derived table: the frame verifies, the rows do not.
    await chooseBackupFile(page, forge('junk.mzsh-backup', (t) => t['meetingSummaries']!.push({ meetingId: 'junk', readiness: '页面出错' })));
    const summary = page.getByTestId('backup-summary');
    await expect.poll(() => summary.textContent()).toContain('完整，未被改动');
    await summary.getByRole('button', { name: '恢复此备份…' }).click();
    await expect.poll(() => page.getByTestId('restore-failure').textContent()).toMatch(/^备份数据不正确：会议汇总第 2 条：/);
    await app.screenshot('junk-refused');

    // A well-formed summary that lies (ready, nothing missing): restored, but computed again from the records.
    await chooseBackupFile(
      page,
      forge('lying.mzsh-backup', (t) => Object.assign(t['meetingSummaries']![0]!, { readiness: 'ready', shortfallCount: 0, zeroTargets: [] })),
    );
    await expect.poll(() => summary.textContent()).toContain('完整，未被改动');
    await summary.getByRole('button', { name: '恢复此备份…' }).click();
    const confirm = await opened(page.getByRole('dialog').filter({ hasText: '用该备份替换本机的全部数据？' }));
    await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: '备份当前数据并恢复' }).click()]);
    // The panel closes once the restore succeeded (the dialog's title changes while it runs, so
    // its locator is no sign): only then does the overview show the restored data.
    await page.getByTestId('backup-summary').waitFor({ state: 'hidden' });
    await page.getByRole('menuitem', { name: '督导总览' }).click();
    const row = page.getByTestId('overview-table').locator('.ant-table-row').filter({ hasText: UNIT });
    await expect.poll(() => row.getByTestId('status-tag').textContent()).toBe('零意见');
    await app.screenshot('overview-after-forged');
    await app.close();
  });
});

