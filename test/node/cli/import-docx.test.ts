// `import 意见.docx`: a Word document's opinion tables imported by the command line as a workbook's
// sheets, with the same preview, exit codes 0/1/2 and Chinese messages as a spreadsheet.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage, readPackage } from '#shared/package/format';
import { GROUP_TARGET } from '#shared/model/types';
import { FIXTURES, memberId, ROSTER } from '../../support/import-fixtures';
import { cli } from '../../support/cli';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const PACKAGE = '财政局.mzsh.json';

function setup() {
  const dir = tempDir('cli-import-docx');
  const content = sampleContent({ units: 1, membersPerMeeting: 0 });
  const meeting = content.meetings[0]!;
  content.opinions = [];
  content.members = ROSTER.map((m, i) => ({ id: m.id, meetingId: meeting.id, name: m.name, position: m.position, areas: '', rank: i + 1, createdAt: meeting.createdAt, updatedAt: meeting.createdAt }));
  writeFileSync(join(dir, PACKAGE), buildPackage(content, { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
  for (const f of ['per-member.docx', 'title-form.docx', 'two-row-header.docx', 'no-header.docx', 'no-table.docx', 'libreoffice.doc']) copyFileSync(join(FIXTURES, 'docx', f), join(dir, f));
  return { dir, meetingId: meeting.id };
}

function opinionsIn(dir: string) {
  const r = readPackage(new Uint8Array(readFileSync(join(dir, PACKAGE))));
  if (!r.ok) throw new Error(r.error);
  return r.package.content.opinions;
}

describe('cli import of a Word document', () => {
  it('previews one table per target, named by its heading, and exits 0', async () => {
    const { dir, meetingId } = setup();
    const r = await cli(['import', 'per-member.docx', '--package', PACKAGE, '--meeting', meetingId, '--dry-run'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      '文件：per-member.docx（Word 文档（.docx））',
      '会议：测试单位1 · 2025年度民主生活会',
      '表格“对领导班子的意见建议”（表头第 1 行）：B 列“意见来源”→意见来源，C 列“征求方式”→征求方式，D 列“意见建议”→意见内容',
      '表格“对张三同志的意见建议”（表头第 1 行）：B 列“意见来源”→意见来源，C 列“征求方式”→征求方式，D 列“意见建议”→意见内容',
      '表格“对李四同志的意见建议”（表头第 1 行）：B 列“意见来源”→意见来源，C 列“征求方式”→征求方式，D 列“意见建议”→意见内容',
      '说明：表格“关于征求领导班子及成员意见建议的情况报告”没有找到意见表的表头（如“意见对象”“意见来源”“意见建议”），未导入',
      '说明：按表格标题确定意见对象：“对领导班子的意见建议”→领导班子，“对张三同志的意见建议”→张三（局长），“对李四同志的意见建议”→李四（副局长）',
      '共 5 行：将添加 5 条，重复跳过 0 条，无实质内容跳过 0 条，有误 0 行。',
      '试运行（--dry-run）：未写入数据包。',
    ]);
  });

  it('writes the rows of a table with merged-down targets, and names a rejected row by table and row (exit 1)', async () => {
    const { dir, meetingId } = setup();
    const form = await cli(['import', 'title-form.docx', '--package', PACKAGE, '--meeting', meetingId], dir);
    expect(form.code).toBe(0);
    expect(form.out).toContain('已写入 财政局.mzsh.json：新增 6 条意见。');
    const stored = opinionsIn(dir);
    expect(stored.map((o) => [o.origin.kind === 'imported' ? o.origin.row : 0, o.targetId]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [2, GROUP_TARGET],
      [3, GROUP_TARGET],
      [4, GROUP_TARGET],
      [5, memberId('张三')],
      [8, memberId('李四')],
      [9, memberId('李四')],
    ]);
    const merged = await cli(['import', 'two-row-header.docx', '--package', PACKAGE, '--meeting', meetingId], dir);
    expect(merged.code).toBe(1);
    expect(merged.out).toContain('  - two-row-header.docx · 表格“征求意见建议汇总表” · 第 5 行 · E 列（意见建议）：意见内容为空');
    expect(opinionsIn(dir)).toHaveLength(8);
  });

  it('exits 2 with a Chinese message and writes nothing for a table without a header, a document without a table, or a .doc', async () => {
    const { dir, meetingId } = setup();
    const before = readFileSync(join(dir, PACKAGE));
    for (const [file, message] of [
      ['no-header.docx', '错误：“no-header.docx”中没有找到意见表：文档中的表格都没有表头（如“意见对象”“意见来源”“意见建议”），请在 Word 中给意见表加上表头行后再导入'],
      ['no-table.docx', '错误：“no-table.docx”是 Word 文档，但其中没有表格。'],
      ['libreoffice.doc', '错误：“libreoffice.doc”是 Word 文档（.doc，Word 97-2003 格式），无法直接读取。请在 Word 或 WPS 中打开后另存为 .docx 再导入'],
    ] as const) {
      const r = await cli(['import', file, '--package', PACKAGE, '--meeting', meetingId], dir);
      expect(r.code, file).toBe(2);
      expect(r.err).toContain(message);
    }
    expect(readFileSync(join(dir, PACKAGE)).equals(before)).toBe(true);
  });
});
