import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskew } from '#shared/ocr/deskew';
import { decodePng } from '#shared/ocr/png';
import { toGrayWithoutSeal } from '#shared/ocr/raster';
import type { RecognizedChar } from '#shared/ocr/ctc';
import { readForm } from '#shared/ocr/form';
import { markDoubtful, planOcrRows, proposedProvider } from '#shared/ocr/plan';
import { defaultRuleSet } from '#shared/model/rule-set';
import type { Rect } from '#shared/ocr/raster';
import { findTableBands, type TableBand } from '#shared/ocr/table-grid';
import { blankGray, fillGray } from '../../support/ocr/images';

/** A recognised line; characters listed in `doubtful` get confidence 0.5. */
function line(text: string, box: Rect, doubtful = ''): { box: Rect; text: string; chars: RecognizedChar[] } {
  return { box, text, chars: [...text].map((char) => ({ char, confidence: doubtful.includes(char) ? 0.5 : 0.99 })) };
}

const L = { x: 0, width: 200 };
const R = { x: 200, width: 600 };
/** A table: heading, header, group row, heading, header, two member rows. */
const BANDS: TableBand[] = [
  [0, 40, false],
  [40, 80, true],
  [80, 180, true],
  [180, 220, false],
  [220, 260, true],
  [260, 360, true],
  [360, 420, true],
].map(([top, bottom, split]) => ({
  top: top as number,
  bottom: bottom as number,
  cells: split ? [{ ...L, y: top as number, height: (bottom as number) - (top as number) }, { ...R, y: top as number, height: (bottom as number) - (top as number) }] : [{ x: 0, y: top as number, width: 800, height: (bottom as number) - (top as number) }],
}));

const LINES = [
  line('县交通运输局领导班子2025年度民主生活会征求意见表', { x: 100, y: -100, width: 600, height: 30 }),
  line('单位（盖章）：县交通运输局', { x: 0, y: -50, width: 300, height: 24 }, '输'),
  line('意见来源：基层群众', { x: 400, y: -50, width: 200, height: 24 }),
  line('对领导班子的意见建议', { x: 300, y: 8, width: 200, height: 24 }),
  line('征求方面', { x: 50, y: 48, width: 100, height: 24 }),
  line('意见建议', { x: 450, y: 48, width: 100, height: 24 }),
  line('政治忠诚', { x: 50, y: 120, width: 100, height: 24 }),
  // A numbered opinion that wraps onto the next line, then a second one.
  line('1、理论学习的系统性不够，学用结合不紧，对新', { x: 210, y: 88, width: 575, height: 24 }),
  line('思想新理论理解不深。', { x: 210, y: 118, width: 250, height: 24 }, '深'),
  line('2、调研多在机关，深入基层一线偏少。', { x: 210, y: 148, width: 450, height: 24 }),
  line('对领导班子成员的意见建议', { x: 300, y: 188, width: 260, height: 24 }),
  line('姓名、职务', { x: 50, y: 228, width: 100, height: 24 }),
  line('意见建议', { x: 450, y: 228, width: 100, height: 24 }),
  line('张三（局长）', { x: 40, y: 300, width: 120, height: 24 }),
  // Unnumbered: a wrapped sentence, then a second opinion on its own line.
  line('听取基层意见的渠道还不够多，下基层调研的次数', { x: 210, y: 268, width: 578, height: 24 }),
  line('偏少。', { x: 210, y: 298, width: 80, height: 24 }),
  line('对重点项目的督促检查需要加强。', { x: 210, y: 328, width: 380, height: 24 }),
  line('李四（副局长）', { x: 30, y: 380, width: 140, height: 24 }),
  line('安全生产检查有时流于形式。', { x: 210, y: 380, width: 330, height: 24 }),
  line('说明：1. 请于11月25日前将本表交县委组织部。', { x: 0, y: 440, width: 600, height: 22 }),
];

