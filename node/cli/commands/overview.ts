import { displayWidth } from '#shared/documents/excel/cells';
import { overviewFile } from '#shared/documents/excel/overview-file';
import { warningRows } from '#shared/documents/audit-docs';
import { meetingHeading } from '#shared/documents/meeting-docs';
import { isValidDate } from '#shared/model/drafts';
import { latestPackages } from '#shared/package/latest-packages';
import { combinePackages } from '#shared/package/merge';
import { superviseContent } from '#shared/supervision/content-overview';
import { coverageCell, preparationText, rectificationCells, RECTIFICATION_HEADERS, warningsCell } from '#shared/supervision/overview-cells';
import { copyPairs, copyPairText } from '#shared/supervision/copy-pairs';
import { yearNote } from '#shared/supervision/overview-years';
import { filterOverview, overviewTotals, statusText, STATUS_LABELS, STATUS_ORDER, type OverviewRow } from '#shared/supervision/overview';
import { VERDICT_LABELS } from '#shared/supervision/audit';
import { todayDate } from '#shared/util/ids';
import { CliError, EXIT_OK } from '../errors';
import { loadPackage, writeUserFile, type CliIo } from '../io';

export const OVERVIEW_HELP = `overview PACKAGE… [--xlsx FILE] [--group 督导组] [--year 年度] [--date YYYY-MM-DD]
    督导总览：列出数据包中每个单位的会议及其状态（未就绪、零意见、可以召开、已审核通过、退回整改），
    零意见对象、意见条数、意见回应、雷同与疑似抄袭等警示（跨数据包比对）、整改（挂号、已销号、已结转、
    逾期、销号率）、会前准备和最近的审核结论，与应用中的督导总览同列同算。
    同一数据包给了两次只计一次；同一单位较晚导出的数据包取代较早的（均另行注明）。
    --xlsx   同时写出督导总览 Excel（一个单位一行，另有“警示明细”表；上述注明事项列在表下“说明”中）
    --group  只列该督导组的单位；--year 只列该年度的会议（没有该年度会议的单位另行注明）
    --date   Excel 中的日期（默认今天）
    输入有误时退出码为 2，否则为 0。`;

export interface OverviewOptions {
  xlsx: string | undefined;
  group: string | undefined;
  year: string | undefined;
  date: string | undefined;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** The app's 督导总览 columns, every group shown, each cell by the shared overview cells. */
function table(rows: readonly OverviewRow[]): string[] {
  const header = ['序号', '单位（班子）', '督导组', '年度', '状态', '零意见对象', '计入/收集', '意见回应', '警示', ...RECTIFICATION_HEADERS, '会前准备', '最近审核'];
  const lines = rows.map((r, i) => {
    return [
      String(i + 1),
      r.unitName,
      r.supervisoryGroup || '—',
      String(r.year),
      statusText(r),
      r.zeroTargets.join('、') || '—',
      `${r.counted}/${r.raw}`,
      coverageCell(r),
      warningsCell(r),
      ...rectificationCells(r.rectification).map(String),
      preparationText(r),
      r.lastAudit ? `${VERDICT_LABELS[r.lastAudit.verdict]}（${r.lastAudit.auditor}）` : '未审核',
    ];
  });
  const widths = header.map((h, c) => Math.min(40, Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l[c]!)))));
  const format = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : pad(cell, widths[c]!))).join('  ');
  return [format(header), ...lines.map(format)];
}

