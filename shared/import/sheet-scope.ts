// Whether each sheet of a workbook holds THIS meeting's opinions. Units send workbooks whose other
// sheets hold last year's list, a copy or backup of the first sheet, or a 汇总/统计 sheet; reading
// them all would inflate the counts. So a sheet is read by default only when nothing says it is
// another's: its name or title naming another year, its 收到日期 all outside this meeting's time,
// its rows mostly repeating a sheet already read, its opinion column holding counts, or (beside a
// sheet that is read) a name saying 备份/副本/原始/(2) or 汇总/统计. The user can include any sheet.
import { compareKey } from '../text/normalize';
import { stripNumbering } from '../text/numbering';
import type { FieldColumns, SheetTable } from './find-table';
import { cellAt, type ParsedWorkbook, type SheetGrid } from './grid';
import { cellValue, matchDate } from './values';

/** What the judgement needs of the meeting: its 年度 and, when set, the day it is to be held. */
export interface MeetingPeriod {
  /** The 年度: 2025 for the 2025年度民主生活会, which may be held early in 2026. */
  year: number;
  /** `YYYY-MM-DD`, or empty. */
  plannedDate?: string;
}

/** `this`: read by default. The others are not, for the reason given. */
type SheetKind = 'this' | 'other-year' | 'copy' | 'backup' | 'summary';

export interface SheetJudgement {
  sheet: string;
  kind: SheetKind;
  /** Why the sheet is not read by default: `工作表“2024年度”标题为2024年度，不是本次会议（2025年度）的意见`. */
  reason?: string;
}

/** A row set's share that must repeat rows already read for the sheet to be a copy. */
const COPY_SHARE = 0.8;
/** A content column whose values are this share of numbers is a count, not opinions. */
const COUNT_SHARE = 0.8;
/** Rows read to tell a count column. */
const COUNT_SAMPLE = 200;

const BACKUP_NAME = /备份|副本|拷贝|复制|原始|原表|旧表|旧版|[(（]\s*\d+\s*[)）]\s*$|copy|bak|backup/i;
const SUMMARY_NAME = /汇总|统计|合计|总表/;
// In a name any of these says another year's list; in a title only where it qualifies the meeting or
// the opinions (a current form may ask about 上年度整改情况).
const RELATIVE_YEAR = /上一?年度?|去年|往年|前年|历年|上届/;
const RELATIVE_YEAR_TITLE = /(?:上一?年度?|去年|往年|前年|历年|上届)(?:度|的)?(?:专题)?(?:民主生活会|征求|意见)/;
const COUNT = /^[\d.,，\s]+(?:条|项|件|次|人|%|％)?$/;

/**
 * Judges every table of the workbook against the meeting. `columnsOf` gives the mapping each
 * sheet is read with (the 意见内容 and 收到日期 columns are looked at). Pure; one rule for the app
 * and the command line. A sheet that is another year's is judged so even when it is the only one.
 */
