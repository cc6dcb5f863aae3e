// What a recognised 征求意见表 says: the unit in 单位（盖章）, the source category if the form has it,
// and per table row the opinions with whom they are about — the group's part (征求方面 | 意见建议)
// and one row per member (姓名、职务 | 意见建议). A cell's lines are joined where the text wraps and
// split into opinions by the paste splitter; the title, the header rows and the instructions below
// the table are not opinions.
import { classifyHeader, matchHeaderRow } from '../import/fields';
import { compareKey } from '../text/normalize';
import { readMarker } from '../text/numbering';
import { splitPasted } from '../text/split-paste';
import type { RecognizedChar } from './ctc';
import { readingOrder } from './detection';
import type { Rect } from './raster';
import type { TableBand } from './table-grid';

/** A recognised line, as the page gives it. */
interface TextLine {
  box: Rect;
  text: string;
  chars: RecognizedChar[];
}

/** A field written as `标签：值` on the form, with the confidence of each character of the value. */
interface FormValue {
  text: string;
  chars: RecognizedChar[];
}

/** One opinion read from the form. */
export interface FormOpinion {
  /** The group's part, or the members' rows. */
  part: 'group' | 'members';
  /** The row's left cell: a 征求方面 in the group's part, 姓名（职务） in the members' rows. */
  label: string;
  text: string;
  /** One per character of `text`, with the model's confidence. */
  chars: RecognizedChar[];
  /** The cell the opinion was read from, in pixels of the levelled page. */
  cell: Rect;
  /** The table row (0 first) and the cell's column. */
  row: number;
  column: number;
  /** A short numbered line in another style above the opinions (`一、思想方面`): probably a heading. */
  likelyHeading: boolean;
  /** The row's own 意见来源, when the table has that column. */
  category?: string;
}

export interface FormReading {
  unit?: FormValue;
  category?: FormValue;
  channel?: FormValue;
  opinions: FormOpinion[];
  /** Lines that are not opinions (title, header rows, headings, instructions), as read. */
  notOpinions: string[];
}

const SPACE = /\s/;

/** The value after `标签：` (or after the label when the colon was not read), its characters with it. */
function valueAfter(line: TextLine, labelEnd: number): FormValue {
  let start = labelEnd;
  while (start < line.chars.length && /[\s:：)）]/.test(line.chars[start]!.char)) start++;
  const chars = line.chars.slice(start).filter((c) => !SPACE.test(c.char));
  return { text: chars.map((c) => c.char).join(''), chars };
}

/** The index just past `needle`'s last character in `line`, comparing without punctuation; -1 when absent. */
function endOf(line: TextLine, needle: string): number {
  let k = 0;
  for (let i = 0; i < line.chars.length; i++) {
    const key = compareKey(line.chars[i]!.char);
    if (key === '') continue;
    if (key === needle[k]) {
      k++;
      if (k === needle.length) return i + 1;
    } else k = key === needle[0] ? 1 : 0;
  }
  return -1;
}

/** `单位（盖章）：…`, `意见来源：…`, `征求方式：…` above or below the table. */
function readFields(lines: readonly TextLine[], reading: FormReading): void {
  for (const line of lines) {
    const key = compareKey(line.text);
    if (key.includes('盖章') || key.startsWith('单位')) {
      const end = endOf(line, key.includes('盖章') ? '盖章' : '单位');
      let value = valueAfter(line, end);
      if (value.text === '') value = nextOnRow(line, lines) ?? value;
      if (value.text !== '' && !reading.unit) reading.unit = value;
      continue;
    }
    const colon = line.text.search(/[:：]/);
    if (colon <= 0) continue;
    const kind = classifyHeader(line.text.slice(0, colon));
    if (kind.kind !== 'field' || (kind.field !== 'category' && kind.field !== 'channel')) continue;
    const value = valueAfter(line, [...line.text.slice(0, colon)].length);
    if (value.text !== '') reading[kind.field] ??= value;
  }
}

