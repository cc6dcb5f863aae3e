// A property over files as real writers make them: any table, saved by any of the writers and
// container layouts the corpus covers (SheetJS .xlsx/.xls/.ods, inline-string parts in every zip
// layout — data descriptors, ZIP64 placeholders and records, stored parts, any part order, upper-case
// names —, bare BIFF2–5, CSV in UTF-8, GBK and UTF-16), is read cell for cell as written, or refused
// with a documented reason (here: a sheet over the column limit). Never “damaged”: it is not.
import fc from 'fast-check';
import { strToU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS } from '#shared/import/limits';
import { readWorkbook } from '#shared/import/read-workbook';
import { isDocumentedRefusal } from '#shared/import/refusals';
import { encodeText, writeBiff5, writeOldBiff } from '../../support/biff-writer';
import { writeZip, type SizeStyle, type ZipPart, type ZipStyle } from '../../support/zip-writer';

// Characters GBK can hold (BIFF2–5 and GBK CSV write in code page 936), quotes and separators included.
const CHARS = '意见建议学习调研作风落实群众企业基层张三李四领导班子上级下属服务走访问卷，。、；：“”（）《》=+-@#%0123456789AbcXyz ,"\t\n'.split('');
const cellText = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((t) => t !== '');

type Writer = 'xlsx-sheetjs' | 'xlsx-inline' | 'xls-sheetjs' | 'ods-sheetjs' | 'biff2' | 'biff3' | 'biff4' | 'biff5' | 'biff5-bare' | 'csv-utf8' | 'csv-utf8-bom' | 'csv-gbk' | 'csv-utf16le' | 'csv-utf16be';
const WRITERS: Writer[] = ['xlsx-sheetjs', 'xlsx-inline', 'xls-sheetjs', 'ods-sheetjs', 'biff2', 'biff3', 'biff4', 'biff5', 'biff5-bare', 'csv-utf8', 'csv-utf8-bom', 'csv-gbk', 'csv-utf16le', 'csv-utf16be'];

const zipStyle: fc.Arbitrary<ZipStyle> = fc.record({
  method: fc.constantFrom('deflate' as const, 'store' as const),
  sizes: fc.constantFrom<SizeStyle>('local', 'descriptor', 'zip64-placeholder', 'zip64-real'),
  descriptorSignature: fc.boolean(),
  zip64Central: fc.boolean(),
  zip64End: fc.boolean(),
});
interface Layout {
  style: ZipStyle;
  order: 'as-written' | 'content-types-last' | 'reversed';
  upperCase: boolean;
}
const layout: fc.Arbitrary<Layout> = fc.record({ style: zipStyle, order: fc.constantFrom('as-written' as const, 'content-types-last' as const, 'reversed' as const), upperCase: fc.boolean() });

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inlineParts(rows: string[][]): ZipPart[] {
  const col = (c: number) => (c < 26 ? '' : String.fromCharCode(64 + Math.floor(c / 26))) + String.fromCharCode(65 + (c % 26));
  const data = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => `<c r="${col(c)}${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`).join('')}</row>`).join('');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="意见" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`,
  };
  return Object.entries(files).map(([name, text]) => ({ name, data: strToU8(text) }));
}

function relaid(parts: ZipPart[], how: Layout): Uint8Array {
  let ordered = parts;
  if (how.order === 'content-types-last') ordered = [...parts.filter((p) => p.name !== '[Content_Types].xml'), ...parts.filter((p) => p.name === '[Content_Types].xml')];
  if (how.order === 'reversed') ordered = [...parts].reverse();
  if (how.upperCase) ordered = ordered.map((p) => ({ ...p, name: p.name === '[Content_Types].xml' ? p.name : p.name.toUpperCase() }));
  return writeZip(ordered, how.style);
}

function book(rows: string[][]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '意见');
  return wb;
}

function csv(rows: string[][], separator: string): string {
  const quote = (v: string) => (v.includes(separator) || /["\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(separator)).join('\r\n') + '\r\n';
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, !bigEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), !bigEndian);
  return out;
}

