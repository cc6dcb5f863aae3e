// `import SPREADSHEET --package PACKAGE --meeting ID [--dry-run]`: the same preview as the app,
// the package rewritten atomically, exit codes 0 (every row imported or skipped), 1 (rows
// rejected; the rest written), 2 (bad input; nothing written).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '#shared/import/read-workbook';
import { cleanText } from '#shared/text/normalize';
import { buildPackage, readPackage } from '#shared/package/format';
import { readInThread } from '../../../node/cli/read-in-thread';
import { FIXTURES, ROSTER } from '../../support/import-fixtures';
import { cli } from '../../support/cli';
import { sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

/** A package with one meeting whose roster is the fixtures' roster, and no opinions. */
function setup() {
  const dir = tempDir('cli-import');
  const content = sampleContent({ units: 1, membersPerMeeting: 0 });
  const meeting = content.meetings[0]!;
  meeting.dimensions = ['带头强化政治忠诚、提高政治能力', '带头干事创业、担当作为'];
  content.opinions = [];
  content.members = ROSTER.map((m, i) => ({ id: m.id, meetingId: meeting.id, name: m.name, position: m.position, areas: '', rank: i + 1, createdAt: meeting.createdAt, updatedAt: meeting.createdAt }));
  writeFileSync(join(dir, '财政局.mzsh.json'), buildPackage(content, { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
  for (const f of ['title-merged-header.xlsx', 'gbk.csv', 'e2e-unknown-header.xlsx', 'questionnaire.xlsx', 'hostile/zip-bomb.xlsx']) copyFileSync(join(FIXTURES, f), join(dir, f.replace('hostile/', '')));
  return { dir, meetingId: meeting.id };
}

function opinionsIn(dir: string) {
  const r = readPackage(new Uint8Array(readFileSync(join(dir, '财政局.mzsh.json'))));
  if (!r.ok) throw new Error(r.error);
  return r.package.content;
}

describe('cli import', () => {
  it('previews a dry run with every rejected row, exits 1, and leaves the package untouched', async () => {
    const { dir, meetingId } = setup();
    const before = readFileSync(join(dir, '财政局.mzsh.json'));
    const r = await cli(['import', 'title-merged-header.xlsx', '--package', '财政局.mzsh.json', '--meeting', meetingId, '--dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      '文件：title-merged-header.xlsx（Excel 工作簿（.xlsx））',
      '会议：测试单位1 · 2025年度民主生活会',
      '工作表“征求意见汇总”（表头第 4 行）：B 列“意见对象”→意见对象，C 列“来源类别”→意见来源，D 列“征求方式”→征求方式，E 列“意见建议”→意见内容，F 列“提出单位”→提出方，G 列“收到日期”→收到日期',
      '说明：工作表“征求意见汇总”第 18 行是表尾的填表说明或签名，未作为意见导入',
      '共 11 行：将添加 5 条，重复跳过 1 条，无实质内容跳过 1 条，有误 4 行。',
      '有误的行：',
      '  - title-merged-header.xlsx · 工作表“征求意见汇总” · 第 8 行 · B 列（意见对象）：“赵六”不在班子成员名单中',
      '  - title-merged-header.xlsx · 工作表“征求意见汇总” · 第 9 行 · C 列（来源类别）：意见来源“社会组织”不在本次会议的来源类别中（上级领导、下属单位、分管领域、服务对象、基层群众）',
      '  - title-merged-header.xlsx · 工作表“征求意见汇总” · 第 10 行 · E 列（意见建议）：意见内容为空',
      '  - title-merged-header.xlsx · 工作表“征求意见汇总” · 第 15 行 · B 列（意见对象）：班子中有 2 名“张伟”，请注明职务，如“张伟（副局长）”',
      '试运行（--dry-run）：未写入数据包。',
    ]);
    expect(readFileSync(join(dir, '财政局.mzsh.json')).equals(before)).toBe(true);
  });

  it('writes the valid rows into the package atomically, and a second import adds nothing', async () => {
    const { dir, meetingId } = setup();
    const r = await cli(['import', 'title-merged-header.xlsx', '--package', '财政局.mzsh.json', '--meeting', meetingId], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('已写入 财政局.mzsh.json：新增 5 条意见。');
    const content = opinionsIn(dir);
    expect(content.opinions.map((o) => (o.origin.kind === 'imported' ? o.origin.row : 0)).sort((a, b) => a - b)).toEqual([5, 6, 7, 12, 14]);
    expect(content.opinions.every((o) => o.enteredBy === '命令行导入' && o.meetingId === meetingId)).toBe(true);
    expect(content.changeLog.filter((c) => c.action === 'import')).toHaveLength(5);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const again = await cli(['import', 'title-merged-header.xlsx', '--package', '财政局.mzsh.json', '--meeting', meetingId], dir);
    expect(again.out).toContain('共 11 行：将添加 0 条，重复跳过 6 条，无实质内容跳过 1 条，有误 4 行。');
    expect(again.out).toContain('没有可添加的意见，数据包未改动。');
    expect(opinionsIn(dir).opinions).toHaveLength(5);
  });

  it('exits 0 when every row is imported', async () => {
    const { dir, meetingId } = setup();
    const r = await cli(['import', 'gbk.csv', '--package', '财政局.mzsh.json', '--meeting', meetingId], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('文件：gbk.csv（文本表格（GBK/GB18030））');
    expect(r.out).toContain('表格（表头第 1 行）：A 列“意见对象”→意见对象');
    expect(opinionsIn(dir).opinions).toHaveLength(3);
  });

  it('stores the cleaned text, as the app does (typed spaces, zero-width characters and line ends)', async () => {
    const { dir, meetingId } = setup();
    const typed = '加强理论学习，\u3000\u3000改进\u200b作风  \r\n落实责任';
    writeFileSync(join(dir, '脏文本.csv'), `意见对象,意见来源,征求方式,意见建议\n张三,上级领导,座谈会,"${typed}"\n`);
    const r = await cli(['import', '脏文本.csv', '--package', '财政局.mzsh.json', '--meeting', meetingId], dir);
    expect(r.code).toBe(0);
    const stored = opinionsIn(dir).opinions.map((o) => o.content);
    expect(stored).toEqual([cleanText(typed)]);
    expect(stored[0]).not.toBe(typed);
  });

  it('takes a column and a whole-file value from the command line', async () => {
    const { dir, meetingId } = setup();
    const mapped = await cli(['import', 'e2e-unknown-header.xlsx', '--package', '财政局.mzsh.json', '--meeting', meetingId, '--column', '意见对象=A', '--dry-run'], dir);
    expect(mapped.out).toContain('共 5 行：将添加 4 条，重复跳过 0 条，无实质内容跳过 0 条，有误 1 行。');
    const set = await cli(['import', 'questionnaire.xlsx', '--package', '财政局.mzsh.json', '--meeting', meetingId, '--set', '征求方式=座谈', '--set', '提出方=问卷'], dir);
    expect(set.out).toContain('统一的征求方式：座谈会');
    const channels = opinionsIn(dir).opinions.map((o) => [o.channel, o.provider]);
    expect(channels).toEqual([
      ['座谈会', '问卷'],
      ['座谈会', '问卷'],
    ]);
  });

  it('imports an .ods and a WPS .et, names their formats, and lets none of the library’s English warnings through', async () => {
    const { dir, meetingId } = setup();
    copyFileSync(join(FIXTURES, 'corpus/ods/libreoffice.ods'), join(dir, '意见.ods'));
    copyFileSync(join(FIXTURES, 'corpus/et/wps-like.et'), join(dir, '意见.et'));
    // The reader thread's console reaches this process's stderr: everything written there is caught.
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      const ods = await cli(['import', '意见.ods', '--package', '财政局.mzsh.json', '--meeting', meetingId], dir);
      expect(ods.out).toContain('文件：意见.ods（OpenDocument 表格（.ods））');
      expect(ods.out).toContain('共 4 行：将添加 4 条，重复跳过 0 条，无实质内容跳过 0 条，有误 0 行。');
      expect(ods.code).toBe(0);
      const et = await cli(['import', '意见.et', '--package', '财政局.mzsh.json', '--meeting', meetingId, '--dry-run'], dir);
      expect(et.out).toContain('文件：意见.et（WPS 表格（.et））');
      expect(et.out).toContain('共 4 行：将添加 0 条，重复跳过 4 条');
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.stderr.write = write;
    }
    expect(written.join('')).not.toMatch(/ODS number format|Bad (un)?compressed size|[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/);
  });

  it('exits 2 with a Chinese message and writes nothing on bad input', async () => {
    const { dir, meetingId } = setup();
    const before = readFileSync(join(dir, '财政局.mzsh.json'));
    const pkg = ['--package', '财政局.mzsh.json'];
    for (const [args, message] of [
      [['import', '不存在.xlsx', ...pkg, '--meeting', meetingId], '错误：找不到文件“不存在.xlsx”'],
      [['import', 'gbk.csv', ...pkg, '--meeting', 'nope'], '错误：数据包中没有编号为“nope”的会议。数据包中的会议：'],
      [['import', 'zip-bomb.xlsx', ...pkg, '--meeting', meetingId], '错误：“zip-bomb.xlsx”解压后超过 80 MB（疑似“压缩炸弹”），已拒绝'],
      [['import', 'gbk.csv', ...pkg, '--meeting', meetingId, '--set', '意见来源=社会组织'], '错误：--set 意见来源=社会组织：意见来源“社会组织”不在本次会议的来源类别中'],
      [['import', 'gbk.csv', ...pkg, '--meeting', meetingId, '--column', '意见对象=第一列'], '错误：--column 意见对象=第一列：“第一列”不是列名'],
      [['import', 'gbk.csv', '--meeting', meetingId], '错误：请用 --package 指定数据包文件'],
      [['import', 'gbk.csv', ...pkg], '错误：请用 --meeting 指定会议编号'],
      [['import', ...pkg, '--meeting', meetingId], '错误：请指定一个要导入的表格文件'],
      [['import', '财政局.mzsh.json', ...pkg, '--meeting', meetingId], '错误：“财政局.mzsh.json”中没有找到意见表'],
    ] as const) {
      const r = await cli([...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(/at .+\(.+:\d+:\d+\)/);
    }
    expect(readFileSync(join(dir, '财政局.mzsh.json')).equals(before)).toBe(true);
  });
});

describe('the built command line (out/cli) imports', () => {
  it('reads through its worker thread found beside the built module, whatever the working folder', () => {
    const { dir, meetingId } = setup();
    // Started directly, from the user's folder: the reader thread must be found beside out/cli/index.js, not in the cwd.
    const built = resolve(__dirname, '../../../out/cli/index.js');
    const env = { ...process.env };
    delete env['INIT_CWD'];
    const r = spawnSync(process.execPath, [built, 'import', 'gbk.csv', '--package', '财政局.mzsh.json', '--meeting', meetingId], { cwd: dir, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(opinionsIn(dir).opinions).toHaveLength(3);
  });
});

describe('cli import reads in a worker thread with limits', () => {
  const bytes = () => new Uint8Array(readFileSync(join(FIXTURES, 'title-merged-header.xlsx')));

  it('gives the same workbook as reading in this thread', async () => {
    expect(await readInThread(bytes(), 'title-merged-header.xlsx')).toEqual(readWorkbook(bytes(), 'title-merged-header.xlsx'));
  });

  it('stops a read that outlasts its time limit with a Chinese message', async () => {
    const legacy = new Uint8Array(readFileSync(join(FIXTURES, 'legacy.xls')));
    expect(await readInThread(legacy, '慢.xls', { timeoutMs: 1 })).toEqual({ ok: false, error: expect.stringMatching(/^读取“慢\.xls”超过 \d+ 秒仍未完成，已停止。/) });
  });

  it('answers a reader thread that dies (here: a heap too small for the file) with a Chinese message, and the next read works', async () => {
    expect(await readInThread(bytes(), '大.xlsx', { memoryMb: 1 })).toEqual({ ok: false, error: '读取“大.xlsx”失败：文件过大或已损坏，未导入任何内容' });
    expect((await readInThread(bytes(), 'title-merged-header.xlsx')).ok).toBe(true);
  });
});

describe('cli import started from another working folder', () => {
  it('reads spreadsheets (the reader thread is found from the command line itself, not from the working folder)', () => {
    const { dir, meetingId } = setup();
    const root = resolve(__dirname, '../../..');
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'node/cli/index.ts'), 'import', 'gbk.csv', '--package', '财政局.mzsh.json', '--meeting', meetingId, '--dry-run'], {
      cwd: dir,
      // npm sets INIT_CWD for scripts; a command started by hand has none.
      env: { ...process.env, INIT_CWD: undefined },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('文件：gbk.csv');
    expect(r.stdout).not.toContain('损坏');
    expect(r.stdout).toContain('试运行（--dry-run）：未写入数据包。');
  }, 150_000);
});
