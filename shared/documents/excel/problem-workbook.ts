// The problem workbook of a meeting: 问题清单 (every item with all its fields and the checks' marks),
// 关联意见 (every consolidated opinion with its raw count, sources and channels, and how it is
// answered) and 回应情况 (coverage per target, then the unanswered opinions). No providers: the
// workbook is not an internal document. Printable on A4 landscape.
import ExcelJS from 'exceljs';
import { answerText } from '../../problems/coverage';
import { repeatText } from '../../problems/repeat';
import { countSentence } from '../../consolidation/counts';
import { meetingHeading } from '../meeting-docs';
import { deadlineLabel, type ProblemDocs } from '../problem-docs';
import { DOCUMENT_CREATOR } from '../word/layout';
import { SHORT_FILL, SHORT_FONT_COLOR } from './cells';
import { addTableSheet } from './table-sheet';

const PROBLEM_SHEETS = { items: '问题清单', opinions: '关联意见', coverage: '回应情况' } as const;

/** `领导班子-3`, `李四-2`: an item's reference across the whole meeting. */
function problemRef(pd: ProblemDocs, problemId: string): string {
  for (const l of pd.lists) if (l.items.some((p) => p.id === problemId)) return `${l.target.isGroup ? '班子' : l.target.name}第${pd.numbers.get(problemId)}项`;
  return '';
}

