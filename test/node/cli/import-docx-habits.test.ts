// `import 意见.docx` with the Word habits units have: a table split at a page break, and last year's
// table kept in the document under its own title — the preview says what was joined and left out.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '#shared/package/format';
import { FIXTURES, fixtureBytes, ROSTER } from '../../support/import-fixtures';
import { cli } from '../../support/cli';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const PACKAGE = '财政局.mzsh.json';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tr = (...cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;
const list = (text: string) => `<w:tbl>${tr('序号', '意见对象', '意见来源', '意见建议')}${tr('1', '领导班子', '上级领导', `${text}甲`)}${tr('2', '张三', '基层群众', `${text}乙`)}</w:tbl>`;

function setup() {
  const dir = tempDir('cli-import-docx-habits');
  const content = sampleContent({ units: 1, membersPerMeeting: 0 });
  const meeting = content.meetings[0]!;
  content.opinions = [];
  content.members = ROSTER.map((m, i) => ({ id: m.id, meetingId: meeting.id, name: m.name, position: m.position, areas: '', rank: i + 1, createdAt: meeting.createdAt, updatedAt: meeting.createdAt }));
  writeFileSync(join(dir, PACKAGE), buildPackage(content, { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
  copyFileSync(join(FIXTURES, 'docx', 'split-table.docx'), join(dir, 'split-table.docx'));
  const parts = unzipSync(fixtureBytes('docx/no-table.docx'));
  const body = p('中共某某县财政局党组2024年度民主生活会征求意见建议汇总表') + list('去年的意见');
  parts['word/document.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  writeFileSync(join(dir, 'last-year.docx'), zipSync(parts));
  return { dir, args: (...rest: string[]) => ['import', ...rest, '--package', PACKAGE, '--meeting', meeting.id, '--set', '征求方式=书面征求', '--dry-run'] };
}

describe('cli import of Word lists as units make them', () => {
  it('reads a table split at a page break whole, and says so', async () => {
    const { dir, args } = setup();
    const r = await cli(args('split-table.docx'), dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('说明：表格“征求意见建议汇总表”之后紧接着一个没有表头、列数相同的表格（Word 中跨页拆开的续表），已作为它的第 5–7 行一并读取；如不是同一张表，请在 Word 中给后一个表格加上表头后再导入');
    expect(r.out).toContain('共 6 行：将添加 6 条');
  });

  it('leaves out a lone table under last year’s title (exit 2), and reads it when included, naming it as a table', async () => {
    const { dir, args } = setup();
    const r = await cli(args('last-year.docx'), dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain('说明：文档中的表格标题为2024年度，不是本次会议（2025年度）的意见，未导入；如确需导入请加 --include-sheet \'\'');
    const included = await cli(args('last-year.docx', '--include-sheet', ''), dir);
    expect(included.code).toBe(0);
    expect(included.out).toContain('说明：表格按指定导入（文档中的表格标题为2024年度，不是本次会议（2025年度）的意见）');
    expect(included.out).toContain('共 2 行：将添加 2 条');
  });
});
