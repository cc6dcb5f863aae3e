// The sentence-boundary rule for numbering inside one pasted line (shared/text/split-paste.ts):
// the next ordinal starts a new opinion only after a sentence end, a clause break or a space.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPasted } from '#shared/text/split-paste';

const texts = (s: string) => splitPasted(s).map((i) => i.text);

describe('inline numbering in a pasted line', () => {
  it('keeps an ordinal list inside a sentence in one opinion (第2、第3季度)', () => {
    expect(texts('1、第2、第3季度工作推进慢')).toEqual(['第2、第3季度工作推进慢']);
  });

  it('keeps a number glued to the words before it in one opinion (对标准2、要求)', () => {
    expect(texts('1、对标准2、要求理解不深')).toEqual(['对标准2、要求理解不深']);
    expect(texts('一、学习不深二、三个方面')).toEqual(['学习不深二、三个方面']);
  });

  it('splits after a sentence end, a clause break or a space', () => {
    expect(texts('1、学习不够。2、作风不实')).toEqual(['学习不够。', '作风不实']);
    expect(texts('1、学习不够；2、作风不实')).toEqual(['学习不够；', '作风不实']);
    expect(texts('1、学习不够，2、作风不实')).toEqual(['学习不够，', '作风不实']);
    expect(texts('1、学习不够 2、作风不实')).toEqual(['学习不够', '作风不实']);
    expect(texts('一、学习不够！二、作风不实？三、调研不深')).toEqual(['学习不够！', '作风不实？', '调研不深']);
  });

  it('splits after a sentence end followed by a closing quote or bracket', () => {
    expect(texts('1、要求“多学习。”2、改进作风')).toEqual(['要求“多学习。”', '改进作风']);
    expect(texts('（1）学习不够（见通报。）（2）作风不实')).toEqual(['学习不够（见通报。）', '作风不实']);
  });

  it('splits full-width digits as it reads them', () => {
    expect(texts('１、学习不够。２、作风不实')).toEqual(['学习不够。', '作风不实']);
  });

  it('splits only at the next ordinal of the same style', () => {
    expect(texts('1、学习不够。3、作风不实')).toEqual(['学习不够。3、作风不实']);
    expect(texts('1、学习不够。（2）作风不实')).toEqual(['学习不够。（2）作风不实']);
  });
});

// Sentence text with ordinals inside it but no sentence end, clause break or space: digits, 、,
// 第 and ordinary words, in any order. It starts with a word, so it does not itself read as numbering.
const WORDS = ['学习', '工作', '推进慢', '季度', '要求', '标准', '对', '理解不深', '落实', '月份', '项目'];
const piece = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: 1, max: 12 }).map((n) => `${n}、`),
  fc.integer({ min: 1, max: 12 }).map((n) => `第${n}、`),
  fc.integer({ min: 1, max: 99 }).map(String),
  fc.constantFrom('一、', '二、', '三、', '、'),
);
const sentence = fc.tuple(fc.constantFrom(...WORDS), fc.array(piece, { maxLength: 8 })).map(([head, rest]) => head + rest.join(''));

describe('inline numbering, for any sentences containing ordinals', () => {
  it('keeps one numbered sentence whole, whatever ordinals it contains', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        expect(texts(`1、${s}`)).toEqual([s]);
        expect(texts(`一、${s}`)).toEqual([s]);
      }),
      { numRuns: 300 },
    );
  });

  it('splits consecutive numbered sentences on one line back into exactly those sentences', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 2, maxLength: 6 }), fc.constantFrom('。', '；', '！'), (sentences, end) => {
        const line = sentences.map((s, i) => `${i + 1}、${s}${end}`).join('');
        expect(texts(line)).toEqual(sentences.map((s) => s + end));
      }),
      { numRuns: 300 },
    );
  });
});
