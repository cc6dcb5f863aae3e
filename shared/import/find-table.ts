// Finding the opinion table in each sheet: the header row may sit below a title and a note, be
// made of two rows under merged cells, and name its columns with any of the common synonyms.
// A sheet named after a member (or 领导班子) with no target column holds that member's opinions.
import { classifyHeader, headerKey, IMPORT_FIELDS, type ImportField } from './fields';
import { columnLetter, textAt, type ParsedWorkbook, type SheetGrid } from './grid';
import { matchCategory, matchChannel, matchTarget, type RosterEntry } from './values';
import { compareKey } from '../text/normalize';

/** Only the first rows are searched for the header: a title and a few notes sit above it. */
const HEADER_SEARCH_ROWS = 30;

export type FieldColumns = Partial<Record<ImportField, number>>;

export interface ColumnInfo {
  index: number;
  /** `A`, `B` … */
  letter: string;
  /** The header as shown (two header rows joined by `/`); empty when the column has none. */
  label: string;
  kind: 'field' | 'identity' | 'numbering' | 'unknown';
  /** The field the header names, when it names one (whether or not it was mapped). */
  field?: ImportField;
  /** The first few values under the header, to help whoever corrects the mapping. */
  samples: string[];
  /** The field was proposed by the column's values (its header names none). */
  byValues?: boolean;
}

/** The meeting's own values, for proposing a column by what it holds. */
interface TableVocabulary {
  categories: readonly string[];
  channels: readonly string[];
}

export interface SheetTable {
  sheet: string;
  /** 1-based rows of the header (equal unless the header is two rows). */
  headerFirstRow: number;
  headerLastRow: number;
  columns: ColumnInfo[];
  /** The mapping found automatically: one column per field at most. */
  detected: FieldColumns;
  /** The target the sheet's name gives (a member id or the group), for a sheet per member. */
  sheetTarget?: string;
  /** Two or more questionnaire identity columns: an export from 问卷星 or a similar tool. */
  questionnaire: boolean;
  /** Sheets with the same header share one mapping in the preview. */
  layoutKey: string;
}

export interface SkippedSheet {
  sheet: string;
  kind: 'empty' | 'hidden' | 'no-header';
  reason: string;
}

export interface WorkbookLayout {
  tables: SheetTable[];
  skipped: SkippedSheet[];
}

/**
 * Finds the opinion table of every sheet, with the column mapping it implies. With the meeting's
 * categories and channels, a column whose header names nothing is proposed by its values.
 */
export function findTables(workbook: ParsedWorkbook, roster: readonly RosterEntry[], vocabulary?: TableVocabulary): WorkbookLayout {
  const tables: SheetTable[] = [];
  const skipped: SkippedSheet[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) {
      skipped.push({ sheet: sheet.name, kind: 'hidden', reason: '隐藏的工作表，未导入' });
      continue;
    }
    if (!sheet.rows.some((r) => r && r.some((c) => c))) {
      skipped.push({ sheet: sheet.name, kind: 'empty', reason: '空工作表' });
      continue;
    }
    const table = findTable(sheet, roster, vocabulary);
    if (table) tables.push(table);
    else skipped.push({ sheet: sheet.name, kind: 'no-header', reason: '没有找到意见表的表头（如“意见对象”“意见来源”“意见建议”），未导入' });
  }
  // Where some sheet has an opinion column, a sheet without one is a summary (a 缺项清单 lists
  // targets and sources too), not opinions. Where none has, every table stays, for the user to map.
  if (tables.some((t) => t.detected.content !== undefined)) {
    for (const t of tables.filter((x) => x.detected.content === undefined)) {
      skipped.push({ sheet: t.sheet, kind: 'no-header', reason: '没有意见内容列，不是意见表，未导入' });
    }
    return { tables: tables.filter((t) => t.detected.content !== undefined), skipped };
  }
  return { tables, skipped };
}

interface Candidate {
  first: number;
  last: number;
  labels: Map<number, string>;
  kinds: Map<number, ReturnType<typeof classifyHeader>>;
  score: number;
  exact: number;
}

