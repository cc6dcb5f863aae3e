// `audit-report`: the 督导审核意见 (Word) of every meeting in the packages, as the app's 审核 tab
// exports it — what is missing, every warning (疑似抄袭 compared across all the packages given), the
// 会前准备 check where the package carries its records, and every verdict — so a supervisory group
// drafts its 督导意见 for hundreds of units from the command line.
import { join, resolve } from 'node:path';
import { auditReportFileName } from '#shared/documents/audit-docs';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { auditReportDocx } from '#shared/documents/word/audit-report-docx';
import { isValidDate } from '#shared/model/drafts';
import { combinePackages } from '#shared/package/merge';
import { superviseContent } from '#shared/supervision/content-overview';
import { verdictFingerprint } from '#shared/supervision/fingerprint';
import { todayDate } from '#shared/util/ids';
import { CliError, EXIT_OK } from '../errors';
import { loadLatestPackages, writeUserFile, type CliIo } from '../io';
import { preMeetingOfPackages } from '../pre-meeting';
import { ensureFolder, fontMode } from './export';

export const AUDIT_REPORT_HELP = `audit-report PACKAGE… --out 文件夹 [--group 督导组] [--year 年度] [--fonts official|compatible] [--date YYYY-MM-DD]
    每次会议的督导审核意见（Word），与应用“审核”页导出的相同：缺项、各项警示（疑似抄袭在所给的全部数据包间比对）、
    会前准备（数据包中有其记录时）和历次审核结论；不列意见提出方。
    输入有误时退出码为 2，否则为 0。`;

interface AuditReportCommandOptions {
  out: string | undefined;
  group: string | undefined;
  year: string | undefined;
  fonts: string | undefined;
  date: string | undefined;
}

export async function auditReportCommand(packages: string[], options: AuditReportCommandOptions, io: CliIo): Promise<number> {
  if (options.out === undefined || options.out.trim() === '') throw new CliError('请用 --out 指定保存督导审核意见的文件夹');
  const mode = fontMode(options.fonts);
  const date = options.date ?? todayDate();
  if (!isValidDate(date)) throw new CliError(`日期“${date}”格式不正确，应为 YYYY-MM-DD`);
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2200)) throw new CliError(`年度“${options.year}”不正确，应为四位年份`);

  const contents = await loadLatestPackages(packages, io.cwd, io.out);
  const combined = combinePackages(contents.map(({ file, content }) => ({ name: file, content })));
  if (!combined.ok) throw new CliError(combined.error);
  const supervision = superviseContent(combined.content);
  const summaries = new Map(supervision.summaries.map((s) => [s.meetingId, s]));
  const meetings = preMeetingOfPackages(contents).filter((m) => (options.group === undefined || m.unit.supervisoryGroup === options.group) && (year === undefined || m.meeting.year === year));
  if (meetings.length === 0) throw new CliError('没有符合条件的会议');

  const folder = resolve(io.cwd, options.out);
  await ensureFolder(folder, options.out);
  for (const m of meetings) {
    const summary = summaries.get(m.meeting.id);
    if (!summary) continue;
    const docs = prepareMeetingDocs({ unit: m.unit, meeting: m.meeting, members: m.members, opinions: m.opinions }, m.view);
    const bytes = await auditReportDocx(
      {
        docs,
        warnings: supervision.warnings.filter((w) => w.a.meetingId === m.meeting.id),
        labels: supervision.labels,
        audits: combined.content.audits.filter((a) => a.meetingId === m.meeting.id),
        fingerprint: verdictFingerprint(summary),
        ...(m.carried ? { preMeeting: m.review } : {}),
      },
      { mode, date },
    );
    const written = await writeUserFile(join(folder, auditReportFileName(docs)), io.cwd, bytes);
    io.out(`${m.unit.name} · ${m.meeting.title}：${written}`);
  }
  io.out(`共写出 ${meetings.length} 份督导审核意见。`);
  return EXIT_OK;
}
