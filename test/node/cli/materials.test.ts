// The command line's pre-meeting check: `materials` lists each material's warnings and the copies
// across every package given; `check` adds the 会前准备 checklist for packages that carry the records.
// Until the package format carries talks and materials, the content is built in memory for the
// cross-package comparison; the verbs themselves run on format-v1 package files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { preMeetingOfPackages } from '../../../node/cli/pre-meeting';
import type { MaterialRecord } from '#shared/model/preparation';
import type { Talk } from '#shared/model/talks';
import { buildPackage, type PackageContent } from '#shared/package/format';
import { cli } from '../../support/cli';
import { readMaterial } from '../../support/materials';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const T = '2025-12-01T08:00:00.000Z';

function material(content: PackageContent, memberIndex: number, file: string, id: string): MaterialRecord {
  const meeting = content.meetings[0]!;
  const member = content.members.filter((m) => m.meetingId === meeting.id)[memberIndex]!;
  return { id, meetingId: meeting.id, targetId: member.id, origin: { kind: 'docx', file }, ...readMaterial(file), createdAt: T, updatedAt: T };
}

describe('pre-meeting check across packages', () => {
  it('finds a paragraph another unit copied, in packages read together, and reads the talks a package carries', () => {
    const a = sampleContent({ units: 1, firstId: 1 });
    const b = sampleContent({ units: 1, firstId: 3000 });
    b.units[0]!.name = '测试单位乙';
    const [m1, m2] = a.members;
    const talk: Talk = { id: '00000000-0000-4000-8000-00000000aaaa', meetingId: a.meetings[0]!.id, date: '2025-12-01', a: { kind: 'member', memberId: m1!.id }, b: { kind: 'member', memberId: m2!.id }, note: '', opinionIds: [], createdAt: T, updatedAt: T };
    const withRecords = { ...a, talks: [talk], materials: [material(a, 1, '2025-交通运输局-李红-对照检查材料.docx', '00000000-0000-4000-8000-00000000bbbb')] };
    const other = { ...b, materials: [material(b, 0, '2025-农业农村局-张伟-对照检查材料.docx', '00000000-0000-4000-8000-00000000cccc')] };
    const [first, second] = preMeetingOfPackages([
      { file: 'a.json', content: withRecords },
      { file: 'b.json', content: other },
    ]);
    expect(first!.carried).toBe(true);
    const reviewed = first!.review.reviews.find((r) => r.material)!;
    expect(reviewed.copies.map((c) => [c.kind, c.b.label])).toEqual([['cross-unit', expect.stringMatching(/^测试单位乙·.*·2025年度$/)]]);
    expect(second!.review.reviews.find((r) => r.material)!.copies.map((c) => c.kind)).toEqual(['cross-unit']);
    expect(first!.review.coverage.pairs.filter((p) => p.done)).toHaveLength(1);
    expect(first!.review.checklist.items.find((i) => i.key === 'materials')!.status).toBe('not-done');
  });

  it('treats a package of format v1 as carrying no pre-meeting records', () => {
    const [only] = preMeetingOfPackages([{ file: 'a.json', content: sampleContent({ units: 1 }) }]);
    expect(only!.carried).toBe(false);
    expect(only!.review.reviews.every((r) => !r.material)).toBe(true);
  });
});

describe('cli materials', () => {
  const dir = tempDir('cli-materials');
  writeFileSync(join(dir, '包.mzsh.json'), buildPackage(sampleContent({ units: 1 }), { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));

  it('lists the materials not submitted in Chinese, writes the two sheets, and exits 1', async () => {
    const r = await cli(['materials', '包.mzsh.json', '--xlsx', '材料.xlsx', '--date', '2025-12-20'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('提示：数据包中没有对照检查材料');
    expect(r.out).toContain('  领导班子：尚未提交对照检查材料');
    expect(r.out).toMatch(/共 1 次会议、应交材料 4 份：需要退回修改或补交 4 份，雷同段落 0 处。/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '材料.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['材料警示', '雷同段落']);
    expect(String(wb.getWorksheet('材料警示')!.getRow(3).getCell(4).value)).toBe('未提交');
  });

  it('refuses bad input with exit 2 and writes nothing', async () => {
    const bad = await cli(['materials', '包.mzsh.json', '--date', '2025-13-01'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('日期“2025-13-01”格式不正确');
    expect((await cli(['materials', '不存在.mzsh.json'], dir)).code).toBe(2);
    expect((await cli(['materials', '包.mzsh.json', '--xlsx', '材料.txt'], dir)).err).toContain('--xlsx 的文件名应以 .xlsx 结尾');
  });

  it('is listed in the help', async () => {
    expect((await cli(['help'], dir)).out).toContain('materials PACKAGE… [--xlsx FILE]');
  });
});
