// `ocr FILE…`: files that are not readable forms are refused (exit 2) before the models load,
// with a Chinese reason; a scanned PDF is read page by page with the real models.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitPasted } from '#shared/text/split-paste';
import { cli } from '../../support/cli';
import { SAMPLE_FORM } from '../../support/ocr/form-html';
import { pngFromRows } from '../../support/ocr/images';
import { buildPdf } from '../../support/ocr/pdf';

const FIXTURES = resolve(__dirname, '../../fixtures/ocr');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

function folder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mzsh-ocr-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

describe('ocr on the command line', () => {
  it('refuses a broken JPEG, a damaged PDF and other files with the reason, exit 2, before loading the models', async () => {
    const dir = folder({ 'a.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'b.pdf': '%PDF-1.7\n', 'c.png': 'hello' });
    for (const [file, reason] of [['a.jpg', 'JPEG 图片不完整'], ['b.pdf', 'PDF 文件已损坏'], ['c.png', '不是 PNG、JPEG 图片或 PDF 文件']] as const) {
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

  it('refuses an electronic document, an encrypted PDF and one of thousands of pages by name, exit 2, before loading the models', async () => {
    const scan = { picture: { kind: 'raw' as const, width: 8, height: 8, components: 1 as const, bpc: 8 as const, samples: new Uint8Array(64).fill(255) } };
    const dir = folder({
      'word.pdf': fixture('form-text.pdf'),
      'locked.pdf': buildPdf([scan], { encrypt: true }),
      'mixed.pdf': buildPdf([scan, { text: 'Report' }]),
      'many.pdf': buildPdf(Array.from({ length: 2000 }, () => ({ text: 'x' }))),
    });
    for (const [file, reason] of [
      ['word.pdf', '第1页不是扫描图像（可能是电子文档），请直接导入原文件或打印后扫描'],
      ['locked.pdf', 'PDF 已加密，无法读取'],
      ['mixed.pdf', '第2页不是扫描图像'],
      ['many.pdf', 'PDF 有 2000 页，一次最多识别 50 页'],
    ] as const) {
      const r = await cli(['ocr', file, '--json', 'out.json'], dir);
      expect([r.code, r.err]).toEqual([2, expect.stringContaining(`${file}：${reason}`)]);
      expect(r.err).not.toContain('正在加载识别模型');
    }
  });

  it('reads a scanned two-page PDF (Chromium’s PDF writer: Flate pixels, then JPEG) page by page into the form’s opinions', { timeout: 600_000 }, async () => {
    const dir = folder({ 'form-scan.pdf': fixture('form-scan.pdf') });
    const r = await cli(['ocr', 'form-scan.pdf', '--json', 'out.json'], dir);
    expect(r.out).toContain('文件：form-scan.pdf 第1页（1248×1406');
    expect(r.out).toContain('文件：form-scan.pdf 第2页（1247×1405');
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { files: Array<{ file: string; page: number; opinions: Array<{ opinion: { label: string; text: string } }> }> };
    const expected = [...SAMPLE_FORM.group, ...SAMPLE_FORM.members].flatMap(([, text]) => splitPasted(text).map((o) => o.text));
    expect(json.files.map((f) => [f.file, f.page])).toEqual([['form-scan.pdf', 1], ['form-scan.pdf', 2]]);
    for (const file of json.files) expect(file.opinions.map((o) => o.opinion.text)).toEqual(expected);
  });
});