export function judgeSheets(workbook: ParsedWorkbook, tables: readonly SheetTable[], columnsOf: (table: SheetTable) => FieldColumns, period: MeetingPeriod): SheetJudgement[] {
  const sheetOf = (t: SheetTable) => workbook.sheets.find((s) => s.name === t.sheet);
  const judged = new Map<SheetTable, SheetJudgement>();
  for (const table of tables) {
    const sheet = sheetOf(table);
    const reason = sheet ? otherYear(sheet, table, columnsOf(table), period) : undefined;
    if (reason) judged.set(table, { sheet: table.sheet, kind: 'other-year', reason });
  }

  // Copies: the sheets with ordinary names are read first, so a backup is the copy, not its original.
  const weakName = (t: SheetTable) => t.sheetTarget === undefined && (BACKUP_NAME.test(t.sheet) || SUMMARY_NAME.test(t.sheet));
  const order = tables.filter((t) => !judged.has(t)).sort((a, b) => Number(weakName(a)) - Number(weakName(b)) || tables.indexOf(a) - tables.indexOf(b));
  const kept: Array<{ table: SheetTable; keys: Set<string> }> = [];
  for (const table of order) {
    const sheet = sheetOf(table);
    const content = columnsOf(table).content;
    // One sheet to judge has nothing to be a copy of: its first values tell a count column.
    const values = sheet && content !== undefined ? columnValues(sheet, table, content, order.length > 1 ? Infinity : COUNT_SAMPLE) : [];
    const counts = values.slice(0, COUNT_SAMPLE);
    if (counts.length >= 2 && counts.filter((v) => COUNT.test(v)).length >= counts.length * COUNT_SHARE) {
      judged.set(table, { sheet: table.sheet, kind: 'summary', reason: `工作表“${table.sheet}”的意见内容列多为数字（条数），是统计表，不是意见` });
      continue;
    }
    const keys = order.length > 1 ? new Set(values.map((v) => compareKey(stripNumbering(v))).filter((k) => k !== '')) : new Set<string>();
    const copied = copyOf(table, keys, kept);
    if (copied) {
      judged.set(table, { sheet: table.sheet, kind: 'copy', reason: `工作表“${table.sheet}”的 ${keys.size} 条意见中有 ${copied.repeated} 条与工作表${copied.of.map((n) => `“${n}”`).join('、')}中的相同，是副本` });
      continue;
    }
    kept.push({ table, keys });
  }

  // A name saying 备份 or 汇总 matters only beside a sheet that is read: alone, the sheet is the list.
  if (kept.some((k) => !weakName(k.table))) {
    const read = kept.filter((k) => !weakName(k.table));
    for (const { table, keys } of kept.filter((k) => weakName(k.table))) {
      const backup = BACKUP_NAME.test(table.sheet);
      // A copy edited after it was made holds opinions the original lacks: say how many, for staff to look.
      const own = [...keys].filter((key) => !read.some((k) => k.keys.has(key))).length;
      judged.set(table, {
        sheet: table.sheet,
        kind: backup ? 'backup' : 'summary',
        reason: `工作表“${table.sheet}”的名称表明是${backup ? '备份或副本' : '汇总或统计表'}，其余工作表已有本次的意见${own > 0 ? `（但其中有 ${own} 条意见其余工作表中没有，请核对）` : ''}`,
      });
    }
  }
  return tables.map((t) => judged.get(t) ?? { sheet: t.sheet, kind: 'this' });
}

/** Why the sheet is another year's, or undefined: its name, its title rows, or its dates. */
function otherYear(sheet: SheetGrid, table: SheetTable, columns: FieldColumns, period: MeetingPeriod): string | undefined {
  const meeting = `本次会议（${period.year}年度）`;
  const sources = [
    { where: '名称', text: sheet.name, relative: RELATIVE_YEAR },
    { where: '标题', text: titleRows(sheet, table), relative: RELATIVE_YEAR_TITLE },
  ] as const;
  // A name or title that names this meeting's year settles it, whatever else it or the dates say.
  if (sources.some((s) => yearsIn(s.text).some((y) => fitsMeeting(y, period)))) return undefined;
  for (const { where, text, relative } of sources) {
    const other = yearsIn(text)[0];
    if (other) return `工作表“${sheet.name}”${where}为${other.text}，不是${meeting}的意见`;
    const word = relative.exec(text);
    if (word) return `工作表“${sheet.name}”的${where}${where === '名称' ? '' : `“${excerpt(text, word.index)}”`}表明是往年的意见，不是${meeting}的意见`;
  }
  if (columns.receivedDate === undefined) return undefined;
  const dates = datesOf(sheet, table, columns.receivedDate);
  const { from, until } = collectionPeriod(period);
  if (dates.length < 2 || dates.some((d) => d >= from && d < until)) return undefined;
  const sorted = [...dates].sort();
  const span = sorted[0] === sorted[sorted.length - 1] ? sorted[0] : `${sorted[0]} 至 ${sorted[sorted.length - 1]}`;
  return `工作表“${sheet.name}”的收到日期（${span}）都不在${meeting}征求意见的时间（${monthText(from)}至${monthText(previousDay(until))}）内`;
}

/**
 * When a meeting's opinions are collected: from March of its 年度 until the end of February after
 * it (the meeting is held late in the year or around the new year, and last year's by February),
 * or until its planned day when that is later. `2025` → 2025-03-01 up to (not including) 2026-03-01.
 */
