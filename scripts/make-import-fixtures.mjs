// Writes the import fixtures in test/fixtures/import/: spreadsheets made the way staff make them
// (title rows, merged two-row headers, synonym headers, a sheet per member, legacy .xls, CSV in GBK
// and in UTF-8 without a BOM, a questionnaire export), and hostile files (zip bombs, absurd ranges,
// truncated and renamed files). The files are committed; run this only to change them:
//   node scripts/make-import-fixtures.mjs
// The roster the fixtures name is in test/support/import-fixtures.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'test/fixtures/import');
mkdirSync(resolve(dir, 'hostile'), { recursive: true });

// Fixed workbook times, so regenerating gives the same files.
const CREATED = new Date(Date.UTC(2025, 10, 20, 8, 0, 0));

async function saveExcel(wb, name) {
  wb.creator = '办公室';
  wb.created = CREATED;
  wb.modified = CREATED;
  writeFileSync(resolve(dir, name), stable(new Uint8Array(await wb.xlsx.writeBuffer())));
}

/** ExcelJS stamps every zip entry with the current time: re-zip with a fixed one, so the files only change when their content does. */
function stable(zip) {
  return zipSync(unzipSync(zip), { mtime: CREATED });
}

function headerStyle(row) {
  row.eachCell((cell) => {
    cell.font = { bold: true, name: '宋体', size: 11 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  });
}

/** A summary table as a township office types it: title, a note line, a merged two-row header, a footer. */
async function titleMergedHeader() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('征求意见汇总');
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = '某某县财政局领导班子及成员2025年度民主生活会征求意见汇总表';
  ws.getCell('A1').font = { bold: true, size: 16, name: '方正小标宋简体' };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:G2');
  ws.getCell('A2').value = '填报单位：办公室　　　　填报日期：2025年11月20日';
  ws.mergeCells('A3:A4');
  ws.getCell('A3').value = '序号';
  ws.mergeCells('B3:B4');
  ws.getCell('B3').value = '意见对象';
  ws.mergeCells('C3:D3');
  ws.getCell('C3').value = '意见来源及方式';
  ws.getCell('C4').value = '来源类别';
  ws.getCell('D4').value = '征求方式';
  ws.mergeCells('E3:E4');
  ws.getCell('E3').value = '意见建议';
  ws.mergeCells('F3:F4');
  ws.getCell('F3').value = '提出单位';
  ws.mergeCells('G3:G4');
  ws.getCell('G3').value = '收到日期';
  headerStyle(ws.getRow(3));
  headerStyle(ws.getRow(4));
  const rows = [
    [1, '领导班子', '上级领导', '书面征求', '理论学习中心组学习形式单一，以传达文件为主，研讨交流不够深入', '县委办', new Date(Date.UTC(2025, 10, 3))],
    [2, '张三', '下属单位', '座谈会', '=深入基层调研的次数偏少，对基层反映的困难跟踪解决不够', '预算科', '2025/11/5'],
    [3, '李四（副局长）', '群众', '走访', '落实“最多跑一次”改革不够彻底，个别事项仍需群众多次往返', 7, null],
    [4, '赵六', '上级领导', '谈话', '对分管科室督促检查不够，个别工作推进缓慢', '县纪委', null],
    [5, '王五', '社会组织', '座谈会', '政府采购流程宣传解读不够，企业参与积极性不高', '采购中心', null],
    [6, '王五', '服务对象', '问卷', '', '某企业', null],
    [7, '张三', '分管领域', '书面', '无', '国库科', null],
    [8, '领导班子', '基层群众', '走访', '涉企收费清理后续跟踪不到位，身份证号330102199001011234的企业主反映退费未到账', '330102199001011234', null],
    [9, '张三', '下属单位', '座谈会', '=深入基层调研的次数偏少，对基层反映的困难跟踪解决不够', '预算科', null],
    [10, '张伟（纪检组长）', '上级领导', '谈心谈话', '监督执纪“四种形态”运用不够精准，第一种形态用得不多', '县纪委', null],
    [11, '张伟', '上级领导', '谈心谈话', '对年轻干部的日常教育管理抓得不够紧', '县纪委', null],
  ];
  rows.forEach((values, i) => {
    const row = ws.getRow(5 + i);
    values.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v;
    });
  });
  ws.getCell('G5').numFmt = 'yyyy"年"m"月"d"日"';
  // WPS shows a provider code typed as 007 with a 000 number format.
  ws.getCell('F7').numFmt = '000';
  ws.mergeCells('A18:G18');
  ws.getCell('A18').value = '填表人：李明　　　　审核人：王强';
  ws.columns = [{ width: 6 }, { width: 16 }, { width: 12 }, { width: 12 }, { width: 50 }, { width: 14 }, { width: 14 }];
  await saveExcel(wb, 'title-merged-header.xlsx');
}

