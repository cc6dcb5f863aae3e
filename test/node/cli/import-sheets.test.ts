// `import` with a workbook whose second sheet is last year's list: that sheet is named with its
// reason and not imported unless --include-sheet (or --sheet) chooses it; a workbook holding only
// another year's list imports nothing and says so (exit 2), never silently.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildPackage, readPackage } from '#shared/package/format';
import { ROSTER } from '../../support/import-fixtures';
import { cli } from '../../support/cli';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const HEADER = ['序号', '意见对象', '意见来源', '征求方式', '意见建议', '收到日期'];
const THIS_YEAR = [
  [1, '张三', '上级领导', '谈心谈话', '理论学习与业务工作结合不够紧密', '2025-11-05'],
  [2, '李四', '基层群众', '走访', '到联系村走访的次数偏少', '2025-11-12'],
  [3, '领导班子', '服务对象', '座谈会', '政务服务事项网上办理的比例不高', '2025-12-01'],
];
const LAST_YEAR = [
  [1, '张三', '上级领导', '谈心谈话', '统筹协调分管工作的力度还不够', '2024-11-20'],
  [2, '王五', '分管领域', '书面征求', '分管科室之间协调配合不够顺畅', '2024-12-03'],
];

async function writeWorkbook(path: string, sheets: Array<[string, Array<Array<string | number>>]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    ws.addRow(HEADER);
    for (const r of rows) ws.addRow(r);
  }
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function setup() {
  const dir = tempDir('cli-import-sheets');
  const content = sampleContent({ units: 1, membersPerMeeting: 0 });
  const meeting = content.meetings[0]!;
  content.opinions = [];
  content.members = ROSTER.map((m, i) => ({ id: m.id, meetingId: meeting.id, name: m.name, position: m.position, areas: '', rank: i + 1, createdAt: meeting.createdAt, updatedAt: meeting.createdAt }));
  writeFileSync(join(dir, '财政局.mzsh.json'), buildPackage(content, { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
  await writeWorkbook(join(dir, '意见.xlsx'), [
    ['Sheet1', THIS_YEAR],
    ['2024年度', LAST_YEAR],
  ]);
  await writeWorkbook(join(dir, '去年.xlsx'), [['上年度意见', LAST_YEAR]]);
  const args = (file: string, ...more: string[]) => ['import', file, '--package', '财政局.mzsh.json', '--meeting', meeting.id, ...more];
  const opinions = () => {
    const r = readPackage(new Uint8Array(readFileSync(join(dir, '财政局.mzsh.json'))));
    if (!r.ok) throw new Error(r.error);
    return r.package.content.opinions;
  };
  return { dir, args, opinions };
}

describe('cli import of a workbook with last year’s sheet', () => {
  it('leaves last year’s sheet out, saying why and how to include it', async () => {
    const { dir, args, opinions } = await setup();
    const r = await cli(args('意见.xlsx'), dir);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.filter((l) => l.startsWith('工作表'))).toEqual([expect.stringMatching(/^工作表“Sheet1”（表头第 1 行）/)]);
    expect(lines).toContain('说明：工作表“2024年度”名称为2024年度，不是本次会议（2025年度）的意见，未导入；如确需导入请加 --include-sheet 2024年度');
    expect(lines).toContain('共 3 行：将添加 3 条，重复跳过 0 条，无实质内容跳过 0 条，有误 0 行。');
    expect(opinions().map((o) => o.origin.kind === 'imported' && o.origin.sheet)).toEqual(['Sheet1', 'Sheet1', 'Sheet1']);
  });

  it('imports the sheet chosen with --include-sheet, and only the sheets named with --sheet', async () => {
    const { dir, args, opinions } = await setup();
    const r = await cli(args('意见.xlsx', '--include-sheet', '2024年度', '--dry-run'), dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('说明：工作表“2024年度”按指定导入（工作表“2024年度”名称为2024年度，不是本次会议（2025年度）的意见）');
    expect(r.out).toContain('共 5 行：将添加 5 条');

    const only = await cli(args('意见.xlsx', '--sheet', '2024年度'), dir);
    expect(only.code).toBe(0);
    expect(only.out).toContain('说明：工作表“Sheet1”不在 --sheet 指定的工作表中，未导入');
    expect(opinions().map((o) => o.content).sort()).toEqual(['分管科室之间协调配合不够顺畅', '统筹协调分管工作的力度还不够']);
  });

  it('exits 2 and writes nothing when every sheet is another year’s, and names a sheet the file does not have', async () => {
    const { dir, args } = await setup();
    const before = readFileSync(join(dir, '财政局.mzsh.json'));
    const r = await cli(args('去年.xlsx'), dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain('说明：工作表“上年度意见”的名称表明是往年的意见，不是本次会议（2025年度）的意见，未导入；如确需导入请加 --include-sheet 上年度意见');
    expect(r.err).toContain('没有导入任何意见：“去年.xlsx”中的意见表都不是本次会议的（原因见上面的说明），数据包未改动；如确需导入请加 --include-sheet 名称');

    const unknown = await cli(args('意见.xlsx', '--include-sheet', '2023年度'), dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--include-sheet 2023年度：文件中没有名为“2023年度”的意见表。可选的工作表：“Sheet1”、“2024年度”');
    expect(readFileSync(join(dir, '财政局.mzsh.json')).equals(before)).toBe(true);
  });
});