function write(writer: Writer, rows: string[][], how: Layout): Uint8Array {
  const array = (bookType: XLSX.BookType) => new Uint8Array(XLSX.write(book(rows), { type: 'array', bookType, compression: true }) as ArrayBuffer);
  switch (writer) {
    case 'xlsx-sheetjs':
      return relaid(Object.entries(unzipSync(array('xlsx'))).map(([name, data]) => ({ name, data })), how);
    case 'xlsx-inline':
      return relaid(inlineParts(rows), how);
    case 'xls-sheetjs':
      return array('xls');
    case 'ods-sheetjs':
      return relaid(Object.entries(unzipSync(array('ods'))).map(([name, data]) => ({ name, data })), { ...how, upperCase: false });
    case 'biff2':
    case 'biff3':
    case 'biff4':
      return writeOldBiff(Number(writer.slice(4)) as 2 | 3 | 4, rows);
    case 'biff5': {
      const container = XLSX.CFB.utils.cfb_new();
      XLSX.CFB.utils.cfb_add(container, '/Book', writeBiff5('意见', rows));
      return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayBuffer);
    }
    case 'biff5-bare':
      return writeBiff5('意见', rows);
    case 'csv-utf8':
      return strToU8(csv(rows, ','));
    case 'csv-utf8-bom':
      return strToU8(`\uFEFF${csv(rows, ',')}`);
    case 'csv-gbk':
      return encodeText(csv(rows, ','));
    case 'csv-utf16le':
      return utf16(csv(rows, '\t'), false);
    case 'csv-utf16be':
      return utf16(csv(rows, ','), true);
  }
}

/** What the reader saw: the first sheet as rows of cell texts. */
function cells(bytes: Uint8Array, name: string): string[][] | string {
  const read = readWorkbook(bytes, name);
  if (!read.ok) return read.error;
  const sheet = read.workbook.sheets[0]!;
  return Array.from({ length: sheet.rows.length }, (_, r) => Array.from({ length: sheet.rows[r]?.length ?? 0 }, (_, c) => sheet.rows[r]?.[c]?.text ?? ''));
}

describe('files as real writers make them', () => {
  it('are read cell for cell as written, or refused with a documented reason — never as damaged', () => {
    // An opinion table has two columns at least (whom, what); a one-column text file gives its separator no chance to show.
    const table = fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 6 })).chain(([width, height]) =>
      fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: height, maxLength: height }),
    );
    fc.assert(
      fc.property(table, fc.constantFrom(...WRITERS), layout, fc.boolean(), (body, writer, how, wide) => {
        // The header row names the table, as every opinion file does; some tables are over the column limit.
        const header = ['意见对象', '意见建议', '提出单位', '意见来源', '征求方式'].slice(0, body[0]!.length);
        const rows = [header, ...body];
        if (wide && writer.startsWith('csv')) rows[0] = [...header, ...Array.from({ length: MAX_COLUMNS + 1 - header.length }, (_, i) => `列${i}`)];
        const extension = writer.startsWith('csv') ? (writer === 'csv-utf16le' ? 'txt' : 'csv') : writer.startsWith('ods') ? 'ods' : writer.startsWith('xlsx') ? 'xlsx' : 'xls';
        const got = cells(write(writer, rows, how), `生成.${extension}`);
        if (typeof got === 'string') {
          expect(isDocumentedRefusal(got), got).toBe(true);
          expect(got).not.toContain('已损坏');
          expect(rows[0]!.length, got).toBeGreaterThan(MAX_COLUMNS);
          return;
        }
        // ODF collapses spaces at a line break unless written as <text:s/>, which SheetJS's writer does not.
        const expected = rows.map((r) => r.map((v) => (writer === 'ods-sheetjs' ? v.replace(/ *\n */g, '\n') : v)));
        // Every cell as written, line breaks included.
        expect(got).toEqual(expected);
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});
