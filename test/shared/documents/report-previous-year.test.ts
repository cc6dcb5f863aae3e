// The 征求意见情况报告 of a unit's next meeting reports on last year's rectification (上年度整改落实情况)
// when last year's meeting registered items: how they ended and those not closed, carried over or not;
// without last year's ledger the report has no such part.
import { describe, expect, it } from 'vitest';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { readinessReportDocx } from '#shared/documents/word/readiness-report-docx';
import { documentLines, officeParts } from '../../support/docx';
import { problemSample } from '../../support/problem-sample';

function years() {
  const s = problemSample();
  const last = prepareProblemDocs({ docs: prepareMeetingDocs(s.input), consolidated: s.consolidated, problems: s.problems, entries: s.entries, progress: s.progress, today: '2026-11-20' });
  // This year's meeting of the same unit; one of last year's open items carried into it.
  const docs = prepareMeetingDocs({ ...s.input, meeting: { ...s.meeting, year: 2026, title: '2026年度民主生活会' } });
  const open = s.entries.find((e) => e.status === 'in-progress')!;
  const carried = [{ carriedFrom: { entryId: open.id, meetingId: s.meeting.id, accountNumber: open.accountNumber } }];
  return { s, last, docs, carried };
}

const lines = async (...args: Parameters<typeof readinessReportDocx>) => documentLines(officeParts(await readinessReportDocx(...args)));

describe('上年度整改落实情况 in the 征求意见情况报告', () => {
  it('gives last year’s items by how they ended, then each one not closed with whether it was carried over', async () => {
    const { last, docs, carried } = years();
    const text = await lines(docs, { mode: 'official', date: '2026-11-20', previousYear: { last, carried } });
    const at = text.indexOf('四、上年度整改落实情况');
    expect(at).toBeGreaterThan(text.indexOf('三、存在的问题'));
    expect(text[at + 1]).toBe('2025年度民主生活会查摆问题6项，已销号1项，销号率17%；未销号5项（未启动1项、整改中2项、申请销号1项、长期坚持1项），已结转本年度1项。');
    const items = text.slice(at + 2, text.indexOf('五、结论'));
    expect(items).toHaveLength(5);
    expect(items.filter((l) => l.endsWith('已结转本年度）'))).toHaveLength(1);
    expect(items.filter((l) => l.endsWith('未结转）'))).toHaveLength(4);
    expect(items.every((l, i) => l.startsWith(`${i + 1}.`))).toBe(true);
  });

  it('comes after the 梳理 part and before the conclusion when the meeting has 梳理', async () => {
    const { s, last, docs, carried } = years();
    const pd = prepareProblemDocs({ docs, consolidated: s.consolidated, problems: s.problems, today: '2026-11-20' });
    const text = await lines(docs, { mode: 'official', date: '2026-11-20', problems: pd, previousYear: { last, carried } });
    expect(text.filter((l) => /^[一二三四五六七]、/.test(l))).toEqual(['一、征求意见统计', '二、征求方式分布', '三、存在的问题', '四、意见梳理和回应情况', '五、上年度整改落实情况', '六、结论']);
  });

  it('has no such part when last year registered nothing, or there is no last year', async () => {
    const { s, docs } = years();
    const empty = prepareProblemDocs({ docs: prepareMeetingDocs(s.input), consolidated: s.consolidated, problems: s.problems, today: '2026-11-20' });
    for (const options of [{ previousYear: { last: empty, carried: [] } }, {}]) {
      const text = await lines(docs, { mode: 'official', date: '2026-11-20', ...options });
      expect(text.join('\n')).not.toContain('上年度整改');
      expect(text).toContain('四、结论');
    }
  });
});
