// From a read workbook and a column mapping to what an import would do, row by row: every data
// row is either added, skipped (a duplicate of what the meeting has or of an earlier row; or, by
// default, a no-opinion phrase such as 无), or rejected with the file, sheet, row, column and the
// reason. Every row is validated by prepareOpinion (the one validator); duplicates are decided by
// duplicateKey. Nothing here writes: the plan is what the preview shows and the commit writes.
import { duplicateKey, type DuplicateFields } from '../checks/duplicates';
import { isSubstantive, phraseMatcher } from '../checks/substance';
import { prepareOpinion, type OpinionDraft, type OpinionFields } from '../model/drafts';
import { GROUP_LABEL, type RuleSet } from '../model/types';
import { targetLabel } from '../meeting/roster';
import { cleanLine } from '../text/normalize';
import { readMarker, stripNumbering } from '../text/numbering';
import { splitPasted } from '../text/split-paste';
import { exactField, FIELD_LABELS, type ImportField } from './fields';
import { targetFromSheetName, type FieldColumns, type SheetTable, type WorkbookLayout } from './find-table';
import { cellAt, columnLetter, sheetNoun, type GridCell, type ParsedWorkbook, type SheetGrid } from './grid';
import { mergedDownReader } from './merged-down';
import { judgeSheets, type MeetingPeriod, type SheetJudgement } from './sheet-scope';
import { cellValue, matchCategory, matchChannel, matchDate, matchDimension, matchTarget, type Match, type RosterEntry } from './values';

/** Fields that can be given one value for the whole file, when the file has no column for them. */
export type FixedField = 'target' | 'category' | 'channel' | 'provider' | 'dimension' | 'receivedDate';
export const FIXED_FIELDS: readonly FixedField[] = ['target', 'category', 'channel', 'dimension', 'provider', 'receivedDate'];

export interface ImportChoices {
  /** The column of each field, per sheet name. A sheet not listed uses the mapping found automatically. */
  columns: Record<string, FieldColumns>;
  /** One value for the whole file, used where the sheet maps no column for the field. */
  fixed: Partial<Record<FixedField, string>>;
  /** Also import rows that say nothing (无, 暂无 …); they are stored but never counted. Off by default. */
  keepNonSubstantive: boolean;
  /** Sheets the user chose to read (true) or to leave out (false); a sheet not listed follows judgeSheets. */
  sheets: Record<string, boolean>;
}

export const DEFAULT_CHOICES: ImportChoices = { columns: {}, fixed: {}, keepNonSubstantive: false, sheets: {} };

export interface ImportMeeting {
  ruleSet: Pick<RuleSet, 'categories' | 'channels' | 'noOpinionPhrases' | 'praisePhrases'>;
  dimensions: readonly string[];
  /** The live members, in rank order. */
  members: readonly RosterEntry[];
  /** The meeting's live opinions, for duplicate detection. */
  existing: readonly DuplicateFields[];
  /** The meeting's 年度 and planned day: a sheet of another year's opinions is not read by default. */
  period: MeetingPeriod;
}

/** A sheet with an opinion table: whether it belongs to this meeting, and whether it is read. */
export interface SheetChoice extends SheetJudgement {
  /** Read: the user's choice, else the judgement (`kind === 'this'`). */
  included: boolean;
  /** The user chose, rather than the judgement. */
  chosen: boolean;
}

export interface CellProblem {
  /** `C`; empty when the problem is not one column's (e.g. no column was mapped for a field). */
  column: string;
  /** The column's header, or the field's name. */
  header: string;
  reason: string;
}

export interface RowRef {
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
}

export interface RejectedRow extends RowRef {
  problems: CellProblem[];
}

export interface PlannedRow extends RowRef {
  fields: OpinionFields;
  /** What the row gives, before cleaning: what the commit validates again. */
  draft: OpinionDraft;
}

export interface SkippedRow extends PlannedRow {
  reason: string;
}