/** Columns named with synonyms, variant values, dates typed in several ways. */
async function synonymHeaders() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['征求对象', '征求对象类别', '渠道', '具体意见', '提出人', '对照方面', '收到时间']);
  ws.addRow(['班子整体', '上级', '谈心', '班子成员之间谈心谈话不够经常，开展批评有顾虑', '县委组织部', '政治忠诚', new Date(Date.UTC(2025, 10, 2))]);
  ws.addRow(['局长张三', '分管', '电话', '对分管领域重点项目资金拨付进度督促不够', '', '', '2025年11月3日']);
  ws.addRow(['王五同志', '企业', '周二无会日', '惠企政策兑现还不够快，部分资金到位时间较长', '某建材公司', '带头干事创业、担当作为', '20251104']);
  ws.addRow(['李四', '基层群众代表', '座谈', '下基层调研时听取群众意见不够广泛', '社区居民', '作风建设', '']);
  ws.addRow(['李四', '下属', '书面', '对下属单位干部培训的安排不够系统', '', '', '2025-13-01']);
  ws.getCell('G2').numFmt = 'yyyy-mm-dd';
  headerStyle(ws.getRow(1));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await saveExcel(wb, 'synonym-headers.xlsx');
}

/** One sheet per member, named after the member; an instructions sheet; a sheet for someone not on the roster. */
async function sheetPerMember() {
  const wb = new ExcelJS.Workbook();
  const sheets = {
    领导班子: [
      ['上级领导', '书面征求', '班子统筹谋划全局工作的能力有待提升'],
      ['基层群众', '座谈会', '联系服务群众的制度落实不够经常'],
    ],
    张三: [
      ['下属单位', '谈心谈话', '听取下属单位意见不够主动'],
      ['服务对象', '问卷调查', '为企业办事的效率有待提高'],
    ],
    '李四（副局长）': [['分管领域', '走访', '分管科室之间协调配合不够顺畅']],
    王五同志意见: [['基层群众', '领导信箱/电话', '对群众来信回复不够及时']],
    赵六: [['上级领导', '书面征求', '学习不够深入']],
  };
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['序号', '意见来源', '征求方式', '意见建议']);
    headerStyle(ws.getRow(1));
    rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
    ws.getColumn(4).width = 50;
  }
  const notes = wb.addWorksheet('说明');
  notes.addRow(['每位班子成员一个工作表，工作表名称为成员姓名。']);
  notes.addRow(['意见来源请从下拉列表中选择。']);
  await saveExcel(wb, 'sheet-per-member.xlsx');
}

