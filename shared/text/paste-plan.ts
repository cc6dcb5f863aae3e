// What a paste into the entry box will add, before anything is written: a table (tab-separated
// rows from Word, Excel, WPS) row by row with its columns, or a block of numbered or one-per-line
// opinions. Lines that are not opinions (a header row, a bare serial number, a likely heading) are
// listed but unticked, each with its reason, and `done` says in Chinese what was really done.
import { FIELD_LABELS } from '../import/fields';
import { matchCategory, matchChannel, matchDate, matchDimension, matchTarget, type Match, type RosterEntry } from '../import/values';
import type { RuleSet } from '../model/types';
import { cleanLine, cleanText } from './normalize';
import { readMarker, stripNumbering } from './numbering';
import { isSerialCell, looksLikeHeader, readPastedTable, type PasteColumn, type PastedTable } from './paste-table';
import { splitPasted } from './split-paste';

/** The fields a table row gives its opinion; what it leaves out comes from the entry form's selection. */
interface PasteFields {
  targetId?: string;
  category?: string;
  channel?: string;
  provider?: string;
  dimension?: string;
  receivedDate?: string;
}

export interface PasteEntry {
  /** The opinion text, numbering stripped. */
  text: string;
  fields: PasteFields;
  /** Why the line is unticked (not an opinion, or a value the meeting does not know); absent when it will be added. */
  skip?: string;
  /** A short numbered line in another style above numbered items, such as `一、思想方面`. */
  likelyHeading?: boolean;
}

export interface PastePlan {
  kind: 'table' | 'lines';
  /** The table's columns and what each was taken for; empty for lines. */
  columns: PasteColumn[];
  entries: PasteEntry[];
  /** What was done, one Chinese phrase each: `识别为表格（3 列）`, `表头行未作为意见`, `序号列已去除` … */
  done: string[];
}

/** What reading values of a pasted table needs from the meeting. */
export interface PasteMeeting {
  members: readonly RosterEntry[];
  ruleSet: Pick<RuleSet, 'categories' | 'channels'>;
  dimensions: readonly string[];
}

export const NOT_OPINION = {
  header: '疑似表头（列名），不是意见',
  serial: '只有编号，没有意见内容',
  heading: '疑似小标题',
} as const;

/** Plans a paste: a table when the text is one, else numbered or one-per-line opinions. */
export function planPaste(block: string, meeting: PasteMeeting): PastePlan {
  const table = readPastedTable(block);
  return table ? planTable(table, meeting) : planLines(block);
}

function planLines(block: string): PastePlan {
  const items = splitPasted(block);
  const lines = block.split(/\r\n?|\n/).map((l) => cleanText(l)).filter((l) => l !== '');
  const numbered = lines.filter((l) => {
    const m = readMarker(l);
    return m !== undefined && m.style !== 'bullet';
  }).length;
  const entries: PasteEntry[] = items.map((item) => {
    const entry: PasteEntry = { text: item.text, fields: {} };
    if (item.likelyHeading) {
      entry.likelyHeading = true;
      entry.skip = NOT_OPINION.heading;
    } else if (isSerialCell(item.text)) entry.skip = NOT_OPINION.serial;
    else if (looksLikeHeader([item.text], undefined)) entry.skip = NOT_OPINION.header;
    return entry;
  });
  const done = [numbered > 0 ? `按编号拆分为 ${entries.length} 条，编号已去除` : `按行拆分为 ${entries.length} 条`];
  const skipped = entries.filter((e) => e.skip).length;
  if (skipped > 0) done.push(`${skipped} 行疑似不是意见，未勾选`);
  return { kind: 'lines', columns: [], entries, done };
}

function planTable(table: PastedTable, meeting: PasteMeeting): PastePlan {
  const col = (role: PasteColumn['role']) => table.columns.find((c) => c.role === role)?.index;
  const content = col('content');
  const roster = meeting.members;
  const entries: PasteEntry[] = [];
  let strippedNumbers = 0;
  for (const row of table.rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : cleanText(row.cells[index] ?? ''));
    const raw = cell(content);
    const text = cleanText(stripNumbering(raw));
    if (text !== raw && text !== '') strippedNumbers++;
    const entry: PasteEntry = { text: text === '' ? raw : text, fields: {} };
    if (looksLikeHeader(row.cells, table.header)) {
      entry.text = row.cells.map((c) => cleanText(c)).filter((c) => c !== '').join(' ');
      entry.skip = NOT_OPINION.header;
    } else if (raw === '' && row.cells.some((c) => cleanText(c) !== '')) {
      // Nothing in the opinion column: a row of other cells only (a serial, a name).
      entry.text = row.cells.map((c) => cleanText(c)).filter((c) => c !== '').join(' ');
      entry.skip = '意见内容为空';
    } else if (isSerialCell(raw) || text === '') entry.skip = NOT_OPINION.serial;
    if (entry.text === '') continue;

    const problems: string[] = [];
    const take = (value: string, match: (v: string) => Match, set: (v: string) => void) => {
      if (value === '') return;
      const m = match(value);
      if (m.ok) set(m.value);
      else problems.push(m.reason);
    };
    take(cell(col('target')), (v) => matchTarget(v, cell(col('position')), roster), (v) => (entry.fields.targetId = v));
    take(cell(col('category')), (v) => matchCategory(v, meeting.ruleSet.categories), (v) => (entry.fields.category = v));
    take(cell(col('channel')), (v) => matchChannel(v, meeting.ruleSet.channels), (v) => (entry.fields.channel = v));
    take(cell(col('dimension')), (v) => matchDimension(v, meeting.dimensions), (v) => (entry.fields.dimension = v));
    take(cell(col('receivedDate')), (v) => matchDate(v, undefined), (v) => (entry.fields.receivedDate = v));
    const provider = cleanLine(cell(col('provider')));
    if (provider !== '') entry.fields.provider = provider;
    if (!entry.skip && problems.length > 0) entry.skip = problems.join('；');
    entries.push(entry);
  }

  const done = [`识别为表格（${table.columns.length} 列，${table.rows.length} 行）`];
  if (table.header) done.push('表头行未作为意见');
  if (col('serial') !== undefined) done.push('序号列已去除');
  for (const c of table.columns) {
    if (c.role === 'content' || c.role === 'serial' || c.role === 'unused') continue;
    done.push(`“${c.header}”列填入${c.role === 'position' ? '职务（用于区分同名成员）' : FIELD_LABELS[c.role]}`);
  }
  if (content !== undefined) done.push(`“${table.columns[content]!.header}”列作为意见内容`);
  const unused = table.columns.filter((c) => c.role === 'unused');
  if (unused.length > 0) done.push(`${unused.map((c) => `“${c.header}”`).join('、')}列未使用`);
  if (strippedNumbers > 0) done.push(`${strippedNumbers} 条意见开头的编号已去除`);
  const skipped = entries.filter((e) => e.skip).length;
  if (skipped > 0) done.push(`${skipped} 行未勾选（原因见各行）`);
  return { kind: 'table', columns: table.columns, entries, done };
}
