// The corpus of container and format variants (test/fixtures/import/corpus/, written by
// scripts/make-import-corpus.mts): the same opinion table saved the ways real writers save it.
// Every variant must import exactly these rows.
import { GROUP_TARGET } from '#shared/model/types';
import { memberId } from './import-fixtures';

export const CORPUS_TABLE: readonly (readonly string[])[] = [
  ['意见对象', '意见来源', '征求方式', '意见建议', '提出单位'],
  ['领导班子', '上级领导', '书面征求', '理论学习中心组学习形式单一，研讨交流不够深入', '县委办'],
  ['张三', '下属单位', '座谈会', '深入基层调研的次数偏少，对反映的困难跟踪解决不够', '预算科'],
  ['李四', '基层群众', '走访', '落实“最多跑一次”改革不够彻底，个别事项仍需多次往返', '东门村'],
  ['王五', '服务对象', '问卷调查', '惠企政策兑现还不够快，部分资金到位时间较长', '某建材公司'],
];

/** The rows every variant adds: `[row, target, category, channel, content, provider]`. */
export function corpusExpected(): Array<[number, string, string, string, string, string]> {
  const targets = [GROUP_TARGET, memberId('张三'), memberId('李四'), memberId('王五')];
  return CORPUS_TABLE.slice(1).map((r, i) => [i + 2, targets[i]!, r[1]!, r[2]!, r[3]!, r[4]!]);
}

export interface CorpusVariant {
  /** Path under test/fixtures/import/corpus/. */
  file: string;
  /** The format the importer names. */
  format: string;
  /** Who writes files like this, and how this one was made. */
  writer: string;
}

export const CORPUS_VARIANTS: readonly CorpusVariant[] = [
  { file: 'xlsx/exceljs.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'ExcelJS: shared strings, deflated parts' },
  { file: 'xlsx/openpyxl.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'openpyxl (Python), as many report systems write' },
  { file: 'xlsx/libreoffice.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'LibreOffice Calc (soffice --convert-to xlsx)' },
  { file: 'xlsx/sheetjs.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'SheetJS: no shared strings part' },
  { file: 'xlsx/inline-strings.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'inline strings only, no sharedStrings.xml and no styles (streaming writers)' },
  { file: 'xlsx/data-descriptor.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'data descriptors with zero local sizes (Java ZipOutputStream, Apache POI SXSSF)' },
  { file: 'xlsx/data-descriptor-unsigned.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'data descriptors without their optional signature' },
  { file: 'xlsx/zip64-streaming.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'local ZIP64 fields with placeholder (0) sizes and 64-bit data descriptors (writers that stream a package of unknown size)' },
  { file: 'xlsx/zip64-dotnet.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'local ZIP64 fields holding the real sizes behind 0xFFFFFFFF (.NET System.IO.Packaging)' },
  { file: 'xlsx/zip64-always.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'ZIP64 everywhere: local placeholders, central ZIP64 fields, ZIP64 end record (Zip64Mode.Always)' },
  { file: 'xlsx/stored.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'stored (uncompressed) parts' },
  { file: 'xlsx/content-types-last.xlsx', format: 'Excel 工作簿（.xlsx）', writer: '[Content_Types].xml as the last part' },
  { file: 'xlsx/upper-case-names.xlsx', format: 'Excel 工作簿（.xlsx）', writer: 'upper-case part names (XL/WORKSHEETS/SHEET1.XML)' },
  { file: 'xls/libreoffice-biff8.xls', format: 'Excel 97-2003 工作簿（.xls）', writer: 'LibreOffice Calc, MS Excel 97 filter' },
  { file: 'xls/wps-like.xls', format: 'Excel 97-2003 工作簿（.xls）', writer: 'a BIFF8 workbook in a compound file with the extra streams WPS adds (made here, not by WPS)' },
  { file: 'xls/biff5.xls', format: 'Excel 5.0/95 工作簿（.xls）', writer: 'BIFF5 (Excel 5.0/95) in a compound file, text in GBK (test/support/biff-writer.ts: LibreOffice no longer writes it)' },
  { file: 'biff/biff2.xls', format: 'Excel 2.1 工作表（BIFF2）', writer: 'a bare BIFF2 stream in GBK (test/support/biff-writer.ts)' },
  { file: 'biff/biff3.xls', format: 'Excel 3.0 工作表（BIFF3）', writer: 'a bare BIFF3 stream in GBK' },
  { file: 'biff/biff4.xls', format: 'Excel 4.0 工作表（BIFF4）', writer: 'a bare BIFF4 stream in GBK' },
  { file: 'biff/biff5-bare.xls', format: 'Excel 5.0/95 工作表（BIFF5）', writer: 'the same BIFF5 workbook stream, bare (no compound file), as old statistics systems export it' },
  { file: 'ods/libreoffice.ods', format: 'OpenDocument 表格（.ods）', writer: 'LibreOffice Calc, the default on 统信UOS and 麒麟' },
  { file: 'et/wps-like.et', format: 'WPS 表格（.et）', writer: 'a WPS .et: a BIFF8 workbook in a compound file (made here, not by WPS)' },
  { file: 'csv/utf8.csv', format: '文本表格（UTF-8）', writer: 'CSV in UTF-8 without a BOM (LibreOffice, scripts)' },
  { file: 'csv/utf8-bom.csv', format: '文本表格（UTF-8（带 BOM））', writer: 'CSV UTF-8 with a BOM (Excel “CSV UTF-8”)' },
  { file: 'csv/gbk.csv', format: '文本表格（GBK/GB18030）', writer: 'CSV in GBK (Excel and WPS on Chinese Windows)' },
  { file: 'csv/utf16le.txt', format: '文本表格（UTF-16LE）', writer: 'tab-separated UTF-16LE with a BOM (Excel “Unicode 文本”)' },
  { file: 'csv/utf16be.csv', format: '文本表格（UTF-16BE）', writer: 'CSV in UTF-16BE with a BOM' },
];