function findTable(sheet: SheetGrid, roster: readonly RosterEntry[], vocabulary: TableVocabulary | undefined): SheetTable | undefined {
  const width = sheetWidth(sheet);
  const filled = mergeFiller(sheet);
  let best: Candidate | undefined;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    if (!sheet.rows[r]) continue;
    const candidates = [evaluate(r, r, width, filled)];
    // A two-row header: where merged cells start on this row, or (a CSV saved from such a sheet,
    // which loses its merges) where the next row holds nothing but column names (`| 姓名 | 职务 |`).
    if (sheet.merges.some((m) => m.s.r === r && (m.e.r > m.s.r || m.e.c > m.s.c)) || onlyColumnNames(sheet, r + 1, width)) {
      candidates.push(evaluate(r, r + 1, width, filled));
    }
    for (const c of candidates) {
      const acceptable = c.score >= 2 || [...c.kinds.values()].some((k) => k.kind === 'field' && k.field === 'content' && k.exact);
      if (!acceptable) continue;
      const better =
        !best ||
        c.score > best.score ||
        (c.score === best.score && c.exact > best.exact) ||
        (c.score === best.score && c.exact === best.exact && c.last - c.first < best.last - best.first);
      if (better) best = c;
    }
  }
  if (!best) return undefined;

  const header = best;
  const identityCount = [...header.kinds.values()].filter((k) => k.kind === 'identity').length;
  const questionnaire = identityCount >= 2;
  const columns: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    const label = header.labels.get(c) ?? '';
    let kind = header.kinds.get(c) ?? { kind: 'unknown' as const };
    // In a questionnaire export a bare 姓名 is the respondent's name, not the member's.
    if (questionnaire && kind.kind === 'field' && kind.field === 'target' && ['姓名', '您的姓名'].includes(compareKey(label))) kind = { kind: 'identity' };
    // Outside a questionnaire a bare 来源 is the opinion's (上级领导, 服务对象 …), not the submission's (手机提交, 微信).
    if (!questionnaire && kind.kind === 'identity' && headerKey(label) === compareKey('来源')) kind = { kind: 'field', field: 'category', exact: false };
    columns.push({
      index: c,
      letter: columnLetter(c),
      label,
      kind: kind.kind,
      ...(kind.kind === 'field' ? { field: kind.field } : {}),
      samples: samplesOf(sheet, header.last + 1, c),
    });
  }
  const detected: FieldColumns = {};
  for (const field of IMPORT_FIELDS) {
    const options = columns.filter((col) => col.field === field);
    const exact = options.find((col) => header.kinds.get(col.index)?.kind === 'field' && (header.kinds.get(col.index) as { exact: boolean }).exact);
    const chosen = exact ?? options[0];
    if (chosen) detected[field] = chosen.index;
  }
  proposeByValues(sheet, header.last + 1, columns, detected, roster, vocabulary);
  const sheetTarget = detected.target === undefined ? targetFromSheetName(sheet.name, roster) : undefined;
  return {
    sheet: sheet.name,
    headerFirstRow: header.first + 1,
    headerLastRow: header.last + 1,
    columns,
    detected,
    ...(sheetTarget ? { sheetTarget } : {}),
    questionnaire,
    layoutKey: columns.map((c) => c.label).join('\u0001'),
  };
}

function evaluate(first: number, last: number, width: number, filled: (r: number, c: number) => string): Candidate {
  const labels = new Map<number, string>();
  const kinds = new Map<number, ReturnType<typeof classifyHeader>>();
  const fields = new Set<ImportField>();
  let exact = 0;
  for (let c = 0; c < width; c++) {
    const upper = filled(first, c);
    const lower = last > first ? filled(last, c) : upper;
    if (upper === '' && lower === '') continue;
    let label = upper;
    let kind = classifyHeader(upper);
    if (lower !== upper && lower !== '') {
      const below = classifyHeader(lower);
      label = upper === '' ? lower : `${upper}/${lower}`;
      if (below.kind !== 'unknown' || kind.kind === 'unknown') kind = below.kind !== 'unknown' ? below : classifyHeader(upper + lower);
    }
    // `意见\n建议` wrapped in its cell is named `意见建议` in the mapping and in every message.
    labels.set(c, label.replace(/\s*[\r\n]+\s*/g, ''));
    kinds.set(c, kind);
    if (kind.kind === 'field' && !fields.has(kind.field)) {
      fields.add(kind.field);
      if (kind.exact) exact++;
    }
  }
  return { first, last, labels, kinds, score: fields.size, exact };
}

/** A row whose every filled cell is exactly a column name the importer knows (a header's second row). */
function onlyColumnNames(sheet: SheetGrid, r: number, width: number): boolean {
  let names = 0;
  for (let c = 0; c < width; c++) {
    const text = textAt(sheet, r, c).trim();
    if (text === '') continue;
    const kind = classifyHeader(text);
    if (kind.kind !== 'field' || !kind.exact) return false;
    names++;
  }
  return names > 0;
}

