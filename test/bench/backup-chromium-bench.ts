// Backup and restore at county scale in real Chromium, through the app's own page: ~100,000
// opinions and as many change-log lines are written straight into IndexedDB, then 立即备份 and a
// restore are timed from the click to the download / the success message. Needs a build
// (npx electron-vite build). Run: npm run bench:backup:chromium
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startWebServer } from '../../scripts/web-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { sampleContent } from '../support/sample-content';

async function main(): Promise<void> {
  const server = await startWebServer({ root: resolve(__dirname, '../../out/renderer') });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // tsx (esbuild) names functions with a __name helper that the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(server.url);
  await page.getByText('单位与会议').first().waitFor();

  // One unit's data as the template; the page copies it 300 times with new ids (sending 100 MB
  // through the DevTools protocol would crash the page).
  const template = sampleContent({ units: 1, membersPerMeeting: 10, perCell: 6, providers: ['县发改局', '', '某某镇'] });
  const t0 = Date.now();
  const seeded = await page.evaluate(
    ({ template, copies }) =>
      new Promise<{ opinions: number; changeLog: number }>((done, fail) => {
        const req = indexedDB.open('mzsh-workbench');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['units', 'meetings', 'members', 'opinions', 'changeLog'], 'readwrite');
          let n = 0;
          const counts = { opinions: 0, changeLog: 0 };
          for (let copy = 0; copy < copies; copy++) {
            const ids = new Map<string, string>();
            const id = (old: string) => {
              if (old === 'group') return old;
              if (!ids.has(old)) ids.set(old, `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`);
              return ids.get(old)!;
            };
            for (const u of template.units) tx.objectStore('units').put({ ...u, id: id(u.id), name: `${u.name}-${copy + 1}`, order: copy });
            for (const m of template.meetings) tx.objectStore('meetings').put({ ...m, id: id(m.id), unitId: id(m.unitId) });
            for (const m of template.members) tx.objectStore('members').put({ ...m, id: id(m.id), meetingId: id(m.meetingId) });
            for (const o of template.opinions) {
              const row = { ...o, id: id(o.id), meetingId: id(o.meetingId), targetId: id(o.targetId), content: `${o.content}（第${copy + 1}份）` };
              tx.objectStore('opinions').put(row);
              tx.objectStore('changeLog').put({ id: id(`log-${o.id}`), at: o.createdAt, actor: '测试员', entity: 'opinion', recordId: row.id, meetingId: row.meetingId, action: 'create', summary: `添加意见：${row.content.slice(0, 30)}` });
              counts.opinions++;
              counts.changeLog++;
            }
          }
          tx.oncomplete = () => {
            db.close();
            done(counts);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { template, copies: Number(process.env["COPIES"] ?? 300) },
  );
  console.log(`seeded ${seeded.opinions} opinions + ${seeded.changeLog} change-log rows with raw IndexedDB in ${Date.now() - t0} ms`);

  await page.reload();
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  let t = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '备份到文件…' }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'county.mzsh-backup');
  await download.saveAs(file);
  console.log(`立即备份 (read every table, JSON, gzip, SHA-256, download): ${Date.now() - t} ms, file ${(statSync(file).size / 1048576).toFixed(1)} MB`);

  t = Date.now();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择备份文件…' }).click()]);
  await chooser.setFiles(file);
  await page.getByTestId('backup-summary').waitFor();
  console.log(`open a backup and show what it holds: ${Date.now() - t} ms`);
  t = Date.now();
  await page.getByRole('button', { name: '恢复此备份…' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '用该备份替换本机的全部数据？' });
  await confirm.waitFor();
  console.log(`check every row before asking to confirm: ${Date.now() - t} ms`);
  t = Date.now();
  await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: '备份当前数据并恢复' }).click()]);
  await page.getByText(/已恢复：意见建议/).waitFor();
  console.log(`restore (backup of the current data, then clear + bulkAdd of every table in one transaction): ${Date.now() - t} ms`);
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  console.log(`page heap after the restore: ${(heap / 1048576).toFixed(0)} MB`);
  await browser.close();
  await server.close();
}

void main();