/** A legacy .xls (BIFF8), as older Excel and WPS save by default. */
function legacyXls() {
  const ws = XLSX.utils.aoa_to_sheet([
    ['意见对象', '意见来源', '征求方式', '意见内容', '提出单位'],
    ['领导班子', '下属单位', '座谈会', '班子深入基层调研的频次不高', '007'],
    ['王五', '基层群众', '走访', '对困难群众的帮扶措施还不够精准', '东城社区'],
    ['李四', '服务对象', '问卷调查', '审批事项办理时限还可以再压缩', 123456789012345678n.toString()],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '意见');
  writeFileSync(resolve(dir, 'legacy.xls'), XLSX.write(wb, { type: 'buffer', bookType: 'xls' }));
}

const CSV_ROWS = [
  ['意见对象', '意见来源', '征求方式', '意见建议', '提出单位'],
  ['领导班子', '上级领导', '书面征求', '班子议事决策程序执行不够严格，个别事项会前酝酿不充分', '县委办'],
  ['张三', '基层群众', '座谈会', '调研时与群众面对面交流偏少，“身入”多“心入”少', '城关镇，东门村'],
  ['李四', '分管领域', '谈心谈话', '分管领域风险防控措施不够细\n对苗头性问题提醒不够及时', ''],
];

function csvText(rows) {
  const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** CSV saved by Excel on a Chinese Windows: GBK, no BOM. Encoded by Python, not by our code. */
function gbkCsv() {
  const text = csvText(CSV_ROWS);
  const out = resolve(dir, 'gbk.csv');
  const r = spawnSync('/usr/bin/python3', ['-c', 'import sys; open(sys.argv[1], "wb").write(sys.stdin.read().encode("gbk"))', out], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

/** CSV in UTF-8 without a BOM, with text that spreadsheet programs like to change. */
function utf8Csv() {
  const rows = [
    ['意见对象', '意见来源', '征求方式', '意见建议', '提出单位'],
    ['领导班子', '服务对象', '问卷调查', '=号开头的意见：会议多、文件多，基层负担仍然较重', '007'],
    ['王五', '下属单位', '书面征求', '1/2 的下属单位反映培训内容与实际脱节', '123456789012345678'],
    ['张三', '上级领导', '谈心谈话', '+2 项年度重点任务进度滞后，统筹推进不够有力', '-'],
    ['', '', '', '', ''],
    ['李四', '服务对象', '走访', '@企业服务专员制度落实不到位', '0012'],
  ];
  writeFileSync(resolve(dir, 'utf8-no-bom.csv'), csvText(rows));
}

/** A 问卷星-style export: identity columns first, then one column per question. */
async function questionnaire() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '昵称', '1、意见对象', '2、您的身份（意见来源）', '3、您对该同志（班子）的意见建议']);
  const rows = [
    ['2025/11/10 09:12:45', '125秒', '微信', 'N/A', '112.17.23.4(浙江-衢州)', '山水', '领导班子', '基层群众', '村级事务公开的内容不够全面，群众关心的事公开得不及时'],
    ['2025/11/10 09:20:03', '88秒', '手机提交', '直接访问', '223.104.5.19(浙江-衢州)', '', '张三', '服务对象', '企业开办“一件事”办理中部门衔接还有断点'],
    ['2025/11/10 10:01:37', '40秒', '微信', 'N/A', '112.17.88.2(浙江-衢州)', '老王', '李四', '基层群众', '无'],
    ['2025/11/10 10:15:09', '61秒', '微信', 'N/A', '39.184.3.77(浙江-杭州)', '晓风', '王五', '下属单位', '(跳过)'],
    ['2025/11/10 11:30:50', '230秒', '链接', '直接访问', '60.190.2.15(浙江-衢州)', '', '钱七', '基层群众', '走访慰问覆盖面不够广'],
    ['2025/11/11 08:02:11', '75秒', '微信', 'N/A', '112.17.23.9(浙江-衢州)', '小李', '张三', '服务对象', '暂无意见。'],
  ];
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  await saveExcel(wb, 'questionnaire.xlsx');
}

/** Two members share a name; the 职务 column (or a bracket) tells them apart. */
async function sameName() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  ws.addRow(['姓名', '职务', '意见来源', '征求方式', '意见建议']);
  ws.addRow(['张伟', '副局长', '上级领导', '谈心谈话', '分管工作中创新举措不多']);
  ws.addRow(['张伟', '纪检组长', '下属单位', '书面征求', '日常监督检查的频次还不够']);
  ws.addRow(['张伟', '', '基层群众', '座谈会', '深入联系点的次数偏少']);
  ws.addRow(['张伟', '局长', '基层群众', '座谈会', '对基层的指导还不够具体']);
  ws.addRow(['张 三', '', '上级领导', '书面征求', '统筹协调全局工作的力度有待加强']);
  await saveExcel(wb, 'same-name.xlsx');
}

