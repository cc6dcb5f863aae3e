// The text tools at their edges, for each numbering style and each branch of the paste splitter
// (written against the mutation report of shared/text; see the README's Mutation testing section).
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, compareKey, joinLines } from '#shared/text/normalize';
import { fromCjkNumeral, nextMarkerText, readMarker, stripNumbering, toCjkNumeral } from '#shared/text/numbering';
import { parseRosterLines } from '#shared/text/roster-lines';
import { splitPasted } from '#shared/text/split-paste';

const texts = (s: string) => splitPasted(s).map((i) => i.text);

describe('numbering styles, one by one', () => {
  it.each([
    ['（1）学习不够。（2）作风不实', 'paren-arabic'],
    ['(1)学习不够。(2)作风不实', 'paren-arabic'],
    ['（一）学习不够。（二）作风不实', 'paren-cjk'],
    ['一、学习不够。二、作风不实', 'cjk'],
    ['1.学习不够。2.作风不实', 'arabic'],
    ['1）学习不够。2）作风不实', 'arabic'],
    ['①学习不够。②作风不实', 'circled'],
    ['⑴学习不够。⑵作风不实', 'enclosed'],
    ['⒈学习不够。⒉作风不实', 'enclosed'],
    ['第一条 学习不够。第二条 作风不实', 'article'],
    ['第1条 学习不够。第2条 作风不实', 'article'],
  ])('splits %s at its next ordinal (%s)', (line, style) => {
    expect(readMarker(line)?.style).toBe(style);
    expect(texts(line)).toEqual(['学习不够。', '作风不实']);
  });

  it.each([
    ['（12）x', 'paren-arabic', 12, '（', '）', ''],
    ['(3) x', 'paren-arabic', 3, '(', ')', ''],
    ['（十二）x', 'paren-cjk', 12, '（', '）', ''],
    ['12、x', 'arabic', 12, '', '', '、'],
    ['7：x', 'arabic', 7, '', '', '：'],
    ['三．x', 'cjk', 3, '', '', '．'],
    ['⑳x', 'circled', 20, '', '', ''],
    ['⒇x', 'enclosed', 20, '', '', ''],
    ['⑸x', 'enclosed', 5, '', '', ''],
    ['⒌x', 'enclosed', 5, '', '', ''],
    ['第十二条x', 'article', 12, '', '', ''],
    ['第12项x', 'article', 12, '', '', ''],
    ['第三点：x', 'article', 3, '', '', ''],
    ['● x', 'bullet', 0, '', '', ''],
  ])('reads %s as %s %i', (line, style, value, open, close, delimiter) => {
    expect(readMarker(line)).toMatchObject({ style, value, open, close, delimiter });
  });

  it('reads the whole marker with the spaces after it, and nothing of the text', () => {
    expect(readMarker('  3 、 加强学习')?.text).toBe('  3 、 ');
    expect(readMarker('（ 2 ）加强')?.text).toBe('（ 2 ）');
    expect(readMarker('第二条：加强')?.text).toBe('第二条：');
  });

  it('does not read a number as a marker where it is part of the text', () => {
    expect(readMarker('-5℃以下停工')).toBeUndefined();
    expect(readMarker('－3分')).toBeUndefined();
    expect(readMarker('十分重视')).toBeUndefined();
    expect(readMarker('一些干部')).toBeUndefined();
    expect(readMarker('12345、编号')).toBeUndefined();
  });

  it('writes the next marker in the same style', () => {
    const next = (line: string) => nextMarkerText(readMarker(line)!);
    expect(next('9、x')).toEqual(['10、']);
    expect(next('九、x')).toEqual(['十、']);
    expect(next('(9)x')).toEqual(['(10)']);
    expect(next('（九）x')).toEqual(['（十）']);
    expect(next('⑨x')).toEqual(['⑩']);
    expect(next('⑼x')).toEqual(['⑽', '⒑']);
    expect(next('第九条x')).toEqual(['第十', '第10']);
    expect(next('• x')).toEqual([]);
    // Past twenty there is no circled or enclosed character.
    expect(next('⑳x')).toEqual([]);
    expect(next('⒇x')).toEqual([]);
    expect(next('⑲x')).toEqual(['⑳']);
    expect(next('⒆x')).toEqual(['⒇', '⒛']);
  });

  it('strips at most three stacked markers', () => {
    expect(stripNumbering('1. ① (1) 加强学习')).toBe('加强学习');
    expect(stripNumbering('1. ① (1) • 加强学习')).toBe('• 加强学习');
  });
});