describe('reading a 征求意见表', () => {
  const reading = readForm(LINES, BANDS);

  it('reads the unit from 单位（盖章） and the source category, with their confidences', () => {
    expect(reading.unit?.text).toBe('县交通运输局');
    expect(reading.unit?.chars.find((c) => c.char === '输')?.confidence).toBe(0.5);
    expect(reading.category?.text).toBe('基层群众');
  });

  it('gives the group part’s opinions and each member’s, numbered or not, with wrapped lines joined', () => {
    expect(reading.opinions.map((o) => [o.part, o.label, o.text])).toEqual([
      ['group', '政治忠诚', '理论学习的系统性不够，学用结合不紧，对新思想新理论理解不深。'],
      ['group', '政治忠诚', '调研多在机关，深入基层一线偏少。'],
      ['members', '张三（局长）', '听取基层意见的渠道还不够多，下基层调研的次数偏少。'],
      ['members', '张三（局长）', '对重点项目的督促检查需要加强。'],
      ['members', '李四（副局长）', '安全生产检查有时流于形式。'],
    ]);
  });

  it('keeps each character’s confidence through joining and numbering removal', () => {
    const first = reading.opinions[0]!;
    expect(first.chars.map((c) => c.char).join('')).toBe(first.text);
    expect(first.chars.filter((c) => c.confidence < 0.9).map((c) => c.char)).toEqual(['深']);
    expect(reading.opinions[1]!.chars.every((c) => c.confidence > 0.9)).toBe(true);
  });

  it('keeps the cell each opinion came from', () => {
    expect(reading.opinions[4]).toMatchObject({ row: 6, column: 1, cell: { x: 200, y: 360, width: 600, height: 60 } });
  });

  it('does not take the title, headings, header rows or instructions for opinions', () => {
    expect(reading.notOpinions).toEqual(expect.arrayContaining(['县交通运输局领导班子2025年度民主生活会征求意见表', '对领导班子的意见建议', '征求方面 | 意见建议', '姓名、职务 | 意见建议']));
    expect(reading.opinions.some((o) => o.text.includes('组织部') || o.text.includes('意见表'))).toBe(false);
  });

  it('knows the part from the header row when the form has no heading rows', () => {
    const noHeadings = readForm(LINES.filter((l) => !l.text.startsWith('对领导班子')), BANDS.filter((b) => b.cells.length === 2));
    expect(noHeadings.opinions.map((o) => o.part)).toEqual(['group', 'group', 'members', 'members', 'members']);
  });
});

describe('numbering as the recogniser reads it in 楷体 or handwriting', () => {
  it('splits `1丶…` `2丶…` (the radical 丶 read for 、) into numbered opinions, confidences kept', () => {
    const lines = [
      ...LINES.slice(0, 14),
      line('1丶听取基层意见的渠道还不够多。', { x: 210, y: 268, width: 400, height: 24 }, '渠'),
      line('2丶对重点项目的督促检查需要加强。', { x: 210, y: 328, width: 400, height: 24 }),
    ];
    const zhang = readForm(lines, BANDS).opinions.filter((o) => o.label === '张三（局长）');
    expect(zhang.map((o) => o.text)).toEqual(['听取基层意见的渠道还不够多。', '对重点项目的督促检查需要加强。']);
    expect(zhang[0]!.chars.find((c) => c.char === '渠')!.confidence).toBe(0.5);
  });

  it('reads half-width punctuation next to Chinese characters as the full-width marks, leaving `1.` and numbers alone', () => {
    const lines = [
      ...LINES.slice(0, 14),
      line('1.执行上级决策部署打折扣,如沟岗村(东片)有1,200户反映.', { x: 210, y: 268, width: 560, height: 24 }, ','),
    ];
    const zhang = readForm(lines, BANDS).opinions.filter((o) => o.label === '张三（局长）');
    expect(zhang.map((o) => o.text)).toEqual(['执行上级决策部署打折扣，如沟岗村（东片）有1,200户反映。']);
    expect(zhang[0]!.chars.filter((c) => c.confidence === 0.5).map((c) => c.char)).toEqual(['，', ',']);
  });
});

describe('finding the table’s rows and cells', () => {
  it('cuts a ruled table into rows, a heading across the table into one cell, and ignores text outside', () => {
    const page = blankGray(500, 300);
    for (const y of [50, 100, 160, 230]) fillGray(page, 20, y, 460, 2);
    fillGray(page, 20, 50, 2, 182); // left border
    fillGray(page, 478, 50, 2, 182); // right border
    fillGray(page, 150, 100, 2, 132); // the column rule, below the heading row
    fillGray(page, 60, 10, 300, 20); // a title above the table (a block of ink, not a rule)
    for (let x = 170; x < 460; x += 30) fillGray(page, x, 120, 20, 20); // text in a cell
    const bands = findTableBands(page);
    expect(bands.map((b) => b.cells.map((c) => [c.x, c.y, c.width, c.height]))).toEqual([
      // Rules two pixels thick: each at its middle row.
      [[21, 51, 458, 50]],
      [[21, 101, 130, 60], [151, 101, 328, 60]],
      [[21, 161, 130, 70], [151, 161, 328, 70]],
    ]);
  });

  it('finds no table on a page without rules', () => {
    const page = blankGray(300, 200);
    fillGray(page, 20, 20, 200, 30);
    expect(findTableBands(page)).toEqual([]);
  });
});

