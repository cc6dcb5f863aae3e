// `audit-report`: the 督导审核意见 of every meeting, as the app's 审核 tab exports it, with copies
// compared across every package given.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage, selectUnits } from '#shared/package/format';
import { cli } from '../../support/cli';
import { countyContent } from '../../support/county-content';
import { documentLines, officeParts } from '../../support/docx';
import { tempDir } from '../../support/temp-dir';

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };

describe('cli audit-report', () => {
  it('writes one 督导审核意见 per meeting, naming the zero-opinion member and the copies from another unit\'s package', async () => {
    const dir = tempDir('cli-audit-report');
    const content = countyContent({ units: 3, members: [3, 3], seed: 81 });
    const [m1, m2, m3] = content.meetings;
    const zero = content.members.find((m) => m.meetingId === m1!.id && m.rank === 2)!;
    content.opinions = content.opinions.filter((o) => o.targetId !== zero.id);
    const source = content.opinions.filter((o) => o.meetingId === m2!.id);
    content.opinions.filter((o) => o.meetingId === m3!.id).slice(0, 2).forEach((o, i) => (o.content = source[i]!.content));
    content.units.forEach((u, i) => writeFileSync(join(dir, `${i + 1}.mzsh.json`), buildPackage(selectUnits(content, [u.id]), META)));

    const r = await cli(['audit-report', '1.mzsh.json', '2.mzsh.json', '3.mzsh.json', '--out', '督导意见', '--date', '2026-11-21'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('共写出 3 份督导审核意见。');
    expect(readdirSync(join(dir, '督导意见')).sort()).toEqual(content.units.map((u) => `2025年度-${u.name}-督导审核意见.docx`).sort());
    const lines = (unit: number) => documentLines(officeParts(new Uint8Array(readFileSync(join(dir, '督导意见', `2025年度-${content.units[unit]!.name}-督导审核意见.docx`))))).join('\n');
    expect(lines(0)).toContain(zero.name);
    expect(lines(0)).toContain('零意见');
    expect(lines(2)).toContain('发现与其他单位意见相同或近似（疑似抄袭）2条');
    expect(lines(2)).toContain(content.units[1]!.name);
    expect(lines(1)).toContain('发现与其他单位意见相同或近似（疑似抄袭）2条');

    // Only one supervisory group's units with --group; bad input is exit 2 and writes nothing.
    const one = await cli(['audit-report', '1.mzsh.json', '2.mzsh.json', '--out', '第二组', '--group', content.units[1]!.supervisoryGroup], dir);
    expect(one.code).toBe(0);
    expect(readdirSync(join(dir, '第二组'))).toEqual([`2025年度-${content.units[1]!.name}-督导审核意见.docx`]);
    expect(await cli(['audit-report', '1.mzsh.json'], dir)).toMatchObject({ code: 2, err: '错误：请用 --out 指定保存督导审核意见的文件夹' });
    expect(await cli(['audit-report', '1.mzsh.json', '--out', '无', '--fonts', 'x'], dir)).toMatchObject({ code: 2 });
    expect((await cli(['audit-report', '1.mzsh.json', '--out', '无', '--year', '2024'], dir)).err).toBe('错误：没有符合条件的会议');
    expect(existsSync(join(dir, '无'))).toBe(false);
  });
});
