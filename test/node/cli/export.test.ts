import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '#shared/package/format';
import { cli } from '../../support/cli';
import { documentLines, officeParts } from '../../support/docx';
import { privacyContent, PROVIDER_NAMES } from '../../support/privacy-sample';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };

function setup() {
  const dir = tempDir('cli-export');
  writeFileSync(join(dir, '两个单位.mzsh.json'), buildPackage(sampleContent({ units: 2 }), META));
  writeFileSync(join(dir, '隐私.mzsh.json'), buildPackage(privacyContent(), META));
  return dir;
}

const WORD_FILES = [
  '2025年度-测试单位1-00-领导班子-征求意见建议清单.docx',
  '2025年度-测试单位1-01-张建国-征求意见建议清单.docx',
  '2025年度-测试单位1-02-李卫东-征求意见建议清单.docx',
  '2025年度-测试单位1-03-王秀英-征求意见建议清单.docx',
  '2025年度-测试单位1-征求意见建议清单（全部）.docx',
  '2025年度-测试单位1-征求意见情况报告.docx',
];

describe('cli export', () => {
  it('writes the Word and Excel files of every meeting, one folder per meeting, named to be found', async () => {
    const dir = setup();
    const r = await cli(['export', '两个单位.mzsh.json', '--out', '导出', '--date', '2025-11-21'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, '导出')).sort()).toEqual(['2025年度-测试单位1', '2025年度-测试单位2']);
    const files = readdirSync(join(dir, '导出', '2025年度-测试单位1')).sort();
    expect(files).toEqual([...WORD_FILES, '2025年度-测试单位1-意见建议汇总台账（内部资料）.xlsx'].sort());
    const lines = documentLines(officeParts(readFileSync(join(dir, '导出', '2025年度-测试单位1', WORD_FILES[2]!))));
    expect(lines.slice(0, 2)).toEqual(['李卫东同志2025年度民主生活会征求意见建议清单', '测试单位1副局长']);
    expect(lines[2]).toContain('截至2025年11月21日');
    const report = documentLines(officeParts(readFileSync(join(dir, '导出', '2025年度-测试单位2', '2025年度-测试单位2-征求意见情况报告.docx'))));
    expect(report).toContain('1.王秀英（副局长）：基层群众意见1条，至少需2条。');
    expect(r.out).toContain('测试单位1 · 2025年度民主生活会：7 个文件 → 导出/2025年度-测试单位1');
    expect(r.out).toContain('共导出 2 次会议、14 个文件。');
    expect(r.out).toContain('汇总台账列有意见提出方，属内部资料');
  });

  it('exports the meetings of several packages in one run, each unit in its own folder', async () => {
    const dir = tempDir('cli-export');
    writeFileSync(join(dir, '测试单位.mzsh.json'), buildPackage(sampleContent({ units: 1 }), META));
    // A second county package: other ids, other units.
    const other = sampleContent({ units: 2, firstId: 10_000 });
    other.units.forEach((u, i) => Object.assign(u, { name: ['某某县财政局', '某某县统计局'][i], shortName: ['财政局', '统计局'][i] }));
    writeFileSync(join(dir, '县直单位.mzsh.json'), buildPackage(other, META));

    const r = await cli(['export', '测试单位.mzsh.json', '县直单位.mzsh.json', '--out', '导出', '--word', '--excel', '--date', '2025-11-21'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, '导出')).sort()).toEqual(['2025年度-测试单位1', '2025年度-某某县财政局', '2025年度-某某县统计局'].sort());
    for (const unit of ['测试单位1', '某某县财政局', '某某县统计局']) {
      const files = readdirSync(join(dir, '导出', `2025年度-${unit}`)).sort();
      expect(files, unit).toEqual([...WORD_FILES.map((f) => f.replace('测试单位1', unit)), `2025年度-${unit}-意见建议汇总台账（内部资料）.xlsx`].sort());
    }
    // Each folder holds its own package's data.
    const list = documentLines(officeParts(readFileSync(join(dir, '导出', '2025年度-某某县财政局', '2025年度-某某县财政局-01-张建国-征求意见建议清单.docx'))));
    expect(list.slice(0, 2)).toEqual(['张建国同志2025年度民主生活会征求意见建议清单', '某某县财政局局长']);
    const report = (unit: string) => documentLines(officeParts(readFileSync(join(dir, '导出', `2025年度-${unit}`, `2025年度-${unit}-征求意见情况报告.docx`))));
    expect(report('某某县统计局')).toContain('1.王秀英（副局长）：基层群众意见1条，至少需2条。');
    expect(report('某某县财政局')).not.toContain('1.王秀英（副局长）：基层群众意见1条，至少需2条。');
    expect(r.out).toContain('某某县财政局 · 2025年度民主生活会：7 个文件 → 导出/2025年度-某某县财政局');
    expect(r.out).toContain('共导出 3 次会议、21 个文件。');
  });

  it('writes only Word or only Excel when asked', async () => {
    const dir = setup();
    expect((await cli(['export', '两个单位.mzsh.json', '--out', 'w', '--word'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'w', '2025年度-测试单位1')).every((f) => f.endsWith('.docx'))).toBe(true);
    expect((await cli(['export', '两个单位.mzsh.json', '--out', 'x', '--excel', '--fonts', 'compatible'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'x', '2025年度-测试单位1'))).toEqual(['2025年度-测试单位1-意见建议汇总台账（内部资料）.xlsx']);
  });

  it('never names a provider in the Word files unless --internal', async () => {
    const dir = setup();
    const names = (folder: string) => {
      const found = new Set<string>();
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.docx'))) {
        for (const text of officeParts(readFileSync(join(folder, file))).values()) for (const n of PROVIDER_NAMES) if (text.includes(n)) found.add(n);
      }
      return found;
    };
    expect((await cli(['export', '隐私.mzsh.json', '--out', 'open', '--word'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'open', '2025年度-测试单位1'))).toHaveLength(11 + 2);
    expect(names(join(dir, 'open', '2025年度-测试单位1')).size).toBe(0);
    const r = await cli(['export', '隐私.mzsh.json', '--out', 'internal', '--word', '--internal'], dir);
    expect(r.out).toContain('本次导出的清单列有意见提出方（内部资料）');
    expect(names(join(dir, 'internal', '2025年度-测试单位1')).size).toBe(100);
    expect(readdirSync(join(dir, 'internal', '2025年度-测试单位1')).filter((f) => f.includes('（内部资料）'))).toHaveLength(11 + 1);
  });

  it('refuses bad input with exit 2 and writes nothing', async () => {
    const dir = setup();
    writeFileSync(join(dir, '坏的.mzsh.json'), '{"format":"mzsh-exchange"');
    writeFileSync(join(dir, '是文件'), 'x');
    for (const [args, message] of [
      [['export', '两个单位.mzsh.json'], '错误：请用 --out 指定输出文件夹'],
      [['export', '两个单位.mzsh.json', '坏的.mzsh.json', '--out', '导出'], '错误：坏的.mzsh.json：数据包已损坏或不完整'],
      [['export', '--out', '导出'], '错误：请指定至少一个数据包文件'],
      [['export', '两个单位.mzsh.json', '--out', '导出', '--fonts', 'fancy'], '--fonts 只能是 official 或 compatible'],
      [['export', '两个单位.mzsh.json', '--out', '导出', '--date', '2025/11/21'], '日期“2025/11/21”格式不正确'],
      [['export', '两个单位.mzsh.json', '--out', '是文件'], '“是文件”已存在且不是文件夹'],
    ] as const) {
      const r = await cli([...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(/at .+\(.+:\d+:\d+\)/);
    }
    expect(existsSync(join(dir, '导出'))).toBe(false);
  });
});
