// Writes the corpus of container and format variants in test/fixtures/import/corpus/: one opinion
// table (test/support/import-corpus.ts) saved the ways real writers save spreadsheets — ExcelJS,
// openpyxl, LibreOffice (.xlsx, .ods, .xls), SheetJS, BIFF5 in a compound file, zip layouts of streaming
// and .NET writers (data descriptors, ZIP64 placeholders, ZIP64 records), stored parts, inline
// strings, [Content_Types].xml last, upper-case part names, WPS-like .xls and .et, bare BIFF2–5,
// CSV and text in UTF-8 (with and without BOM), GBK and UTF-16. The files are committed; run this
// only to change them (needs /usr/bin/python3 with openpyxl and LibreOffice):
//   npx tsx scripts/make-import-corpus.mts
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { writeBiff5, writeOldBiff } from '../test/support/biff-writer';
import { CORPUS_TABLE, CORPUS_VARIANTS } from '../test/support/import-corpus';
import { PLAIN_ZIP, writeZip, type ZipPart, type ZipStyle } from '../test/support/zip-writer';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'test/fixtures/import/corpus');
const work = mkdtempSync(resolve(tmpdir(), 'import-corpus-'));
const CREATED = new Date(Date.UTC(2025, 10, 20, 8, 0, 0));
const rows = CORPUS_TABLE.map((r) => [...r]);

function save(file: string, bytes: Uint8Array | string): void {
  const path = resolve(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

function run(command: string, args: string[], input?: string): void {
  const r = spawnSync(command, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr}`);
}

/** LibreOffice's conversion of `source` to `filter` (e.g. `ods`, `xls:MS Excel 95`). */
function soffice(source: string, filter: string, extension: string): Uint8Array {
  const out = resolve(work, `out-${extension}-${filter.replace(/\W/g, '')}`);
  mkdirSync(out, { recursive: true });
  run('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', filter, '--outdir', out, source]);
  const name = source.split('/').pop()!.replace(/\.[^.]+$/, `.${extension}`);
  return new Uint8Array(readFileSync(resolve(out, name)));
}

async function excelJsBook(table: string[][] = rows): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '办公室';
  wb.created = CREATED;
  wb.modified = CREATED;
  const ws = wb.addWorksheet('意见');
  for (const r of table) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(4).width = 50;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The parts of an archive in their order, [Content_Types].xml first. */
function partsOf(zip: Uint8Array): ZipPart[] {
  const parts = Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data }));
  return [...parts.filter((p) => p.name === '[Content_Types].xml'), ...parts.filter((p) => p.name !== '[Content_Types].xml')];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A workbook with inline strings only: no sharedStrings.xml, no styles, as streaming writers make it. */
function inlineStringParts(): ZipPart[] {
  const col = (c: number) => String.fromCharCode(65 + c);
  const sheetRows = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => `<c r="${col(c)}${i + 1}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`).join('')}</row>`)
    .join('');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="意见" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  };
  return Object.entries(files).map(([name, text]) => ({ name, data: strToU8(text) }));
}

function cfbStream(xls: Uint8Array, name: string): Uint8Array {
  const container = XLSX.CFB.read(xls, { type: 'array' });
  const entry = XLSX.CFB.find(container, name);
  if (!entry) throw new Error(`no ${name}`);
  return new Uint8Array(entry.content as ArrayLike<number>);
}

/** A compound file with a BIFF8 workbook stream and the extra streams WPS writes beside it. */
function wpsLike(xls: Uint8Array, extra: string): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(container, '/Workbook', cfbStream(xls, '/Workbook'));
  for (const name of ['/\u0005SummaryInformation', '/\u0005DocumentSummaryInformation']) {
    XLSX.CFB.utils.cfb_add(container, name, cfbStream(xls, name));
  }
  XLSX.CFB.utils.cfb_add(container, `/${extra}`, strToU8('<?xml version="1.0" encoding="UTF-8"?><wps/>'.padEnd(600, ' ')));
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayBuffer);
}

