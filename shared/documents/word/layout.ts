// The official-document layout after GB/T 9704-2012, as small building blocks every Word export
// uses (opinion lists, the readiness report, the supervisory audit report): the A4 page and its
// margins, the title, the two heading levels, body and numbered paragraphs, tables whose header
// row repeats, the `— N —` page numbers (odd pages right, even pages left) and the 内部资料 mark.
//
// What must stay true: every run names its font in all four slots, East Asian included (Chinese
// text otherwise falls back to the theme font); every body line sits on the fixed 28.95 pt pitch;
// the output is black and white.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IRunOptions,
} from 'docx';
import { itemNumber, level1Number, level2Number } from '../heading-numbers';
import { lineWidth } from '../office-text';

/** `official`: the fonts GB/T 9704 names; `compatible`: the fonts every Chinese Windows has. */
export type FontMode = 'official' | 'compatible';

export interface GbFonts {
  title: string;
  /** Whether the title is set bold (the compatible 宋体 imitates 小标宋 that way). */
  titleBold: boolean;
  body: string;
  heading1: string;
  heading2: string;
  pageNumber: string;
  /** The 内部资料 mark in the header. */
  mark: string;
}

/** The fonts of each mode. 方正小标宋简体 and 仿宋_GB2312 are missing on many PCs, hence `compatible`. */
export const GB_FONTS: Readonly<Record<FontMode, GbFonts>> = {
  official: { title: '方正小标宋简体', titleBold: false, body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体', mark: '黑体' },
  compatible: { title: '宋体', titleBold: true, body: '仿宋', heading1: '黑体', heading2: '楷体', pageNumber: '宋体', mark: '黑体' },
};

/** Chinese font sizes in points. */
export const FONT_SIZE = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;

/** Millimetres to twips (1/20 pt), the unit of Word's page geometry. */
export function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

/** The GB/T 9704 page: A4, margins 37/35/28/26 mm, 22 lines of 28 characters on a 28.95 pt pitch. */
export const GB_PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** Header line of the 内部资料 mark, from the top edge. */
  header: mm(15),
  /** The page number's line sits 7 mm below the text block (GB/T 9704 §7.5); Word measures from the bottom edge. */
  footer: mm(22),
  /** Fixed line pitch of 28.95 pt, in twips. */
  linePitch: 579,
  /** Characters of 三号 body text on a full line. */
  charsPerLine: 28,
} as const;

/** Width of the text block in twips (156 mm). */
export const TEXT_WIDTH = GB_PAGE.width - GB_PAGE.margin.left - GB_PAGE.margin.right;

/**
 * How much each 三号 character is condensed, in twips, so that 28 of them fill the 156 mm line:
 * 442.25 pt / 28 = 15.79 pt a character, and a 16 pt character condensed by 0.25 pt takes 15.75 pt
 * (28 × 15.75 = 441 ≤ 442.25 < 29 × 15.75). Without it a line holds 27.
 *
 * Why not Word's character grid (`w:docGrid w:type="linesAndChars"` with a negative
 * `w:charSpace`), which Word and WPS honour: LibreOffice (7.4, measured) sets every 三号 character
 * in two of the grid's 15.75 pt cells when a cell is narrower than the font, 14 characters a line,
 * and ignores character spacing under such a grid. Condensed spacing gives 28 in all three.
 */
export const BODY_CHAR_SPACING = Math.floor(TEXT_WIDTH / GB_PAGE.charsPerLine - FONT_SIZE.三号 * 20);
/** The width of one 三号 character on the line, in twips. */
const BODY_CHAR_PITCH = FONT_SIZE.三号 * 20 + BODY_CHAR_SPACING;

const BLACK = '000000';
const halfPoints = (pt: number) => Math.round(pt * 2);
const twipsOfPt = (pt: number) => Math.round(pt * 20);

/**
 * A run in one font, named in every slot so Word and WPS never substitute the theme font. 三号
 * text is condensed onto the 28-character line (BODY_CHAR_SPACING); other sizes keep their width.
 */
