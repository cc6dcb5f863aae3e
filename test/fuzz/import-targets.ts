// The spreadsheet importer (shared/import) as fuzz targets: one per container SheetJS reads —
// .xlsx (zip), legacy .xls (compound file) and text (CSV in UTF-8 or GBK, an HTML table) — each
// fed arbitrary bytes behind its format's magic number and its real fixtures mutated byte by byte,
// field by field and inside the format. The reader runs in a child process with a time limit and
// a heap limit, so a hang or a blow-up fails the test with the input saved.
import { resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { REFUSAL_REASONS } from '#shared/import/refusals';
import { fixtureBytes } from '../support/import-fixtures';
import { IsolatedReader } from './isolated-reader';
import { intMutation, xlsxPartMutation } from './mutations';
import type { FuzzTarget } from './targets';

const CHILD = resolve(__dirname, 'import-reader-child.ts');

/** Every refusal is the file's name in quotes, then one of the documented reasons (shared/import/refusals.ts). */
const KNOWN_IMPORT_ERROR = new RegExp(`^“[^”]*”(${REFUSAL_REASONS.map(([start]) => start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);

const HTML_TABLE = '<html><body><table><tr><td>意见对象</td><td>意见来源</td><td>征求方式</td><td>意见建议</td></tr><tr><td>张三</td><td>上级领导</td><td>谈心谈话</td><td>调查研究不够深入</td></tr><tr><td>李四</td><td>基层群众</td><td>问卷调查</td><td>联系群众不够紧密</td></tr></table></body></html>';

/** A legacy .xls whose workbook stream is large enough (≥ 4 KB) to live in the FAT's own sector chains, not the mini stream. */
function largerXls(): Uint8Array {
  const aoa = [['意见对象', '意见来源', '征求方式', '意见建议'], ...Array.from({ length: 120 }, (_, i) => ['张三', '上级领导', '谈心谈话', `第${i + 1}条：调查研究不够深入`])];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '意见');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
}

function importTarget(name: string, fileName: string, files: Array<string | Uint8Array>, options: Partial<FuzzTarget>): FuzzTarget {
  const reader = new IsolatedReader(CHILD, { timeoutMs: 3_000, memoryMb: 512, label: fileName.replace(/^.*\./, ''), fileName });
  return {
    name,
    fixtures: async () => files.map((f) => (typeof f === 'string' ? fixtureBytes(f) : f)),
    read: (bytes) => reader.read(bytes),
    knownError: KNOWN_IMPORT_ERROR,
    maxMsPerInput: 3_500,
    endOnFailure: true,
    dispose: () => reader.close(),
    ...options,
  };
}

export const IMPORT_FUZZ_TARGETS: FuzzTarget[] = [
  importTarget('spreadsheet import: .xlsx (zip guard, SheetJS, table finder, plan)', '意见表.xlsx', ['questionnaire.xlsx', 'title-merged-header.xlsx', 'sheet-per-member.xlsx'], {
    magic: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    mutations: (f) => [xlsxPartMutation(f), intMutation(f)].filter((a) => a !== undefined),
    runs: 1000,
  }),
  importTarget('spreadsheet import: legacy .xls (compound-file guard, SheetJS BIFF, plan)', '旧意见表.xls', ['legacy.xls', 'libreoffice.xls', largerXls()], {
    magic: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    mutations: (f) => [intMutation(f)],
    runs: 1000,
  }),
  importTarget('spreadsheet import: ZIP64 and data-descriptor .xlsx, .ods (zip guard, rebuilt archive, SheetJS)', '意见表.xlsx', ['corpus/xlsx/zip64-streaming.xlsx', 'corpus/xlsx/zip64-always.xlsx', 'corpus/ods/libreoffice.ods'], {
    magic: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    mutations: (f) => [xlsxPartMutation(f), intMutation(f)].filter((a) => a !== undefined),
    runs: 500,
  }),
  importTarget('spreadsheet import: bare BIFF2–5 streams (record guard, SheetJS BIFF, plan)', '旧报表.xls', ['corpus/biff/biff2.xls', 'corpus/biff/biff4.xls', 'corpus/biff/biff5-bare.xls'], {
    magic: new Uint8Array([0x09, 0x00, 0x04, 0x00]),
    mutations: (f) => [intMutation(f)],
    runs: 500,
  }),
  // A Word document's tables as sheets: gridSpan and vMerge values, nesting and damaged XML mutated.
  importTarget('spreadsheet import: Word tables (.docx: zip guard, table grid, plan)', '意见.docx', ['docx/title-form.docx', 'docx/per-member.docx', 'docx/nested.docx', 'docx/libreoffice.docx'], {
    magic: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
    mutations: (f) => [xlsxPartMutation(f), intMutation(f)].filter((a) => a !== undefined),
    runs: 500,
  }),
  importTarget('spreadsheet import: text (encoding, CSV, HTML table, plan)', '问卷导出.csv', ['gbk.csv', 'utf8-no-bom.csv', new TextEncoder().encode(HTML_TABLE)], {
    runs: 1000,
  }),
];