/** The next line to the right on the same row (a value written apart from its label). */
function nextOnRow(line: TextLine, lines: readonly TextLine[]): FormValue | undefined {
  const mid = line.box.y + line.box.height / 2;
  const right = lines.filter((l) => l !== line && l.box.x > line.box.x + line.box.width - 2 && Math.abs(l.box.y + l.box.height / 2 - mid) < line.box.height / 2).sort((a, b) => a.box.x - b.box.x)[0];
  if (!right) return undefined;
  const chars = right.chars.filter((c) => !SPACE.test(c.char));
  return { text: chars.map((c) => c.char).join(''), chars };
}

/** What the recogniser reads for the 、 of a written or 楷体 `1、`: the radical 丶 or a half-width ､. */
const MARKER_LOOKALIKE = /^(\s*[0-9０-９]{1,2})[丶､ヽ]/;

/** Half-width punctuation the recogniser may give for the full-width marks of Chinese text. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };
const CJK = /[\u3400-\u9fff]/;

/**
 * A line as the form has it, one character for one (the confidences stay aligned): a `1丶` read for
 * the `1、` it is, so the splitter sees the numbering; and a half-width `,` `;` `(` … next to Chinese
 * characters read as the full-width mark Chinese text uses (`.` only after one: `1.` stays).
 */
function restoreMarker(line: TextLine): TextLine {
  const chars = line.chars.map((c) => ({ ...c }));
  const m = MARKER_LOOKALIKE.exec(line.text);
  if (m) chars[[...m[1]!].length]!.char = '、';
  chars.forEach((c, i) => {
    const full = FULL_WIDTH[c.char];
    if (full === undefined) return;
    const before = CJK.test(chars[i - 1]?.char ?? '');
    if (before || (c.char !== '.' && CJK.test(chars[i + 1]?.char ?? ''))) c.char = full;
  });
  const text = chars.map((c) => c.char).join('');
  return text === line.text ? line : { ...line, text, chars };
}

/**
 * A cell's lines as a block for the paste splitter: a line that wraps (it reaches the cell's right
 * side, and the next line starts without a number) is joined to the next; other line ends stay.
 * Returns the block and its characters in the same order (line breaks have no character).
 */
function cellBlock(lines: readonly TextLine[], cell: Rect): { block: string; chars: RecognizedChar[] } {
  const ordered = readingOrder(lines.map((l) => ({ ...l.box, line: l }))).map((b) => restoreMarker(b.line));
  let block = '';
  const chars: RecognizedChar[] = [];
  ordered.forEach((line, i) => {
    if (i > 0) {
      const previous = ordered[i - 1]!;
      const charWidth = previous.box.height;
      const wraps = previous.box.x + previous.box.width >= cell.x + cell.width - 2.5 * charWidth && !readMarker(line.text);
      block += wraps ? '' : '\n';
    }
    block += line.text;
    chars.push(...line.chars);
  });
  return { block, chars };
}

/** Each character of `text` with its confidence, found in the cell's characters from `from` on (spaces ignored); unknown characters get the cell's lowest confidence. */
function alignChars(text: string, cellChars: readonly RecognizedChar[], from: number): { chars: RecognizedChar[]; next: number } {
  const wanted = [...text];
  const solid = wanted.filter((c) => !SPACE.test(c)).join('');
  const pool = cellChars.map((c, i) => ({ c, i })).filter((x) => !SPACE.test(x.c.char) && x.i >= from);
  const poolText = pool.map((x) => x.c.char).join('');
  const at = solid === '' ? -1 : poolText.indexOf(solid);
  if (at < 0) {
    const lowest = Math.min(1, ...cellChars.map((c) => c.confidence));
    return { chars: wanted.map((char) => ({ char, confidence: lowest })), next: from };
  }
  let k = at;
  const chars = wanted.map((char) => (SPACE.test(char) ? { char, confidence: 1 } : { char, confidence: pool[k++]!.c.confidence }));
  return { chars, next: pool[k - 1]!.i + 1 };
}

