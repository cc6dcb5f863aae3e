// The problem and ledger documents opened by another office suite: LibreOffice converts each to
// PDF, and the pages must be landscape where the lists are, carry the turned page numbers, repeat
// the table header on a list that runs over several pages, and hold the expected words. Fails,
// naming the tool, when LibreOffice or poppler-utils is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemWorkbookXlsx } from '#shared/documents/excel/problem-workbook';
import { rectificationWorkbookXlsx } from '#shared/documents/excel/rectification-workbook';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { combinedProblemListsDocx, problemListDocx } from '#shared/documents/word/problem-list-docx';
import { rectificationListDocx, rectificationReportDocx } from '#shared/documents/word/rectification-docx';
import { GROUP_TARGET } from '#shared/model/types';
import { problemItem, problemSample } from '../../support/problem-sample';
import { requireLibreOffice, requirePoppler } from '../../support/prereqs';
import { fakeUuid } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

describe('problem and ledger documents open in LibreOffice', () => {
  it('converts each to PDF with landscape list pages, turned page numbers and a header row on every page', { timeout: 180_000 }, async () => {
    const soffice = requireLibreOffice();
    const { pdftotext, pdfinfo } = requirePoppler();
    const s = problemSample();
    // A long group list, so the table runs over several pages.
    for (let i = 0; i < 30; i++) {
      s.problems.push(problemItem({ id: fakeUuid(99_000 + i), meetingId: s.meeting.id, targetId: GROUP_TARGET, description: `第${i + 1}个需要较长文字说明的问题，具体表现为工作推进不够有力、跟踪问效不够及时`, order: 100 + i }));
    }
    const pd = prepareProblemDocs({ docs: prepareMeetingDocs(s.input), consolidated: s.consolidated, problems: s.problems, entries: s.entries, progress: s.progress, today: '2026-03-08' });
    const files = {
      'group.docx': await problemListDocx(pd, GROUP_TARGET, { mode: 'official', publicVersion: true }),
      'all-working.docx': await combinedProblemListsDocx(pd, { mode: 'compatible', publicVersion: false }),
      'rect-list.docx': await rectificationListDocx(pd, { mode: 'official' }),
      'rect-report.docx': await rectificationReportDocx(pd, { mode: 'official' }),
      'problems.xlsx': await problemWorkbookXlsx(pd, { date: '2026-03-08' }),
      'ledger.xlsx': await rectificationWorkbookXlsx(pd),
    };
    const dir = tempDir('lo-problems');
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((f) => join(dir, f))], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const pdf = (name: string) => {
      const file = join(dir, name.replace(/\.\w+$/, '.pdf'));
      expect(existsSync(file), `${name} was not converted`).toBe(true);
      const info = spawnSync(pdfinfo, [file], { encoding: 'utf8' }).stdout;
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
      const page = (n: number) => spawnSync(pdftotext, ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      const flat = spawnSync(pdftotext, [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      return { pages, landscape: Number(size[1]) > Number(size[2]), page, flat };
    };

    const group = pdf('group.docx');
    expect(group.landscape).toBe(true);
    expect(group.pages).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= group.pages; n++) {
      const text = group.page(n);
      expect(text, `page ${n} repeats the header`).toContain('问题表现');
      expect(text, `page ${n} has its number`).toContain(`—${n}—`);
    }
    expect(group.flat).not.toContain('备注');

    const working = pdf('all-working.docx');
    expect(working.landscape).toBe(true);
    for (const name of ['张三（局长）', '李四（副局长）', '王五（副局长）', '赵六（纪检组长）', '内部资料', '五个明确不全']) expect(working.flat).toContain(name);

    const list = pdf('rect-list.docx');
    expect(list.landscape).toBe(true);
    expect(list.flat).toContain('整改清单');
    expect(list.flat).toContain('已销号');

    const report = pdf('rect-report.docx');
    expect(report.landscape).toBe(false);
    expect(report.flat).toContain('整改落实情况报告');
    expect(report.flat).toContain('逾期未完成事项');
    expect(report.flat).toContain('—1—');

    const problems = pdf('problems.xlsx');
    expect(problems.landscape).toBe(true);
    expect(problems.flat).toContain('梳理后意见及回应情况');
    expect(problems.flat).toContain('=HYPERLINK("http://x","点击")建议公开办事指南');
    const ledger = pdf('ledger.xlsx');
    expect(ledger.landscape).toBe(true);
    expect(ledger.flat).toContain('整改进展情况');
    expect(ledger.flat).toContain('逾期21天');
  });
});