describe('CJK numerals at their edges', () => {
  it.each([
    [9, '九'],
    [11, '十一'],
    [19, '十九'],
    [21, '二十一'],
    [90, '九十'],
    [99, '九十九'],
  ])('%i ↔ %s', (n, s) => {
    expect(toCjkNumeral(n)).toBe(s);
    expect(fromCjkNumeral(s)).toBe(n);
  });

  it.each(['', '零', '百', '十二三', '二二', '二十十', '三二十', '九十九九', 'x'])('%j is not a numeral of 1–99', (s) => {
    expect(fromCjkNumeral(s)).toBeNaN();
  });
});

describe('the paste splitter, branch by branch', () => {
  it('joins wrapped lines to the item above in a numbered block only', () => {
    expect(texts('1.学习\n不够\n2.作风')).toEqual(['学习不够', '作风']);
    expect(texts('学习\n不够')).toEqual(['学习', '不够']);
  });

  it('treats two bullets as a list, and one bullet line as text with its bullet stripped', () => {
    expect(texts('• 学习不够\n• 作风不实')).toEqual(['学习不够', '作风不实']);
    expect(texts('• 学习不够\n作风不实')).toEqual(['学习不够', '作风不实']);
  });

  it('does not join a line after a blank line to the item above', () => {
    expect(texts('1.学习\n\n不够')).toEqual(['学习', '不够']);
  });

  it('marks a heading only when it is short, unpunctuated, of a CJK style and not the main style', () => {
    const headings = (s: string) => splitPasted(s).map((i) => i.likelyHeading);
    expect(headings('一、思想方面\n1.理论学习不够\n2.学用结合不紧')).toEqual([true, false, false]);
    expect(headings('（一）思想方面\n1.理论学习不够\n2.学用结合不紧')).toEqual([true, false, false]);
    // Ending in a sentence end: an opinion.
    expect(headings('一、思想方面。\n1.理论学习不够\n2.学用结合不紧')).toEqual([false, false, false]);
    // Seventeen characters: too long for a heading; sixteen: still one.
    expect(headings('一、思想方面存在的问题主要有以下几个方\n1.理论学习不够\n2.学用结合不紧')[0]).toBe(false);
    expect(headings('一、思想方面存在的问题主要有以下几个\n1.理论学习不够\n2.学用结合不紧')[0]).toBe(true);
    // Another style that is not CJK (①) is not a heading.
    expect(headings('①思想方面\n1.理论学习不够\n2.学用结合不紧')).toEqual([false, false, false]);
    // The main style itself is never a heading.
    expect(headings('一、思想方面\n二、作风方面\n1.理论学习不够')).toEqual([false, false, false]);
  });

  it('reads CR and CRLF line breaks alike', () => {
    expect(texts('1.学习\r2.作风\r\n3.调研')).toEqual(['学习', '作风', '调研']);
  });
});

describe('normalize at its edges', () => {
  it('joins lines: a space only between a Latin letter or digit and another', () => {
    expect(joinLines(['a1', '2b'])).toBe('a1 2b');
    expect(joinLines(['中', 'b'])).toBe('中b');
    expect(joinLines(['a', '中'])).toBe('a中');
    expect(joinLines(['', ' x ', '', 'y'])).toBe('x y');
  });

  it('cleans: runs of line breaks fold to one, each line trimmed, CR alone is a break', () => {
    expect(cleanText('a\n\n\nb')).toBe('a\nb');
    expect(cleanText(' a \r b ')).toBe('a\nb');
    expect(cleanText('\ufeffa\u2028b\u00a0c')).toBe('ab c');
    expect(cleanLine('张三\n局长')).toBe('张三 局长');
  });

  it('compares with width, case, spaces and punctuation ignored, the same every time it is asked', () => {
    expect(compareKey('Ａb　Ｃ！')).toBe('abc');
    expect(compareKey('Ａb　Ｃ！')).toBe('abc');
    expect(compareKey('（意见）【建议】')).toBe('意见建议');
  });

  it('forgets cached keys past its bound without changing any answer', () => {
    for (let i = 0; i < 20_005; i++) compareKey(`意见${i}。`);
    expect(compareKey('意见1。')).toBe('意见1');
    expect(compareKey('意见20004。')).toBe('意见20004');
  });
});

