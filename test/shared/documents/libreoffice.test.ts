// Every document type opened by another office suite: LibreOffice converts each to PDF, and the
// PDF must have pages and the expected text — titles, names, the page-number field evaluated to
// `— 1 —`, the 内部资料 mark where it belongs. Fails, naming the tool, when LibreOffice or
// poppler-utils is absent (test/support/libreoffice.ts).
import { describe, expect, it } from 'vitest';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { ledgerFile } from '#shared/documents/excel/ledger-file';
import { combinedListFile, reportFile } from '#shared/documents/meeting-files';
import { opinionListDocx } from '#shared/documents/word/opinion-list-docx';
import { GROUP_TARGET } from '#shared/model/types';
import { documentSample, TEXTS } from '../../support/document-sample';
import { fakeUuid } from '../../support/sample-content';
import { convertToPdf } from '../../support/libreoffice';

/** The sample with six more opinions on the group, so that its list runs to three pages. */
function longerGroupList() {
  const sample = documentSample();
  const base = sample.opinions.find((o) => o.targetId === GROUP_TARGET)!;
  for (let i = 0; i < 6; i++) sample.opinions.push({ ...base, id: fakeUuid(70_000 + i), content: `${TEXTS[i]}；${TEXTS[(i + 3) % TEXTS.length]}。` });
  return prepareMeetingDocs(sample.input);
}

describe('documents open in LibreOffice', () => {
  it('converts every document type to PDF with the expected pages and text', { timeout: 180_000 }, async () => {
    const docs = prepareMeetingDocs(documentSample().input);
    const date = '2025-11-21';
    const li = docs.targets.find((t) => t.name === '李四')!;
    const { pdf, again } = convertToPdf('lo', {
      'member.docx': await opinionListDocx(docs, li.id, { internal: false, mode: 'official', date }),
      'member-internal.docx': await opinionListDocx(docs, li.id, { internal: true, mode: 'official', date }),
      'group.docx': await opinionListDocx(docs, GROUP_TARGET, { internal: false, mode: 'compatible', date }),
      'combined.docx': (await combinedListFile(longerGroupList(), { internal: false, mode: 'official', date })).data,
      'report.docx': (await reportFile(docs, { mode: 'official', date })).data,
      'ledger.xlsx': (await ledgerFile(docs, { date })).data,
    });

    const member = pdf('member.docx');
    expect(member.pages).toBeGreaterThanOrEqual(1);
    expect(member.flat).toContain('李四同志2025年度民主生活会征求意见建议清单');
    expect(member.flat).toContain('某某县财政局副局长');
    expect(member.text).toMatch(/—\s*1\s*—/);
    expect(member.flat).not.toContain('内部资料');
    expect(member.flat).not.toMatch(/提出人\d/);

    const internal = pdf('member-internal.docx');
    expect(internal.flat).toContain('内部资料');
    expect(internal.flat).toMatch(/提出方：提出人\d+/);
    expect(internal.pages).toBeGreaterThanOrEqual(member.pages);

    const group = pdf('group.docx');
    expect(group.flat).toContain('某某县财政局领导班子2025年度民主生活会征求意见建议清单');

    // A full line of body text holds 28 characters of 三号 (GB/T 9704's 22 × 28 page).
    const full = member.text.split('\n').map((l) => l.trim()).filter((l) => /^[\u4e00-\u9fff，、；：“”（）]+$/u.test(l));
    expect(Math.max(...full.map((l) => [...l].length))).toBe(28);

    // Five lists bound in one file: each starts on an odd page, numbered from 1; a blank page before
    // a list carries no number. (LibreOffice leaves such pages out of a PDF unless told otherwise,
    // and prints them: Print automatically inserted blank pages.)
    const combined = again(['combined.docx'], 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}', 'blanks')('combined.docx');
    const sheets = Array.from({ length: combined.pages }, (_, i) => {
      const text = combined.page(i + 1, { layout: true });
      return { physical: i + 1, number: Number(/—(\d+)—/.exec(text)?.[1] ?? 0), title: /([张李王赵][三四五六])同志|财政局领导班子/.exec(text)?.[0], blank: text === '' };
    });
    const starts = sheets.filter((p) => p.title !== undefined && p.number === 1);
    expect(starts.map((p) => p.title)).toEqual(['财政局领导班子', '张三同志', '李四同志', '王五同志', '赵六同志']);
    for (const p of starts) expect(p.physical % 2, `${p.title} starts on page ${p.physical}`).toBe(1);
    for (const p of sheets) expect(p.blank || p.number > 0, `page ${p.physical} has no number`).toBe(true);
    // The group's list ends on an odd page: a blank, unnumbered page keeps 张三's on the front of a sheet.
    expect(sheets.filter((p) => p.blank).length).toBeGreaterThanOrEqual(1);
    expect(sheets.filter((p) => p.blank).every((p) => p.number === 0)).toBe(true);

    const report = pdf('report.docx');
    expect(report.flat).toContain('征求意见情况报告');
    expect(report.flat).toContain('不得召开专题民主生活会');
    expect(report.flat).toContain('1（缺1）');

    const ledger = pdf('ledger.xlsx');
    expect(ledger.pages).toBeGreaterThanOrEqual(3);
    expect(ledger.flat).toContain('意见建议汇总台账');
    expect(ledger.flat).toContain('内部资料');
    expect(ledger.flat).toContain('=HYPERLINK("http://x","点击")建议公开办事指南');
  });
});