/** For the end-to-end test: the target column has a header the app does not know. */
async function e2eMapping() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  ws.addRow(['被征求人', '意见来源', '征求方式', '意见建议']);
  ws.addRow(['张三', '上级领导', '谈心谈话', '理论学习的系统性不够，学用结合不紧']);
  ws.addRow(['张三', '上级领导', '书面征求', '抓班子带队伍的办法还不多']);
  ws.addRow(['李四', '下属单位', '座谈会', '对下属单位的工作指导不够具体']);
  ws.addRow(['领导班子', '基层群众', '走访', '为群众办实事的项目宣传不够']);
  ws.addRow(['孙八', '基层群众', '走访', '下乡调研的次数偏少']);
  await saveExcel(wb, 'e2e-unknown-header.xlsx');
}

/** Cells that begin with list numbering, as Word lists pasted into Excel carry it (issue 11). */
async function numberedCells() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  ws.addRow(['意见对象', '意见来源', '征求方式', '意见建议']);
  ws.addRow(['领导班子', '上级领导', '书面征求', '1. 理论学习中心组学习形式单一']);
  ws.addRow(['张三', '下属单位', '座谈会', '2、深入基层调研的次数偏少']);
  ws.addRow(['李四', '基层群众', '走访', '（1）联系服务群众不够经常']);
  ws.addRow(['王五', '服务对象', '问卷调查', '①惠企政策兑现还不够快']);
  ws.addRow(['领导班子', '基层群众', '座谈会', '一、为群众办实事的项目宣传不够']);
  // The same opinion as row 3 without its number: one opinion, counted once.
  ws.addRow(['张三', '下属单位', '座谈会', '深入基层调研的次数偏少']);
  ws.addRow(['张三', '上级领导', '谈心谈话', '3.']);
  ws.addRow(['李四', '分管领域', '书面征求', '1.5亿元专项资金拨付进度偏慢']);
  await saveExcel(wb, 'numbered-cells.xlsx');
}

/** A questionnaire asking the respondent's group as a question, and a sheet whose columns are known only by their values. */
async function identityQuestion() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问卷');
  ws.addRow(['序号', '提交答卷时间', '来源', '来自IP', '1、您要评价的班子成员', '2、您的身份', '3、您对该同志的意见建议']);
  ws.addRow([1, '2025/11/10 09:12:45', '微信', '112.17.23.4', '张三', '基层群众', '下乡调研的次数偏少，听取意见不够广泛']);
  ws.addRow([2, '2025/11/10 09:20:03', '微信', '223.104.5.19', '李四', '服务对象', '企业诉求回应还不够及时']);
  ws.addRow([3, '2025/11/10 10:01:37', '链接', '112.17.88.2', '领导班子', '下属单位', '对下属单位的考核指标过多过细']);
  const other = wb.addWorksheet('汇总');
  other.addRow(['被征求人', '情况', '形式', '意见建议']);
  other.addRow(['王五', '上级', '谈话', '统筹协调分管工作的力度还不够']);
  other.addRow(['张三', '群众', '走访', '到联系村走访的次数偏少']);
  other.addRow(['领导班子', '服务对象', '座谈', '政务服务事项网上办理的比例不高']);
  other.addRow(['李四', '下属单位', '书面', '对基层业务培训安排不够系统']);
  await saveExcel(wb, 'identity-question.xlsx');
}