function csvText(separator: string): string {
  const quote = (v: string) => (v.includes(separator) || /["\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(separator)).join('\r\n') + '\r\n';
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? code >> 8 : code & 0xff;
    out[3 + 2 * i] = bigEndian ? code & 0xff : code >> 8;
  }
  return out;
}

rmSync(dir, { recursive: true, force: true });
const excelJs = await excelJsBook();
const parts = partsOf(excelJs);
const zip = (style: Partial<ZipStyle>, p: ZipPart[] = parts) => writeZip(p, { ...PLAIN_ZIP, ...style });

save('xlsx/exceljs.xlsx', zip({}));
const sourcePath = resolve(work, 'source.xlsx');
writeFileSync(sourcePath, zip({}));
run('/usr/bin/python3', [
  '-c',
  `import json, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = '意见'
for row in json.loads(sys.stdin.read()): ws.append(row)
wb.save(sys.argv[1])`,
  resolve(work, 'openpyxl.xlsx'),
], JSON.stringify(rows));
save('xlsx/openpyxl.xlsx', readFileSync(resolve(work, 'openpyxl.xlsx')));
const ods = soffice(sourcePath, 'ods', 'ods');
save('ods/libreoffice.ods', ods);
save('xlsx/libreoffice.xlsx', soffice(sourcePath, 'xlsx:Calc MS Excel 2007 XML', 'xlsx'));
const sheetJsBook = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(sheetJsBook, XLSX.utils.aoa_to_sheet(rows), '意见');
save('xlsx/sheetjs.xlsx', new Uint8Array(XLSX.write(sheetJsBook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer));
save('xlsx/inline-strings.xlsx', zip({}, inlineStringParts()));
save('xlsx/data-descriptor.xlsx', zip({ sizes: 'descriptor' }));
save('xlsx/data-descriptor-unsigned.xlsx', zip({ sizes: 'descriptor', descriptorSignature: false }));
save('xlsx/zip64-streaming.xlsx', zip({ sizes: 'zip64-placeholder' }));
save('xlsx/zip64-dotnet.xlsx', zip({ sizes: 'zip64-real' }));
save('xlsx/zip64-always.xlsx', zip({ sizes: 'zip64-placeholder', zip64Central: true, zip64End: true }));
save('xlsx/stored.xlsx', zip({ method: 'store' }));
save('xlsx/content-types-last.xlsx', zip({}, [...parts.slice(1), parts[0]!]));
// Part names in upper case; the relationships still name them as usual (readers compare without case).
save('xlsx/upper-case-names.xlsx', zip({}, parts.map((p) => ({ ...p, name: p.name === '[Content_Types].xml' ? p.name : p.name.toUpperCase() }))));

const biff8 = soffice(sourcePath, 'xls:MS Excel 97', 'xls');
save('xls/libreoffice-biff8.xls', biff8);
save('xls/wps-like.xls', wpsLike(biff8, 'WpsCustomData'));
// LibreOffice reads Excel 95 but no longer writes it (and SheetJS writes its text as `_`): BIFF5 is
// written record by record, in GBK, and saved both in a compound file and bare.
const biff5 = writeBiff5('意见', rows);
const book = XLSX.CFB.utils.cfb_new();
XLSX.CFB.utils.cfb_add(book, '/Book', biff5);
save('xls/biff5.xls', new Uint8Array(XLSX.CFB.write(book, { type: 'array' }) as ArrayBuffer));
save('biff/biff5-bare.xls', biff5);
for (const version of [2, 3, 4] as const) save(`biff/biff${version}.xls`, writeOldBiff(version, rows));
save('et/wps-like.et', wpsLike(biff8, 'ETExtData'));

// For the end-to-end test: a second .et with other opinions, imported after the .ods into the same meeting.
const otherRows = [
  rows[0]!,
  ['张三', '基层群众', '走访', '到联系点调研的次数偏少，解决实际问题不多', '城关镇'],
  ['领导班子', '服务对象', '座谈会', '政务服务事项网上可办的比例还不高', '某商会'],
];
const otherPath = resolve(work, 'other.xlsx');
writeFileSync(otherPath, writeZip(partsOf(await excelJsBook(otherRows))));
writeFileSync(resolve(root, 'test/fixtures/import/e2e-wps.et'), wpsLike(soffice(otherPath, 'xls:MS Excel 97', 'xls'), 'ETExtData'));

save('csv/utf8.csv', csvText(','));
save('csv/utf8-bom.csv', `\uFEFF${csvText(',')}`);
run('/usr/bin/python3', ['-c', 'import sys; open(sys.argv[1], "wb").write(sys.stdin.read().encode("gbk"))', resolve(dir, 'csv/gbk.csv')], csvText(','));
save('csv/utf16le.txt', utf16(csvText('\t'), false));
save('csv/utf16be.csv', utf16(csvText(','), true));

rmSync(work, { recursive: true, force: true });
process.stdout.write(`${CORPUS_VARIANTS.length} variants written to ${dir}\n`);
