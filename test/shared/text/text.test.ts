import { describe, expect, it } from 'vitest';
import { cleanText, compareKey, joinLines } from '#shared/text/normalize';
import { fromCjkNumeral, readMarker, stripNumbering, toCjkNumeral } from '#shared/text/numbering';
import { splitPasted } from '#shared/text/split-paste';

describe('cleanText', () => {
  it('folds spaces, including full-width ones, and trims', () => {
    expect(cleanText('  改进　　作风 \t ')).toBe('改进 作风');
  });
  it('drops control characters and normalizes line breaks', () => {
    expect(cleanText('a\u0007b\r\n\r\nc\u200b')).toBe('ab\nc');
  });
});

describe('compareKey', () => {
  it('ignores width, case, whitespace and punctuation', () => {
    expect(compareKey('ＡＢＣ，１２３。')).toBe('abc123');
    expect(compareKey(' 暂无 意见！')).toBe(compareKey('暂无意见。'));
  });
  it('keeps the words themselves', () => {
    expect(compareKey('加强学习')).not.toBe(compareKey('加强管理'));
  });
});

describe('joinLines', () => {
  it('joins CJK lines without spaces and words with one', () => {
    expect(joinLines(['加强理论', '学习'])).toBe('加强理论学习');
    expect(joinLines(['use the', 'app'])).toBe('use the app');
  });
});

describe('CJK numerals', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
  ])('%i ↔ %s', (n, s) => {
    expect(toCjkNumeral(n)).toBe(s);
    expect(fromCjkNumeral(s)).toBe(n);
  });
  it('rejects what is not a numeral', () => {
    expect(fromCjkNumeral('十十')).toBeNaN();
    expect(fromCjkNumeral('一二三')).toBeNaN();
  });
});

describe('stripNumbering', () => {
  it.each([
    ['1.加强学习', '加强学习'],
    ['1. 加强学习', '加强学习'],
    ['12、加强学习', '加强学习'],
    ['1）加强学习', '加强学习'],
    ['（1）加强学习', '加强学习'],
    ['(2) 加强学习', '加强学习'],
    ['①加强学习', '加强学习'],
    ['⑴加强学习', '加强学习'],
    ['⒈加强学习', '加强学习'],
    ['一、加强学习', '加强学习'],
    ['（三）加强学习', '加强学习'],
    ['第一条 加强学习', '加强学习'],
    ['• 加强学习', '加强学习'],
    ['１．加强学习', '加强学习'],
    ['1. ① 加强学习', '加强学习'],
  ])('%s → %s', (input, expected) => {
    expect(stripNumbering(input)).toBe(expected);
  });
  it.each(['1.5亿元资金使用不透明', '2024年工作有差距', '一些干部作风不实', '十分重视学习', '-5℃以下停工'])(
    'leaves %s alone',
    (input) => {
      expect(stripNumbering(input)).toBe(input);
    },
  );
  it('reads the ordinal of a marker', () => {
    expect(readMarker('（十二）xx')).toMatchObject({ style: 'paren-cjk', value: 12 });
    expect(readMarker('③xx')).toMatchObject({ style: 'circled', value: 3 });
  });
});

describe('splitPasted', () => {
  const texts = (s: string) => splitPasted(s).map((i) => i.text);

  it('gives one opinion per number and joins wrapped lines', () => {
    expect(texts('1. 加强理论\n学习\n2、改进作风\n（3）深入基层')).toEqual(['加强理论学习', '改进作风', '深入基层']);
  });
  it('gives one opinion per line when nothing is numbered', () => {
    expect(texts('加强学习\n\n改进作风\n深入基层\n')).toEqual(['加强学习', '改进作风', '深入基层']);
  });
  it('separates at blank lines even in numbered blocks', () => {
    expect(texts('1.加强学习\n\n补充说明一句')).toEqual(['加强学习', '补充说明一句']);
  });
  it('splits several numbered items on one line', () => {
    expect(texts('1、加强学习。2、改进作风；3、深入基层')).toEqual(['加强学习。', '改进作风；', '深入基层']);
    expect(texts('①调研不够 ②联系群众少')).toEqual(['调研不够', '联系群众少']);
  });
  it('does not split at a number inside a sentence', () => {
    expect(texts('1、第2、3季度项目推进慢')).toEqual(['第2、3季度项目推进慢']);
  });
  it('flags short headings of another numbering style', () => {
    const items = splitPasted('一、思想方面\n1.理论学习不够系统\n2.学用结合不紧\n二、作风方面\n1.调研不深入');
    expect(items.map((i) => i.likelyHeading)).toEqual([true, false, false, true, false]);
  });
  it('drops empty items and numbering-only lines', () => {
    expect(texts('1.\n2. 改进作风\n   \n')).toEqual(['改进作风']);
  });
  it('keeps numbering past 999 apart', () => {
    const block = Array.from({ length: 1002 }, (_, i) => `${i + 1}. 第${i + 1}条意见`).join('\n');
    const items = texts(block);
    expect(items).toHaveLength(1002);
    expect(items[1001]).toBe('第1002条意见');
  });
  it('handles Windows line breaks', () => {
    expect(texts('1.加强学习\r\n2.改进作风\r\n')).toEqual(['加强学习', '改进作风']);
  });
});
