// A kill during a large spreadsheet import leaves the batch fully present or fully absent. The
// batch is an .xlsx of 3,000 opinion rows chosen on the meeting's 导入 tab and confirmed in the
// preview: 3,000 opinion rows, 3,000 change-log rows and the meeting's summary in one transaction.
// The browser is killed with SIGKILL while the rows reach the disk, and once right after the app
// said they were imported (which must then survive); after each restart every meeting's summary
// must still agree with its rows.
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { describe, expect, inject, it } from 'vitest';
import { runCrashScenario, type CrashScenario } from './crash-harness';
import { countRows, summaryProblems } from './crash-probes';
import { setUpMeeting } from './flows';

const ROWS = 3000;
const UNIT = '某某县自然资源和规划局';
const fileName = (run: number) => `批次${run}-意见汇总.xlsx`;

/** The spreadsheet of batch `run`: a header and ROWS opinions, spread over the group and two members. */
function spreadsheet(run: number): Buffer {
  const targets = ['领导班子', '张三', '李四'];
  const sources = ['上级领导', '下属单位', '分管领域', '服务对象', '基层群众'];
  const rows = [['意见对象', '意见来源', '征求方式', '意见建议']];
  for (let i = 0; i < ROWS; i++) rows.push([targets[i % 3]!, sources[i % 5]!, '问卷调查', `批次${run}第${i + 1}条：窗口办事排队时间长，群众满意度有待提高`]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '意见');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const importScenario = (baseUrl: string): CrashScenario => {
  let importUrl = '';
  return {
    complete: { opinions: ROWS, changeLog: ROWS },
    async setup(page) {
      await page.goto(baseUrl);
      await setUpMeeting(page, UNIT, [
        ['张三', '局长'],
        ['李四', '副局长'],
      ]);
      importUrl = page.url().replace(/\/roster.*$/, '/import');
    },
    async arm(page, _baseUrl, run) {
      // Through another tab, so the 导入 tab starts afresh after the previous batch's success page.
      await page.goto(importUrl.replace(/\/import$/, '/readiness'));
      await page.getByRole('tab', { name: '就绪情况', selected: true }).waitFor();
      await page.goto(importUrl);
      await page.getByText('点击选择或拖入意见表').waitFor();
      await page.locator('.ant-upload input[type="file"]').first().setInputFiles({ name: fileName(run), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: spreadsheet(run) });
      const counts = page.getByTestId('import-counts');
      await counts.waitFor({ timeout: 60_000 });
      await expect.poll(() => counts.textContent(), { timeout: 60_000 }).toContain(`共 ${ROWS} 行：将添加 ${ROWS} 条`);
      const confirm = page.getByTestId('import-confirm');
      return () => confirm.click();
    },
    count: (probe: Page, run) =>
      countRows(probe, {
        opinions: { store: 'opinions', field: 'origin.file', equals: fileName(run) },
        changeLog: { store: 'changeLog', field: 'summary', startsWith: `导入意见（${fileName(run)}` },
      }),
    saved: (page) => page.getByText(`已导入 ${ROWS} 条意见`).waitFor({ timeout: 120_000 }),
    check: summaryProblems,
  };
};

describe('crash safety: spreadsheet import', () => {
  it(`a ${ROWS}-row import killed mid-write is fully present or fully absent`, { timeout: 600_000 }, async () => {
    const baseUrl = inject('baseUrl');
    const started = Date.now();
    const { write, outcomes } = await runCrashScenario(importScenario(baseUrl), baseUrl, [0.3, 0.7, 'saved']);
    console.log(`uninterrupted import of ${ROWS} rows (+ ${ROWS} log rows and the summary): ${write.ms} ms from the click to the commit, ${write.bytes} bytes into IndexedDB`);
    for (const o of outcomes) {
      const when = o.share === 'saved' ? 'after the app showed it saved' : `at ${Math.round(o.share * 100)}% of the batch's bytes`;
      console.log(`killed ${when} (${o.bytesAtKill} bytes on disk) → ${o.state} (opinions ${o.counts['opinions']}, change log ${o.counts['changeLog']}), ${o.committedRows} rows committed before: ${o.problems.length === 0 ? 'summaries agree, all intact' : o.problems.join('; ')}`);
    }
    console.log(`scenario time: ${Math.round((Date.now() - started) / 1000)} s`);
    expect(outcomes.filter((o) => o.state === 'PARTIAL')).toEqual([]);
    expect(outcomes.flatMap((o) => o.problems)).toEqual([]);
    expect(outcomes.find((o) => o.share === 'saved')?.state).toBe('complete');
    expect(outcomes.some((o) => o.state === 'absent' && o.bytesAtKill > 0)).toBe(true);
  });
});
