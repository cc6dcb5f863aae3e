// `ocr IMAGE…`: files that are not readable forms are refused (exit 2) before the models load,
// with a Chinese reason; the models themselves are exercised in test/electron/ocr-models.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/cli';
import { pngFromRows } from '../../support/ocr/images';

function folder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mzsh-ocr-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

describe('ocr on the command line', () => {
  it('refuses a broken JPEG, a PDF and other files with the reason, exit 2, before loading the models', async () => {
    const dir = folder({ 'a.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'b.pdf': '%PDF-1.7\n', 'c.png': 'hello' });
    for (const [file, reason] of [['a.jpg', 'JPEG 图片不完整'], ['b.pdf', '暂不支持 PDF'], ['c.png', '不是 PNG 或 JPEG 图片']] as const) {
      const r = await cli(['ocr', file], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${file}：${reason}`);
      expect(r.err).not.toContain('正在加载识别模型');
    }
  });

  it('refuses a decompression bomb and a picture of absurd size, exit 2', async () => {
    const dir = folder({ 'bomb.png': pngFromRows(64, 64, 8, 0, new Uint8Array(40 * 1024 * 1024)), 'huge.png': pngFromRows(30000, 30000, 8, 0, new Uint8Array(0)) });
    const bomb = await cli(['ocr', 'bomb.png'], dir);
    expect([bomb.code, bomb.err]).toEqual([2, expect.stringContaining('压缩炸弹')]);
    const huge = await cli(['ocr', 'huge.png'], dir);
    expect([huge.code, huge.err]).toEqual([2, expect.stringContaining('图片过大（30000×30000 像素）')]);
  });

  it('refuses bad options and a missing file in Chinese, exit 2', async () => {
    const dir = folder({});
    expect(await cli(['ocr'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('请指定要识别的征求意见表图片') });
    expect(await cli(['ocr', 'x.png', '--min-confidence', '2'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('--min-confidence 应为 0 到 1') });
    expect(await cli(['ocr', 'x.png', '--package', 'p.mzsh.json'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('--package 和 --meeting 需要一起给出') });
    expect(await cli(['ocr', 'x.png'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('找不到文件“x.png”') });
  });
});