export function gbRun(text: string, font: string, sizePt: number, extra: Omit<IRunOptions, 'text' | 'font' | 'size'> = {}): TextRun {
  return new TextRun({
    text,
    font: { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' },
    size: halfPoints(sizePt),
    sizeComplexScript: halfPoints(sizePt),
    color: BLACK,
    ...(sizePt === FONT_SIZE.三号 ? { characterSpacing: BODY_CHAR_SPACING } : {}),
    ...extra,
  });
}

/** Text with line breaks becomes one run per line with breaks between (docx drops raw control characters). */
function runsOf(text: string, font: string, sizePt: number, extra: Omit<IRunOptions, 'text' | 'font' | 'size'> = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => gbRun(line, font, sizePt, i === 0 ? extra : { ...extra, break: 1 }));
}

const EXACT_LINE = { line: GB_PAGE.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
/** Every paragraph of the text block: on the 28.95 pt pitch, no single line of it alone at the top or foot of a page. */
const ON_GRID = { spacing: EXACT_LINE, widowControl: true } as const;
const INDENT_2 = { firstLine: twipsOfPt(FONT_SIZE.三号 * 2), firstLineChars: 200 } as const;

export interface BlockOptions {
  /** Start this paragraph on a new page (one document holding several lists). */
  pageBreakBefore?: boolean;
  keepNext?: boolean;
}

export interface TableSpec {
  header: string[];
  rows: string[][];
  /** Relative column widths; equal when left out. */
  widths?: number[];
  /** Column alignment; the first column left, the others centred when left out. */
  align?: Array<'left' | 'center' | 'right'>;
  /** Font size of the cells in points; 四号 when left out. */
  sizePt?: number;
  /** Lets a row of long texts break across pages; short rows (counts, a matrix) are kept whole. */
  rowsMaySplit?: boolean;
}

/** The building blocks of a GB/T 9704 document in one font mode. */
export interface GbLayout {
  fonts: GbFonts;
  /** The title: 二号, centred; `\n` splits it into lines. */
  title(text: string, options?: BlockOptions): Paragraph;
  /** A centred line under the title in 楷体 三号, such as the name of the person a list is about. */
  subtitle(text: string): Paragraph;
  /** An empty line on the grid. */
  blank(): Paragraph;
  /** First-level heading, 黑体: `一、text`. */
  heading1(n: number, text: string, options?: BlockOptions): Paragraph;
  /** Second-level heading, 楷体: `（一）text`. */
  heading2(n: number, text: string, options?: BlockOptions): Paragraph;
  /** A body paragraph, 仿宋 三号, first line indented two characters. */
  paragraph(text: string, options?: BlockOptions & { note?: string }): Paragraph;
  /** A numbered body paragraph: `1.text`, with an optional note in 楷体 after it. */
  numbered(n: number, text: string, note?: string): Paragraph;
  /**
   * A numbered item of several lines as typed (`一是…` / `二是…`): the first line numbered, each
   * further line a paragraph of its own, the note after the last. Never one justified paragraph
   * with line breaks, which Word spreads out across the line.
   */
  item(n: number, lines: readonly string[], note?: string): Paragraph[];
  /**
   * The 署名 and the date under a document (GB/T 9704 §7.3.5.2), after an empty line: the issuing
   * body right-aligned two characters in, the date on the next line starting two characters
   * further right, the date kept two characters in when it is the longer.
   */
  signature(issuer: string, date: string): Paragraph[];
  /** A right-aligned line, such as the date under a report. */
  right(text: string): Paragraph;
  /** A black-and-white table across the text block whose header row repeats on every page. */
  table(spec: TableSpec): Table;
}

/** The layout's building blocks for a font mode. */
export function gbLayout(mode: FontMode = 'official'): GbLayout {
  const fonts = GB_FONTS[mode];
  const body = FONT_SIZE.三号;
  return {
    fonts,
    title: (text, options = {}) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        ...ON_GRID,
        outlineLevel: 0,
        keepNext: true,
        pageBreakBefore: options.pageBreakBefore,
        children: runsOf(text, fonts.title, FONT_SIZE.二号, { bold: fonts.titleBold }),
      }),
    subtitle: (text) =>
      new Paragraph({ alignment: AlignmentType.CENTER, ...ON_GRID, keepNext: true, children: runsOf(text, fonts.heading2, body) }),
    blank: () => new Paragraph({ ...ON_GRID, children: [gbRun('', fonts.body, body)] }),
    heading1: (n, text, options = {}) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        ...ON_GRID,
        indent: INDENT_2,
        outlineLevel: 1,
        keepNext: options.keepNext ?? true,
        pageBreakBefore: options.pageBreakBefore,
        children: [gbRun(`${level1Number(n)}${text}`, fonts.heading1, body)],
      }),
    heading2: (n, text, options = {}) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        ...ON_GRID,
        indent: INDENT_2,
        outlineLevel: 2,
        keepNext: options.keepNext ?? true,
        pageBreakBefore: options.pageBreakBefore,
        children: [gbRun(`${level2Number(n)}${text}`, fonts.heading2, body)],
      }),
    paragraph: (text, options = {}) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        ...ON_GRID,
        indent: INDENT_2,
        keepNext: options.keepNext,
        pageBreakBefore: options.pageBreakBefore,
        children: [...runsOf(text, fonts.body, body), ...(options.note ? [gbRun(options.note, fonts.heading2, body)] : [])],
      }),
    numbered: (n, text, note) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        ...ON_GRID,
        indent: INDENT_2,
        children: [gbRun(itemNumber(n), fonts.body, body), ...runsOf(text, fonts.body, body), ...(note ? [gbRun(note, fonts.heading2, body)] : [])],
      }),
    item: (n, lines, note) =>
      lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            ...ON_GRID,
            indent: INDENT_2,
            children: [
              ...(i === 0 ? [gbRun(itemNumber(n), fonts.body, body)] : []),
              gbRun(line, fonts.body, body),
              ...(note && i === lines.length - 1 ? [gbRun(note, fonts.heading2, body)] : []),
            ],
          }),
      ),
    signature: (issuer, date) => {
      const [issuerWidth, dateWidth] = [lineWidth(issuer), lineWidth(date)];
      const dateIn = Math.max(2, issuerWidth - dateWidth);
      const issuerIn = dateIn + dateWidth + 2 - issuerWidth;
      const line = (text: string, chars: number, keepNext: boolean) =>
        new Paragraph({ alignment: AlignmentType.RIGHT, ...ON_GRID, keepNext, indent: { right: Math.round(chars * BODY_CHAR_PITCH) }, children: [gbRun(text, fonts.body, body)] });
      // The empty line above, the issuer and the date stay on one page.
      return [new Paragraph({ ...ON_GRID, keepNext: true, children: [gbRun('', fonts.body, body)] }), line(issuer, issuerIn, true), line(date, dateIn, false)];
    },
    right: (text) =>
      new Paragraph({ alignment: AlignmentType.RIGHT, ...ON_GRID, indent: { right: twipsOfPt(body * 4) }, children: [gbRun(text, fonts.body, body)] }),
    table: (spec) => gbTable(spec, fonts),
  };
}

