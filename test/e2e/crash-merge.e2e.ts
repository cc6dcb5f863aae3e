// A kill during a large package merge leaves the batch fully present or fully absent. The batch is
// a package of 6 units (54 members, 3,000 opinions) merged into a workbench that already holds a
// unit, from the 数据交换 page: preview, then one transaction with the records, a merge base and a
// change-log line per meeting, and each meeting's summary. The browser is killed with SIGKILL while
// the rows reach the disk, and once right after the app said the merge was done (which must then
// survive); after each restart every meeting's summary must still agree with its rows.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildPackage } from '#shared/package/format';
import { countyContent } from '../support/county-content';
import { runCrashScenario, type CrashScenario } from './crash-harness';
import { countRows, summaryProblems } from './crash-probes';
import { addMembers, createMeeting, createUnit } from './flows';
import { choosePackage } from './package-flows';

const UNITS = 6;
const MEMBERS = 9;
const PER_CELL = 10;
const OPINIONS = UNITS * (MEMBERS + 1) * 5 * PER_CELL;
const fileName = (run: number) => `批次${run}-督导组汇总.mzsh.json`;
/** Every id of batch `run` begins with this (countyContent's idPrefix). */
const idPrefix = (run: number) => (0xd0 + run).toString(16).padStart(8, '0') + '-';

function batchPackage(run: number): Uint8Array {
  const content = countyContent({ units: UNITS, members: [MEMBERS, MEMBERS], perCell: PER_CELL, idPrefix: 0xd0 + run, seed: 100 + run });
  for (const unit of content.units) unit.name = `${unit.name}（批次${run}）`;
  return buildPackage(content, { appVersion: 'test', exportedAt: '2025-11-20T08:00:00.000Z' });
}

const mergeScenario = (baseUrl: string): CrashScenario => ({
  complete: { units: UNITS, meetings: UNITS, members: UNITS * MEMBERS, opinions: OPINIONS, meetingSummaries: UNITS, mergeBases: UNITS, changeLog: UNITS },
  async setup(page) {
    // The workbench already holds a unit of its own, so opening a package merges it.
    await page.goto(baseUrl);
    await createUnit(page, '某某县统计局', '第三督导组');
    await createMeeting(page, '某某县统计局', 2025);
    await addMembers(page, [['周立新', '局长']]);
  },
  async arm(page, baseUrl, run) {
    // From another page, so 数据交换 starts afresh after the previous batch.
    await page.goto(`${baseUrl}#/settings`);
    await page.getByLabel('操作人姓名').waitFor();
    await choosePackage(page, fileName(run), batchPackage(run));
    await page.getByTestId('package-not-empty').waitFor({ timeout: 60_000 });
    await page.getByTestId('merge-preview').click();
    const preview = page.getByRole('dialog', { name: '合并数据包预览' });
    await preview.waitFor({ timeout: 60_000 });
    const confirm = preview.getByRole('button', { name: /确认合并（写入 \d+ 条）/ });
    await confirm.waitFor();
    return () => confirm.click();
  },
  count: (probe: Page, run) => {
    const prefix = idPrefix(run);
    return countRows(probe, {
      units: { store: 'units', field: 'id', startsWith: prefix },
      meetings: { store: 'meetings', field: 'id', startsWith: prefix },
      members: { store: 'members', field: 'id', startsWith: prefix },
      opinions: { store: 'opinions', field: 'id', startsWith: prefix },
      meetingSummaries: { store: 'meetingSummaries', field: 'meetingId', startsWith: prefix },
      mergeBases: { store: 'mergeBases', field: 'key', startsWith: `meeting:${prefix}` },
      changeLog: { store: 'changeLog', field: 'summary', includes: `合并数据包“${fileName(run)}”` },
    });
  },
  // Saved when the opened package's merge panel has gone (it goes only once the merge committed):
  // state that stays, not the 已合并 toast, which closes by itself.
  saved: (page) => page.getByTestId('package-not-empty').waitFor({ state: 'hidden', timeout: 120_000 }),
  check: summaryProblems,
  // The merge base of the units is one row for all units: a merge adds its units' hashes to it.
  rewrites: ['mergeBases/"units"'],
});

describe('crash safety: package merge', () => {
  it(`a merge of ${OPINIONS} opinions killed mid-write is fully present or fully absent`, { timeout: 600_000 }, async () => {
    const baseUrl = inject('baseUrl');
    const started = Date.now();
    const { write, outcomes } = await runCrashScenario(mergeScenario(baseUrl), baseUrl, [0.3, 0.7, 'saved']);
    console.log(`uninterrupted merge of ${UNITS} units, ${UNITS * MEMBERS} members, ${OPINIONS} opinions: ${write.ms} ms from the click to the commit, ${write.bytes} bytes into IndexedDB`);
    for (const o of outcomes) {
      const when = o.share === 'saved' ? 'after the app showed it saved' : `at ${Math.round(o.share * 100)}% of the batch's bytes`;
      const counts = Object.entries(o.counts).map(([t, n]) => `${t} ${n}`).join(', ');
      console.log(`killed ${when} (${o.bytesAtKill} bytes on disk) → ${o.state} (${counts}), ${o.committedRows} rows committed before: ${o.problems.length === 0 ? 'summaries agree, all intact' : o.problems.join('; ')}`);
    }
    console.log(`scenario time: ${Math.round((Date.now() - started) / 1000)} s`);
    expect(outcomes.filter((o) => o.state === 'PARTIAL')).toEqual([]);
    expect(outcomes.flatMap((o) => o.problems)).toEqual([]);
    expect(outcomes.find((o) => o.share === 'saved')?.state).toBe('complete');
    expect(outcomes.some((o) => o.state === 'absent' && o.bytesAtKill > 0)).toBe(true);
  });
});
