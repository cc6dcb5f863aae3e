import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/cli';
import { buildPackage } from '#shared/package/format';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

function writePackage(dir: string, name: string, units: number, firstId = 1) {
  const content = sampleContent({ units, firstId });
  writeFileSync(join(dir, name), buildPackage(content, { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
  return content;
}

describe('cli check', () => {
  const dir = tempDir('cli-check');
  writePackage(dir, '未就绪.mzsh.json', 2);
  const ready = sampleContent({ units: 1, firstId: 5000 });
  ready.opinions.push({ ...ready.opinions[0]!, id: '00000000-0000-4000-8000-00000000ffff', targetId: ready.members[2]!.id, category: '基层群众', content: '补充的一条基层群众意见：办事流程仍然偏多' });
  writeFileSync(join(dir, '就绪.mzsh.json'), buildPackage(ready, { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));

  it('prints each meeting and its shortfalls and exits 1 when any is not ready', async () => {
    const r = await cli(['check', '未就绪.mzsh.json'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('测试单位1 · 2025年度民主生活会：可以召开');
    expect(r.out).toContain('测试单位2 · 2025年度民主生活会：不得召开（待补 1 项）');
    expect(r.out).toContain('  - 王秀英（副局长）：基层群众意见 1 条，至少需 2 条');
    expect(r.out).toContain('共 2 次会议：可以召开 1 次，不得召开 1 次。');
  });

  it('exits 0 when every meeting is ready', async () => {
    const r = await cli(['check', '就绪.mzsh.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('says that 会前准备 was not checked for a meeting whose package has no talks, preparation or materials', async () => {
    const r = await cli(['check', '就绪.mzsh.json'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('测试单位1 · 2025年度民主生活会：可以召开\n  收集 40 条，计入 40 条\n  会前准备：数据包中没有谈心谈话、会前准备和对照检查材料的记录，未核查');
    expect(r.out).toContain('共 1 次会议：可以召开 1 次，不得召开 0 次。1 次会议没有会前准备记录，未核查会前准备。');
  });

  it('checks several packages at once', async () => {
    const r = await cli(['check', '就绪.mzsh.json', '未就绪.mzsh.json'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('共 3 次会议');
  });

  it('prints JSON for other tools', async () => {
    const r = await cli(['check', '未就绪.mzsh.json', '--json'], dir);
    const json = JSON.parse(r.out) as Array<{ unit: string; ready: boolean; messages: string[]; targets: unknown[] }>;
    expect(json.map((m) => [m.unit, m.ready])).toEqual([
      ['测试单位1', true],
      ['测试单位2', false],
    ]);
    expect(json[1]!.messages).toEqual(['王秀英（副局长）：基层群众意见 1 条，至少需 2 条']);
    expect(json[1]!.targets).toHaveLength(4);
  });

  it('names praise-only opinions, and praise closed by 无意见 as not counted', async () => {
    const content = sampleContent({ units: 1, firstId: 7000 });
    const base = content.opinions[0]!;
    content.opinions.push(
      { ...base, id: '00000000-0000-4000-8000-00000000aaa1', content: '工作认真负责，成绩突出，无意见。' },
      { ...base, id: '00000000-0000-4000-8000-00000000aaa2', content: '希望继续保持，再接再厉' },
    );
    writeFileSync(join(dir, '表扬.mzsh.json'), buildPackage(content, { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
    const r = await cli(['check', '表扬.mzsh.json'], dir);
    expect(r.out).toMatch(/· 仅表扬（无意见，不计入） .+：工作认真负责，成绩突出，无意见。/);
    expect(r.out).toMatch(/· 仅表扬（计入，宜补充具体意见） .+：希望继续保持，再接再厉/);
    const json = JSON.parse((await cli(['check', '表扬.mzsh.json', '--json'], dir)).out) as Array<{ praise: Array<{ kind: string }> }>;
    expect(json[0]!.praise.map((p) => p.kind)).toEqual(expect.arrayContaining(['praise', 'praise-no-opinion']));
  });

  it('exits 2 with a Chinese message and no stack trace on bad input', async () => {
    writeFileSync(join(dir, '坏的.mzsh.json'), '{"format":"mzsh-exchange"');
    for (const [args, message] of [
      [['check', '不存在.mzsh.json'], '错误：找不到文件“不存在.mzsh.json”'],
      [['check', '坏的.mzsh.json'], '错误：坏的.mzsh.json：数据包已损坏或不完整'],
      [['check'], '错误：请指定至少一个数据包文件'],
      [['check', 'x', '--bogus'], '错误：参数有误：--bogus'],
      [['frobnicate'], '未知命令“frobnicate”'],
    ] as const) {
      const r = await cli([...args], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(/at .+\(.+:\d+:\d+\)/);
    }
  });
});

describe('the built command line (out/cli, what npm run cli runs), as a process', () => {
  const dir = tempDir('cli-process');
  writePackage(dir, '未就绪.mzsh.json', 2);
  writeFileSync(join(dir, '坏.mzsh.json'), '{"不是": "数据包"');
  const root = resolve(__dirname, '../../..');
  // The script as a user runs it: from the project, with the user's folder in INIT_CWD (as npm sets it).
  // The unit tests' global setup builds out/cli when it is missing or older than its sources.
  const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/cli.mjs'), ...args], { cwd: root, env: { ...process.env, INIT_CWD: dir }, encoding: 'utf8' });

  it('exits with the code of the check, resolving files from where the user stands', () => {
    const r = run(['check', '未就绪.mzsh.json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('测试单位2 · 2025年度民主生活会：不得召开（待补 1 项）');
  });

  it('exits 2 on a bad file with a Chinese message and no stack trace', () => {
    const r = run(['check', '坏.mzsh.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^错误：.*坏\.mzsh\.json/m);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