export interface ImportPlan {
  file: string;
  /** Data rows read (blank rows, repeated headers and form footers are not rows). */
  total: number;
  toAdd: PlannedRow[];
  /** Duplicates of the meeting's opinions or of an earlier row, and (by default) no-opinion rows. */
  skipped: SkippedRow[];
  duplicates: number;
  nonSubstantive: number;
  rejected: RejectedRow[];
  /** What the preview says besides the rows: sheets not read, identity columns dropped, rows ignored. */
  notes: string[];
  /** Every sheet with an opinion table, in the workbook's order; only those `included` were read. */
  sheets: SheetChoice[];
}

// A form's footer: 填表人：… 审核人：… 注：…
const FOOTER = /^(?:注|备注|说明|填表说明|填表人|填报人|审核人|联系人|制表人|负责人|填报单位|填表单位|填报日期|填表日期|单位(?:（盖章）|\(盖章\))?|联系电话)\s*[:：（(]/;
// A total under the table: 合计 | … | 共7条. Its count is the clerk's, never an opinion.
const TOTAL = /^(?:合\s*计|小\s*计|总\s*计|共\s*计)(?:[:：\s]*(?:共\s*)?\d*\s*(?:条|项|件)?(?:意见)?)?$/;
const COUNT = /^(?:[共计合总]\s*)*\d+\s*(?:条|项|件)?(?:意见)?[。.]?$/;

/** The mapping a sheet uses: the user's choice, else the one found automatically. */
export function sheetColumns(table: SheetTable, choices: ImportChoices): FieldColumns {
  return choices.columns[table.sheet] ?? table.detected;
}

/** What importing the workbook with this mapping would do. Pure and fast: the preview recomputes it on every change. */
export function planImport(workbook: ParsedWorkbook, layout: WorkbookLayout, choices: ImportChoices, meeting: ImportMeeting): ImportPlan {
  const sheets = sheetChoices(workbook, layout, choices, meeting.period);
  const plan: ImportPlan = { file: workbook.fileName, total: 0, toAdd: [], skipped: [], duplicates: 0, nonSubstantive: 0, rejected: [], notes: [...workbook.notes], sheets };
  // Only the sheets read count: another year's list or a copy beside the table changes nothing below.
  const readSheets = new Set(sheets.filter((s) => s.included).map((s) => s.sheet));
  const tables = layout.tables.filter((t) => readSheets.has(t.sheet));
  const noOpinion = phraseMatcher(meeting.ruleSet.noOpinionPhrases, meeting.ruleSet.praisePhrases);
  const existing = new Set(meeting.existing.map(duplicateKey));
  const seen = new Map<string, RowRef>();
  const context = { ruleSet: meeting.ruleSet, dimensions: meeting.dimensions, memberIds: new Set(meeting.members.map((m) => m.id)) };
  const multiSheet = tables.length > 1;
  // Several sheets, some named after members: the sheets are per target, and a sheet that is not is an error of its own.
  const sheetPerTarget = multiSheet && tables.some((t) => t.sheetTarget !== undefined);
  // A Word document's tables are 表格, named by their headings; a workbook's sheets are 工作表.
  const noun = sheetNoun(workbook);
  const sheetPrefix = (sheet: string) => (sheet ? `${noun}“${sheet}”` : '');

  // An instructions sheet (说明, 填写说明) is expected to have no table; any other sheet without one is worth a note.
  for (const skipped of layout.skipped) if (skipped.kind === 'no-header' && !skipped.sheet.includes('说明')) plan.notes.push(`${noun}“${skipped.sheet}”${skipped.reason}`);
  for (const table of tables) {
    const sheet = workbook.sheets.find((s) => s.name === table.sheet)!;
    const columns = sheetColumns(table, choices);
    notesFor(table, columns, plan.notes, multiSheet ? sheetPrefix(table.sheet) : '');
    // Whether a row is blank is decided without the columns nobody imports: respondent identity,
    // and row numbers (a template numbered to row 500 is still empty below the last opinion).
    const mapped = new Set(Object.values(columns));
    const identity = new Set(table.columns.filter((c) => c.kind === 'identity' && !mapped.has(c.index)).map((c) => c.index));
    const numbering = new Set(table.columns.filter((c) => c.kind === 'numbering' && !mapped.has(c.index)).map((c) => c.index));
    const merged = mergedDownReader(sheet, table.headerLastRow);
    const footers: number[] = [];
    // The target of the section being read, from a row that only names it (see sectionTarget).
    let section: string | undefined;
    const sections: Array<{ row: number; target: string }> = [];
    const bySection = columns.target === undefined && !choices.fixed.target;
    const totals: number[] = [];
    const hidden = new Set(sheet.hiddenRows ?? []);
    const hiddenRead: number[] = [];
    const severalInOne: number[] = [];
    for (let r = table.headerLastRow; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      const texts = row.map((cell, c) => {
        if (!cell || identity.has(c)) return '';
        const t = cellValue(cell.text);
        return numbering.has(c) && /^\d*$/.test(t) ? '' : t;
      });
      const nonEmpty = texts.filter((t) => t !== '');
      if (nonEmpty.length === 0) continue;
      const heads = bySection ? sectionTarget(sheet, r, texts, columns, meeting.members) : undefined;
      if (heads !== undefined) {
        section = heads;
        sections.push({ row: r + 1, target: heads });
        continue;
      }
      if (isFooterRow(nonEmpty[0]!, texts, columns)) {
        footers.push(r + 1);
        continue;
      }
      if (isTotalRow(nonEmpty[0]!, texts, columns)) {
        totals.push(r + 1);
        continue;
      }
      if (repeatsHeader(sheet, r, columns)) continue;
      plan.total++;
      if (hidden.has(r)) hiddenRead.push(r + 1);
      const ref = { sheet: table.sheet, row: r + 1 };
      const read = readRow({ sheet, merged }, r, table, columns, choices, meeting, context, sheetPerTarget ? noun : undefined, section);
      if (!read.ok) {
        plan.rejected.push({ ...ref, problems: read.problems });
        continue;
      }
      const planned: PlannedRow = { ...ref, fields: read.fields, draft: read.draft };
      if (!choices.keepNonSubstantive && !isSubstantive(read.fields.content, noOpinion)) {
        plan.nonSubstantive++;
        plan.skipped.push({ ...planned, reason: '无实质内容（如“无”“暂无”），未导入' });
        continue;
      }
      const key = duplicateKey(read.fields);
      const earlier = seen.get(key);
      if (existing.has(key) || earlier) {
        plan.duplicates++;
        const where = earlier ? `本文件${earlier.sheet !== ref.sheet && earlier.sheet ? `${noun}“${earlier.sheet}”` : ''}第 ${earlier.row} 行` : '会议中已有的意见';
        plan.skipped.push({ ...planned, reason: `与${where}重复（同一对象、同一来源、内容相同），未导入` });
        continue;
      }
      seen.set(key, ref);
      plan.toAdd.push(planned);
      if (read.several) severalInOne.push(ref.row);
    }
    if (hiddenRead.length > 0) {
      plan.notes.push(`${sheetPrefix(table.sheet)}第 ${rowList(hiddenRead)} 行在表格中是隐藏的，已照常读取；请核对这些行是否应当导入`);
    }
    if (totals.length > 0) plan.notes.push(`${sheetPrefix(table.sheet)}第 ${totals.join('、')} 行是合计行，未作为意见导入`);
    if (sections.length > 0) {
      const named = sections.map((x) => `第 ${x.row} 行→${labelOf(meeting, x.target)}`).join('，');
      plan.notes.push(`${sheetPrefix(table.sheet) || '表中'}没有意见对象列，按分节标题行确定其下各行的意见对象：${named}`);
    }
    if (footers.length > 0) plan.notes.push(`${sheetPrefix(table.sheet)}第 ${footers.join('、')} 行是表尾的填表说明或签名，未作为意见导入`);
    if (severalInOne.length > 0) {
      plan.notes.push(`${sheetPrefix(table.sheet)}第 ${rowList(severalInOne)} 行的意见内容中有多条编号意见，每行按一条意见导入和计数；如应分别计数，请在表格中拆成多行后再导入`);
    }
  }
  const byName = tables.filter((t) => t.sheetTarget && sheetColumns(t, choices).target === undefined && !choices.fixed.target);
  if (byName.length > 0) {
    const label = (id: string) => {
      const m = meeting.members.find((x) => x.id === id);
      return m ? targetLabel(m) : GROUP_LABEL;
    };
    plan.notes.push(`按${noun === '表格' ? '表格标题' : '工作表名称'}确定意见对象：${byName.map((t) => `“${t.sheet}”→${label(t.sheetTarget!)}`).join('，')}`);
  }
  return plan;
}

/**
 * The target a section heading row names: one text, typed across the table (a merged row) or
 * outside the imported columns, naming a member or the group as a sheet's name would
 * (`二、对张三同志的意见建议：`, `领导班子`). Word lists often run so, one section per target.
 */
function sectionTarget(sheet: SheetGrid, r: number, texts: readonly string[], columns: FieldColumns, roster: ImportMeeting['members']): string | undefined {
  const filled = texts.flatMap((t, c) => (t === '' ? [] : [c]));
  if (filled.length !== 1) return undefined;
  const c = filled[0]!;
  const across = sheet.merges.some((m) => m.s.r <= r && m.e.r >= r && m.s.c === c && m.e.c > m.s.c);
  if (!across && Object.values(columns).includes(c)) return undefined;
  return targetFromSheetName(stripNumbering(texts[c]!).replace(/[:：]\s*$/, ''), roster);
}

function labelOf(meeting: ImportMeeting, id: string): string {
  const m = meeting.members.find((x) => x.id === id);
  return m ? targetLabel(m) : GROUP_LABEL;
}

/** Each table's sheet judged (judgeSheets, with the mapping it is read with) and the user's choice over it. */
function sheetChoices(workbook: ParsedWorkbook, layout: WorkbookLayout, choices: ImportChoices, period: MeetingPeriod): SheetChoice[] {
  // A Word document's tables are 表格 in what the reasons say, as everywhere else in the preview.
  const noun = sheetNoun(workbook);
  return judgeSheets(workbook, layout.tables, (t) => sheetColumns(t, choices), period).map((j) => {
    const chosen = choices.sheets[j.sheet];
    // A file's one unnamed table (a CSV, a Word document's lone table) has no name to quote.
    const named = j.reason?.replaceAll('工作表“”', noun === '表格' ? '文档中的表格' : '表格');
    const reason = noun === '工作表' || named === undefined ? named : named.replaceAll('工作表“', `${noun}“`);
    return { ...j, reason, included: chosen ?? j.kind === 'this', chosen: chosen !== undefined };
  });
}

/** A cell such as `1.加强学习。2.改进作风。`: several numbered opinions in one row (one row stays one opinion). */
function holdsSeveralNumbered(content: string): boolean {
  const items = splitPasted(content);
  return readMarker(content.trim()) !== undefined && items.filter((i) => !i.likelyHeading).length >= 2;
}

/** `5、8、12` — at most ten rows named, then how many more. */
function rowList(rows: readonly number[]): string {
  return rows.length <= 10 ? rows.join('、') : `${rows.slice(0, 10).join('、')} 等 ${rows.length} `;
}

function notesFor(table: SheetTable, columns: FieldColumns, notes: string[], where: string): void {
  const used = new Set(Object.values(columns));
  const identity = table.columns.filter((c) => c.kind === 'identity' && !used.has(c.index));
  if (identity.length > 0) {
    notes.push(`${where}已忽略问卷的答题人信息列：${identity.map((c) => c.label).join('、')}（如需保留提出方，请把对应的列指定为“提出方”）`);
  }
  const byValues = table.columns.filter((c) => c.byValues && c.field && columns[c.field] === c.index);
  if (byValues.length > 0) {
    notes.push(`${where}${byValues.map((c) => `${c.letter} 列${c.label ? `“${c.label}”` : ''}按其中的内容识别为“${FIELD_LABELS[c.field!]}”`).join('、')}，请核对`);
  }
  const unused = table.columns.filter((c) => (c.kind === 'field' || c.kind === 'unknown') && c.label !== '' && !used.has(c.index));
  if (unused.length > 0) notes.push(`${where}未导入的列：${unused.map((c) => `${c.letter} 列“${c.label}”`).join('、')}`);
}

/**
 * `填表人：王某` or `备注 | 以上意见已核实`: a footer's label first, and either nothing else in the
 * imported columns, or the label outside them (in the 序号 column) with no category and no channel.
 */
function isFooterRow(first: string, texts: readonly string[], columns: FieldColumns): boolean {
  const label = first.trim();
  const labelled = FOOTER.test(label) || FOOTER.test(`${label}：`);
  if (!labelled) return false;
  const mapped = Object.values(columns);
  // Other cells may hold the footer's other labels: `填表人：赵六 | | | 联系电话：12345`.
  const footerText = (t: string) => t === '' || t === first || FOOTER.test(t.trim());
  if (FOOTER.test(label) && mapped.every((c) => footerText(texts[c] ?? ''))) return true;
  const at = texts.indexOf(first);
  const empty = (c: number | undefined) => c === undefined || footerText(texts[c] ?? '');
  return !mapped.includes(at) && empty(columns.category) && empty(columns.channel);
}

/** `合计 | | | 共7条`: a total row, whose only other values are the label again or a count in the opinion column. */
function isTotalRow(first: string, texts: readonly string[], columns: FieldColumns): boolean {
  if (!TOTAL.test(first.trim())) return false;
  return (Object.entries(columns) as Array<[ImportField, number]>).every(([field, c]) => {
    const t = (texts[c] ?? '').trim();
    return t === '' || t === first.trim() || (field === 'content' && COUNT.test(t));
  });
}

/** A row that repeats the header (a table pasted twice, a header repeated for printing). */
function repeatsHeader(sheet: SheetGrid, r: number, columns: FieldColumns): boolean {
  let matched = 0;
  for (const [field, c] of Object.entries(columns) as Array<[ImportField, number]>) {
    const text = cellAt(sheet, r, c)?.text ?? '';
    if (text.trim() === '') continue;
    if (exactField(text) !== field) return false;
    matched++;
  }
  return matched >= 2;
}

type RowRead = { ok: true; fields: OpinionFields; draft: OpinionDraft; several: boolean } | { ok: false; problems: CellProblem[] };

function readRow(
  { sheet, merged }: { sheet: SheetGrid; merged: (r: number, c: number) => GridCell | undefined },
  r: number,
  table: SheetTable,
  columns: FieldColumns,
  choices: ImportChoices,
  meeting: ImportMeeting,
  context: Parameters<typeof prepareOpinion>[1],
  /** Set (工作表 or 表格) when the sheets are per target: a sheet whose name is no member is an error of its own. */
  sheetPerTarget: string | undefined,
  /** The target the section heading above this row names. */
  section: string | undefined,
): RowRead {
  const problems: CellProblem[] = [];
  const where = (field: ImportField) => {
    const c = columns[field];
    if (c === undefined) return { column: '', header: FIELD_LABELS[field] };
    const label = table.columns[c]?.label ?? '';
    return { column: columnLetter(c), header: label || FIELD_LABELS[field] };
  };
  // A value merged down from a row above applies to this row too; an opinion is never copied that way.
  const cell = (field: ImportField): GridCell | undefined => {
    const c = columns[field];
    if (c === undefined) return undefined;
    return field === 'content' ? cellAt(sheet, r, c) : merged(r, c);
  };
  const text = (field: ImportField) => cellValue(cell(field)?.text ?? '');
  const fail = (field: ImportField, reason: string) => problems.push({ ...where(field), reason });

  // Each field: from its column, else the file's one value, else (target only) the sheet's name.
  const value = (field: FixedField, required: boolean, match: (t: string, c: GridCell | undefined) => Match): string => {
    if (columns[field] !== undefined) {
      const c = cell(field);
      if (c?.error) {
        fail(field, `单元格是错误值（${c.text}），请在表格中改正`);
        return '';
      }
      const t = text(field);
      if (t === '') {
        if (required) fail(field, `${FIELD_LABELS[field]}为空`);
        return '';
      }
      const m = match(t, c);
      if (!m.ok) fail(field, m.reason);
      return m.ok ? m.value : '';
    }
    const fixed = choices.fixed[field];
    if (fixed !== undefined && fixed !== '') return fixed;
    if (field === 'target' && section) return section;
    if (field === 'target' && table.sheetTarget) return table.sheetTarget;
    if (required && field === 'target' && sheetPerTarget) fail(field, `未指定意见对象：表中没有意见对象列，${sheetPerTarget === '表格' ? '表格标题' : '工作表名'}“${table.sheet}”也不是班子成员`);
    else if (required) fail(field, `未指定${FIELD_LABELS[field]}：表中没有对应的列，请在预览中指定列或统一的${FIELD_LABELS[field]}`);
    return '';
  };

  const targetId = value('target', true, (t) => matchTarget(t, text('position'), meeting.members));
  const category = value('category', true, (t) => matchCategory(t, meeting.ruleSet.categories));
  const channel = value('channel', true, (t) => matchChannel(t, meeting.ruleSet.channels));
  const provider = value('provider', false, (t) => ({ ok: true, value: cleanLine(t) }));
  const dimension = value('dimension', false, (t) => matchDimension(t, meeting.dimensions));
  const receivedDate = value('receivedDate', false, (t, c) => matchDate(t, c?.date));
  let content = '';
  let several = false;
  if (columns.content === undefined) fail('content', '未指定意见内容：表中没有对应的列，请在预览中指定“意见内容”对应的列');
  else if (cell('content')?.error) fail('content', `单元格是错误值（${cell('content')!.text}），请在表格中改正`);
  else {
    const typed = text('content');
    several = holdsSeveralNumbered(typed);
    // The list numbering a cell begins with (`1.` `2、` `（1）` `①` `一、`) is not the opinion: stripped as paste strips it.
    content = stripNumbering(typed);
    if (content === '') fail('content', typed === '' ? '意见内容为空' : `意见内容只有编号“${typed}”`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const draft: OpinionDraft = { targetId, category, channel, content, provider, dimension, receivedDate };
  const prepared = prepareOpinion(draft, context);
  if (!prepared.ok) {
    return { ok: false, problems: prepared.problems.map((p) => ({ ...where(fieldOfProblem(p)), reason: p })) };
  }
  return { ok: true, fields: prepared.value, draft, several };
}

/** Which field a problem from prepareOpinion is about, by how its Chinese message begins. */
function fieldOfProblem(problem: string): ImportField {
  if (problem.startsWith('意见对象')) return 'target';
  if (problem.startsWith('意见来源')) return 'category';
  if (problem.startsWith('征求方式')) return 'channel';
  if (problem.startsWith('所属方面')) return 'dimension';
  if (problem.startsWith('收到日期')) return 'receivedDate';
  return 'content';
}

/** One line per problem: `意见表.xlsx · 工作表“Sheet1” · 第 5 行 · C 列（意见对象）：“赵六”不在班子成员名单中`. */
export function describeProblems(file: string, row: RejectedRow, noun: '工作表' | '表格' = '工作表'): string[] {
  return row.problems.map((p) => {
    const parts = [file];
    if (row.sheet) parts.push(`${noun}“${row.sheet}”`);
    parts.push(`第 ${row.row} 行`);
    const column = p.column ? `${p.column} 列（${p.header}）` : p.header;
    return `${parts.join(' · ')} · ${column}：${p.reason}`;
  });
}

/**
 * Where a preview starts: the mapping found in the file, and 问卷调查 as the channel of a
 * questionnaire export that has no channel column (shown, and changeable, in the preview).
 */
export function initialChoices(layout: WorkbookLayout, ruleSet: Pick<RuleSet, 'channels'>): ImportChoices {
  const fixed: ImportChoices['fixed'] = {};
  const questionnaireWithoutChannel = layout.tables.some((t) => t.questionnaire && t.detected.channel === undefined);
  if (questionnaireWithoutChannel && ruleSet.channels.includes('问卷调查')) fixed.channel = '问卷调查';
  return { columns: {}, fixed, keepNonSubstantive: false, sheets: {} };
}

/**
 * The choices with one column imported as a field (or as nothing) in the given sheets. A column
 * goes to one field and a field comes from one column: the new choice replaces both old ones.
 */
export function withColumn(choices: ImportChoices, tables: readonly SheetTable[], column: number, field: ImportField | undefined): ImportChoices {
  const columns = { ...choices.columns };
  for (const table of tables) {
    const next: FieldColumns = {};
    for (const [f, c] of Object.entries(sheetColumns(table, choices)) as Array<[ImportField, number]>) {
      if (c !== column && f !== field) next[f] = c;
    }
    if (field !== undefined) next[field] = column;
    columns[table.sheet] = next;
  }
  return { ...choices, columns };
}