/** Which part a one-cell row (a heading across the table) opens: the members' rows, the group's part, or neither. */
function headingPart(text: string): 'group' | 'members' | undefined {
  const key = compareKey(text);
  if (key.includes('成员') || key.includes('个人')) return 'members';
  if (key.includes('班子')) return 'group';
  return undefined;
}

/** Reads a recognised page with its table rows into the form's fields and opinions. */
export function readForm(lines: readonly TextLine[], bands: readonly TableBand[]): FormReading {
  const reading: FormReading = { opinions: [], notOpinions: [] };
  const inCell = new Map<TextLine, { row: number; column: number }>();
  for (const line of lines) {
    const cx = line.box.x + line.box.width / 2;
    const cy = line.box.y + line.box.height / 2;
    bands.forEach((band, row) => {
      band.cells.forEach((cell, column) => {
        if (cx >= cell.x && cx < cell.x + cell.width && cy >= cell.y && cy < cell.y + cell.height) inCell.set(line, { row, column });
      });
    });
  }
  const outside = lines.filter((l) => !inCell.has(l));
  readFields(outside, reading);
  const fieldLines = new Set(outside.filter((l) => /[:：]/.test(l.text) || compareKey(l.text).includes('盖章')));
  reading.notOpinions.push(...outside.filter((l) => !fieldLines.has(l)).map((l) => l.text));

  let part: 'group' | 'members' | undefined;
  // The last header row's 意见来源 column (a form with one row per respondent group), by cell count.
  let categoryColumn: { cells: number; column: number } | undefined;
  bands.forEach((band, row) => {
    const cellLines = band.cells.map((_, column) => lines.filter((l) => inCell.get(l)?.row === row && inCell.get(l)?.column === column));
    const texts = cellLines.map((ls) => readingOrder(ls.map((l) => ({ ...l.box, text: l.text }))).map((b) => b.text).join(''));
    if (band.cells.length === 1 || (texts[0] !== '' && texts.slice(1).every((t) => t === ''))) {
      // A heading across the table (对领导班子的意见建议 / 对领导班子成员的意见建议), or a row with only a label.
      part = headingPart(texts.join('')) ?? part;
      if (texts.join('') !== '') reading.notOpinions.push(texts.join(''));
      return;
    }
    const header = matchHeaderRow(texts);
    if (header.isHeader) {
      // 征求方面 | 意见建议 heads the group's part, 姓名、职务 | 意见建议 the members' rows.
      const first = header.kinds[0];
      const key = compareKey(texts[0]!);
      if ((first?.kind === 'field' && first.field === 'dimension') || /方面|主要内容/.test(key)) part = 'group';
      if ((first?.kind === 'field' && first.field === 'target') || /姓名|职务/.test(key)) part = 'members';
      const column = header.columns.category;
      categoryColumn = column !== undefined && column > 0 ? { cells: texts.length, column } : undefined;
      reading.notOpinions.push(texts.join(' | '));
      return;
    }
    const label = texts[0]!;
    const rowPart = part ?? (compareKey(label).includes('班子') ? 'group' : 'members');
    const rowCategory = categoryColumn?.cells === texts.length ? texts[categoryColumn.column] : undefined;
    for (let column = 1; column < band.cells.length; column++) {
      if (column === categoryColumn?.column && rowCategory !== undefined) continue;
      const cell = band.cells[column]!;
      if (cellLines[column]!.length === 0) continue;
      const { block, chars } = cellBlock(cellLines[column]!, cell);
      let from = 0;
      for (const item of splitPasted(block)) {
        const aligned = alignChars(item.text, chars, from);
        from = aligned.next;
        reading.opinions.push({ part: rowPart, label, text: item.text, chars: aligned.chars, cell, row, column, likelyHeading: item.likelyHeading, ...(rowCategory ? { category: rowCategory } : {}) });
      }
    }
  });
  return reading;
}
