// `import` of paper forms: scans, photos or a scanner's PDF of filled 征求意见表 read offline (the
// `ocr` verb's steps), checked by the app's preview rules (shared/ocr/preview-rows.ts: the importer's
// matchers, prepareOpinion, duplicates) and written only where the preview would tick a row by
// itself: matched, valid, not a repeat, no character below --min-confidence, not a no-opinion answer
// or a likely heading. Everything else is listed with the reason, for staff to check in the app.
import { basename } from 'node:path';
import { targetLabels } from '#shared/meeting/roster';
import { finishImport, importedOpinion, importSummary } from '#shared/import/records';
import { changeEntry } from '#shared/model/change-log';
import { opinionImagesOf } from '#shared/model/opinion-images';
import type { Member, Meeting, Opinion } from '#shared/model/types';
import { DEFAULT_MIN_CONFIDENCE, markDoubtful, proposedProvider } from '#shared/ocr/plan';
import { cellImagesOf, previewRows, rowsToImport, type FormPage, type PreviewRow } from '#shared/ocr/preview-rows';
import { buildPackage, type PackageContent } from '#shared/package/format';
import { nowIso } from '#shared/util/ids';
import { version } from '../../../package.json';
import { CliError, EXIT_OK, EXIT_ROWS_REJECTED } from '../errors';
import { writeUserFile, type CliIo } from '../io';
import { pageLine, recognizeScans, scanPages } from './ocr';

/** Whether `import` reads this file as a paper form rather than a spreadsheet (by its name). */
export const isScanName = (file: string) => /\.(png|jpe?g|pdf)$/i.test(file);

interface ScanImportOptions {
  packagePath: string;
  dryRun: boolean;
  minConfidence?: string;
  category?: string;
  channel?: string;
}

const ACTOR = '命令行导入';

/** The paper forms of `files` into `meeting` of the package; the exit code as `import`'s. */
export async function importScans(
  files: readonly string[],
  at: { content: PackageContent; meeting: Meeting; members: Member[]; existing: Opinion[] },
  options: ScanImportOptions,
  io: CliIo,
): Promise<number> {
  const min = options.minConfidence === undefined ? DEFAULT_MIN_CONFIDENCE : Number(options.minConfidence);
  if (!Number.isFinite(min) || min < 0 || min > 1) throw new CliError(`--min-confidence 应为 0 到 1 之间的数，而不是“${options.minConfidence}”`);
  const { content, meeting, members, existing } = at;
  const labels = targetLabels(members);
  const preview = {
    members: members.map((m) => ({ id: m.id, name: m.name, position: m.position })),
    ruleSet: meeting.ruleSet,
    dimensions: meeting.dimensions,
    context: { ruleSet: meeting.ruleSet, dimensions: meeting.dimensions, memberIds: new Set(members.map((m) => m.id)) },
    existing,
  };

  const pages: FormPage[] = [];
  let noForm = 0;
  for await (const { name, file, pageNumber, image, page, bands, reading } of recognizeScans(await scanPages(files, io), io)) {
    io.out(pageLine(file, image, page));
    // The 单位（盖章） becomes the opinions' 提出方 only when every character of it was read clearly.
    const unit = proposedProvider(reading, min);
    if (reading.unit) io.out(`单位（盖章）：${markDoubtful(unit.text, unit.doubtful)}${unit.clear ? '' : '（有待核对的字，不作为提出方）'}`);
    if (bands.length === 0 || reading.opinions.length === 0) {
      noForm++;
      io.out(bands.length === 0 ? '没有找到意见表的表格（需要有表格线的征求意见表）。' : '表中没有找到意见建议。');
    }
    // Each opinion's cell picture, cut as the app's worker cuts it, is written with the opinion.
    const cells = cellImagesOf(page.page, page.lines.map((l) => l.box.height), reading);
    pages.push({ key: String(pages.length), fileName: name, pageNumber: pageNumber ?? 1, reading, provider: unit.clear ? unit.text : '', cells });
  }

  const rows = previewRows(pages, new Map(), preview, { category: options.category, channel: options.channel, minConfidence: min });
  for (const row of rows) io.out(`  ${rowLine(row, labels)}`);
  const toWrite = rowsToImport(rows);
  const left = rows.length - toWrite.length;
  io.out(`共 ${rows.length} 条意见：将导入 ${toWrite.length} 条，未导入 ${left} 条（待核对、不能导入、重复或无实质内容；请在软件的“导入 → 纸质征求意见表”中核对后导入）。`);

  if (options.dryRun) io.out('试运行（--dry-run）：未写入数据包。');
  else if (toWrite.length === 0) io.out('没有可导入的意见，数据包未改动。');
  else {
    const now = nowIso();
    const file = basename(files[0]!);
    const records = toWrite.map((r) => importedOpinion(r, { meetingId: meeting.id, actor: ACTOR, file, now }));
    const { opinions, problems } = finishImport(records, toWrite, preview.context, existing);
    if (problems.length > 0) throw new CliError(`有 ${problems.length} 条不能导入，未写入数据包：${problems.join('；')}`);
    const log = opinions.map((o) => changeEntry({ actor: ACTOR, entity: 'opinion', recordId: o.id, meetingId: meeting.id, action: 'import', summary: importSummary(o, labels.get(o.targetId) ?? o.targetId), at: now }));
    const images = opinionImagesOf(opinions, records, toWrite, { file, now });
    const next: PackageContent = { ...content, opinions: [...content.opinions, ...opinions], changeLog: [...content.changeLog, ...log], opinionImages: [...content.opinionImages, ...images] };
    await writeUserFile(options.packagePath, io.cwd, buildPackage(next, { appVersion: version, exportedAt: now }));
    io.out(`已写入 ${basename(options.packagePath)}：新增 ${opinions.length} 条意见（附 ${images.length} 张原件图像）。`);
  }
  return left > 0 || noForm > 0 ? EXIT_ROWS_REJECTED : EXIT_OK;
}

function rowLine(row: PreviewRow, labels: ReadonlyMap<string, string>): string {
  const o = row.opinion;
  const who = row.targetId !== undefined ? (labels.get(row.targetId) ?? o.label) : o.part === 'group' ? '领导班子' : o.label;
  const where = `${row.page.fileName}${/\.pdf$/i.test(row.page.fileName) ? ` 第${row.page.pageNumber}页` : ''} 第 ${o.row + 1} 行 · ${o.part === 'group' && o.label !== '' ? `${who}（${o.label}）` : who}`;
  const verdict =
    row.ticked ? '将导入'
    : !row.importable ? `不能导入：${row.problems.join('；')}`
    : row.doubtful.length > 0 ? '有待核对的字，未导入'
    : row.noOpinion ? '无实质内容，未导入'
    : '疑似小标题，未导入';
  return `${where}：${markDoubtful(row.text, row.doubtful)} → ${verdict}`;
}