describe('checking a form’s opinions against the meeting', () => {
  const reading = readForm(LINES, BANDS);
  const meeting = { members: [{ id: 'm1', name: '张三', position: '局长' }], ruleSet: defaultRuleSet(), dimensions: ['带头强化政治忠诚、提高政治能力'] };

  it('matches targets, the category and the channel with the importer’s rules, and rejects an unknown name with the reason', () => {
    const rows = planOcrRows(reading, meeting);
    expect(rows.map((r) => [r.targetId, r.category, r.channel])).toEqual([
      ['group', '基层群众', '书面征求'],
      ['group', '基层群众', '书面征求'],
      ['m1', '基层群众', '书面征求'],
      ['m1', '基层群众', '书面征求'],
      [undefined, '基层群众', '书面征求'],
    ]);
    expect(rows[4]!.problems).toEqual(['“李四（副局长）”不在班子成员名单中']);
    expect(rows[0]!.dimension).toBe('带头强化政治忠诚、提高政治能力');
  });

  it('asks for the category when the form has none, and takes one given for the whole form', () => {
    const without = readForm(LINES.filter((l) => !l.text.startsWith('意见来源')), BANDS);
    expect(planOcrRows(without, meeting)[0]!.problems).toEqual(['表上没有意见来源，请指定（命令行：--category）']);
    expect(planOcrRows(without, meeting, { category: '群众' })[0]!.category).toBe('基层群众');
  });

  it('flags the characters below the confidence threshold and marks them in text', () => {
    const rows = planOcrRows(reading, undefined);
    const first = rows[0]!;
    expect(first.doubtful).toEqual([first.opinion.text.indexOf('深')]);
    expect(markDoubtful(first.opinion.text, first.doubtful)).toContain('理解不⟦深⟧。');
    expect(planOcrRows(reading, undefined, { minConfidence: 0.4 })[0]!.doubtful).toEqual([]);
  });

  it('proposes the 单位（盖章） as 提出单位, clear only when no character of it is doubtful', () => {
    const chars = (text: string, low: number[] = []) => [...text].map((c, i) => ({ char: c, confidence: low.includes(i) ? 0.5 : 0.99 }));
    expect(proposedProvider({ unit: { text: '县财政局', chars: chars('县财政局') } }, 0.9)).toEqual({ text: '县财政局', doubtful: [], clear: true });
    expect(proposedProvider({ unit: { text: '县财政局', chars: chars('县财政局', [2]) } }, 0.9)).toEqual({ text: '县财政局', doubtful: [2], clear: false });
    // Exactly at the threshold is read clearly, as for the opinions' characters.
    expect(proposedProvider({ unit: { text: '县财政局', chars: chars('县财政局', [2]) } }, 0.5).clear).toBe(true);
    expect(proposedProvider({}, 0.9)).toEqual({ text: '', doubtful: [], clear: false });
  });

  it('marks a no-opinion answer as not counting', () => {
    const lines = [...LINES.filter((l) => !l.text.startsWith('安全生产')), line('无', { x: 210, y: 380, width: 30, height: 24 })];
    expect(planOcrRows(readForm(lines, BANDS), meeting).at(-1)).toMatchObject({ noOpinion: true });
  });
});

describe('a form with a 意见来源 column', () => {
  it('takes each row’s category from its own cell, and that cell is not an opinion', () => {
    const cells = (top: number, bottom: number) => [{ x: 0, y: top, width: 200, height: bottom - top }, { x: 200, y: top, width: 150, height: bottom - top }, { x: 350, y: top, width: 450, height: bottom - top }];
    const bands: TableBand[] = [
      { top: 0, bottom: 40, cells: cells(0, 40) },
      { top: 40, bottom: 80, cells: cells(40, 80) },
      { top: 80, bottom: 120, cells: cells(80, 120) },
    ];
    const lines = [
      line('姓名、职务', { x: 50, y: 8, width: 100, height: 24 }),
      line('意见来源', { x: 230, y: 8, width: 90, height: 24 }),
      line('意见建议', { x: 500, y: 8, width: 100, height: 24 }),
      line('张三（局长）', { x: 40, y: 48, width: 120, height: 24 }),
      line('服务对象', { x: 230, y: 48, width: 90, height: 24 }),
      line('窗口办事效率有待提高。', { x: 360, y: 48, width: 300, height: 24 }),
      line('张三（局长）', { x: 40, y: 88, width: 120, height: 24 }),
      line('群众', { x: 250, y: 88, width: 50, height: 24 }),
      line('深入基层调研不够。', { x: 360, y: 88, width: 250, height: 24 }),
    ];
    const reading = readForm(lines, bands);
    expect(reading.opinions.map((o) => [o.text, o.category])).toEqual([
      ['窗口办事效率有待提高。', '服务对象'],
      ['深入基层调研不够。', '群众'],
    ]);
    const meeting = { members: [{ id: 'm1', name: '张三', position: '局长' }], ruleSet: defaultRuleSet(), dimensions: [] };
    expect(planOcrRows(reading, meeting, { category: '上级领导' }).map((r) => r.category)).toEqual(['服务对象', '基层群众']);
  });
});

describe('the table of a rendered form (Chromium, turned 1.5°, seal across the table’s top rule)', () => {
  it('is levelled, its seal taken out, and cut into its eight rows with headings across the table', () => {
    const png = decodePng(new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/ocr/form-150dpi-rotated-seal.png'))));
    if (!png.ok) throw new Error(png.error);
    const { gray, sealPixels } = toGrayWithoutSeal(png.image);
    expect(sealPixels).toBeGreaterThan(1000);
    const { page, angle } = deskew(gray);
    expect(Math.abs(angle - 1.5)).toBeLessThanOrEqual(0.1);
    // 对领导班子的意见建议 | header | 2 group rows | 对领导班子成员的意见建议 | header | 2 member rows.
    expect(findTableBands(page).map((b) => b.cells.length)).toEqual([1, 2, 2, 2, 1, 2, 2, 2]);
  });
});
