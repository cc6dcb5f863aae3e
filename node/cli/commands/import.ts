import { basename } from 'node:path';
import { orderedMembers, targetLabels } from '#shared/meeting/roster';
import { FIELD_LABELS, IMPORT_FIELDS, type ImportField } from '#shared/import/fields';
import { findTables, type FieldColumns, type WorkbookLayout } from '#shared/import/find-table';
import { columnIndex, columnLetter, sheetNoun } from '#shared/import/grid';
import { MAX_IMPORT_BYTES } from '#shared/import/limits';
import { describeProblems, FIXED_FIELDS, initialChoices, planImport, sheetColumns, withColumn, type FixedField, type ImportChoices, type ImportPlan } from '#shared/import/plan';
import { finishImport, importedOpinion, importSummary } from '#shared/import/records';
import { leftOutNote } from '#shared/import/sheet-scope';
import { changeEntry } from '#shared/model/change-log';
import { matchCategory, matchChannel, matchDate, matchDimension, matchTarget, type Match, type RosterEntry } from '#shared/import/values';
import type { Meeting } from '#shared/model/types';
import { buildPackage, type PackageContent } from '#shared/package/format';
import { nowIso } from '#shared/util/ids';
import { version } from '../../../package.json';
import { CliError, EXIT_OK, EXIT_ROWS_REJECTED } from '../errors';
import { loadPackage, readUserFile, writeUserFile, type CliIo } from '../io';
import { readInThread } from '../read-in-thread';
import { importScans, isScanName } from './import-scans';
import { DEFAULT_MIN_CONFIDENCE } from '#shared/ocr/plan';

export const IMPORT_HELP = `import SPREADSHEET --package PACKAGE --meeting ID [--dry-run] [--set 项目=值]… [--column 项目=列]… [--include-sheet 名称]… [--sheet 名称]…
import SCAN… --package PACKAGE --meeting ID [--dry-run] [--min-confidence 0.9] [--set 意见来源=值] [--set 征求方式=值]
    把表格（.xlsx、.xls、.et、.ods、.csv/.txt，UTF-8、GBK 或 UTF-16；或含意见表格的 Word 文档 .docx，每个表格
    按一个工作表读取）中的意见导入数据包中的一次会议。先列出预览：
    将添加、重复跳过、无实质内容和有误的行（逐行写明文件、工作表、行、列和原因）；
    不加 --dry-run 时把可添加的意见写入数据包（新文件完整写好后才替换原文件）。
    退出码：全部行都可导入（或已跳过）为 0；有行因错误未导入为 1（其余行照常写入，
    改正后再导入一次即可，已导入的行会作为重复跳过）；输入有误为 2（数据包不变）。
    --dry-run               只预览，不写入
    --set 项目=值            表中没有该列时整个文件使用的值，如 --set 征求方式=问卷调查
    --column 项目=列         指定某项对应的列，如 --column 意见对象=A（所有工作表）
    --include-no-opinion    也导入“无”“暂无”等无实质内容的行（保存但不计数）
    --include-sheet 名称     也导入这个工作表：上年度的意见、其他工作表的副本或备份、汇总/统计表默认不导入，预览中逐一说明原因
    --sheet 名称             只导入指定的工作表（可多次使用；指定的工作表即使判断为往年的意见或副本也导入）
    SCAN 为纸质征求意见表的扫描件或照片（.png、.jpg，或扫描仪生成的 .pdf，可多个）：离线识别后按软件预览的规则检查，
    只写入对象、来源、方式都能匹配、不重复、没有把握不大的字（低于 --min-confidence，默认 ${DEFAULT_MIN_CONFIDENCE}）的意见；
    其余逐条列出原因，请在软件的“导入 → 纸质征求意见表”中核对后导入。
    项目：${IMPORT_FIELDS.map((f) => FIELD_LABELS[f]).join('、')}`;

