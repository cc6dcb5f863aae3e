// Landscape A4 pages for tables (the 两张清单, the 整改清单), after GB/T 9704 §10.1: a landscape
// table is bound as a portrait page turned a quarter, the table's head toward the binding edge on
// odd pages and toward the cut edge on even pages — so the head is always at the sheet's left
// (portrait) edge, and the page number stays where it is on every portrait page: on the landscape
// page it sits in the left margin, turned, at the lower left on odd pages and the upper left on
// even pages, one character in. The margins are the portrait ones turned with the sheet.
//
// Builds on layout.ts (fonts, runs, the neutral metadata) without changing it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { DOCUMENT_CREATOR, FONT_SIZE, GB_FONTS, GB_PAGE, gbRun, INTERNAL_MARK, mm, type FontMode, type GbFonts } from './layout';

/** A4 turned: the portrait margins turned with the sheet (top 28, right 37, bottom 26, left 35 mm). */
export const LANDSCAPE_PAGE = {
  width: GB_PAGE.height,
  height: GB_PAGE.width,
  margin: { top: GB_PAGE.margin.left, right: GB_PAGE.margin.top, bottom: GB_PAGE.margin.right, left: GB_PAGE.margin.bottom },
} as const;

/** Width of the landscape text block in twips (225 mm). */
const LANDSCAPE_TEXT_WIDTH = LANDSCAPE_PAGE.width - LANDSCAPE_PAGE.margin.left - LANDSCAPE_PAGE.margin.right;

/**
 * Where the turned page number sits, in twips from the page's top-left corner: the column of the
 * portrait footer line (22 mm from the edge that was the bottom), and one 四号 character in from the
 * text block's bottom (odd pages) or top (even pages).
 */
export const LANDSCAPE_PAGE_NUMBER = {
  x: GB_PAGE.footer - mm(1),
  columnWidth: mm(7),
  length: mm(30),
  oddTop: LANDSCAPE_PAGE.height - LANDSCAPE_PAGE.margin.bottom - Math.round(FONT_SIZE.四号 * 20) - mm(30),
  evenTop: LANDSCAPE_PAGE.margin.top + Math.round(FONT_SIZE.四号 * 20),
} as const;

const BLACK = '000000';
/** Left and right padding of a table cell, in twips (1.2 mm in all). */
const CELL_PADDING = 35;
/** Room added to every column so a header of exactly its width never wraps on rounding. */
const COLUMN_SLACK = 40;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** The page number of a landscape page: a one-cell floating table in the left margin whose text runs top to bottom. */
function turnedPageNumber(fonts: GbFonts, side: 'odd' | 'even'): Footer {
  const size = FONT_SIZE.四号;
  const run = new TextRun({
    children: ['— ', PageNumber.CURRENT, ' —'],
    font: { ascii: fonts.pageNumber, hAnsi: fonts.pageNumber, eastAsia: fonts.pageNumber, cs: fonts.pageNumber, hint: 'eastAsia' },
    size: size * 2,
    sizeComplexScript: size * 2,
    color: BLACK,
  });
  const p = LANDSCAPE_PAGE_NUMBER;
  const table = new Table({
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      verticalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: p.x,
      absoluteVerticalPosition: side === 'odd' ? p.oddTop : p.evenTop,
    },
    width: { size: p.columnWidth, type: WidthType.DXA },
    columnWidths: [p.columnWidth],
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        height: { value: p.length, rule: HeightRule.EXACT },
        children: [
          new TableCell({
            width: { size: p.columnWidth, type: WidthType.DXA },
            textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
            children: [
              new Paragraph({
                // In a top-to-bottom cell, "right" is the bottom end: odd numbers hug the text block's bottom.
                alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
                children: [run],
              }),
            ],
          }),
        ],
      }),
    ],
  });
  // A footer needs a paragraph after a table; keep it one tiny line so it takes no room.
  return new Footer({ children: [table, new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] })] });
}

function internalHeader(fonts: GbFonts): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.LEFT, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, children: [gbRun(INTERNAL_MARK, fonts.mark, FONT_SIZE.三号)] })],
  });
}

interface LandscapeTableSpec {
  header: string[];
  rows: string[][];
  /**
   * Column widths in characters of the cell font (a cell's padding is added): the columns are
   * scaled together to fill the text block, so give what each column needs to keep its header on
   * as few lines as possible.
   */
  widths: number[];
  /** Column alignment; centred when left out. */
  align?: Array<'left' | 'center'>;
  /** Font size of the cells in points; 五号 when left out. */
  sizePt?: number;
}

/** A black-and-white table across the landscape text block; its header row repeats on every page, rows never split. */
export function landscapeTable(spec: LandscapeTableSpec, mode: FontMode): Table {
  const fonts = GB_FONTS[mode];
  const sizePt = spec.sizePt ?? FONT_SIZE.五号;
  const natural = spec.widths.map((chars) => chars * sizePt * 20 + CELL_PADDING * 2 + COLUMN_SLACK);
  const sum = natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((w) => Math.floor((LANDSCAPE_TEXT_WIDTH * w) / sum));
  const border = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 30, bottom: 30, left: CELL_PADDING, right: CELL_PADDING },
      children: text.split(/\r\n|\r|\n/).map(
        (line) =>
          new Paragraph({
            // Left, not justified: justified CJK in a narrow cell spreads a short last-but-one line into gaps.
            alignment: head || (spec.align?.[i] ?? 'center') === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
            children: [gbRun(line, head ? fonts.heading1 : fonts.body, sizePt)],
          }),
      ),
    });
  const row = (cells: readonly string[], head: boolean) =>
    new TableRow({ tableHeader: head, cantSplit: !head, children: widths.map((_, i) => cell(cells[i] ?? '', i, head)) });
  return new Table({
    width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [row(spec.header, true), ...spec.rows.map((r) => row(r, false))],
  });
}

interface LandscapeDocumentOptions {
  title: string;
  mode: FontMode;
  internal: boolean;
  /** One section per list; each after the first starts on an odd page, so each list prints on its own sheets. */
  sections: FileChild[][];
}

/** A document of landscape A4 sections with the turned page numbers and neutral metadata. */
export function landscapeDocument(options: LandscapeDocumentOptions): Document {
  const fonts = GB_FONTS[options.mode];
  const section = (children: FileChild[], i: number): ISectionOptions => ({
    properties: {
      type: i === 0 ? undefined : SectionType.ODD_PAGE,
      page: {
        size: { width: LANDSCAPE_PAGE.height, height: LANDSCAPE_PAGE.width, orientation: PageOrientation.LANDSCAPE },
        margin: { ...LANDSCAPE_PAGE.margin, header: mm(15), footer: mm(10), gutter: 0 },
        // Each list of a combined file is handed over on its own: its pages count from 1, as gbDocument's do.
        pageNumbers: { start: 1 },
      },
    },
    headers: options.internal ? { default: internalHeader(fonts), even: internalHeader(fonts) } : undefined,
    footers: { default: turnedPageNumber(fonts, 'odd'), even: turnedPageNumber(fonts, 'even') },
    children,
  });
  return new Document({
    creator: DOCUMENT_CREATOR,
    lastModifiedBy: DOCUMENT_CREATOR,
    title: options.title,
    description: '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: fonts.body, hAnsi: fonts.body, eastAsia: fonts.body, cs: fonts.body, hint: 'eastAsia' },
            size: FONT_SIZE.三号 * 2,
            color: BLACK,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: options.sections.map(section),
  });
}
