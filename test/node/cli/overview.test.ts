import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildPackage, selectUnits } from '#shared/package/format';
import { cli } from '../../support/cli';
import { countyContent } from '../../support/county-content';
import { tempDir } from '../../support/temp-dir';

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };

/** Two packages of two units each; the second unit is one opinion short; the fourth copies the first. */
function setup() {
  const dir = tempDir('cli-overview');
  const content = countyContent({ units: 4, members: [3, 3], seed: 77 });
  const [m1, m2, , m4] = content.meetings;
  const short = content.opinions.findIndex((o) => o.meetingId === m2!.id && o.category === '基层群众');
  content.opinions.splice(short, 1);
  const from = content.opinions.filter((o) => o.meetingId === m1!.id);
  content.opinions.filter((o) => o.meetingId === m4!.id).forEach((o, i) => i < 3 && (o.content = from[i]!.content));
  writeFileSync(join(dir, '甲.mzsh.json'), buildPackage(selectUnits(content, content.units.slice(0, 2).map((u) => u.id)), META));
  writeFileSync(join(dir, '乙.mzsh.json'), buildPackage(selectUnits(content, content.units.slice(2).map((u) => u.id)), META));
  return { dir, content };
}

describe('cli overview', () => {
  const { dir, content } = setup();

  it('prints one line per unit with its status and warnings, and the totals, across packages', async () => {
    const r = await cli(['overview', '甲.mzsh.json', '乙.mzsh.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^序号\s+单位（班子）\s+督导组\s+年度\s+状态/);
    expect(lines[1]).toMatch(/^1\s+某某县发展和改革局\s+第一督导组\s+2025\s+可以召开\s+—\s+40\/40\s+疑似抄袭3\s+未审核$/);
    expect(lines[2]).toMatch(/^2\s+某某县财政局\s+第二督导组\s+2025\s+未就绪（待补 1 项）/);
    expect(lines[4]).toContain('疑似抄袭3');
    expect(r.out).toContain('共 4 个单位、4 次会议：零意见 0，未就绪 1，可以召开 3，退回整改 0，已审核通过 0。');
    expect(r.out).toContain('疑似抄袭 6 条');
  });

  it('filters by supervisory group and writes the Excel overview', async () => {
    const r = await cli(['overview', '甲.mzsh.json', '乙.mzsh.json', '--group', '第二督导组', '--xlsx', '总览.xlsx', '--date', '2025-11-21'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('共 1 个单位、1 次会议');
    expect(r.out).toContain('已写出督导总览');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '总览.xlsx'));
    const sheet = book.getWorksheet('督导总览')!;
    expect(sheet.getRow(3).getCell(2).value).toBe(content.units[1]!.name);
    expect(sheet.getRow(4).getCell(2).value).toBe('合计：1个单位，1次会议');
  });

  it('refuses bad input with a Chinese message, exit code 2 and no file', async () => {
    writeFileSync(join(dir, '坏.mzsh.json'), '{"format":"mzsh-exchange"');
    const bad = await cli(['overview', '甲.mzsh.json', '坏.mzsh.json', '--xlsx', '不该有.xlsx'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('坏.mzsh.json：数据包已损坏或不完整');
    expect(existsSync(join(dir, '不该有.xlsx'))).toBe(false);
    expect((await cli(['overview', '甲.mzsh.json', '--year', '25'], dir)).err).toContain('年度“25”不正确');
    expect((await cli(['overview', '甲.mzsh.json', '--xlsx', '总览.xls'], dir)).err).toContain('--xlsx 的文件名应以 .xlsx 结尾');
    expect((await cli(['overview'], dir)).err).toContain('请指定至少一个数据包文件');
  });
});