/** Text at a position, with a merged area's text read in every cell it covers (header rows only). */
function mergeFiller(sheet: SheetGrid): (r: number, c: number) => string {
  const top = sheet.merges.filter((m) => m.s.r < HEADER_SEARCH_ROWS + 1);
  return (r, c) => {
    const own = textAt(sheet, r, c).trim();
    if (own !== '') return own;
    const m = top.find((x) => r >= x.s.r && r <= x.e.r && c >= x.s.c && c <= x.e.c);
    return m ? textAt(sheet, m.s.r, m.s.c).trim() : '';
  };
}

function sheetWidth(sheet: SheetGrid): number {
  let width = 0;
  for (const row of sheet.rows) if (row && row.length > width) width = row.length;
  return width;
}

/** Values read to judge a column by what it holds. */
const PROPOSAL_ROWS = 50;
/** The share of a column's values that must be the meeting's own for the column to be proposed. */
const PROPOSAL_SHARE = 0.6;

/**
 * A source, target or channel column the header did not name (`您的情况`, `类型`, no header at
 * all) is proposed by its values: most of them are the rule set's categories (or their variants),
 * the roster's members, the channels. Respondent columns (identity) are never proposed.
 */
function proposeByValues(
  sheet: SheetGrid,
  from: number,
  columns: ColumnInfo[],
  detected: FieldColumns,
  roster: readonly RosterEntry[],
  vocabulary: TableVocabulary | undefined,
): void {
  const tests: Array<[ImportField, (v: string) => boolean]> = [
    ['category', (v) => vocabulary !== undefined && matchCategory(v, vocabulary.categories).ok],
    ['target', (v) => {
      const m = matchTarget(v, '', roster);
      return m.ok || m.reason.startsWith('班子中有');
    }],
    ['channel', (v) => vocabulary !== undefined && matchChannel(v, vocabulary.channels).ok],
  ];
  for (const [field, fits] of tests) {
    if (detected[field] !== undefined || (field !== 'target' && !vocabulary)) continue;
    let best: { column: ColumnInfo; share: number } | undefined;
    for (const column of columns) {
      if (column.kind !== 'unknown' || Object.values(detected).includes(column.index)) continue;
      const values = valuesOf(sheet, from, column.index, PROPOSAL_ROWS);
      if (values.length < 2) continue;
      const matched = values.filter(fits).length;
      const share = matched / values.length;
      if (matched >= 2 && share >= PROPOSAL_SHARE && (!best || share > best.share)) best = { column, share };
    }
    if (best) {
      Object.assign(best.column, { kind: 'field', field, byValues: true });
      detected[field] = best.column.index;
    }
  }
}

function valuesOf(sheet: SheetGrid, from: number, c: number, count: number): string[] {
  const out: string[] = [];
  const end = Math.min(sheet.rows.length, from + SAMPLE_SEARCH_ROWS);
  for (let r = from; r < end && out.length < count; r++) {
    const t = textAt(sheet, r, c).trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/** Samples come from the rows just under the header: an empty column must not cost a walk down 100,000 rows (× 200 columns). */
const SAMPLE_SEARCH_ROWS = 1000;

function samplesOf(sheet: SheetGrid, from: number, c: number): string[] {
  const out: string[] = [];
  const end = Math.min(sheet.rows.length, from + SAMPLE_SEARCH_ROWS);
  for (let r = from; r < end && out.length < 3; r++) {
    const t = textAt(sheet, r, c).trim();
    if (t !== '') out.push(t.length > 40 ? `${t.slice(0, 40)}…` : t);
  }
  return out;
}

/** `张三`, `张三（局长）`, `对张三同志的意见`, `领导班子` → the target; undefined for `Sheet1`. */
export function targetFromSheetName(name: string, roster: readonly RosterEntry[]): string | undefined {
  const core = name
    .trim()
    .replace(/^对/, '')
    // A count the writer added: `对张三同志的意见建议（共3条）`.
    .replace(/\s*[(（]\s*(?:共|计|合计)?\s*\d+\s*[条项件]\s*[)）]$/, '')
    .replace(/(?:同志)?(?:的)?(?:征求)?(?:意见建议|意见|建议)?(?:汇总表|汇总|表|清单)?$/, '')
    .replace(/同志$/, '');
  if (core === '') return undefined;
  const match = matchTarget(core, '', roster);
  return match.ok ? match.value : undefined;
}
