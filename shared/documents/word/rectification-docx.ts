// The rectification documents: 整改清单 (for 公示: the published items with their account numbers,
// measures, standards, who is responsible, the time limit and the status, in landscape tables per
// target) and 整改落实情况报告 (for the superior: counts by status, per target, the overdue items,
// those due soon and last year's carried items, on GB/T 9704 portrait pages).
import type { FileChild } from 'docx';
import { LEDGER_STATUS_LABELS, LEDGER_STATUSES } from '../../model/ledger';
import { deadlineText } from '../../ledger/deadlines';
import { rowStatusLabel, type LedgerRow } from '../../ledger/view';
import { chineseDate, meetingHeading } from '../meeting-docs';
import { unitGroupName } from '../group-name';
import type { ProblemDocs } from '../problem-docs';
import { docxBytes, FONT_SIZE, gbDocument, gbLayout, type FontMode } from './layout';
import { landscapeDocument, landscapeTable } from './landscape';
import { deadlineCell } from './problem-list-docx';
import { previousYearBlocks } from './previous-year-blocks';

interface RectificationOptions {
  mode: FontMode;
  /** Last year's meeting of the unit (回头看): the report then opens with 上年度整改落实情况. */
  previous?: ProblemDocs;
}

/** The 整改清单 rows of one target: published items only (it is the public list). */
function publicRows(pd: ProblemDocs, targetId: string): LedgerRow[] {
  return pd.ledger.filter((r) => r.entry.targetId === targetId && r.problem.published);
}

/** 整改清单 (公示版) as a .docx: one landscape table per target with registered, published items. */
export function rectificationListDocx(pd: ProblemDocs, options: RectificationOptions): Promise<Uint8Array> {
  const g = gbLayout(options.mode);
  const { unit, meeting } = pd.docs.input;
  const title = `${unitGroupName(unit.name)}和班子成员\n${meetingHeading(meeting)}整改清单`;
  const blocks: FileChild[] = [g.title(title), g.blank()];
  const groups = pd.targets.map((t) => ({ target: t, rows: publicRows(pd, t.id) })).filter((x) => x.rows.length > 0);
  const total = groups.reduce((s, x) => s + x.rows.length, 0);
  blocks.push(g.paragraph(total > 0 ? `对${meetingHeading(meeting)}查摆的问题逐项建立整改台账，共${total}项，一个问题一个账号，逐项明确整改措施、整改标准、责任主体和完成时限。` : '暂无公示的整改事项。'));
  groups.forEach(({ target, rows }, i) => {
    blocks.push(g.heading1(i + 1, target.isGroup ? '领导班子' : `${target.label}`));
    blocks.push(
      landscapeTable(
        {
          header: ['序号', '账号', '问题', '整改措施', '整改标准', '责任领导', '责任单位/责任人', '完成时限', '整改状态'],
          widths: [2, 7, 11, 11, 7, 4, 5, 5, 4.5],
          align: ['center', 'center', 'left', 'left', 'left', 'center', 'center', 'center', 'center'],
          rows: rows.map((r, n) => [String(n + 1), accountCell(r.entry.accountNumber), r.problem.description, r.problem.measures, r.problem.standard, r.problem.leader, r.problem.responsible, deadlineCell(r.problem), rowStatusLabel(r)]),
        },
        options.mode,
      ),
    );
  });
  return docxBytes(landscapeDocument({ title: title.replace('\n', ''), mode: options.mode, internal: false, sections: [blocks] }));
}

/** An account number for a narrow cell: the line breaks after the year and unit, never inside a part. */
const accountCell = (n: string) => n.replace(/^(\d{4}-[^-]+-)/, '$1\n');

/** The opening sentence of the report: items, closed, and the 销号率. */
function rectificationSummarySentence(pd: ProblemDocs): string {
  const s = pd.summary;
  const heading = meetingHeading(pd.docs.input.meeting);
  if (s.items === 0) return `${heading}查摆的问题尚未挂号建账。`;
  const parts = [...LEDGER_STATUSES.filter((k) => s.byStatus[k] > 0).map((k) => `${LEDGER_STATUS_LABELS[k]}${s.byStatus[k]}项`), ...(s.carried > 0 ? [`已结转下一年度${s.carried}项`] : [])];
  return (
    `${heading}共查摆问题并挂号建账${s.items}项。截至${chineseDate(pd.input.today)}，${parts.join('，')}，销号率${s.closedPercent}%` +
    (s.overdue > 0 ? `；逾期未完成${s.overdue}项` : '；无逾期未完成事项') +
    (s.dueSoon > 0 ? `，7日内到期${s.dueSoon}项。` : '。')
  );
}

