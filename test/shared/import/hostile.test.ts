// Hostile and broken files: each is refused before SheetJS parses it (or right after, for what
// only the parser can see), within seconds, with bounded memory and a Chinese message.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { inspectZip } from '#shared/import/zip-guard';
import { MAX_IMPORT_BYTES } from '#shared/import/limits';
import { readWorkbook } from '#shared/import/read-workbook';
import { fixtureBytes } from '../../support/import-fixtures';

/** Reads a file, measuring the time and the growth of memory (heap plus array buffers). */
function measure(bytes: Uint8Array, name: string) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const start = performance.now();
  const result = readWorkbook(bytes, name);
  const ms = performance.now() - start;
  const after = process.memoryUsage();
  const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  return { result, ms, grownMb: grown / 1048576 };
}

function book(rows: string[][]) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S');
  return wb;
}

const cases: Array<[file: string, message: RegExp, what: string]> = [
  ['hostile/zip-bomb.xlsx', /“zip-bomb\.xlsx”解压后超过 80 MB（疑似“压缩炸弹”），已拒绝/, 'a worksheet that inflates to 150 MB while declaring 2 KB'],
  ['hostile/overlapping-bomb.xlsx', /解压后超过 80 MB/, '1 500 entries sharing one 64 MB stream (96 GB if trusted)'],
  ['hostile/many-entries.xlsx', /内部包含 5005 个部件，超过上限 2000 个/, 'an archive of 5 000 parts'],
  ['hostile/huge-range.xlsx', /工作表已用范围异常（A1:XFD1048576，1048576 行 × 16384 列）/, 'a declared used range of the whole grid'],
  ['hostile/huge-merge.xlsx', /有范围异常的合并单元格（A3:Z1000000）/, 'a merged area of 26 million cells'],
  ['hostile/truncated.xlsx', /“truncated\.xlsx”不完整（可能在传输或保存时被截断）/, 'an .xlsx cut off at 60 %'],
  ['hostile/report-pdf-renamed.xlsx', /“report-pdf-renamed\.xlsx”实际是 PDF 文件，不是表格文件/, 'a PDF renamed to .xlsx'],
  ['hostile/word-renamed.xlsx', /“word-renamed\.xlsx”是 Word 文档，但其中没有表格/, 'a Word document without a table, renamed to .xlsx'],
  ['hostile/noise.xlsx', /不是文本或表格文件（内容为二进制数据）/, 'random bytes named .xlsx'],
];

/** The corpus .ods with its first data row replaced by `row` (content.xml's XML), or `row` added after the last. */
function odsWithRow(row: string, where: 'first data row' | 'after the last' = 'first data row'): Uint8Array {
  const parts = unzipSync(fixtureBytes('corpus/ods/libreoffice.ods'));
  const content = strFromU8(parts['content.xml']!);
  const rows = [...content.matchAll(/<table:table-row\b[\s\S]*?<\/table:table-row>/g)];
  const at = where === 'first data row' ? rows[1]! : rows[rows.length - 1]!;
  const start = where === 'first data row' ? at.index : at.index + at[0].length;
  const end = at.index + at[0].length;
  parts['content.xml'] = strToU8(content.slice(0, start) + row + content.slice(end));
  return zipSync(parts);
}