/** `overview`: the table of units from one or more packages, and the Excel overview with `--xlsx`. */
export async function overviewCommand(packages: string[], options: OverviewOptions, io: CliIo): Promise<number> {
  const date = options.date ?? todayDate();
  if (!isValidDate(date)) throw new CliError(`日期“${date}”格式不正确，应为 YYYY-MM-DD`);
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2200)) throw new CliError(`年度“${options.year}”不正确，应为四位年份`);
  if (options.xlsx !== undefined && !/\.xlsx$/i.test(options.xlsx)) throw new CliError('--xlsx 的文件名应以 .xlsx 结尾');

  // Every package is read and checked before anything is written: bad input changes nothing.
  const loaded = [];
  for (const file of packages) {
    const pkg = await loadPackage(file, io.cwd);
    loaded.push({ name: file, exportedAt: pkg.exportedAt, checksum: pkg.checksum.value, content: pkg.content });
  }
  // A package sent twice counts once; a unit's package sent again replaces its earlier one.
  const chosen = latestPackages(loaded);
  const combined = combinePackages(chosen.kept);
  if (!combined.ok) throw new CliError(combined.error);
  const supervision = superviseContent(combined.content);
  const inGroup = filterOverview(supervision.rows, { group: options.group });
  const rows = filterOverview(inGroup, { year });
  const years = yearNote(inGroup, year);
  if (rows.length === 0) throw new CliError(supervision.rows.length === 0 ? '数据包中没有会议' : `没有符合条件的会议${years ? `（${years}）` : ''}`);

  for (const line of table(rows)) io.out(line);
  const t = overviewTotals(rows);
  const notes = years ? [...chosen.notes, years] : chosen.notes;
  if (notes.length > 0) {
    io.out('');
    for (const note of notes) io.out(`注意：${note}。`);
  }
  io.out('');
  io.out(`共 ${t.units} 个单位、${t.meetings} 次会议：${STATUS_ORDER.map((s) => `${STATUS_LABELS[s]} ${t.byStatus[s]}`).join('，')}${t.stalePasses > 0 ? `（其中 ${t.stalePasses} 次审核通过后数据已变更）` : ''}。`);
  io.out(`意见收集 ${t.raw} 条，计入 ${t.counted} 条；疑似抄袭 ${t.warnings['cross-unit']} 条，雷同 ${t.warnings['cross-target']} 处。`);
  const shown = new Set(rows.map((r) => r.meetingId));
  const unitNames = new Map(supervision.rows.map((r) => [r.unitId, r.unitName]));
  const pairs = copyPairs(supervision.warnings, (id) => unitNames.get(id) ?? '').filter((p) => p.meetings.some((m) => shown.has(m)));
  if (pairs.length > 0) {
    io.out(`疑似抄袭涉及 ${pairs.length} 对单位（各方相同或相近的意见条数${options.xlsx === undefined ? '；原文见 --xlsx 的“警示明细”' : '，原文见“警示明细”'}）：`);
    for (const pair of pairs) io.out(`  ${copyPairText(pair)}`);
  }
  const rect = t.rectification;
  if (rect.items + rect.carried > 0) io.out(`整改挂号 ${rect.items} 项，已销号 ${rect.closed} 项，逾期 ${rect.overdue} 项，销号率 ${rect.closedPercent}%${rect.carried > 0 ? `；另有 ${rect.carried} 项已结转下一年度（计入下一年度）` : ''}。`);

  if (options.xlsx !== undefined) {
    const title = (meetingId: string) => {
      const m = supervision.meetings.get(meetingId);
      return m ? meetingHeading(m) : '';
    };
    const warnings = warningRows(
      supervision.warnings.filter((w) => shown.has(w.a.meetingId)),
      supervision.labels,
      title,
    );
    // The workbook carries the same notes under 说明: it travels without the terminal's output.
    const pairNote = pairs.length > 0 ? [`疑似抄袭涉及 ${pairs.length} 对单位（各方相同或相近的意见条数，原文见“警示明细”）：${pairs.map(copyPairText).join('；')}`] : [];
    const file = await overviewFile(rows, warnings, { date, notes: [...notes, ...pairNote].map((n) => `${n}。`) });
    const written = await writeUserFile(options.xlsx, io.cwd, file.data);
    io.out(`已写出督导总览：${written}`);
  }
  return EXIT_OK;
}