function gbTable(spec: TableSpec, fonts: GbFonts): Table {
  const columns = spec.header.length;
  const weights = spec.widths ?? spec.header.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  const sizePt = spec.sizePt ?? FONT_SIZE.四号;
  const border = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
  const alignOf = (i: number) => {
    const a = spec.align?.[i] ?? (i === 0 ? 'left' : 'center');
    return a === 'left' ? AlignmentType.LEFT : a === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  };
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: head ? AlignmentType.CENTER : alignOf(i),
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          children: runsOf(text, head ? fonts.heading1 : fonts.body, sizePt),
        }),
      ],
    });
  const row = (cells: string[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: head || !spec.rowsMaySplit,
      children: Array.from({ length: columns }, (_, i) => cell(cells[i] ?? '', i, head)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [row(spec.header, true), ...spec.rows.map((r) => row(r, false))],
  });
}

/** The page-number footer: `— N —` in 四号 宋体, one character in from the outer edge. */
function pageNumberFooter(fonts: GbFonts, side: 'odd' | 'even'): Footer {
  const size = FONT_SIZE.四号;
  const inset = twipsOfPt(size);
  const run = new TextRun({
    children: ['— ', PageNumber.CURRENT, ' —'],
    font: { ascii: fonts.pageNumber, hAnsi: fonts.pageNumber, eastAsia: fonts.pageNumber, cs: fonts.pageNumber, hint: 'eastAsia' },
    size: halfPoints(size),
    sizeComplexScript: halfPoints(size),
    color: BLACK,
  });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [run],
      }),
    ],
  });
}

