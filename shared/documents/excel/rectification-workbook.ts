// 整改台账 as a workbook: every field of every registered item (overdue rows red, due soon amber),
// the progress log on its own sheet, the status history, and the counts. Printable on A4
// landscape; every text cell is text, never a formula.
import ExcelJS from 'exceljs';
import { LEDGER_STATUS_LABELS, LEDGER_STATUSES } from '../../model/ledger';
import { deadlineText } from '../../ledger/deadlines';
import { rowStatusLabel } from '../../ledger/view';
import { meetingHeading } from '../meeting-docs';
import { deadlineLabel, type ProblemDocs } from '../problem-docs';
import { DOCUMENT_CREATOR } from '../word/layout';
import { SHORT_FILL, SHORT_FONT_COLOR, writeRow, type CellLook } from './cells';
import { addTableSheet } from './table-sheet';

const LEDGER_SHEETS = { entries: '整改台账', progress: '进展情况', history: '状态记录', summary: '统计' } as const;

const OVERDUE_LOOK: CellLook = { fill: SHORT_FILL, font: { name: '宋体', size: 11, color: SHORT_FONT_COLOR } };
const DUE_SOON_LOOK: CellLook = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } };

/** The rectification ledger as .xlsx bytes. */
export async function rectificationWorkbookXlsx(pd: ProblemDocs): Promise<Uint8Array> {
  const { unit, meeting } = pd.docs.input;
  const heading = `${unit.name}${meetingHeading(meeting)}`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = DOCUMENT_CREATOR;
  workbook.lastModifiedBy = DOCUMENT_CREATOR;
  workbook.title = `${heading}整改台账`;
  const stamp = new Date(`${pd.input.today}T00:00:00Z`);
  workbook.created = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  workbook.modified = workbook.created;
  const rows = pd.ledger;

  addTableSheet(workbook, {
    name: LEDGER_SHEETS.entries,
    title: `${heading}整改台账（截至${pd.input.today}）`,
    columns: [
      { header: '账号', width: 16, wrap: true },
      { header: '责任对象', width: 10, wrap: true },
      { header: '问题', width: 26, wrap: true },
      { header: '所属方面', width: 12, wrap: true },
      { header: '问题来源', width: 8, wrap: true },
      { header: '整改措施', width: 24, wrap: true },
      { header: '整改标准', width: 16, wrap: true },
      { header: '责任领导', width: 7, wrap: true },
      { header: '责任单位/责任人', width: 10, wrap: true },
      { header: '完成时限', width: 13, wrap: true, center: true },
      { header: '状态', width: 7, wrap: true, center: true },
      { header: '逾期情况', width: 8, wrap: true, center: true },
      { header: '最新进展', width: 22, wrap: true },
      // The four 销号 fields in one cell: a column each made the sheet too wide to print legibly on A4.
      { header: '销号情况（日期、佐证材料、存放位置、审核人）', width: 24, wrap: true },
      { header: '备注', width: 12, wrap: true },
    ],
    rows: rows.map((r) => {
      const last = r.progress.at(-1);
      const c = r.entry.closure;
      const notes = [
        r.entry.carriedFrom ? `上年度结转，原账号${r.entry.carriedFrom.accountNumber}` : '',
        // 回头看 carried it on: tracked and counted in the later year (as the 整改落实情况报告 says, 已结转本年度).
        r.state === 'carried' ? `已结转下一年度，新账号${r.carriedTo}（结转时${LEDGER_STATUS_LABELS[r.entry.status]}）` : '',
        r.problem.note,
      ].filter((x) => x !== '');
      return [
        r.entry.accountNumber,
        r.targetLabel,
        r.problem.description,
        r.problem.dimension,
        r.problem.sources.join('、'),
        r.problem.measures,
        r.problem.standard,
        r.problem.leader,
        r.problem.responsible,
        deadlineLabel(r.problem),
        rowStatusLabel(r),
        deadlineText(r.deadline),
        last ? `${last.date}：${last.text}` : '',
        c ? `销号日期：${c.date}\n佐证材料：${c.evidence}\n存放位置：${c.evidenceLocation}\n审核人：${c.approver}` : '',
        notes.join('；'),
      ];
    }),
    rowLook: (i) => (rows[i]!.deadline.kind === 'overdue' ? OVERDUE_LOOK : rows[i]!.deadline.kind === 'due-soon' ? DUE_SOON_LOOK : undefined),
  });

  const progress = rows.flatMap((r) => r.progress.map((p) => ({ r, p })));
  const progressSheet = addTableSheet(workbook, {
    name: LEDGER_SHEETS.progress,
    title: `${heading}整改进展情况`,
    columns: [
      { header: '账号', width: 22, wrap: true },
      { header: '责任对象', width: 14, wrap: true },
      { header: '问题', width: 34, wrap: true },
      { header: '日期', width: 12, center: true },
      { header: '进展情况', width: 50, wrap: true },
      { header: '填报人', width: 10, wrap: true },
    ],
    rows: progress.map(({ r, p }) => [r.entry.accountNumber, r.targetLabel, r.problem.description, p.date, p.text, p.by]),
  });
  // A printed header over nothing reads as a sheet that lost its rows: say that none was reported.
  if (progress.length === 0) {
    progressSheet.mergeCells(3, 1, 3, 6);
    writeRow(progressSheet, 3, ['尚无整改进展记录。'], { font: { name: '宋体', size: 11 } });
  }

  const history = rows.flatMap((r) => r.entry.history.map((h) => ({ r, h })));
  addTableSheet(workbook, {
    name: LEDGER_SHEETS.history,
    title: `${heading}整改状态记录`,
    columns: [
      { header: '账号', width: 22, wrap: true },
      { header: '责任对象', width: 14, wrap: true },
      { header: '时间', width: 18, center: true },
      { header: '原状态', width: 10, center: true },
      { header: '新状态', width: 10, center: true },
      { header: '操作人', width: 12, wrap: true },
      { header: '理由', width: 40, wrap: true },
    ],
    rows: history.map(({ r, h }) => [r.entry.accountNumber, r.targetLabel, h.at.slice(0, 16).replace('T', ' '), LEDGER_STATUS_LABELS[h.from], LEDGER_STATUS_LABELS[h.to], h.by, h.reason]),
  });

  const s = pd.summary;
  addTableSheet(workbook, {
    name: LEDGER_SHEETS.summary,
    title: `${heading}整改统计（截至${pd.input.today}）`,
    columns: [
      { header: '对象', width: 18, wrap: true },
      { header: '问题数', width: 9, center: true },
      ...LEDGER_STATUSES.map((k) => ({ header: LEDGER_STATUS_LABELS[k], width: 10, center: true })),
      ...(s.carried > 0 ? [{ header: '已结转', width: 10, center: true }] : []),
      { header: '逾期', width: 8, center: true },
      { header: '销号率', width: 9, center: true },
    ],
    rows: [
      ...s.targets.map((t) => {
        const mine = rows.filter((r) => r.entry.targetId === t.targetId && r.state !== 'carried');
        return [t.label, t.items, ...LEDGER_STATUSES.map((k) => mine.filter((r) => r.entry.status === k).length), ...(s.carried > 0 ? [t.carried] : []), t.overdue, `${t.closedPercent}%`];
      }),
      ['合计', s.items, ...LEDGER_STATUSES.map((k) => s.byStatus[k]), ...(s.carried > 0 ? [s.carried] : []), s.overdue, `${s.closedPercent}%`],
    ],
    rowLook: (i) => (i < s.targets.length && s.targets[i]!.overdue > 0 ? OVERDUE_LOOK : undefined),
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
