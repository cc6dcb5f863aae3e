import { basename } from 'node:path';
import { orderedMembers, targetLabels } from '#shared/meeting/roster';
import { DEFAULT_MIN_CONFIDENCE, doubtfulChars, markDoubtful, planOcrRows, type OcrMeeting, type OcrRow } from '#shared/ocr/plan';
import { isPdf, readScan, type ScanPage } from '#shared/ocr/image-file';
import { readFormPage } from '#shared/ocr/read-page';
import { CliError, EXIT_OK, EXIT_ROWS_REJECTED } from '../errors';
import { loadPackage, readUserFile, writeUserFile, type CliIo } from '../io';
import { loadOcrEngine } from '../ocr-runtime';

export const OCR_HELP = `ocr FILE… [--package PACKAGE --meeting ID] [--category 类别] [--channel 方式] [--min-confidence 0.9] [--json FILE]
    识别纸质征求意见表的扫描件或照片（PNG、JPEG 图片，或扫描仪生成的 PDF，每页一张表，逐页识别），完全离线：找出表格中对领导班子和每位班子成员的意见建议，
    按粘贴的规则拆分编号的多条意见，读出“单位（盖章）”和意见来源；把握不大的字用 ⟦ ⟧ 标出，逐条核对。
    给出 --package 和 --meeting 时按导入的规则匹配班子成员、意见来源和征求方式，并写明不能导入的原因。
    只识别和列出，不写入数据包。
    --category 类别        表上没有意见来源时整张表使用的来源（如 基层群众）
    --channel 方式         征求方式（默认：书面征求）
    --min-confidence 数值  低于此置信度（0–1，默认 ${DEFAULT_MIN_CONFIDENCE}）的字标出待核对
    --json FILE            另存识别结果（每个字及其置信度、所在单元格）为 JSON
    退出码：全部识别清楚（且都能匹配）为 0；有待核对的字、不能匹配的行或没有找到意见表为 1；输入有误为 2。`;

interface OcrOptions {
  packagePath?: string;
  meetingId?: string;
  category?: string;
  channel?: string;
  minConfidence?: string;
  json?: string;
}

/** A page photo or scan is at most this large on disk. */
const MAX_IMAGE_BYTES = 60 * 1024 * 1024;
/** A scanned PDF (up to 50 pages) is at most this large. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** `ocr`: each image recognised and read as a 征求意见表; the opinions listed with doubtful characters marked. */
export async function ocrCommand(files: string[], options: OcrOptions, io: CliIo): Promise<number> {
  const min = options.minConfidence === undefined ? DEFAULT_MIN_CONFIDENCE : Number(options.minConfidence);
  if (!Number.isFinite(min) || min < 0 || min > 1) throw new CliError(`--min-confidence 应为 0 到 1 之间的数，而不是“${options.minConfidence}”`);
  if ((options.packagePath === undefined) !== (options.meetingId === undefined)) throw new CliError('--package 和 --meeting 需要一起给出');
  let meeting: OcrMeeting | undefined;
  let labels = new Map<string, string>();
  if (options.packagePath !== undefined) {
    const content = (await loadPackage(options.packagePath, io.cwd)).content;
    const found = content.meetings.find((m) => m.id === options.meetingId && !m.deletedAt);
    if (!found) throw new CliError(`数据包中没有编号为“${options.meetingId}”的会议（可用 check --json 查看会议编号）`);
    const members = orderedMembers(content.members.filter((m) => m.meetingId === found.id));
    meeting = { members: members.map((m) => ({ id: m.id, name: m.name, position: m.position })), ruleSet: found.ruleSet, dimensions: found.dimensions };
    labels = targetLabels(members);
  }

  let flagged = false;
  const results = [];
  for await (const { name, file, pageNumber, image, page, bands, reading } of recognizeScans(await scanPages(files, io), io)) {
    const rows = planOcrRows(reading, meeting, { minConfidence: min, category: options.category, channel: options.channel });
    io.out(pageLine(file, image, page));
    if (reading.unit) io.out(`单位（盖章）：${markDoubtful(reading.unit.text, doubtfulChars(reading.unit.chars, min))}`);
    if (reading.category) io.out(`意见来源：${markDoubtful(reading.category.text, doubtfulChars(reading.category.chars, min))}`);
    if (bands.length === 0 || rows.length === 0) {
      flagged = true;
      io.out(bands.length === 0 ? '没有找到意见表的表格（需要有表格线的征求意见表）。' : '表中没有找到意见建议。');
    }
    for (const row of rows) {
      io.out(`  ${rowLine(row, labels)}`);
      for (const problem of row.problems) io.out(`      不能导入：${problem}`);
      if (row.doubtful.length > 0 || row.problems.length > 0) flagged = true;
    }
    const doubtfulRows = rows.filter((r) => r.doubtful.length > 0).length;
    io.out(`共 ${rows.length} 条意见，${doubtfulRows} 条有待核对的字${meeting ? `，${rows.filter((r) => r.problems.length > 0).length} 条不能导入` : ''}。`);
    results.push({ file: name, ...(pageNumber === undefined ? {} : { page: pageNumber }), width: image.width, height: image.height, angle: page.angle, unit: reading.unit, category: reading.category, channel: reading.channel, notOpinions: reading.notOpinions, opinions: rows });
  }
  if (options.json !== undefined) {
    const written = await writeUserFile(options.json, io.cwd, new TextEncoder().encode(JSON.stringify({ minConfidence: min, files: results }, null, 2)));
    io.out(`识别结果已写入 ${written}`);
  }
  return flagged ? EXIT_ROWS_REJECTED : EXIT_OK;
}

