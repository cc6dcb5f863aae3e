// The paper-form preview's rows (the app's preview and the command line's import of scans): each recognised opinion of each page matched by planOcrRows (the importer's
// matchers), with what staff changed on top — the text corrected, the target, category or channel
// chosen, the tick — and checked by prepareOpinion (the one validator) and for duplicates as the
// import commit will check them. Pure, so the rules of the preview are tested without a browser.
import { duplicateKey, type DuplicateFields } from '../checks/duplicates';
import type { ImportRow } from '../import/records';
import { prepareOpinion, type OpinionContext } from '../model/drafts';
import { cellImage, pictureScale, type CellImage } from './cell-image';
import type { GrayImage } from './raster';
import type { FormOpinion, FormReading } from './form';
import { planOcrRows, type OcrMeeting, type OcrRow } from './plan';

/** A page as recognised, with where it came from. */
export interface FormPage {
  key: string;
  fileName: string;
  /** 1 for a picture (one page per file). */
  pageNumber: number;
  reading: FormReading;
  /** 提出单位: the form's 单位（盖章） as read, or as staff corrected it. */
  provider: string;
  /** `row:column` (0-based) → the picture of that table cell (cellImage), stored with the opinions read from it. */
  cells?: ReadonlyMap<string, CellImage>;
}

/** The key of an opinion's cell in `FormPage.cells`. */
export const cellKey = (o: Pick<FormOpinion, 'row' | 'column'>) => `${o.row}:${o.column}`;

/** What staff changed on one row. */
export interface RowEdit {
  text?: string;
  targetId?: string;
  category?: string;
  channel?: string;
  ticked?: boolean;
}

export interface PreviewRow {
  key: string;
  page: FormPage;
  opinion: FormOpinion;
  text: string;
  /** Staff corrected the text: no character is doubtful any more. */
  edited: boolean;
  /** Indexes of the characters below the confidence threshold (none once edited). */
  doubtful: number[];
  targetId?: string;
  category?: string;
  channel?: string;
  dimension?: string;
  /** Why the row cannot be imported as it stands, in Chinese (empty when it can). */
  problems: string[];
  /** Per field, why it is not matched (shown at the field). */
  fieldProblems: FieldProblems;
  noOpinion: boolean;
  duplicate: boolean;
  importable: boolean;
  ticked: boolean;
}

export interface PreviewMeeting extends OcrMeeting {
  context: OpinionContext;
  existing: readonly DuplicateFields[];
}

interface FieldProblems {
  target?: string;
  category?: string;
  channel?: string;
}

/**
 * planOcrRows names its problems in field order — the target (members' rows only), the category,
 * the channel — one for each field it could not match: given back per field, so that a field staff
 * choose no longer shows its problem. The command line's hint (`（命令行：--category）`) is left out.
 */
export function problemsByField(row: OcrRow): FieldProblems {
  const queue = row.problems.map((p) => p.replace(/（命令行：[^）]*）$/, ''));
  const out: FieldProblems = {};
  if (row.targetId === undefined && row.opinion.part === 'members') out.target = queue.shift();
  if (row.category === undefined) out.category = queue.shift();
  if (row.channel === undefined) out.channel = queue.shift();
  return out;
}

/** The opinion as staff corrected it: every character then counts as checked. */
function corrected(opinion: FormOpinion, text: string | undefined): FormOpinion {
  if (text === undefined || text === opinion.text) return opinion;
  return { ...opinion, text, chars: [...text].map((char) => ({ char, confidence: 1 })) };
}

/**
 * Every row of every page, in page order. A row is ticked by default when it can be imported, has
 * no doubtful character and is not a no-opinion answer or a likely heading; staff may tick it (after
 * checking) or untick any row. A row that cannot be imported (a field unmatched, a duplicate, a
 * validation problem) cannot be ticked.
 */