/** The 内部资料 mark at the top left of every page. */
function internalHeader(fonts: GbFonts): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [gbRun(INTERNAL_MARK, fonts.mark, FONT_SIZE.三号)],
      }),
    ],
  });
}

/** The words every page of an internal document carries in its header. */
export const INTERNAL_MARK = '内部资料';
/** The neutral author of every document: never the operator's or a provider's name. */
export const DOCUMENT_CREATOR = '民主生活会征求意见工作台';

export interface GbDocumentOptions {
  /** The document's title property (File › Properties), not printed. */
  title: string;
  mode: FontMode;
  /** Marks every page 内部资料 (documents that name providers). */
  internal: boolean;
  /**
   * The body: one part, or several documents bound in one file (every list of a meeting). Each
   * part after the first is its own section that starts on an odd page — in double-sided printing
   * on the front of a sheet, with a blank page before it when needed — and every part numbers its
   * pages from 1, so that it can be taken out and handed over as a document of its own.
   */
  children: FileChild[] | FileChild[][];
}

/** Assembles the document: the GB/T 9704 page, odd/even page-number footers, the optional 内部资料 header, neutral metadata. */
export function gbDocument(options: GbDocumentOptions): Document {
  const fonts = GB_FONTS[options.mode];
  const parts = isPartList(options.children) ? options.children : [options.children];
  const section = (children: FileChild[], i: number) => ({
    properties: {
      type: i === 0 ? undefined : SectionType.ODD_PAGE,
      page: {
        size: { width: GB_PAGE.width, height: GB_PAGE.height },
        margin: { ...GB_PAGE.margin, header: GB_PAGE.header, footer: GB_PAGE.footer, gutter: 0 },
        pageNumbers: { start: 1 },
      },
      // Records the 28.95 pt pitch (22 lines); the paragraphs keep it with exact spacing, and the 28
      // characters a line come from BODY_CHAR_SPACING. No active grid type: LibreOffice would set a
      // 二号 title line and every table-cell line on two 28.95 pt grid rows, which Word does not.
      grid: { linePitch: GB_PAGE.linePitch },
    },
    headers: options.internal ? { default: internalHeader(fonts), even: internalHeader(fonts) } : undefined,
    footers: { default: pageNumberFooter(fonts, 'odd'), even: pageNumberFooter(fonts, 'even') },
    children,
  });
  return new Document({
    creator: DOCUMENT_CREATOR,
    lastModifiedBy: DOCUMENT_CREATOR,
    title: options.title,
    description: '',
    evenAndOddHeaderAndFooters: true,
    // A line ended by a line break inside a justified paragraph stays as it is, never spread out.
    compatibility: { doNotExpandShiftReturn: true },
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: fonts.body, hAnsi: fonts.body, eastAsia: fonts.body, cs: fonts.body, hint: 'eastAsia' },
            size: halfPoints(FONT_SIZE.三号),
            color: BLACK,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: EXACT_LINE },
        },
      },
      // Text a clerk adds in Word starts as 三号 body text too.
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { size: halfPoints(FONT_SIZE.三号), sizeComplexScript: halfPoints(FONT_SIZE.三号) } }],
    },
    sections: parts.map(section),
  });
}

function isPartList(children: FileChild[] | FileChild[][]): children is FileChild[][] {
  return children.length > 0 && Array.isArray(children[0]);
}

/** The .docx bytes of a document (works in the browser and in Node). */
export async function docxBytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
