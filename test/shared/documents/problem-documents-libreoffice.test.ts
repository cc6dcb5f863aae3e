// The problem and ledger documents opened by another office suite: LibreOffice converts each to
// PDF, and the pages must be landscape where the lists are, carry the turned page numbers, repeat
// the table header on a list that runs over several pages, and hold the expected words. Fails,
// naming the tool, when LibreOffice or poppler-utils is absent (test/support/libreoffice.ts).
import { describe, expect, it } from 'vitest';
import { problemWorkbookXlsx } from '#shared/documents/excel/problem-workbook';
import { rectificationWorkbookXlsx } from '#shared/documents/excel/rectification-workbook';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { combinedProblemListsDocx, problemListDocx } from '#shared/documents/word/problem-list-docx';
import { rectificationListDocx, rectificationReportDocx } from '#shared/documents/word/rectification-docx';
import { GROUP_TARGET } from '#shared/model/types';
import { problemItem, problemSample } from '../../support/problem-sample';
import { convertToPdf } from '../../support/libreoffice';
import { fakeUuid } from '../../support/sample-content';

describe('problem and ledger documents open in LibreOffice', () => {
  it('converts each to PDF with landscape list pages, turned page numbers and a header row on every page', { timeout: 180_000 }, async () => {
    const s = problemSample();
    // A long group list, so the table runs over several pages.
    for (let i = 0; i < 30; i++) {
      s.problems.push(problemItem({ id: fakeUuid(99_000 + i), meetingId: s.meeting.id, targetId: GROUP_TARGET, description: `第${i + 1}个需要较长文字说明的问题，具体表现为工作推进不够有力、跟踪问效不够及时`, order: 100 + i }));
    }
    const pd = prepareProblemDocs({ docs: prepareMeetingDocs(s.input), consolidated: s.consolidated, problems: s.problems, entries: s.entries, progress: s.progress, today: '2026-03-08' });
    const { pdf } = convertToPdf('lo-problems', {
      'group.docx': await problemListDocx(pd, GROUP_TARGET, { mode: 'official', publicVersion: true }),
      'all-working.docx': await combinedProblemListsDocx(pd, { mode: 'compatible', publicVersion: false }),
      'rect-list.docx': await rectificationListDocx(pd, { mode: 'official' }),
      'rect-report.docx': await rectificationReportDocx(pd, { mode: 'official' }),
      'problems.xlsx': await problemWorkbookXlsx(pd, { date: '2026-03-08' }),
      'ledger.xlsx': await rectificationWorkbookXlsx(pd),
    });

    const group = pdf('group.docx');
    expect(group.landscape).toBe(true);
    expect(group.pages).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= group.pages; n++) {
      const text = group.page(n);
      expect(text, `page ${n} repeats the header`).toContain('问题表现');
      expect(text, `page ${n} has its number`).toContain(`—${n}—`);
    }
    expect(group.reading).not.toContain('备注');

    const working = pdf('all-working.docx');
    expect(working.landscape).toBe(true);
    for (const name of ['张三（局长）', '李四（副局长）', '王五（副局长）', '赵六（纪检组长）', '内部资料', '五个明确不全']) expect(working.reading).toContain(name);

    const list = pdf('rect-list.docx');
    expect(list.landscape).toBe(true);
    expect(list.reading).toContain('整改清单');
    expect(list.reading).toContain('已销号');

    const report = pdf('rect-report.docx');
    expect(report.landscape).toBe(false);
    expect(report.reading).toContain('整改落实情况报告');
    expect(report.reading).toContain('逾期未完成事项');
    expect(report.reading).toContain('—1—');

    const problems = pdf('problems.xlsx');
    expect(problems.landscape).toBe(true);
    expect(problems.reading).toContain('梳理后意见及回应情况');
    expect(problems.reading).toContain('=HYPERLINK("http://x","点击")建议公开办事指南');
    const ledger = pdf('ledger.xlsx');
    expect(ledger.landscape).toBe(true);
    expect(ledger.reading).toContain('整改进展情况');
    expect(ledger.reading).toContain('逾期21天');
  });
});
