// `import SCAN… --package P --meeting ID`: paper forms read offline with the real models, checked by
// the app's preview rules, and only the rows the preview would tick by itself written; the rest
// listed with the reason. Bad combinations are refused (exit 2) before the models load.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '#shared/ocr/png';
import { buildPackage, readPackage } from '#shared/package/format';
import { fromBase64 } from '#shared/util/base64';
import { splitPasted } from '#shared/text/split-paste';
import { cli } from '../../support/cli';
import { SAMPLE_FORM } from '../../support/ocr/form-html';
import { fakeUuid, sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const FORM = resolve(__dirname, '../../fixtures/ocr/form-150dpi-rotated-seal.png');
const PACKAGE = '交通局.mzsh.json';

/** A package whose meeting has the form's two members and no opinions, and the form's scan beside it. */
function setup() {
  const dir = tempDir('cli-import-scans');
  const content = sampleContent({ units: 1, membersPerMeeting: 0 });
  const meeting = content.meetings[0]!;
  content.opinions = [];
  content.members = [
    ['张三', '局长'],
    ['李四', '副局长'],
  ].map(([name, position], i) => ({ id: fakeUuid(201 + i), meetingId: meeting.id, name: name!, position: position!, areas: '', rank: i + 1, createdAt: meeting.createdAt, updatedAt: meeting.createdAt }));
  writeFileSync(join(dir, PACKAGE), buildPackage(content, { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' }));
  copyFileSync(FORM, join(dir, '意见表.png'));
  writeFileSync(join(dir, '汇总.csv'), '意见对象,意见建议\n领导班子,测试\n');
  return { dir, meetingId: meeting.id };
}

const contentIn = (dir: string) => {
  const r = readPackage(new Uint8Array(readFileSync(join(dir, PACKAGE))));
  if (!r.ok) throw new Error(r.error);
  return r.package.content;
};

const FORM_TEXTS = [...SAMPLE_FORM.group, ...SAMPLE_FORM.members].flatMap(([, text]) => splitPasted(text).map((o) => o.text));

describe('cli import of paper forms', () => {
  it('refuses a scan mixed with a spreadsheet, spreadsheet-only options and a bad confidence before reading', async () => {
    const { dir, meetingId } = setup();
    const pkg = ['--package', PACKAGE, '--meeting', meetingId];
    for (const [args, message] of [
      [['import', '意见表.png', '汇总.csv', ...pkg], '错误：表格文件和纸质表的扫描件请分开导入'],
      [['import', '意见表.png', ...pkg, '--column', '意见对象=A'], '错误：纸质征求意见表的扫描件不用 --column 和 --include-no-opinion'],
      [['import', '意见表.png', ...pkg, '--set', '收到日期=2025-12-01'], '错误：纸质征求意见表的扫描件只能用 --set 意见来源=… 和 --set 征求方式=…'],
      [['import', '意见表.png', ...pkg, '--min-confidence', '2'], '错误：--min-confidence 应为 0 到 1 之间的数'],
      [['import', '汇总.csv', ...pkg, '--min-confidence', '0.5'], '错误：--min-confidence 只用于纸质征求意见表的扫描件'],
    ] as const) {
      const r = await cli([...args], dir);
      expect([r.code, r.err]).toEqual([2, expect.stringContaining(message)]);
    }
    expect(contentIn(dir).opinions).toEqual([]);
  });

  it('previews a scan on a dry run, writes the clear rows with their page and cell, and skips them as repeats the next time', { timeout: 300_000 }, async () => {
    const { dir, meetingId } = setup();
    const pkg = ['--package', PACKAGE, '--meeting', meetingId];
    const before = readFileSync(join(dir, PACKAGE));
    const dry = await cli(['import', '意见表.png', ...pkg, '--dry-run'], dir);
    expect(dry.err).not.toContain('错误');
    expect(dry.out).toContain('文件：意见表.png（1248×1406');
    expect(dry.out).toContain('单位（盖章）：县交通运输');
    expect(dry.out).toMatch(/共 6 条意见：将导入 \d 条，未导入 \d 条/);
    expect(dry.out).toContain('意见表.png 第 7 行 · 张三（局长）：听取基层意见的渠道还不够多。 → ');
    expect(dry.out).toContain('试运行（--dry-run）：未写入数据包。');
    expect(readFileSync(join(dir, PACKAGE)).equals(before)).toBe(true);

    // Every character taken as read: all six rows are clear, matched and written.
    const run = await cli(['import', '意见表.png', ...pkg, '--min-confidence', '0'], dir);
    expect([run.code, run.err]).toEqual([0, expect.not.stringContaining('错误')]);
    expect(run.out).toContain('共 6 条意见：将导入 6 条，未导入 0 条');
    expect(run.out).toContain(`已写入 ${PACKAGE}：新增 6 条意见（附 6 张原件图像）。`);
    const content = contentIn(dir);
    expect(content.opinions.map((o) => o.content).sort()).toEqual([...FORM_TEXTS].sort());
    expect(content.opinions.every((o) => o.category === '基层群众' && o.channel === '书面征求' && o.provider === '县交通运输局')).toBe(true);
    expect(content.opinions.map((o) => o.origin)).toContainEqual({ kind: 'imported', file: '意见表.png', sheet: expect.stringMatching(/^第1页·第\d栏$/), row: 7 });
    expect(content.changeLog.filter((e) => e.action === 'import')).toHaveLength(6);
    // Each opinion's cell picture travels with it: a grey PNG of the cell it was read from, with file, page, row and column.
    expect(content.opinionImages).toHaveLength(6);
    for (const image of content.opinionImages) {
      const opinion = content.opinions.find((o) => o.id === image.opinionId)!;
      expect(opinion.origin).toEqual({ kind: 'imported', file: '意见表.png', sheet: `第1页·第${image.column}栏`, row: image.row });
      expect([image.meetingId, image.file, image.page]).toEqual([meetingId, '意见表.png', 1]);
      const png = fromBase64(image.png)!;
      expect(png.length).toBeLessThan(40_000);
      const decoded = decodePng(png);
      if (!decoded.ok) throw new Error(decoded.error);
      expect([decoded.image.width, decoded.image.height]).toEqual([image.width, image.height]);
      // Ink on paper: some dark pixels, mostly white.
      const grey = Array.from({ length: image.width * image.height }, (_, i) => decoded.image.data[4 * i]!);
      expect(grey.filter((v) => v < 100).length).toBeGreaterThan(50);
      expect(grey.filter((v) => v === 255).length / grey.length).toBeGreaterThan(0.5);
    }

    const again = await cli(['import', '意见表.png', ...pkg, '--min-confidence', '0'], dir);
    expect(again.code).toBe(1);
    expect(again.out).toContain('与会议中已有的意见（或本批前面的一条）重复，不再导入');
    expect(again.out).toContain('没有可导入的意见，数据包未改动。');
    expect(contentIn(dir).opinions).toHaveLength(6);
  });
});