/** Formula cells whose stored result is empty (a tool that never calculates wrote them), beside one with its result stored. */
function formulaEmptyResult() {
  const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const row = (r, cells) => `<row r="${r}">${cells.join('')}</row>`;
  const xml =
    SHEET_HEAD +
    '<sheetData>' +
    row(1, [inline('A1', '意见对象'), inline('B1', '意见来源'), inline('C1', '征求方式'), inline('D1', '意见建议')]) +
    row(2, [inline('A2', '张三'), inline('B2', '上级领导'), inline('C2', '书面征求'), '<c r="D2"><f>"统筹协调"&amp;"力度不够"</f></c>']) +
    row(3, [inline('A3', '李四'), inline('B3', '基层群众'), inline('C3', '走访'), '<c r="D3" t="str"><f>CONCATENATE("联系群众","不够经常")</f><v></v></c>']) +
    row(4, [inline('A4', '王五'), inline('B4', '服务对象'), inline('C4', '座谈会'), '<c r="D4" t="str"><f>CONCATENATE("惠企政策","兑现偏慢")</f><v>惠企政策兑现偏慢</v></c>']) +
    '</sheetData></worksheet>';
  writeFileSync(resolve(dir, 'formula-empty-result.xlsx'), zipSync(minimalXlsxEntries(xml), zipOptions));
}

// ---- hostile files -------------------------------------------------------------------------

function minimalXlsxEntries(sheetXml) {
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const SMALL_DATA =
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>意见对象</t></is></c><c r="B1" t="inlineStr"><is><t>意见建议</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>学习不够深入</t></is></c></row></sheetData>';

const zipOptions = { mtime: CREATED };

/** Rewrites the uncompressed sizes a zip declares (local and central headers): headers lie. */
function lieAboutSizes(zip, declared) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, declared, true);
    else if (sig === 0x02014b50) view.setUint32(i + 24, declared, true);
  }
  return zip;
}

/** One worksheet that inflates to 150 MB of blanks, declaring 2 KB. */
function zipBomb() {
  const blanks = new Uint8Array(150 * 1024 * 1024).fill(0x20);
  const head = strToU8(SHEET_HEAD);
  const body = new Uint8Array(head.length + blanks.length);
  body.set(head);
  body.set(blanks, head.length);
  const entries = minimalXlsxEntries('');
  entries['xl/worksheets/sheet1.xml'] = [body, { level: 9 }];
  writeFileSync(resolve(dir, 'hostile/zip-bomb.xlsx'), lieAboutSizes(zipSync(entries, zipOptions), 2048));
}

/**
 * The overlapping-entries bomb: 1 500 central-directory entries that all point at the same 64 MB
 * (compressed to ~64 KB) worksheet. A reader that trusts the structure inflates 96 GB.
 */
