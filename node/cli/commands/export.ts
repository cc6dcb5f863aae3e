import { mkdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { meetingFolderName } from '#shared/documents/file-names';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { ledgerFile } from '#shared/documents/excel/ledger-file';
import { entriesOfLiveMeetings } from '#shared/ledger/deadlines';
import { wordFiles, type OutputFile } from '#shared/documents/meeting-files';
import type { FontMode } from '#shared/documents/word/layout';
import { isValidDate } from '#shared/model/drafts';
import { todayDate } from '#shared/util/ids';
import { describeFsError } from '../../files/atomic-write';
import { CliError, EXIT_OK } from '../errors';
import { writeFolderAtomic } from '../../files/write-folder';
import { loadLatestPackages, type CliIo } from '../io';
import { hasFollowUp, meetingViews, problemDocsOf, type MeetingContent } from '../meetings';
import { combinedProblemListFile, problemWordFiles } from '#shared/documents/problem-files';
import { problemWorkbookFile } from '#shared/documents/excel/problem-file';
import { previousYearFinder } from '../previous-year';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { rectificationListFile, rectificationReportFile } from '#shared/documents/rectification-files';
import { rectificationWorkbookFile } from '#shared/documents/excel/rectification-file';
import { groupBy } from '#shared/util/group-by';

export const EXPORT_HELP = `export PACKAGE… --out DIR [--word] [--excel] [--internal] [--fonts official|compatible] [--date YYYY-MM-DD]
    为数据包中的每次会议导出文件，每次会议一个文件夹（如“2025年度-某某局”）：
    Word：领导班子和每位班子成员的征求意见建议清单（逐人一个文件，按排序编号）、全部清单合一、征求意见情况报告；
    Excel：意见建议汇总台账（含提出方，内部资料）、统计、缺项清单。
    有查摆问题的会议另有两张清单：班子问题清单和个人问题清单（公示版逐人一个文件及合为一个文件，
    工作版合为一个文件，内部资料），Excel 问题清单及意见回应情况；征求意见情况报告列出梳理和回应情况；
    同一数据包中有上年度会议且其建立了整改台账的，征求意见情况报告另列上年度整改落实情况。
    已挂号建立整改台账的会议另有：Word 整改清单（公示版，有公示的事项时）、整改落实情况报告，Excel 整改台账。
    --word / --excel  只导出 Word 或 Excel（都不指定时两者都导出）
    --internal        清单中列出意见提出方并标注“内部资料”（默认不列提出方）
    --fonts           official（方正小标宋简体、仿宋_GB2312 等，默认）或 compatible（宋体、仿宋、楷体、黑体）
    --date            文件中的日期（默认今天）`;

export interface ExportOptions {
  out: string | undefined;
  word: boolean;
  excel: boolean;
  internal: boolean;
  fonts: string | undefined;
  date: string | undefined;
}

/** `export`: the Word and Excel files of every meeting in the packages, one folder per meeting. */
export async function exportCommand(packages: string[], options: ExportOptions, io: CliIo): Promise<number> {
  // Options are checked before any package is read (exportContents checks them again, for callers of its own).
  if (options.out === undefined || options.out.trim() === '') throw new CliError('请用 --out 指定输出文件夹');
  fontMode(options.fonts);
  if (options.date !== undefined && !isValidDate(options.date)) throw new CliError(`日期“${options.date}”格式不正确，应为 YYYY-MM-DD`);

  // Every package is read and checked before anything is written: bad input changes nothing.
  const loaded: MeetingContent[] = [];
  for (const { content } of await loadLatestPackages(packages, io.cwd, io.out)) loaded.push(content);
  return exportContents(loaded, options, io);
}

/** `export` over loaded contents (packages', or content built in memory). */
export async function exportContents(loaded: readonly MeetingContent[], options: ExportOptions, io: CliIo): Promise<number> {
  if (options.out === undefined || options.out.trim() === '') throw new CliError('请用 --out 指定输出文件夹');
  const mode = fontMode(options.fonts);
  const date = options.date ?? todayDate();
  if (!isValidDate(date)) throw new CliError(`日期“${date}”格式不正确，应为 YYYY-MM-DD`);
  const word = options.word || !options.excel;
  const excel = options.excel || !options.word;
  const views = loaded.flatMap((content) => {
    const own = meetingViews(content);
    const previousYear = previousYearFinder(content, own, date);
    const entries = groupBy(content.ledgerEntries, (e) => e.meetingId);
    const progress = groupBy(content.progressEntries, (p) => p.meetingId);
    return own.map((view) => ({ ...view, previousYear: previousYear(view), entries: entries.get(view.meeting.id) ?? [], laterEntries: entriesOfLiveMeetings(content.ledgerEntries, content.meetings), progress: progress.get(view.meeting.id) ?? [] }));
  });
  if (views.length === 0) throw new CliError('数据包中没有会议，未写入任何文件');

  const out = resolve(io.cwd, options.out);
  // Every document is built before anything is written: a failure while building writes nothing.
  const batches: Array<{ label: string; folder: string; files: OutputFile[] }> = [];
  // 公示版 written while the app would say 暂不能公示 (an item not 五个明确, opinions unanswered …).
  const notPublishable: string[] = [];
  for (const view of views) {
    const docs = prepareMeetingDocs({ unit: view.unit, meeting: view.meeting, members: view.members, opinions: view.opinions }, view.view);
    // A meeting with 梳理 or problem records: its report gives the real 梳理 counts and coverage, and the 两张清单 are written.
    const pd = hasFollowUp(view) ? problemDocsOf(view, date) : undefined;
    const hasItems = pd !== undefined && pd.lists.some((l) => l.items.length > 0);
    const files: OutputFile[] = [];
    const reportParts = { ...(pd ? { problems: pd } : {}), ...(view.previousYear ? { previousYear: view.previousYear } : {}) };
    if (word) files.push(...(await wordFiles(docs, { internal: options.internal, mode, date, ...reportParts })));
    if (word && hasItems) {
      if (pd.lists.some((l) => l.items.some((p) => p.published))) {
        files.push(...(await problemWordFiles(pd, { mode, publicVersion: true })));
        if (!pd.publication.ready) notPublishable.push(`注意：${view.unit.name} · ${view.meeting.title}的两张清单暂不能公示：${pd.publication.reasons.join('；')}。`);
      }
      files.push(await combinedProblemListFile(pd, { mode, publicVersion: false }));
    }
    if (excel) files.push(await ledgerFile(docs, { date }));
    if (excel && hasItems) files.push(await problemWorkbookFile(pd, { date }));
    // A meeting with a 整改台账: the files the app's 整改清单与整改台账 card writes, judged on --date.
    if (pd && view.entries.some((e) => !e.deletedAt)) {
      const ledger = prepareProblemDocs({ docs, consolidated: view.consolidated, problems: view.problems, entries: view.entries, laterEntries: view.laterEntries, progress: view.progress, previousProblems: view.previousYear?.last.input.problems ?? [], today: date });
      if (word && ledger.ledger.some((r) => r.problem.published)) files.push(await rectificationListFile(ledger, { mode }));
      if (word) files.push(await rectificationReportFile(ledger, { mode, ...(view.previousYear ? { previous: view.previousYear.last } : {}) }));
      if (excel) files.push(await rectificationWorkbookFile(ledger));
    }
    batches.push({ label: `${view.unit.name} · ${view.meeting.title}`, folder: meetingFolderName(docs), files });
  }
  await ensureFolder(out, options.out);
  let written = 0;
  for (const batch of batches) {
    // Each meeting's folder whole or not at all, its names within 255 bytes and distinct; an
    // existing folder of the same name is left alone (the new one is named （2）).
    let result;
    try {
      result = await writeFolderAtomic(out, batch.folder, batch.files);
    } catch (e) {
      throw new CliError(`${describeFsError(e, join(out, batch.folder))}${written > 0 ? `此前已导出的 ${written} 个文件保留在“${options.out}”中；` : ''}该会议的文件未写入。`);
    }
    if (result.files.length !== batch.files.length) throw new CliError(`“${relative(io.cwd, result.folder)}”中只有 ${result.files.length} 个文件，应为 ${batch.files.length} 个`);
    written += result.files.length;
    io.out(`${batch.label}：${result.files.length} 个文件 → ${relative(io.cwd, result.folder) || '.'}`);
  }
  io.out('');
  io.out(`共导出 ${batches.length} 次会议、${written} 个文件。`);
  if (excel) io.out('注意：汇总台账列有意见提出方，属内部资料，不得提供给被征求意见对象。');
  if (word && options.internal) io.out('注意：本次导出的清单列有意见提出方（内部资料），不得提供给被征求意见对象。');
  if (word && batches.some((b) => b.files.some((f) => f.name.includes('工作版')))) io.out('注意：问题清单工作版含原因剖析和内部备注，属内部资料；公示请用公示版。');
  for (const line of notPublishable) io.out(line);
  return EXIT_OK;
}

export function fontMode(value: string | undefined): FontMode {
  if (value === undefined || value === 'official') return 'official';
  if (value === 'compatible') return 'compatible';
  throw new CliError(`--fonts 只能是 official 或 compatible，而不是“${value}”`);
}

export async function ensureFolder(path: string, shown: string): Promise<void> {
  try {
    const info = await stat(path).catch((e: { code?: string }) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
    if (info && !info.isDirectory()) throw new CliError(`“${shown}”已存在且不是文件夹`);
    if (!info) await mkdir(path, { recursive: true });
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(describeFsError(e, path));
  }
}