describe('roster lines', () => {
  it('splits by tabs when there are tabs, keeping spaces inside a cell', () => {
    expect(parseRosterLines('张三\t县委 书记\t全面 工作')).toEqual([{ name: '张三', position: '县委 书记', areas: '全面 工作' }]);
  });

  it('splits by commas or spaces otherwise, joining the areas with 、 and skipping empty parts', () => {
    expect(parseRosterLines('李四，副县长，工业,,交通')).toEqual([{ name: '李四', position: '副县长', areas: '工业、交通' }]);
    expect(parseRosterLines('王五')).toEqual([{ name: '王五', position: '', areas: '' }]);
  });

  it('skips blank and numbering-only lines and reads CR line breaks', () => {
    expect(parseRosterLines('1.\r\n  \r赵六 局长')).toEqual([{ name: '赵六', position: '局长', areas: '' }]);
  });
});

describe('text tools, the cases the mutation report asked for', () => {
  it('puts a space between joined lines only where a Latin letter or digit ends one and starts the next', () => {
    expect(joinLines(['a1中', 'b'])).toBe('a1中b');
    expect(joinLines(['a', '中b'])).toBe('a中b');
  });

  it('reads no marker from an invalid CJK numeral, and tells a bullet from a minus sign', () => {
    expect(readMarker('二二、x')).toBeUndefined();
    expect(readMarker('• 气温-5度')?.style).toBe('bullet');
    expect(readMarker('  -5℃以下')).toBeUndefined();
    expect(readMarker('- 5分')).toBeUndefined();
  });

  it('splits at the earliest of the two ways of writing the next enclosed or article ordinal', () => {
    expect(texts('⑴学习不够。⒉作风不实。⑵调研不深')).toEqual(['学习不够。', '作风不实。⑵调研不深']);
    expect(texts('第一条 学习。第2条 作风。第二条 调研')).toEqual(['学习。', '作风。第二条 调研']);
    expect(texts('⑴学习不够。⑵作风不实。⒉调研不深')).toEqual(['学习不够。', '作风不实。⒉调研不深']);
    expect(texts('第一条 学习。第二条 作风。第2条 调研')).toEqual(['学习。', '作风。第2条 调研']);
  });

  it('does not split where the next ordinal is not there, is not a marker, or reads as another number', () => {
    expect(texts('①学习②')).toEqual(['学习②']);
    expect(texts('1、学习不够。2、3季度推进慢')).toEqual(['学习不够。2、3季度推进慢']);
    expect(texts('第1条 学习。第23条 作风')).toEqual(['学习。第23条 作风']);
  });

  it('joins a wrapped line to a single numbered item, and to bullet items when there are two bullets', () => {
    expect(texts('1.学习\n不够')).toEqual(['学习不够']);
    expect(texts('• 学习\n不够\n• 作风')).toEqual(['学习不够', '作风']);
  });

  it('in a numbered block, joins the lines after a blank line to each other', () => {
    expect(texts('1.学习\n\n不够\n继续')).toEqual(['学习', '不够继续']);
  });

  it('takes a short line with a sentence end inside it (not at its end) for a heading', () => {
    expect(splitPasted('一、思想。方面\n1.理论学习不够\n2.学用结合不紧')[0]?.likelyHeading).toBe(true);
  });

  it('reads one member per CRLF line, and several spaces as one separator', () => {
    expect(parseRosterLines('甲 局长\r\n乙 副局长').map((m) => m.name)).toEqual(['甲', '乙']);
    expect(parseRosterLines('张三  局长')).toEqual([{ name: '张三', position: '局长', areas: '' }]);
  });
});

describe('text tools, the mutants left after the first round', () => {
  it('strips the spaces after the text as well as the marker', () => {
    expect(stripNumbering('1. 加强学习 ')).toBe('加强学习');
    expect(stripNumbering(' 加强学习 ')).toBe('加强学习');
  });

  it('takes a lone CR for a line break in an unnumbered paste and in a roster', () => {
    expect(texts('学习不够\r作风不实')).toEqual(['学习不够', '作风不实']);
    expect(parseRosterLines('甲 局长\r乙 副局长').map((m) => m.name)).toEqual(['甲', '乙']);
  });
});