describe('hostile files', () => {
  for (const [file, message, what] of cases) {
    it(`refuses ${what} within seconds and bounded memory`, () => {
      const { result, ms, grownMb } = measure(fixtureBytes(file), file.replace('hostile/', ''));
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(message);
      expect(ms, 'refused within seconds').toBeLessThan(5_000);
      expect(grownMb, 'memory stays bounded (the cap is 80 MB of output, never held at once)').toBeLessThan(150);
    });
  }

  it('refuses an .ods that repeats a cell with content billions of times (SheetJS makes every copy)', () => {
    const bomb = odsWithRow('<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string" table:number-columns-repeated="16000"><text:p>意见</text:p></table:table-cell></table:table-row>');
    const { result, ms, grownMb } = measure(bomb, '重复.ods');
    expect(result).toEqual({ ok: false, error: '“重复.ods”的工作表中重复的单元格超过 2,000,000 个，不像正常的表格，已拒绝' });
    expect(ms).toBeLessThan(5_000);
    expect(grownMb).toBeLessThan(150);
    // Empty cells repeated to the end of the sheet, as LibreOffice writes them, cost nothing and are read.
    const tail = odsWithRow('<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>', 'after the last');
    expect(readWorkbook(tail, '正常.ods')).toMatchObject({ ok: true });
  });

  it('refuses an .ods whose number format asks for billions of digits (SheetJS writes them out one by one)', () => {
    const parts = unzipSync(fixtureBytes('corpus/ods/libreoffice.ods'));
    const styles = strFromU8(parts['styles.xml']!);
    expect(styles).toContain('number:decimal-places="0"');
    parts['styles.xml'] = strToU8(styles.replace('number:decimal-places="0"', 'number:decimal-places="4294967295"'));
    const { result, ms } = measure(zipSync(parts), '格式.ods');
    expect(result).toEqual({ ok: false, error: '“格式.ods”已损坏（数字格式中的 decimal-places 为 4294967295），无法读取，请在 WPS 或 LibreOffice 中打开后另存为 .xlsx 再导入' });
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses a legacy .xls whose DIMENSIONS record claims a million rows', () => {
    const xls = new Uint8Array(XLSX.write(book([['意见对象', '意见建议'], ['张三', '学习不够']]), { type: 'array', bookType: 'xls' }) as ArrayBuffer);
    // The BIFF8 DIMENSIONS record: type 0x0200, length 14, then first row, last row + 1, first column, last column + 1.
    const at = xls.findIndex((b, i) => b === 0x00 && xls[i + 1] === 0x02 && xls[i + 2] === 14 && xls[i + 3] === 0);
    const view = new DataView(xls.buffer, at + 4);
    view.setUint32(4, 1_048_576, true);
    view.setUint16(10, 256, true);
    const { result, ms } = measure(xls, '旧表.xls');
    expect(result).toEqual({ ok: false, error: '“旧表.xls”的工作表“S”已用范围异常（A1:IV1048576，1048576 行 × 256 列），不像正常的表格，已拒绝' });
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses data wider than 200 columns or longer than 100 000 rows', () => {
    const wide = `意见对象,意见建议\n${Array.from({ length: 300 }, (_, i) => `c${i}`).join(',')}`;
    expect(readWorkbook(new TextEncoder().encode(wide), '宽.csv')).toEqual({ ok: false, error: '“宽.csv”的数据超过 200 列，不像正常的意见表，已拒绝' });
    const long = ['意见对象,意见建议', ...Array.from({ length: 100_001 }, () => '张三,学习不够')].join('\n');
    const { result, ms } = measure(new TextEncoder().encode(long), '长.csv');
    expect(result).toEqual({ ok: false, error: '“长.csv”超过 100,000 行，请拆分后再导入' });
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses an encrypted workbook and a Word .doc named .xls', () => {
    const encrypted = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(encrypted, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(encrypted, 'EncryptedPackage', new Uint8Array(64));
    expect(readWorkbook(new Uint8Array(XLSX.CFB.write(encrypted, { type: 'array' }) as ArrayBuffer), '加密.xlsx')).toEqual({
      ok: false,
      error: '“加密.xlsx”已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入',
    });
    const doc = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(doc, 'WordDocument', new Uint8Array(64));
    expect(readWorkbook(new Uint8Array(XLSX.CFB.write(doc, { type: 'array' }) as ArrayBuffer), '文档.xls')).toEqual({
      ok: false,
      error: '“文档.xls”是 Word 文档（.doc，Word 97-2003 格式），无法直接读取。请在 Word 或 WPS 中打开后另存为 .docx 再导入（其中的意见表格可直接导入），或把意见整理到 Excel 表格后再导入',
    });
  });

  it('reads an HTML table saved as .xls, as some systems export', () => {
    const html = '<html><body><table><tr><td>意见对象</td><td>意见建议</td></tr><tr><td>张三</td><td>007</td></tr></table></body></html>';
    const r = readWorkbook(new TextEncoder().encode(html), '导出.xls');
    expect(r.ok && [r.workbook.format, r.workbook.sheets[0]!.rows]).toEqual(['网页表格（UTF-8）', [[{ text: '意见对象' }, { text: '意见建议' }], [{ text: '张三' }, { text: '007' }]]]);
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const r = readWorkbook(big, '大文件.xlsx');
    expect(r).toEqual({ ok: false, error: '“大文件.xlsx”过大（30.0 MB），导入文件最多 30 MB' });
  });

  it('refuses an empty file', () => {
    expect(readWorkbook(new Uint8Array(0), '空.csv')).toEqual({ ok: false, error: '“空.csv”是空文件' });
  });

  it('measures the real decompressed size, and refuses a declared size that is not the real one', () => {
    // Declares 100 bytes; inflates to 2 MB. With a cap of 1 MB it must be refused as too big; with a
    // larger cap it is still refused, because SheetJS sizes its output by the declaration.
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(2 * 1048576).fill(0x20) });
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 100, true);
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    expect(inspectZip(zip, { maxEntries: 10, maxUnzippedBytes: 1048576 })).toEqual({ ok: false, error: '解压后超过 80 MB（疑似“压缩炸弹”），已拒绝' });
    expect(inspectZip(zip, { maxEntries: 10, maxUnzippedBytes: 4 * 1048576 })).toEqual({ ok: false, error: '已损坏（压缩包内部信息前后矛盾），无法读取，请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入' });
  });

  it('finds a huge range split across two inflated chunks', () => {
    // The <dimension> tag sits after 4 093 bytes of padding, so it straddles the 4 KB steps.
    const xml = `<worksheet>${' '.repeat(4093 - 11)}<dimension ref="A1:C2000000"/><sheetData/></worksheet>`;
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': [strToU8(xml), { level: 0 }] });
    const verdict = inspectZip(zip);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.error).toContain('A1:C2000000');
  });

  it('refuses a damaged deflate stream with a message, not an exception', () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook>' + 'x'.repeat(5000) + '</workbook>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') });
    expect(inspectZip(zip).ok).toBe(true);
    // Corrupt the compressed data of the first entry (after its 30-byte header and name).
    const broken = zip.slice();
    broken.fill(0xff, 30 + 'xl/workbook.xml'.length, 30 + 'xl/workbook.xml'.length + 8);
    expect(readWorkbook(broken, '坏.xlsx')).toEqual({ ok: false, error: '“坏.xlsx”已损坏或不完整，无法解压，请重新获取原文件' });
  });
});
