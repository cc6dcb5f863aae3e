// Every document type opened by another office suite: LibreOffice converts each to PDF, and the
// PDF must have pages and the expected text — titles, names, the page-number field evaluated to
// `— 1 —`, the 内部资料 mark where it belongs. Fails, naming the tool, when LibreOffice or
// poppler-utils is absent (scripts/install-test-prereqs.sh installs both).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareMeetingDocs } from '../../shared/documents/meeting-docs';
import { ledgerFile } from '../../shared/documents/excel/ledger-file';
import { combinedListFile, reportFile } from '../../shared/documents/meeting-files';
import { opinionListDocx } from '../../shared/documents/word/opinion-list-docx';
import { GROUP_TARGET } from '../../shared/model/types';
import { documentSample } from '../support/document-sample';
import { requireLibreOffice, requirePoppler } from '../support/prereqs';
import { tempDir } from '../support/temp-dir';

describe('documents open in LibreOffice', () => {
  it('converts every document type to PDF with the expected pages and text', { timeout: 180_000 }, async () => {
    const soffice = requireLibreOffice();
    const { pdftotext, pdfinfo } = requirePoppler();
    const docs = prepareMeetingDocs(documentSample().input);
    const date = '2025-11-21';
    const li = docs.targets.find((t) => t.name === '李四')!;
    const files = {
      'member.docx': await opinionListDocx(docs, li.id, { internal: false, mode: 'official', date }),
      'member-internal.docx': await opinionListDocx(docs, li.id, { internal: true, mode: 'official', date }),
      'group.docx': await opinionListDocx(docs, GROUP_TARGET, { internal: false, mode: 'compatible', date }),
      'combined.docx': (await combinedListFile(docs, { internal: false, mode: 'official', date })).data,
      'report.docx': (await reportFile(docs, { mode: 'official', date })).data,
      'ledger.xlsx': (await ledgerFile(docs, { date })).data,
    };
    const dir = tempDir('lo');
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    // Its own profile, so a LibreOffice already running on the machine cannot block the conversion.
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((f) => join(dir, f))], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.status, r.stderr).toBe(0);

    const pdf = (name: string) => {
      const file = join(dir, name.replace(/\.\w+$/, '.pdf'));
      expect(existsSync(file), `${name} was not converted`).toBe(true);
      const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync(pdfinfo, [file], { encoding: 'utf8' }).stdout)?.[1]);
      const text = spawnSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      return { pages, text, flat: text.replace(/\s+/g, '') };
    };

    const member = pdf('member.docx');
    expect(member.pages).toBeGreaterThanOrEqual(1);
    expect(member.flat).toContain('个人征求意见建议清单');
    expect(member.flat).toContain('李四（副局长）');
    expect(member.text).toMatch(/—\s*1\s*—/);
    expect(member.flat).not.toContain('内部资料');
    expect(member.flat).not.toMatch(/提出人\d/);

    const internal = pdf('member-internal.docx');
    expect(internal.flat).toContain('内部资料');
    expect(internal.flat).toMatch(/提出方：提出人\d+/);
    expect(internal.pages).toBeGreaterThanOrEqual(member.pages);

    const group = pdf('group.docx');
    expect(group.flat).toContain('领导班子征求意见建议清单');

    // Five lists, each starting on a new page, numbered on through the document.
    const combined = pdf('combined.docx');
    expect(combined.pages).toBeGreaterThanOrEqual(5);
    for (const name of ['张三（局长）', '李四（副局长）', '王五（副局长）', '赵六（纪检组长）']) expect(combined.flat).toContain(name);
    expect(combined.text).toMatch(new RegExp(`—\\s*${combined.pages}\\s*—`));
    const order = ['张三（局长）', '李四（副局长）', '王五（副局长）', '赵六（纪检组长）'].map((n) => combined.flat.indexOf(`某某县财政局${n}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));

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
