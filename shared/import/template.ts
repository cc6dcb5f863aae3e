// The import template for one meeting: an .xlsx staff send out to units. Its header uses the names
// the importer knows, so a filled template imports with no mapping step; the roster, the rule
// set's categories and channels and the meeting's dimensions are drop-down lists (one data
// validation per column range, kept on a hidden sheet so long rosters fit); text columns are
// formatted as text, so 007 and = stay as typed. Loaded lazily in the app (ExcelJS is large).
import ExcelJS from 'exceljs';
import { targetLabel } from '../meeting/roster';
import { GROUP_LABEL, type Meeting, type Member } from '../model/types';
import { DOCUMENT_CREATOR } from '../documents/word/layout';
import { FIELD_SYNONYMS, type ImportField } from './fields';
import { columnLetter } from './grid';
import { templateKeywords } from './template-mark';

/** Rows prepared with drop-down lists; more can be added by copying a row. */
export const TEMPLATE_ROWS = 500;
export const TEMPLATE_SHEET = '意见建议';
const LIST_SHEET = '下拉选项';

export interface TemplateInput {
  unitName: string;
  meeting: Pick<Meeting, 'id' | 'title' | 'ruleSet' | 'dimensions'>;
  /** Live members in rank order. */
  members: ReadonlyArray<Pick<Member, 'name' | 'position'>>;
}

interface TemplateColumn {
  field: ImportField;
  width: number;
  note: string;
  text?: boolean;
}

const COLUMNS: TemplateColumn[] = [
  { field: 'target', width: 24, note: '从下拉列表选择；“领导班子”表示对班子整体的意见' },
  { field: 'category', width: 13, note: '从下拉列表选择' },
  { field: 'channel', width: 15, note: '从下拉列表选择' },
  { field: 'content', width: 64, note: '一行只写一条意见，写明具体问题', text: true },
  { field: 'dimension', width: 34, note: '选填，从下拉列表选择' },
  { field: 'provider', width: 20, note: '选填，仅内部台账使用，不出现在发给领导的清单中', text: true },
  { field: 'receivedDate', width: 13, note: '选填，如 2025-11-01' },
];

/** The header of a template column: the first (canonical) name of its field, which the importer knows exactly. */
export function templateHeader(field: ImportField): string {
  return field === 'provider' ? '提出单位或个人' : field === 'content' ? '意见建议' : FIELD_SYNONYMS[field][0]!;
}

/** The template workbook for a meeting, as .xlsx bytes. */
export async function buildTemplate(input: TemplateInput): Promise<Uint8Array> {
  const { meeting, members, unitName } = input;
  const targets = [GROUP_LABEL, ...members.map(targetLabel)];
  const lists: Partial<Record<ImportField, readonly string[]>> = {
    target: targets,
    category: meeting.ruleSet.categories,
    channel: meeting.ruleSet.channels,
    ...(meeting.dimensions.length > 0 ? { dimension: meeting.dimensions } : {}),
  };

  const wb = new ExcelJS.Workbook();
  wb.creator = DOCUMENT_CREATOR;
  wb.title = `${unitName}${meeting.title}征求意见表`;
  wb.keywords = templateKeywords(meeting.id);
  const now = new Date();
  wb.created = now;
  wb.modified = now;

  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = COLUMNS.map((c) => ({ header: templateHeader(c.field), key: c.field, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  // Column styles first: a column's alignment would otherwise overwrite its header cell's.
  ws.getColumn('content').alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn('receivedDate').numFmt = 'yyyy-mm-dd';
  const header = ws.getRow(1);
  header.height = 22;
  header.eachCell((cell, col) => {
    const column = COLUMNS[col - 1]!;
    cell.font = { bold: true, name: '黑体', size: 11 };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.note.startsWith('选填') ? 'FFEFEFEF' : 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
    cell.note = column.note;
  });

  // The lists live on a hidden sheet: an inline list is limited to 255 characters.
  const listSheet = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
  const validations = (ws as unknown as { dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void } }).dataValidations;
  let listColumn = 0;
  COLUMNS.forEach((column, i) => {
    const values = lists[column.field];
    if (!values) return;
    listColumn++;
    const letter = columnLetter(listColumn - 1);
    listSheet.getCell(`${letter}1`).value = templateHeader(column.field);
    values.forEach((v, r) => (listSheet.getCell(`${letter}${r + 2}`).value = v));
    const target = columnLetter(i);
    // One validation per column range, added once (ExcelJS writes overlapping ranges if set per cell).
    validations.add(`${target}2:${target}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LIST_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: column.field === 'dimension' ? 'warning' : 'stop',
      errorTitle: '请从列表中选择',
      error: `请从下拉列表中选择${templateHeader(column.field)}`,
      showInputMessage: true,
      promptTitle: templateHeader(column.field),
      prompt: column.note,
    });
  });

  const notes = wb.addWorksheet('说明', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  notes.getColumn(1).width = 72;
  const lines = [
    `${unitName}${meeting.title} 征求意见表 填写说明`,
    '',
    `1. 在“${TEMPLATE_SHEET}”工作表中一行填写一条意见，不要在一个格子里写多条。`,
    '2. 意见对象：从下拉列表选择班子成员；选“领导班子”表示对班子整体的意见。',
    `3. 意见来源：从下拉列表选择（${meeting.ruleSet.categories.join('、')}）。每个对象的每类来源至少 ${meeting.ruleSet.minPerCategory} 条。`,
    `4. 征求方式：从下拉列表选择（${meeting.ruleSet.channels.join('、')}）。`,
    '5. 意见建议：写明具体问题和建议；“无”“暂无”“同意”等不计为意见。',
    '6. 所属方面、提出单位或个人、收到日期为选填。提出单位或个人只用于内部台账，不出现在发给领导本人的清单中。',
    '7. 请不要修改表头和工作表名称。填好后交回组织部门，在工作台的“导入”页导入即可。',
    '',
    `班子成员（按排名）：${targets.join('、')}`,
  ];
  lines.forEach((line, i) => {
    const cell = notes.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Row heights for wrapped lines: spreadsheet programs do not grow rows they did not write.
    notes.getRow(i + 1).height = i === 0 ? 24 : Math.max(18, Math.ceil(line.length / 38) * 16);
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
