// A Word document (.docx) read as a workbook: its tables are the sheets (docx-tables.ts). Called by
// readWorkbook once the zip guard has measured and inflated the archive's parts.
import { docxTables } from './docx-tables';
import { DOCX_FORMAT } from './grid';
import type { ReadResult } from './read-workbook';

/** The workbook of a measured .docx's parts, or the Chinese refusal (the file's name first, as every refusal). */
export function docxWorkbook(parts: ReadonlyMap<string, Uint8Array>, fileName: string): ReadResult {
  const refuse = (reason: string): ReadResult => ({ ok: false, error: `“${fileName}”${reason}` });
  // Part names compared without regard to case, as Word does.
  const document = [...parts].find(([n]) => n.toLowerCase() === 'word/document.xml')?.[1];
  if (!document) return refuse('不是 Word 文档（压缩包中没有正文内容），请确认选择了正确的 .docx 文件');
  const read = docxTables(decodeXml(document));
  if (!read.ok) return refuse(read.error);
  if (read.sheets.length === 0) {
    return refuse('是 Word 文档，但其中没有表格。请把意见整理成表格（意见对象、意见来源、意见建议内容等列）后再导入，或下载导入模板填写');
  }
  return { ok: true, workbook: { fileName, format: DOCX_FORMAT, sheets: read.sheets, notes: read.notes } };
}

/** Word writes UTF-8; a part saved as UTF-16 says so with its byte-order mark. */
function decodeXml(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data);
}