/** The problem workbook as .xlsx bytes. `date` (`YYYY-MM-DD`) stamps its creation. */
export async function problemWorkbookXlsx(pd: ProblemDocs, options: { date: string }): Promise<Uint8Array> {
  const { unit, meeting } = pd.docs.input;
  const heading = `${unit.name}${meetingHeading(meeting)}`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = DOCUMENT_CREATOR;
  workbook.lastModifiedBy = DOCUMENT_CREATOR;
  workbook.title = `${heading}问题清单`;
  const stamp = new Date(`${options.date}T00:00:00Z`);
  workbook.created = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  workbook.modified = workbook.created;

  const refs = new Map<string, string>();
  for (const l of pd.lists) for (const p of l.items) refs.set(p.id, problemRef(pd, p.id));
  const items = pd.lists.flatMap((l) => l.items.map((p) => ({ l, p })));
  const incompleteRows = new Set<number>();
  addTableSheet(workbook, {
    name: PROBLEM_SHEETS.items,
    title: `${heading}问题清单`,
    columns: [
      { header: '对象', width: 14, wrap: true },
      { header: '序号', width: 5, center: true },
      { header: '所属方面', width: 12, wrap: true },
      { header: '问题表现', width: 26, wrap: true },
      { header: '问题来源', width: 8, wrap: true },
      { header: '关联意见', width: 6, center: true },
      { header: '原因剖析', width: 16, wrap: true },
      { header: '整改措施', width: 22, wrap: true },
      { header: '整改目标/标准', width: 14, wrap: true },
      { header: '责任领导', width: 7, wrap: true },
      { header: '责任部门/责任人', width: 10, wrap: true },
      { header: '完成时限', width: 11, wrap: true, center: true },
      { header: '公示', width: 5, center: true },
      { header: '五个明确', width: 12, wrap: true },
      { header: '提示', width: 14, wrap: true },
      { header: '备注', width: 10, wrap: true },
    ],
    rows: items.map(({ l, p }, i) => {
      const gap = pd.incomplete.get(p.id);
      if (gap) incompleteRows.add(i);
      const repeat = pd.repeats.get(p.id);
      const prev = repeat ? pd.previous.get(repeat.previousId) : undefined;
      const hints = [...(repeat && prev ? [repeatText(repeat, prev)] : []), ...(p.carriedFrom ? ['上年度结转'] : [])];
      return [l.target.label, pd.numbers.get(p.id)!, p.dimension, p.description, p.sources.join('、'), p.consolidatedIds.length, p.causes, p.measures, p.standard, p.leader, p.responsible, deadlineLabel(p), p.published ? '是' : '否', gap ? `缺少${gap.missing.join('、')}` : '齐全', hints.join('；'), p.note];
    }),
    rowLook: (i) => (incompleteRows.has(i) ? { fill: SHORT_FILL, font: { name: '宋体', size: 11, color: SHORT_FONT_COLOR } } : undefined),
  });

  const rawById = new Map(pd.docs.opinions.map((o) => [o.id, o]));
  const opinions = pd.lists.flatMap((l) =>
    [...pd.consolidated.values()]
      .filter((c) => c.targetId === l.target.id)
      .sort((a, b) => a.order - b.order)
      .map((c, n) => ({ l, c, n: n + 1 })),
  );
  const unanswered = new Set<number>();
  addTableSheet(workbook, {
    name: PROBLEM_SHEETS.opinions,
    title: `${heading}梳理后意见及回应情况`,
    columns: [
      { header: '对象', width: 14, wrap: true },
      { header: '序号', width: 6, center: true },
      { header: '梳理后意见', width: 44, wrap: true },
      { header: '所属方面', width: 18, wrap: true },
      { header: '原始条数', width: 8, center: true },
      { header: '来源类别', width: 16, wrap: true },
      { header: '征求方式', width: 16, wrap: true },
      { header: '回应情况', width: 30, wrap: true },
    ],
    rows: opinions.map(({ l, c, n }, i) => {
      const sources = c.sourceIds.map((id) => rawById.get(id)).filter((o) => o !== undefined);
      const answer = pd.coverage.answers.get(c.id) ?? { kind: 'none' as const };
      if (answer.kind === 'none') unanswered.add(i);
      const linked = answer.kind === 'problems' ? `已列入问题清单：${answer.problemIds.map((id) => refs.get(id) ?? '').filter((s) => s !== '').join('、')}` : answerText(answer);
      return [l.target.label, n, c.text, c.dimension, sources.length, [...new Set(sources.map((o) => o.category))].join('、'), [...new Set(sources.map((o) => o.channel))].join('、'), linked];
    }),
    rowLook: (i) => (unanswered.has(i) ? { fill: SHORT_FILL, font: { name: '宋体', size: 11, color: SHORT_FONT_COLOR } } : undefined),
  });

  const c = pd.coverage;
  const short = new Set<number>();
  addTableSheet(workbook, {
    name: PROBLEM_SHEETS.coverage,
    title: `${heading}意见回应情况（${countSentence(pd.counts.total, true)}）`,
    columns: [
      { header: '对象', width: 18, wrap: true },
      { header: '收集（条）', width: 10, center: true },
      { header: '梳理后（条）', width: 12, center: true },
      { header: '其中未梳理', width: 11, center: true },
      { header: '已回应', width: 10, center: true },
      { header: '未回应', width: 10, center: true },
      { header: '回应率', width: 10, center: true },
      { header: '未回应的意见', width: 60, wrap: true },
    ],
    rows: [
      ...c.targets.map((t, i) => {
        if (t.unanswered.length > 0) short.add(i);
        const counted = pd.counts.targets.find((x) => x.targetId === t.targetId);
        return [t.label, counted?.collected ?? 0, counted?.consolidated ?? t.total, counted?.pending ?? 0, t.answered, t.total - t.answered, rate(t), t.unanswered.map((u, n) => `${n + 1}. ${u.text}`).join('\n')];
      }),
      ['合计', pd.counts.total.collected, pd.counts.total.consolidated, pd.counts.total.pending, c.answered, c.total - c.answered, rate(c), ''],
    ],
    rowLook: (i) => (short.has(i) ? { fill: SHORT_FILL, font: { name: '宋体', size: 11, color: SHORT_FONT_COLOR } } : undefined),
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** 回应率 of a row: — where there is nothing to answer (as the report's table has it), never 100% of nothing. */
const rate = (c: { total: number; percent: number }) => (c.total === 0 ? '—' : `${c.percent}%`);
