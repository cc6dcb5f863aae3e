// The real PP-OCR models on onnxruntime-web (WASM, one thread), from node_modules: one small line
// rendered by Chromium (test/fixtures/ocr/line.png, and the same as JPEG), read back. Not exact: most characters.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '#shared/ocr/image-file';
import { recognizePage } from '#shared/ocr/page';
import { loadOcrEngine } from '../../node/cli/ocr-runtime';

const EXPECTED = '听取基层意见的渠道还不够多';

describe('the recognition models', () => {
  it('read most characters of a rendered line, PNG or JPEG, each with its confidence', { timeout: 180_000 }, async () => {
    const engine = await loadOcrEngine();
    for (const file of ['line.png', 'line.jpg']) {
      const read = decodeImage(new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/ocr', file))));
      if (!read.ok) throw new Error(read.error);
      const page = await recognizePage(read.image, engine.models, engine.classes);
      expect(page.lines).toHaveLength(1);
      const text = page.lines[0]!.text;
      const found = [...EXPECTED].filter((c) => text.includes(c)).length;
      expect(found / EXPECTED.length).toBeGreaterThanOrEqual(0.8);
      expect(page.lines[0]!.chars.every((c) => c.confidence > 0 && c.confidence <= 1)).toBe(true);
    }
  });
});