export function collectionPeriod(period: MeetingPeriod): { from: string; until: string } {
  const from = `${period.year}-03-01`;
  let until = `${period.year + 1}-03-01`;
  const planned = period.plannedDate ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(planned) && planned >= until) until = nextDay(planned);
  return { from, until };
}

interface YearMention {
  year: number;
  /** `2024年度`, `2024年`, `2024`. */
  text: string;
  annual: boolean;
}

const CJK_DIGITS: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** The years a text names: `2024年度`, `2025年`, `二〇二四年度`, a bare `2024`. */
function yearsIn(text: string): YearMention[] {
  const normal = text.normalize('NFKC').replace(/[二一][〇零○Ｏ一二三四五六七八九]{3}(?=\s*年)/g, (m) => [...m].map((c) => CJK_DIGITS[c] ?? c).join(''));
  const out: YearMention[] = [];
  for (const m of normal.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)\s*(年度|年)?/g)) {
    out.push({ year: Number(m[1]), text: `${m[1]}${m[2] ?? ''}`, annual: m[2] === '年度' });
  }
  return out;
}

/** `2025年度` fits only the 2025年度 meeting; `2026年` or a date in 2026 fits it too (held early in 2026). */
function fitsMeeting(mention: YearMention, period: MeetingPeriod): boolean {
  if (mention.annual) return mention.year === period.year;
  return mention.year === period.year || mention.year === period.year + 1;
}

/** The text of the rows above the header (a title, notes), after a Word table's caption. */
function titleRows(sheet: SheetGrid, table: SheetTable): string {
  const parts: string[] = sheet.caption ? [sheet.caption] : [];
  for (let r = 0; r < table.headerFirstRow - 1; r++) for (const cell of sheet.rows[r] ?? []) if (cell?.text.trim()) parts.push(cell.text.trim());
  return parts.join(' ');
}

function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 10);
  return `${start > 0 ? '…' : ''}${text.slice(start, at + 20)}${at + 20 < text.length ? '…' : ''}`;
}

/** The non-empty values of a column under the header (at most `limit`). */
function columnValues(sheet: SheetGrid, table: SheetTable, c: number, limit: number): string[] {
  const out: string[] = [];
  for (let r = table.headerLastRow; r < sheet.rows.length && out.length < limit; r++) {
    const t = cellValue(cellAt(sheet, r, c)?.text ?? '');
    if (t !== '') out.push(t);
  }
  return out;
}

function datesOf(sheet: SheetGrid, table: SheetTable, c: number): string[] {
  const out: string[] = [];
  for (let r = table.headerLastRow; r < sheet.rows.length; r++) {
    const cell = cellAt(sheet, r, c);
    const t = cellValue(cell?.text ?? '');
    if (t === '' && !cell?.date) continue;
    const m = matchDate(t, cell?.date);
    if (m.ok) out.push(m.value);
  }
  return out;
}

/** The kept sheet this one mostly repeats; sheets for two different members never copy each other. */
function copyOf(table: SheetTable, keys: ReadonlySet<string>, kept: ReadonlyArray<{ table: SheetTable; keys: Set<string> }>): { of: string[]; repeated: number } | undefined {
  if (keys.size < 2) return undefined;
  const comparable = kept.filter((k) => table.sheetTarget === undefined || k.table.sheetTarget === undefined || k.table.sheetTarget === table.sheetTarget);
  let repeated = 0;
  const bySheet = new Map<string, number>();
  for (const key of keys) {
    const holders = comparable.filter((k) => k.keys.has(key));
    if (holders.length === 0) continue;
    repeated++;
    for (const h of holders) bySheet.set(h.table.sheet, (bySheet.get(h.table.sheet) ?? 0) + 1);
  }
  if (repeated < keys.size * COPY_SHARE) return undefined;
  const of = [...bySheet.entries()].sort((a, b) => b[1] - a[1]).map(([sheet]) => sheet);
  return { of, repeated };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** `2026-02-28` → `2026年2月`. */
function monthText(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`;
}

/** What the preview says of a sheet not read: `…，未导入；如确需导入请勾选`. */
export function leftOutNote(judgement: SheetJudgement, howToInclude: string): string {
  return `${judgement.reason ?? `工作表“${judgement.sheet}”`}，未导入；${howToInclude}`;
}