export interface ImportOptions {
  packagePath: string;
  meetingId: string;
  dryRun: boolean;
  set: string[];
  column: string[];
  includeNoOpinion: boolean;
  /** Sheets read besides those judged this meeting's (judgeSheets). */
  includeSheet: string[];
  /** When given, only these sheets are read. */
  sheet: string[];
  /** Paper forms only: characters below it are doubtful, and a row with one is not written. */
  minConfidence?: string;
}

const ACTOR = '命令行导入';

/** `import`: the same preview as the app, then (without --dry-run) the package rewritten atomically with the new opinions. */
export async function importCommand(files: readonly string[], options: ImportOptions, io: CliIo): Promise<number> {
  const scans = files.filter(isScanName);
  if (scans.length > 0 && scans.length < files.length) throw new CliError('表格文件和纸质表的扫描件请分开导入');
  if (scans.length === 0 && files.length > 1) throw new CliError('一次导入一个表格文件');
  if (scans.length === 0 && options.minConfidence !== undefined) throw new CliError('--min-confidence 只用于纸质征求意见表的扫描件');
  const spreadsheet = files[0]!;
  const pkg = await loadPackage(options.packagePath, io.cwd);
  const content = pkg.content;
  const meeting = content.meetings.find((m) => m.id === options.meetingId && !m.deletedAt);
  if (!meeting) throw new CliError(`数据包中没有编号为“${options.meetingId}”的会议。${meetingList(content)}`);
  const unit = content.units.find((u) => u.id === meeting.unitId);
  const members = orderedMembers(content.members.filter((m) => m.meetingId === meeting.id));
  const roster: RosterEntry[] = members.map((m) => ({ id: m.id, name: m.name, position: m.position }));
  const labels = targetLabels(members);
  const existing = content.opinions.filter((o) => o.meetingId === meeting.id && !o.deletedAt);
  if (scans.length > 0) {
    if (options.column.length > 0 || options.includeNoOpinion) throw new CliError('纸质征求意见表的扫描件不用 --column 和 --include-no-opinion');
    if (options.sheet.length > 0 || options.includeSheet.length > 0) throw new CliError('纸质征求意见表的扫描件没有工作表，不用 --sheet 和 --include-sheet');
    const fixed: { category?: string; channel?: string } = {};
    for (const text of options.set) {
      const [field, value] = parsePair('--set', text);
      if (field !== 'category' && field !== 'channel') throw new CliError(`纸质征求意见表的扫描件只能用 --set 意见来源=… 和 --set 征求方式=…（收到“${text}”）`);
      fixed[field] = value;
    }
    return importScans(scans, { content, meeting, members, existing }, { packagePath: options.packagePath, dryRun: options.dryRun, minConfidence: options.minConfidence, ...fixed }, io);
  }

  const file = basename(spreadsheet);
  const read = await readInThread(await readUserFile(spreadsheet, io.cwd, MAX_IMPORT_BYTES), file);
  if (!read.ok) throw new CliError(read.error);
  const layout = findTables(read.workbook, roster, meeting.ruleSet);
  const noun = sheetNoun(read.workbook);
  if (layout.tables.length === 0) {
    throw new CliError(
      noun === '表格'
        ? `“${file}”中没有找到意见表：文档中的表格都没有表头（如“意见对象”“意见来源”“意见建议”），请在 Word 中给意见表加上表头行后再导入`
        : `“${file}”中没有找到意见表：每个工作表都没有表头（如“意见对象”“意见来源”“意见建议”）`,
    );
  }
  const choices = { ...applyOptions(initialChoices(layout, meeting.ruleSet), layout, options, meeting, roster), sheets: chosenSheets(layout, options) };
  const plan = planImport(read.workbook, layout, choices, { ruleSet: meeting.ruleSet, dimensions: meeting.dimensions, members: roster, existing, period: { year: meeting.year, plannedDate: meeting.plannedDate } });

  io.out(`文件：${file}（${read.workbook.format}）`);
  io.out(`会议：${unit?.name ?? ''} · ${meeting.title}`);
  const included = new Set(plan.sheets.filter((s) => s.included).map((s) => s.sheet));
  for (const table of layout.tables.filter((t) => included.has(t.sheet))) io.out(mappingLine(noun, table.sheet, table.headerLastRow, sheetColumns(table, choices), table.columns.map((c) => c.label)));
  for (const [field, value] of Object.entries(choices.fixed) as Array<[FixedField, string]>) {
    io.out(`统一的${FIELD_LABELS[field]}：${field === 'target' ? (labels.get(value) ?? value) : value}`);
  }
  for (const line of sheetLines(plan, noun)) io.out(`说明：${line}`);
  for (const note of plan.notes) io.out(`说明：${note}`);
  io.out(summaryLine(plan));
  if (plan.rejected.length > 0) {
    io.out('有误的行：');
    for (const row of plan.rejected) for (const line of describeProblems(file, row, noun)) io.out(`  - ${line}`);
  }

  if (included.size === 0) {
    throw new CliError(`没有导入任何意见：“${file}”中的意见表都不是本次会议的（原因见上面的说明），数据包未改动；如确需导入请加 --include-sheet 名称`);
  }
  if (options.dryRun) io.out('试运行（--dry-run）：未写入数据包。');
  else if (plan.toAdd.length === 0) io.out('没有可添加的意见，数据包未改动。');
  else {
    const now = nowIso();
    const records = plan.toAdd.map((r) => importedOpinion(r, { meetingId: meeting.id, actor: ACTOR, file, now }));
    // The same last step as the app's: stored with cleaned fields, repeats left out.
    const context = { ruleSet: meeting.ruleSet, dimensions: meeting.dimensions, memberIds: new Set(members.map((m) => m.id)) };
    const { opinions, problems } = finishImport(records, plan.toAdd, context, existing);
    if (problems.length > 0) throw new CliError(`有 ${problems.length} 行不能导入，未写入数据包：${problems.join('；')}`);
    const log = opinions.map((o) => changeEntry({ actor: ACTOR, entity: 'opinion', recordId: o.id, meetingId: meeting.id, action: 'import', summary: importSummary(o, labels.get(o.targetId) ?? o.targetId), at: now }));
    const next: PackageContent = { ...content, opinions: [...content.opinions, ...opinions], changeLog: [...content.changeLog, ...log] };
    await writeUserFile(options.packagePath, io.cwd, buildPackage(next, { appVersion: version, exportedAt: now }));
    io.out(`已写入 ${basename(options.packagePath)}：新增 ${opinions.length} 条意见。`);
  }
  return plan.rejected.length > 0 ? EXIT_ROWS_REJECTED : EXIT_OK;
}

