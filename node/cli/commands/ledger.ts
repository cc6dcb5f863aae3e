import { basename, extname } from 'node:path';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { meetingHeading } from '#shared/documents/meeting-docs';
import { prepareProblemDocs, type ProblemDocs } from '#shared/documents/problem-docs';
import { safeFileName } from '#shared/documents/file-names';
import { entriesOfLiveMeetings } from '#shared/ledger/deadlines';
import { ledgerExitCode, ledgerListing } from '#shared/ledger/listing';
import type { LedgerEntry, ProgressEntry } from '#shared/model/ledger';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import { isValidDate } from '#shared/model/drafts';
import type { PackageContent } from '#shared/package/format';
import { groupBy } from '#shared/util/group-by';
import { resetClock, setClock, today } from '#shared/util/clock';
import { CliError } from '../errors';
import { loadLatestPackages, writeUserFile, type CliIo } from '../io';
import { meetingViews } from '../meetings';

export const LEDGER_HELP = `ledger PACKAGE… [--xlsx FILE] [--overdue] [--date YYYY-MM-DD]
    整改台账：列出数据包中每个会议的整改事项（账号、责任对象、状态、完成时限、是否逾期）。
    --overdue  只列逾期未销号的事项
    --date     以该日判断逾期（默认今天）
    --xlsx     同时写出整改台账 Excel（含进展情况、状态记录；多个会议时每个会议一个文件，文件名后加单位和年度）
    没有逾期事项时退出码为 0，有逾期事项时为 1，输入有误时为 2（可用于计划任务）。`;

interface LedgerOptions {
  xlsx: string | undefined;
  overdue: boolean;
  date: string | undefined;
}

/** The ledger records a package carries (format 2); a package without them (format 1) has none. */
interface LedgerRecords {
  consolidatedOpinions: ConsolidatedOpinion[];
  problems: ProblemItem[];
  ledgerEntries: LedgerEntry[];
  progressEntries: ProgressEntry[];
}

function ledgerRecordsOf(content: PackageContent): LedgerRecords {
  // Until the package format carries them, these lists are absent; read them where present.
  const c: Partial<LedgerRecords> = content as PackageContent & Partial<LedgerRecords>;
  return { consolidatedOpinions: c.consolidatedOpinions ?? [], problems: c.problems ?? [], ledgerEntries: c.ledgerEntries ?? [], progressEntries: c.progressEntries ?? [] };
}

/** Each live meeting of the contents with a ledger, prepared as the app prepares its documents. */
function ledgerDocsOf(contents: readonly PackageContent[], day: string): ProblemDocs[] {
  const out: ProblemDocs[] = [];
  const allEntries = contents.flatMap((c) => entriesOfLiveMeetings(ledgerRecordsOf(c).ledgerEntries, c.meetings));
  for (const content of contents) {
    const records = ledgerRecordsOf(content);
    const by = <T extends { meetingId: string }>(rows: readonly T[]) => groupBy(rows, (r) => r.meetingId);
    const [consolidated, problems, entries, progress] = [by(records.consolidatedOpinions), by(records.problems), by(records.ledgerEntries), by(records.progressEntries)];
    for (const m of meetingViews(content)) {
      const own = entries.get(m.meeting.id) ?? [];
      if (!own.some((e) => !e.deletedAt)) continue;
      const docs = prepareMeetingDocs({ unit: m.unit, meeting: m.meeting, members: m.members, opinions: m.opinions }, m.view);
      out.push(
        prepareProblemDocs({
          docs,
          consolidated: consolidated.get(m.meeting.id) ?? [],
          problems: problems.get(m.meeting.id) ?? [],
          entries: own,
          // Every package's entries: a later meeting's 回头看 marks what it carries as 已结转 here.
          laterEntries: allEntries,
          progress: progress.get(m.meeting.id) ?? [],
          today: day,
        }),
      );
    }
  }
  return out;
}

/** `台账.xlsx` for one meeting; `台账-某某局-2025年度.xlsx` for each of several. */
function workbookPath(path: string, pd: ProblemDocs, several: boolean): string {
  if (!several) return path;
  const ext = extname(path);
  return path.slice(0, path.length - ext.length) + `-${safeFileName(`${pd.docs.input.unit.name}-${pd.docs.input.meeting.year}年度`)}${ext}`;
}

/** Lists the ledgers of the contents (already read and checked) and writes the workbooks; returns the exit code. */
export async function ledgerReport(contents: readonly PackageContent[], options: LedgerOptions, io: CliIo): Promise<number> {
  if (options.date === undefined) return listAndWrite(contents, options, io);
  if (!isValidDate(options.date)) throw new CliError(`日期“${options.date}”格式不正确，应为 YYYY-MM-DD`);
  // The one clock of the domain: every rule judges overdue on this day (back to the system time after, for callers in-process).
  setClock(options.date);
  try {
    return await listAndWrite(contents, options, io);
  } finally {
    resetClock();
  }
}

async function listAndWrite(contents: readonly PackageContent[], options: LedgerOptions, io: CliIo): Promise<number> {
  const day = today();
  const ledgers = ledgerDocsOf(contents, day);
  const listing = ledgerListing(
    ledgers.map((pd) => ({ heading: `${pd.docs.input.unit.name}${meetingHeading(pd.docs.input.meeting)}`, rows: pd.ledger })),
    { overdueOnly: options.overdue },
  );
  io.out(`整改台账（以 ${day} 判断逾期）`);
  for (const line of listing.lines) io.out(line);
  if (options.xlsx !== undefined) {
    if (ledgers.length === 0) io.out('没有挂号的整改事项，未写出整改台账。');
    const { rectificationWorkbookXlsx } = await import('#shared/documents/excel/rectification-workbook');
    for (const pd of ledgers) {
      const written = await writeUserFile(workbookPath(options.xlsx, pd, ledgers.length > 1), io.cwd, await rectificationWorkbookXlsx(pd));
      io.out(`已写出整改台账：${written}`);
    }
  }
  return ledgerExitCode(listing);
}

/** `ledger`: reads and checks every package first (bad input changes nothing), then lists and writes. */
export async function ledgerCommand(packages: string[], options: LedgerOptions, io: CliIo): Promise<number> {
  if (options.xlsx !== undefined && !/\.xlsx$/i.test(options.xlsx)) throw new CliError('--xlsx 的文件名应以 .xlsx 结尾');
  if (options.date !== undefined && !isValidDate(options.date)) throw new CliError(`日期“${options.date}”格式不正确，应为 YYYY-MM-DD`);
  const contents: PackageContent[] = [];
  for (const { content } of await loadLatestPackages(packages, io.cwd, io.out)) contents.push(content);
  if (contents.every((c) => c.meetings.length === 0)) throw new CliError(`数据包中没有会议：${packages.map((p) => basename(p)).join('、')}`);
  return ledgerReport(contents, options, io);
}