function overlappingBomb() {
  const deflated = deflateSync(new Uint8Array(64 * 1024 * 1024).fill(0x20), { level: 9 });
  const base = zipSync(minimalXlsxEntries(SHEET_HEAD + SMALL_DATA + '</worksheet>'), zipOptions);
  // Append one local entry holding the big stream, then a central directory listing it 1 500 times.
  const name = strToU8('xl/worksheets/sheet2.xml');
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, 64 * 1024 * 1024, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  // Keep the small workbook's own entries: copy its local section (everything before its central directory).
  const bv = new DataView(base.buffer, base.byteOffset, base.byteLength);
  const eocd = base.length - 22;
  const baseCount = bv.getUint16(eocd + 10, true);
  const baseDirSize = bv.getUint32(eocd + 12, true);
  const baseDirOffset = bv.getUint32(eocd + 16, true);
  const localSection = base.subarray(0, baseDirOffset);
  const baseDir = base.subarray(baseDirOffset, baseDirOffset + baseDirSize);
  const bigOffset = localSection.length;
  const copies = 1500;
  const entries = [];
  for (let i = 0; i < copies; i++) {
    const n = strToU8(`xl/media/part${i}.xml`);
    const e = new Uint8Array(46 + n.length);
    const v = new DataView(e.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(10, 8, true);
    v.setUint32(20, deflated.length, true);
    v.setUint32(24, 64 * 1024 * 1024, true);
    v.setUint16(28, n.length, true);
    v.setUint32(42, bigOffset, true);
    e.set(n, 46);
    entries.push(e);
  }
  const dirLength = baseDir.length + entries.reduce((s, e) => s + e.length, 0);
  const dirOffset = bigOffset + local.length + deflated.length;
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, baseCount + copies, true);
  ev.setUint16(10, baseCount + copies, true);
  ev.setUint32(12, dirLength, true);
  ev.setUint32(16, dirOffset, true);
  const parts = [localSection, local, deflated, baseDir, ...entries, end];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  writeFileSync(resolve(dir, 'hostile/overlapping-bomb.xlsx'), out);
}

function hugeRange() {
  const xml = `${SHEET_HEAD}<dimension ref="A1:XFD1048576"/>${SMALL_DATA}</worksheet>`;
  writeFileSync(resolve(dir, 'hostile/huge-range.xlsx'), zipSync(minimalXlsxEntries(xml), zipOptions));
}

function hugeMerge() {
  const xml = `${SHEET_HEAD}<dimension ref="A1:B2"/>${SMALL_DATA}<mergeCells count="1"><mergeCell ref="A3:Z1000000"/></mergeCells></worksheet>`;
  writeFileSync(resolve(dir, 'hostile/huge-merge.xlsx'), zipSync(minimalXlsxEntries(xml), zipOptions));
}

async function truncated() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  ws.addRow(['意见对象', '意见来源', '征求方式', '意见建议']);
  for (let i = 0; i < 200; i++) ws.addRow(['张三', '上级领导', '书面征求', `第 ${i + 1} 条：调查研究不够深入，解决问题的办法不多`]);
  wb.created = CREATED;
  wb.modified = CREATED;
  const full = stable(new Uint8Array(await wb.xlsx.writeBuffer()));
  writeFileSync(resolve(dir, 'hostile/truncated.xlsx'), full.subarray(0, Math.floor(full.length * 0.6)));
}

function renamed() {
  const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  writeFileSync(resolve(dir, 'hostile/report-pdf-renamed.xlsx'), pdf);
  const docx = zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>意见建议</w:t></w:r></w:p></w:body></w:document>'),
    },
    zipOptions,
  );
  writeFileSync(resolve(dir, 'hostile/word-renamed.xlsx'), docx);
  // Random-looking bytes, as a damaged download would be.
  const noise = new Uint8Array(4096);
  let x = 2463534242;
  for (let i = 0; i < noise.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    noise[i] = x & 0xff;
  }
  writeFileSync(resolve(dir, 'hostile/noise.xlsx'), noise);
}

function manyEntries() {
  const entries = minimalXlsxEntries(SHEET_HEAD + SMALL_DATA + '</worksheet>');
  for (let i = 0; i < 5000; i++) entries[`xl/media/image${i}.xml`] = strToU8('<x/>');
  writeFileSync(resolve(dir, 'hostile/many-entries.xlsx'), zipSync(entries, zipOptions));
}

await titleMergedHeader();
await synonymHeaders();
await sheetPerMember();
legacyXls();
gbkCsv();
utf8Csv();
await questionnaire();
await sameName();
await e2eMapping();
await numberedCells();
await identityQuestion();
formulaEmptyResult();
zipBomb();
overlappingBomb();
hugeRange();
hugeMerge();
await truncated();
renamed();
manyEntries();
console.log(`fixtures written to ${dir}`);