/** --sheet and --include-sheet as the sheets chosen; a name that is no opinion table of the file is a CliError. */
function chosenSheets(layout: WorkbookLayout, options: Pick<ImportOptions, 'sheet' | 'includeSheet'>): Record<string, boolean> {
  const tables = layout.tables.map((t) => t.sheet);
  for (const [option, names] of [['--sheet', options.sheet], ['--include-sheet', options.includeSheet]] as const) {
    for (const name of names) {
      if (tables.includes(name)) continue;
      const skipped = layout.skipped.find((s) => s.sheet === name);
      throw new CliError(`${option} ${name}：${skipped ? `工作表“${name}”${skipped.reason.replace(/，未导入$/, '')}，不能导入` : `文件中没有名为“${name}”的意见表`}。可选的工作表：${tables.map((t) => `“${t}”`).join('、')}`);
    }
  }
  const sheets: Record<string, boolean> = {};
  if (options.sheet.length > 0) for (const t of tables) sheets[t] = options.sheet.includes(t);
  for (const name of options.includeSheet) sheets[name] = true;
  return sheets;
}

/** What became of each sheet the judgement or the options left out, or read though judged another's. */
function sheetLines(plan: ImportPlan, noun: string): string[] {
  return plan.sheets.flatMap((s) => {
    // A Word table is 表格“…”; a file's one unnamed table has no name to quote.
    const which = s.sheet === '' ? '表格' : `${noun}“${s.sheet}”`;
    if (!s.included && !s.chosen) return [leftOutNote(s, `如确需导入请加 --include-sheet ${shellWord(s.sheet)}`)];
    if (!s.included) return [`${which}不在 --sheet 指定的${noun}中，未导入`];
    if (s.chosen && s.reason) return [`${which}按指定导入（${s.reason}）`];
    return [];
  });
}

