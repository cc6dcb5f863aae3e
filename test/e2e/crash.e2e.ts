// A kill during a large write leaves the batch fully present or fully absent. The batch here is a
// paste of 3,000 opinions (3,000 opinion rows and 3,000 change-log rows in one transaction),
// confirmed in the preview; the browser is killed with SIGKILL at several points of the write,
// and once right after the app said it was saved (which must then survive: strict durability).
import type { Page } from 'playwright-core';
import { describe, expect, it, inject } from 'vitest';
import { runCrashScenario, type CrashScenario } from './crash-harness';
import { countRows } from './crash-probes';
import { choose, setUpMeeting } from './flows';
import { pasteInto } from './harness';

const BATCH = 3000;
const UNIT = '某某县应急管理局';

/** The batch's opinions and change-log lines, read raw in the probe tab. */
function countRaw(probe: Page, prefix: string): Promise<Record<string, number>> {
  return countRows(probe, {
    opinions: { store: 'opinions', field: 'content', startsWith: prefix },
    changeLog: { store: 'changeLog', field: 'summary', includes: `：${prefix}` },
  });
}

const prefix = (run: number) => `批次${run}-`;

const pasteScenario = (baseUrl: string): CrashScenario => {
  let meetingUrl = '';
  return {
    complete: { opinions: BATCH, changeLog: BATCH },
    async setup(page) {
      await page.goto(baseUrl);
      await setUpMeeting(page, UNIT, [['张三', '局长']]);
      meetingUrl = page.url().replace(/\/roster.*$/, '/entry');
    },
    async arm(page, _baseUrl, run) {
      await page.goto(meetingUrl);
      await page.getByRole('tab', { name: '录入意见', selected: true }).waitFor();
      await choose(page, '张三（局长）', '基层群众', '问卷调查');
      // One per line, unnumbered: the splitter reads numbering up to three digits only.
      const lines = Array.from({ length: BATCH }, (_, i) => `${prefix(run)}${i + 1}：问卷反映窗口办事排队时间长，群众满意度有待提高`);
      await pasteInto(page.getByTestId('opinion-input'), lines.join('\n'));
      const preview = page.getByRole('dialog', { name: `粘贴预览：拆分出 ${BATCH} 条` });
      await preview.waitFor({ timeout: 60_000 });
      const confirm = preview.getByRole('button', { name: `添加 ${BATCH} 条` });
      await confirm.waitFor();
      return () => confirm.click();
    },
    count: (probe, run) => countRaw(probe, prefix(run)),
    // Saved when the entry tab offers to undo the whole paste (shown once the write committed):
    // state that stays, not the 已添加 toast, which closes by itself.
    saved: (page) => page.getByTestId('undo-paste').filter({ hasText: `（${BATCH} 条）` }).waitFor({ timeout: 120_000 }),
  };
};

describe('crash safety', () => {
  it(`a ${BATCH}-opinion paste killed mid-write is fully present or fully absent`, { timeout: 600_000 }, async () => {
    const baseUrl = inject('baseUrl');
    const { write, outcomes } = await runCrashScenario(pasteScenario(baseUrl), baseUrl, [0.25, 0.6, 'saved']);
    console.log(`uninterrupted write of ${BATCH} opinions + ${BATCH} log rows: ${write.ms} ms from the click to the commit, ${write.bytes} bytes into IndexedDB`);
    for (const o of outcomes) {
      const when = o.share === 'saved' ? 'after the app showed it saved' : `at ${Math.round(o.share * 100)}% of the batch's bytes`;
      console.log(`killed ${when} (${o.bytesAtKill} bytes on disk) → ${o.state} (opinions ${o.counts['opinions']}, change log ${o.counts['changeLog']}); ${o.committedRows} rows committed before: ${o.problems.length === 0 ? 'all intact' : o.problems.join('; ')}`);
    }
    expect(outcomes.filter((o) => o.state === 'PARTIAL')).toEqual([]);
    // Everything committed before each batch survived its kill, unchanged.
    expect(outcomes.flatMap((o) => o.problems)).toEqual([]);
    // What the user was told is saved survives the kill.
    expect(outcomes.find((o) => o.share === 'saved')?.state).toBe('complete');
    // At least one kill landed with part of the batch on disk and no commit: rolled back to nothing.
    expect(outcomes.some((o) => o.state === 'absent' && o.bytesAtKill > 0)).toBe(true);
  });
});