/** 整改落实情况报告 as a .docx (portrait, for the superior). */
export function rectificationReportDocx(pd: ProblemDocs, options: RectificationOptions): Promise<Uint8Array> {
  const g = gbLayout(options.mode);
  const { unit, meeting } = pd.docs.input;
  const s = pd.summary;
  const title = `${unitGroupName(unit.name)}\n${meetingHeading(meeting)}整改落实情况报告`;
  const blocks: FileChild[] = [g.title(title), g.blank(), g.paragraph(rectificationSummarySentence(pd))];
  let h = 0;
  if (options.previous) blocks.push(...previousYearBlocks(g, options.previous, pd.ledger.map((r) => r.entry), ++h));

  blocks.push(g.heading1(++h, '整改总体情况'));
  blocks.push(
    g.table({
      header: ['整改状态', '项数'],
      widths: [3, 1],
      sizePt: FONT_SIZE.小四,
      // 已结转 items are out of byStatus (counted in the later year); listed so the rows add up to 合计.
      rows: [...LEDGER_STATUSES.map((k) => [LEDGER_STATUS_LABELS[k], String(s.byStatus[k])]), ...(s.carried > 0 ? [['已结转下一年度', String(s.carried)]] : []), ['合计', String(s.items)]],
    }),
  );
  blocks.push(g.blank());

  blocks.push(g.heading1(++h, '分对象整改情况'));
  if (s.targets.length === 0) blocks.push(g.paragraph('尚无挂号的整改事项。'));
  else {
    // With items carried into next year a row's 问题数 is more than 已销号 + open: 已结转 says where the rest went.
    const carried = s.carried > 0;
    blocks.push(
      g.table({
        header: ['对象', '问题数', '已销号', ...(carried ? ['已结转'] : []), '逾期', '销号率'],
        widths: [4, 1.4, 1.4, ...(carried ? [1.4] : []), 1.2, 1.4],
        sizePt: FONT_SIZE.小四,
        rows: s.targets.map((t) => [t.label, String(t.items), String(t.closed), ...(carried ? [String(t.carried)] : []), String(t.overdue), `${t.closedPercent}%`]),
      }),
    );
  }
  blocks.push(g.blank());

  blocks.push(g.heading1(++h, '逾期未完成事项'));
  const overdue = pd.ledger.filter((r) => r.deadline.kind === 'overdue');
  if (overdue.length === 0) blocks.push(g.paragraph('无逾期未完成事项。'));
  overdue.forEach((r, i) => blocks.push(g.numbered(i + 1, rowSentence(r))));

  const soon = pd.ledger.filter((r) => r.deadline.kind === 'due-soon');
  if (soon.length > 0) {
    blocks.push(g.heading1(++h, '7日内到期事项'));
    soon.forEach((r, i) => blocks.push(g.numbered(i + 1, rowSentence(r))));
  }

  const carried = pd.ledger.filter((r) => r.entry.carriedFrom);
  if (carried.length > 0) {
    blocks.push(g.heading1(++h, options.previous ? '上年度结转事项本年度整改情况' : '上年度整改事项落实情况'));
    const open = carried.filter((r) => r.entry.status !== 'closed').length;
    blocks.push(g.paragraph(`上年度未销号事项结转${carried.length}项，已销号${carried.length - open}项，仍在整改或长期坚持${open}项。`));
    carried.forEach((r, i) => blocks.push(g.numbered(i + 1, `${rowSentence(r).slice(0, -1)}，原账号${r.entry.carriedFrom!.accountNumber}）`)));
  }

  blocks.push(g.blank());
  blocks.push(g.right(unitGroupName(unit.name)));
  blocks.push(g.right(chineseDate(pd.input.today)));
  return docxBytes(gbDocument({ title: title.replace('\n', ''), mode: options.mode, internal: false, children: blocks }));
}

/**
 * `李四（副局长）：问题……（账号2025-财政局-李四-001，完成时限2026年2月15日，逾期21天，整改中）` — the
 * account number goes in the bracket: after the item number `1.` it would read as a decimal.
 */
function rowSentence(r: LedgerRow): string {
  const limit = r.problem.longTerm ? '长期坚持' : chineseDate(r.problem.deadline);
  const late = deadlineText(r.deadline);
  return `${r.targetLabel}：${r.problem.description}（账号${r.entry.accountNumber}，完成时限${limit}${late ? `，${late}` : ''}，${LEDGER_STATUS_LABELS[r.entry.status]}）`;
}