/** A sheet name as the shell takes it: `2024年度`, or `'Sheet1 (2)'`. */
function shellWord(name: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

function meetingList(content: PackageContent): string {
  const live = content.meetings.filter((m) => !m.deletedAt);
  if (live.length === 0) return '数据包中没有会议。';
  const units = new Map(content.units.map((u) => [u.id, u.name]));
  return `数据包中的会议：\n${live.map((m) => `  ${m.id}  ${units.get(m.unitId) ?? ''} · ${m.title}`).join('\n')}`;
}

function summaryLine(plan: ImportPlan): string {
  return `共 ${plan.total} 行：将添加 ${plan.toAdd.length} 条，重复跳过 ${plan.duplicates} 条，无实质内容跳过 ${plan.nonSubstantive} 条，有误 ${plan.rejected.length} 行。`;
}

function mappingLine(noun: string, sheet: string, headerRow: number, columns: FieldColumns, labels: string[]): string {
  const pairs = (Object.entries(columns) as Array<[ImportField, number]>)
    .sort((a, b) => a[1] - b[1])
    .map(([field, c]) => `${columnLetter(c)} 列“${labels[c] ?? ''}”→${FIELD_LABELS[field]}`);
  return `${sheet ? `${noun}“${sheet}”` : '表格'}（表头第 ${headerRow} 行）：${pairs.length > 0 ? pairs.join('，') : '没有识别出任何列'}`;
}

const FIELD_BY_LABEL = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((f) => [[FIELD_LABELS[f], f] as [string, ImportField], [f, f] as [string, ImportField]]));

function parsePair(option: string, text: string): [ImportField, string] {
  const at = text.indexOf('=');
  const field = FIELD_BY_LABEL.get(text.slice(0, at).trim());
  if (at < 0 || !field) throw new CliError(`${option} 的写法应为“项目=值”，项目为：${IMPORT_FIELDS.map((f) => FIELD_LABELS[f]).join('、')}（收到“${text}”）`);
  return [field, text.slice(at + 1).trim()];
}

/** The command line's --set and --column on top of what was found in the file; a bad value is a CliError. */
function applyOptions(start: ImportChoices, layout: WorkbookLayout, options: ImportOptions, meeting: Meeting, roster: RosterEntry[]): ImportChoices {
  let choices: ImportChoices = { ...start, fixed: { ...start.fixed }, keepNonSubstantive: options.includeNoOpinion };
  for (const text of options.set) {
    const [field, value] = parsePair('--set', text);
    if (!(FIXED_FIELDS as readonly string[]).includes(field)) throw new CliError(`--set 不能设置“${FIELD_LABELS[field]}”`);
    const match: Match =
      field === 'target' ? matchTarget(value, '', roster)
      : field === 'category' ? matchCategory(value, meeting.ruleSet.categories)
      : field === 'channel' ? matchChannel(value, meeting.ruleSet.channels)
      : field === 'dimension' ? matchDimension(value, meeting.dimensions)
      : field === 'receivedDate' ? matchDate(value, undefined)
      : { ok: true, value };
    if (!match.ok) throw new CliError(`--set ${text}：${match.reason}`);
    choices.fixed[field as FixedField] = match.value;
  }
  for (const text of options.column) {
    const [field, letters] = parsePair('--column', text);
    const c = columnIndex(letters);
    if (c < 0) throw new CliError(`--column ${text}：“${letters}”不是列名（应为 A、B、C …）`);
    choices = withColumn(choices, layout.tables, c, field);
  }
  return choices;
}
