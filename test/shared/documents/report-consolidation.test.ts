// The 征求意见情况报告 with the meeting's 梳理: the real 收集/梳理 counts (total and per channel) and the
// 意见梳理和回应情况 part with coverage and the unanswered opinions; without it, the report is as before.
import { describe, expect, it } from 'vitest';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { readinessReportDocx } from '#shared/documents/word/readiness-report-docx';
import { documentLines, officeParts } from '../../support/docx';
import { problemSample } from '../../support/problem-sample';

describe('the readiness report with 梳理', () => {
  it('gives the real 梳理 counts and the coverage part', async () => {
    const s = problemSample();
    const docs = prepareMeetingDocs(s.input);
    const pd = prepareProblemDocs({ docs, consolidated: s.consolidated, problems: s.problems, today: '2026-03-01' });
    const lines = documentLines(officeParts(await readinessReportDocx(docs, { mode: 'official', date: '2026-03-01', problems: pd })));
    const text = lines.join('\n');
    expect(text).toContain(`共收集意见建议${docs.readiness.totals.raw}条，计入${docs.readiness.totals.counted}条`);
    expect(text).toContain(`梳理为${pd.counts.total.consolidated}条`);
    expect(pd.counts.total.consolidated).toBeLessThan(docs.readiness.totals.counted);
    expect(lines).toContain('四、意见梳理和回应情况');
    expect(lines).toContain('五、结论');
    expect(lines).toContain('尚未回应的意见1条：');
    const channelTotal = lines.indexOf('合计');
    expect(lines.slice(channelTotal, channelTotal + 3)).toEqual(['合计', String(pd.counts.total.collected), String(pd.counts.total.consolidated)]);

    const plain = documentLines(officeParts(await readinessReportDocx(docs, { mode: 'official', date: '2026-03-01' }))).join('\n');
    expect(plain).not.toContain('意见梳理和回应情况');
    expect(plain).toContain(`梳理为${docs.readiness.totals.counted}条`);
  });

  it('shows no 梳理为 figures while nothing is consolidated, as the sentence says 尚未梳理', async () => {
    const s = problemSample();
    const docs = prepareMeetingDocs(s.input);
    const pd = prepareProblemDocs({ docs, consolidated: [], problems: [], today: '2026-03-01' });
    const lines = documentLines(officeParts(await readinessReportDocx(docs, { mode: 'official', date: '2026-03-01', problems: pd })));
    const section = lines.slice(lines.indexOf('四、意见梳理和回应情况'), lines.indexOf('五、结论'));
    expect(section.join('')).toContain('尚未梳理');
    const header = ['意见对象', '收集', '梳理为', '已回应', '回应率'];
    const start = section.indexOf('意见对象');
    expect(section.slice(start, start + header.length)).toEqual(header);
    const rows = section.slice(start + header.length);
    expect(rows.length).toBe(pd.coverage.targets.length * header.length);
    for (let i = 0; i < rows.length; i += header.length) {
      const collected = Number(rows[i + 1]);
      // A target with opinions shows — under 梳理为, never its pending count.
      expect(rows.slice(i + 2, i + 5)).toEqual([collected > 0 ? '—' : '0', '—', '—']);
    }
    const channelTotal = lines.indexOf('合计');
    expect(lines.slice(channelTotal, channelTotal + 3)).toEqual(['合计', String(pd.counts.total.collected), '—']);
  });
});