/** A page of a chosen file: a picture is one page, a scanner's PDF one per page (decoded when read). */
interface ScanFilePage {
  name: string;
  scan: ScanPage;
}

/** Every file read and checked before the models load (seconds), so a wrong file fails at once; a PDF's pages are checked now and decoded one at a time, as they are read. */
export async function scanPages(files: readonly string[], io: CliIo): Promise<ScanFilePage[]> {
  const pages: ScanFilePage[] = [];
  for (const file of files) {
    const bytes = await readUserFile(file, io.cwd, MAX_PDF_BYTES);
    if (!isPdf(bytes) && bytes.length > MAX_IMAGE_BYTES) throw new CliError(`文件“${basename(file)}”过大（${(bytes.length / 1048576).toFixed(1)} MB），图片最多 ${MAX_IMAGE_BYTES / 1048576} MB`);
    const read = readScan(bytes);
    if (!read.ok) throw new CliError(`${basename(file)}：${read.error}`);
    for (const scan of read.pages) pages.push({ name: basename(file), scan });
  }
  return pages;
}

/** Each page recognised and read as a form in turn (the models loaded once), with progress on standard error. */
export async function* recognizeScans(pages: readonly ScanFilePage[], io: CliIo) {
  io.err('正在加载识别模型…');
  const engine = await loadOcrEngine();
  for (const { name, scan } of pages) {
    const file = scan.page === undefined ? name : `${name} 第${scan.page}页`;
    const decoded = scan.decode();
    if (!decoded.ok) throw new CliError(`${name}：${decoded.error}`);
    let lastShown = -1;
    const read = await readFormPage(decoded.image, engine.models, engine.classes, (done, total, stage) => {
      const percent = Math.floor((done / Math.max(1, total)) * 10) * 10;
      if (stage === '识别文字' && percent !== lastShown) {
        lastShown = percent;
        io.err(`${file}：识别文字 ${done}/${total}`);
      }
    });
    yield { name, file, pageNumber: scan.page, image: decoded.image, ...read };
  }
}

/** The line that introduces a page read: its name, size and what was done to it. */
export function pageLine(file: string, image: { width: number; height: number }, page: { perspective?: unknown; angle: number; sealPixels: number }): string {
  return `文件：${file}（${image.width}×${image.height}，${page.perspective ? '已校正透视，' : ''}校正倾斜 ${page.angle}°${page.sealPixels > 0 ? '，已去除红色印章' : ''}）`;
}

function rowLine(row: OcrRow, labels: ReadonlyMap<string, string>): string {
  const o = row.opinion;
  const who = row.targetId !== undefined ? (labels.get(row.targetId) ?? (o.part === 'group' ? '领导班子' : o.label)) : o.part === 'group' ? '领导班子' : o.label;
  const where = o.part === 'group' && o.label !== '' ? `${who}（${o.label}）` : who;
  const flags = [row.noOpinion ? '无实质内容，不计数' : '', row.opinion.likelyHeading ? '疑似小标题' : ''].filter(Boolean).join('，');
  return `第 ${o.row + 1} 行 · ${where}：${markDoubtful(o.text, row.doubtful)}${flags ? `（${flags}）` : ''}`;
}