export function previewRows(pages: readonly FormPage[], edits: ReadonlyMap<string, RowEdit>, meeting: PreviewMeeting, options: { category?: string; channel?: string; minConfidence?: number }): PreviewRow[] {
  const seen = new Set(meeting.existing.map(duplicateKey));
  const out: PreviewRow[] = [];
  for (const page of pages) {
    const keyOf = (i: number) => `${page.key}/${i}`;
    const reading = { ...page.reading, opinions: page.reading.opinions.map((o, i) => corrected(o, edits.get(keyOf(i))?.text)) };
    planOcrRows(reading, meeting, options).forEach((planned, i) => {
      const key = keyOf(i);
      const edit = edits.get(key) ?? {};
      const fieldProblems = problemsByField(planned);
      const targetId = edit.targetId ?? planned.targetId;
      const category = edit.category ?? planned.category;
      const channel = edit.channel ?? planned.channel;
      if (edit.targetId !== undefined) delete fieldProblems.target;
      if (edit.category !== undefined) delete fieldProblems.category;
      if (edit.channel !== undefined) delete fieldProblems.channel;
      const problems = Object.values(fieldProblems).filter((p): p is string => p !== undefined);
      let duplicate = false;
      if (targetId !== undefined && category !== undefined && channel !== undefined) {
        const checked = prepareOpinion({ targetId, category, channel, content: planned.opinion.text, provider: page.provider, dimension: planned.dimension ?? '' }, meeting.context);
        if (!checked.ok) problems.push(...checked.problems);
        else {
          const k = duplicateKey(checked.value);
          duplicate = seen.has(k);
          if (duplicate) problems.push('与会议中已有的意见（或本批前面的一条）重复，不再导入');
          // Only a row that will be written makes a later one its duplicate.
          else if (edit.ticked ?? defaultTick(planned)) seen.add(k);
        }
      }
      const importable = problems.length === 0;
      out.push({
        key,
        page,
        opinion: planned.opinion,
        text: planned.opinion.text,
        edited: edit.text !== undefined && edit.text !== page.reading.opinions[i]!.text,
        doubtful: planned.doubtful,
        targetId,
        category,
        channel,
        dimension: planned.dimension,
        problems,
        fieldProblems,
        noOpinion: planned.noOpinion,
        duplicate,
        importable,
        ticked: importable && (edit.ticked ?? defaultTick(planned)),
      });
    });
  }
  return out;
}

/** Ticked unless something asks for a look first: doubtful characters, a no-opinion answer, a likely heading. */
function defaultTick(row: OcrRow): boolean {
  return row.doubtful.length === 0 && !row.noOpinion && !row.opinion.likelyHeading;
}

/** Where on a paper form an imported opinion was read, as its origin's `sheet` says it: `第1页·第2栏`. */
export function paperSheet(page: number, column: number): string {
  return `第${page}页·第${column}栏`;
}

/** Whether an opinion's origin says it was read from a paper form (its `sheet` as paperSheet writes it): only such opinions can have an 原件 picture. */
export function isPaperOrigin(origin: { kind: string; sheet?: string }): boolean {
  return origin.kind === 'imported' && /^第\d+页·第\d+栏$/.test(origin.sheet ?? '');
}

/** The rows the commit writes: ticked and importable, each with its file, page, cell and table row, and the cell's picture when the page has it. */
export function rowsToImport(rows: readonly PreviewRow[]): ImportRow[] {
  return rows
    .filter((r) => r.ticked && r.importable)
    .map((r) => {
      const image = r.page.cells?.get(cellKey(r.opinion));
      return {
        file: r.page.fileName,
        sheet: paperSheet(r.page.pageNumber, r.opinion.column + 1),
        row: r.opinion.row + 1,
        draft: { targetId: r.targetId!, category: r.category!, channel: r.channel!, content: r.text, provider: r.page.provider, dimension: r.dimension ?? '' },
        ...(image ? { scan: { page: r.page.pageNumber, column: r.opinion.column + 1, image } } : {}),
      };
    });
}

/**
 * The pictures of every cell an opinion of `reading` was read from, cut from the levelled page at a
 * scale that brings its text to a legible, small size: what the preview shows and the commit stores.
 */
export function cellImagesOf(page: GrayImage, lineHeights: readonly number[], reading: FormReading): Map<string, CellImage> {
  const scale = pictureScale(lineHeights);
  const cells = new Map<string, CellImage>();
  for (const o of reading.opinions) {
    const key = cellKey(o);
    if (!cells.has(key)) cells.set(key, cellImage(page, o.cell, scale));
  }
  return cells;
}
