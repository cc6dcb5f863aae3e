// The real PP-OCR models on onnxruntime-web (WASM, one thread), from node_modules: one small line
// rendered by Chromium (test/fixtures/ocr/line.png), read back. Not exact: most characters.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognizePage } from '../../shared/ocr/page';
import { decodePng } from '../../shared/ocr/png';
import { loadOcrEngine } from '../../electron/cli/ocr-runtime';

const EXPECTED = '听取基层意见的渠道还不够多';

describe('the recognition models', () => {
  it('read most characters of a rendered line, each with its confidence', { timeout: 180_000 }, async () => {
    const png = decodePng(new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/ocr/line.png'))));
    if (!png.ok) throw new Error(png.error);
    const engine = await loadOcrEngine();
    const page = await recognizePage(png.image, engine.models, engine.classes);
    expect(page.lines).toHaveLength(1);
    const text = page.lines[0]!.text;
    const found = [...EXPECTED].filter((c) => text.includes(c)).length;
    expect(found / EXPECTED.length).toBeGreaterThanOrEqual(0.8);
    for (const c of page.lines[0]!.chars) expect(c.confidence).toBeGreaterThan(0);
    expect(page.lines[0]!.chars.every((c) => c.confidence <= 1)).toBe(true);
  });
});
