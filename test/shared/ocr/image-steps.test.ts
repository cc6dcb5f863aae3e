import { describe, expect, it } from 'vitest';
import { classesFromDictionary, decodeCtc } from '#shared/ocr/ctc';
import { estimateSkew } from '#shared/ocr/deskew';
import { boxesFromProbability, readingOrder } from '#shared/ocr/detection';
import { isSealRed, rotateGray, toGrayWithoutSeal } from '#shared/ocr/raster';
import { blankGray, blankRgba, fillGray, fillRgba } from '../../support/ocr/images';

describe('seal removal', () => {
  it('lifts seal-red ink to paper and keeps black text, even where the seal crosses it', () => {
    const image = blankRgba(6, 1);
    fillRgba(image, 0, 0, 1, 1, [225, 40, 45]); // seal stroke
    fillRgba(image, 1, 0, 1, 1, [240, 120, 120]); // light seal, as a phone photo shows it
    fillRgba(image, 2, 0, 1, 1, [30, 10, 10]); // black text under the seal: reddish, but dark
    fillRgba(image, 3, 0, 1, 1, [20, 20, 20]); // black text
    fillRgba(image, 4, 0, 1, 1, [150, 110, 100]); // brown shadow, not a seal
    const { gray, sealPixels } = toGrayWithoutSeal(image);
    expect([...gray.data]).toEqual([255, 255, expect.any(Number), 20, expect.any(Number), 255]);
    expect(gray.data[2]).toBeLessThan(40);
    expect(gray.data[4]).toBeLessThan(140);
    expect(sealPixels).toBe(2);
    expect(isSealRed(200, 200, 200)).toBe(false);
  });
});

describe('deskew', () => {
  it('finds the slope of ruled lines and text rows turned by a small angle, and levels them', () => {
    const page = blankGray(600, 400);
    for (let y = 40; y < 380; y += 40) fillGray(page, 30, y, 540, 2);
    for (let y = 55; y < 380; y += 40) for (let x = 40; x < 560; x += 24) fillGray(page, x, y, 16, 14);
    for (const angle of [-2.5, -1, 0, 1.5, 3]) {
      const turned = rotateGray(page, -angle);
      const found = estimateSkew(turned);
      expect(Math.abs(found - angle)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(estimateSkew(rotateGray(turned, found)))).toBeLessThanOrEqual(0.1);
    }
  });

  it('leaves a blank page alone', () => {
    expect(estimateSkew(blankGray(200, 100))).toBe(0);
  });
});

describe('text boxes from the detection map', () => {
  it('gives one box per region above the threshold, grown back by the unclip ratio, and drops weak or tiny regions', () => {
    const width = 40;
    const height = 20;
    const prob = new Float32Array(width * height);
    const paint = (x0: number, y0: number, w: number, h: number, p: number) => {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) prob[y * width + x] = p;
    };
    paint(5, 4, 20, 4, 0.9); // a text kernel
    paint(30, 12, 6, 4, 0.4); // above the pixel threshold but a weak region
    paint(2, 15, 1, 1, 0.95); // a speck
    const boxes = boxesFromProbability(prob, width, height);
    expect(boxes).toHaveLength(1);
    const d = (20 * 4 * 1.6) / (2 * 24);
    const box = boxes[0]!;
    expect([box.x, box.y, box.width, box.height].map((v) => v.toFixed(6))).toEqual([5 - d, 4 - d, 20 + 2 * d, 4 + 2 * d].map((v) => v.toFixed(6)));
    expect(boxes[0]!.score).toBeCloseTo(0.9);
  });

  it('orders boxes by line, then left to right, when a line is a little uneven', () => {
    const a = { x: 300, y: 10, width: 100, height: 30 };
    const b = { x: 10, y: 14, width: 100, height: 30 };
    const c = { x: 10, y: 60, width: 100, height: 30 };
    expect(readingOrder([c, a, b])).toEqual([b, a, c]);
  });
});

describe('CTC decoding', () => {
  const classes = classesFromDictionary('加\n强\n学\n习');

  it('reads the dictionary as blank, its characters, then the space', () => {
    expect(classes).toEqual(['', '加', '强', '学', '习', ' ']);
  });

  it('merges repeats, drops blanks, keeps a doubled character split by a blank, and keeps each character’s probability', () => {
    // steps: 加 加 blank 强 blank 强 学 习
    const steps = [1, 1, 0, 2, 0, 2, 3, 4];
    const probs = new Float32Array(steps.length * classes.length);
    steps.forEach((c, t) => {
      probs[t * classes.length + c] = t === 1 ? 0.99 : t === 6 ? 0.55 : 0.9;
      probs[t * classes.length + ((c + 1) % classes.length)] = 0.05;
    });
    const chars = decodeCtc(probs, steps.length, classes);
    expect(chars.map((c) => c.char).join('')).toBe('加强强学习');
    expect(chars[0]!.confidence).toBeCloseTo(0.99);
    expect(chars[3]!.confidence).toBeCloseTo(0.55);
  });
});
