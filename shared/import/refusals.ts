// The documented reasons a spreadsheet file is refused (README: “Importing opinions”). Every refusal
// the reader gives is the file's name in quotes and then one of these; the fuzz test and the
// property test over real writers' variants hold the reader to this list. “已损坏” (damaged) is
// for files that really are: a property test checks that no file a real writer makes gets it.

/** What each documented refusal begins with (after the file's name), and what it means. */
export const REFUSAL_REASONS: ReadonlyArray<readonly [start: string, meaning: string]> = [
  ['是空文件', 'the file is empty'],
  ['过大', 'over 30 MB, or a structure too large to read'],
  ['实际是', 'another kind of file (PDF, picture, archive, RTF) named as a spreadsheet'],
  ['不完整', 'cut off (truncated)'],
  ['已损坏', 'damaged: its structure contradicts itself'],
  ['已加密', 'protected by an opening password'],
  ['内部包含', 'more parts or directory entries than any real workbook has'],
  ['解压后超过', 'a compression bomb'],
  ['使用了不支持的压缩方式', 'a zip compression method other than stored or deflate'],
  ['是 Word 文档', 'a legacy Word document (.doc), or a .docx without any table'],
  ['中的表格', 'a Word document whose tables are over the limits (count, nesting, rows, columns, merged cells)'],
  ['是 PowerPoint 文件', 'a PowerPoint file'],
  ['是 Excel 5.0 以前的旧格式', 'a BIFF2–4 stream inside a compound file (no writer makes one)'],
  ['不是 Excel 工作簿', 'an archive or compound file without a workbook'],
  ['不是 Word 文档', 'a .docx archive without a document body (nor a workbook)'],
  ['无法读取', 'the spreadsheet library could not read it'],
  ['文件不是文本', 'binary content that is no known spreadsheet format'],
  ['无法识别文件的文字编码', 'text in neither UTF-8 nor GBK'],
  ['文件标明为', 'text whose byte-order mark names an encoding its content is not in'],
  ['中没有工作表', 'a workbook without sheets'],
  ['的工作表', 'a sheet over the limits (used range, merged areas, repeated cells, columns, rows)'],
  ['已用范围异常', 'a text table over the limits'],
  ['中的合并单元格超过', 'a text table over the limits'],
  ['中有范围异常的合并单元格', 'a text table over the limits'],
  ['的数据超过', 'a text table wider than 200 columns'],
  ['超过 100,000 行', 'a text table longer than 100,000 rows'],
];

/** Whether a refusal (`“意见.xlsx”已加密…`) gives one of the documented reasons. */
export function isDocumentedRefusal(message: string): boolean {
  const m = /^“[^”]*”(.*)$/s.exec(message);
  return m !== null && REFUSAL_REASONS.some(([start]) => m[1]!.startsWith(start));
}
