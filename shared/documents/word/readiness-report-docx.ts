// 征求意见情况报告: the readiness of a meeting as a GB/T 9704 document — totals collected and
// consolidated, the matrix of counts per target and source with the minimum, the opinions per
// channel, every shortfall and zero-opinion target in Chinese, 梳理 and 回应 where the meeting has them,
// 上年度整改落实情况 where last year's meeting registered items, the verdict, and the unit's 署名 above the date.
import type { FileChild } from 'docx';
import { ROSTER_EMPTY_MESSAGE } from '../../checks/readiness';
import { chineseDate, meetingHeading, type MeetingDocs } from '../meeting-docs';
import { sentence } from '../office-text';
import { docxBytes, FONT_SIZE, gbDocument, gbLayout, type FontMode, type GbLayout } from './layout';
import { subsections, type Subsection } from './subsections';
import type { ProblemDocs } from '../problem-docs';
import { consolidationBlocks } from './consolidation-blocks';
import { previousYearBlocks, type PreviousYear } from './previous-year-blocks';
import { consolidatedCell, consolidatedPhrase } from '../../consolidation/counts';

export interface ReportOptions {
  mode: FontMode;
  /** `YYYY-MM-DD`: the date under the report. */
  date: string;
  /** The meeting's 梳理 and problem lists: the report then gives the real 梳理 counts and the 回应 (coverage) part. */
  problems?: ProblemDocs;
  /**
   * Last year's meeting of the unit with its ledger (回头看): when it registered items, the report
   * gains 上年度整改落实情况 — how they ended, and those not closed with whether they were carried over.
   */
  previousYear?: PreviousYear;
}

/** `1（缺1）` for a cell below the minimum: the shortfall must show in black and white. */
export function matrixCellText(count: number, min: number): string {
  return count >= min ? String(count) : `${count}（缺${min - count}）`;
}

/** The verdict sentence of the report. */
export function verdictText(docs: MeetingDocs): string {
  const r = docs.readiness;
  return r.ready
    ? '经核查，各征求意见对象的各类来源意见均达到最低条数要求，没有“零意见”对象，可以召开专题民主生活会。'
    : `经核查，尚有${r.messages.length}项未达到要求，不得召开专题民主生活会，应补充征求意见后重新核查。`;
}

/** The body of the report, for reuse inside other documents. */
export function readinessReportBlocks(docs: MeetingDocs, options: ReportOptions): FileChild[] {
  const g = gbLayout(options.mode);
  const { unit, meeting } = docs.input;
  const r = docs.readiness;
  const rules = meeting.ruleSet;
  const pd = options.problems;
  const blocks: FileChild[] = [g.title(`${unit.name}\n${meetingHeading(meeting)}征求意见情况报告`), g.blank()];

  blocks.push(
    g.paragraph(
      `按照民主生活会会前征求意见工作要求，本次共向${rules.categories.length}类来源（${rules.categories.join('、')}）征求意见，每类至少${rules.minPerCategory}条。` +
        `截至${chineseDate(options.date)}，共收集意见建议${r.totals.raw}条，${pd ? '计入' : '梳理为'}${r.totals.counted}条` +
        (rules.excludeNonSubstantive
          ? `（其中无实质内容${r.totals.nonSubstantive}条、重复${r.totals.duplicates}条未计入）`
          : `（其中重复${r.totals.duplicates}条未计入；无实质内容${r.totals.nonSubstantive}条按本次规则计入）`) +
        (pd ? `，${consolidatedPhrase(pd.counts.total)}。` : '。'),
    ),
  );

  blocks.push(g.heading1(1, '征求意见统计'));
  blocks.push(
    g.paragraph(
      pd
        ? `表中数字为计入的条数（去除重复和无实质内容的意见后），每类至少${rules.minPerCategory}条；“缺”为距最低要求的差额，“收集”为收到的原始意见条数。`
        : `表中数字为梳理后计入的条数，每类至少${rules.minPerCategory}条；“缺”为距最低要求的差额，“收集”为梳理前的条数。`,
    ),
  );
  blocks.push(matrixTable(g, docs));
  blocks.push(g.blank());

  blocks.push(g.heading1(2, '征求方式分布'));
  blocks.push(
    g.table({
      header: ['征求方式', '收集（条）', '梳理后（条）'],
      widths: [2, 1, 1],
      sizePt: FONT_SIZE.小四,
      rows: pd
        ? [
            ...pd.counts.channels.filter((c) => c.collected > 0).map((c) => [c.channel, String(c.collected), consolidatedCell(c)]),
            ['合计', String(pd.counts.total.collected), consolidatedCell(pd.counts.total)],
          ]
        : [
            ...docs.channels.map((c) => [c.channel, String(c.collected), String(c.counted)]),
            ['合计', String(docs.channels.reduce((s, c) => s + c.collected, 0)), String(docs.channels.reduce((s, c) => s + c.counted, 0))],
          ],
    }),
  );
  // A consolidated opinion merging two channels counts under each, so the column may add up to more than 合计.
  if (pd && pd.counts.channels.reduce((s, c) => s + c.consolidated, 0) !== pd.counts.total.consolidated) {
    blocks.push(g.paragraph('一条梳理后意见合并了不同征求方式的意见时，在每种方式下各计一次，故各方式梳理后条数之和可能大于合计。'));
  }
  blocks.push(g.blank());

  blocks.push(g.heading1(3, '存在的问题'));
  blocks.push(...shortfallBlocks(g, docs));

  let h = 3;
  if (pd) blocks.push(...consolidationBlocks(g, pd, ++h), g.blank());
  const last = options.previousYear;
  if (last && last.last.summary.items > 0) blocks.push(...previousYearBlocks(g, last.last, last.carried, ++h), g.blank());
  blocks.push(g.heading1(++h, '结论'));
  // The conclusion stays on the page of the 署名.
  blocks.push(g.paragraph(verdictText(docs), { keepNext: true }));
  blocks.push(...g.signature(unit.name.trim(), chineseDate(options.date)));
  return blocks;
}

/** 计入 and 收集 of the columns shown: opinions in categories no longer required are not in them. */
function requiredRaw(t: { cells: ReadonlyArray<{ raw: number }> }): number {
  return t.cells.reduce((sum, c) => sum + c.raw, 0);
}

/** The matrix of counts per target and source (`0（缺2）` where short), with the counted and collected totals. */
export function matrixTable(g: GbLayout, docs: MeetingDocs): FileChild {
  const r = docs.readiness;
  const categories = docs.input.meeting.ruleSet.categories;
  return g.table({
    header: ['意见对象', ...categories, '计入', '收集'],
    // 五号 and these widths keep a four-character source name and `0（缺2）` on one line.
    widths: [35, ...categories.map(() => 19), 13, 13],
    sizePt: FONT_SIZE.五号,
    rows: r.targets.map((t) => [t.zero ? `${t.label}（零意见）` : t.label, ...t.cells.map((c) => matrixCellText(c.count, c.min)), String(t.required), String(requiredRaw(t))]),
  });
}

/** The zero-opinion targets and the shortfalls as numbered sentences, under （一）（二） when there are both. */
export function shortfallBlocks(g: GbLayout, docs: MeetingDocs): FileChild[] {
  const r = docs.readiness;
  if (r.messages.length === 0) return [g.paragraph('各征求意见对象均达到要求，未发现缺项和“零意见”对象。')];
  const numbered = (messages: readonly string[]) => messages.map((m, i) => g.numbered(i + 1, sentence(m)));
  const parts: Subsection[] = [];
  if (r.zeroTargets.length > 0 || r.rosterEmpty) {
    parts.push({
      title: `“零意见”对象（${r.zeroTargets.length}个）`,
      blocks: [...(r.rosterEmpty ? [g.paragraph(sentence(ROSTER_EMPTY_MESSAGE))] : []), ...numbered(r.zeroTargets.map((z) => z.message))],
    });
  }
  const rest = [...r.shortfalls.map((s) => s.message), ...r.providerShortfalls.map((p) => p.message)];
  if (rest.length > 0) parts.push({ title: `未达最低条数（${rest.length}项）`, blocks: numbered(rest) });
  return subsections(g, parts);
}

/** The readiness report as a .docx. */
export function readinessReportDocx(docs: MeetingDocs, options: ReportOptions): Promise<Uint8Array> {
  const heading = `${docs.input.unit.name}${meetingHeading(docs.input.meeting)}征求意见情况报告`;
  return docxBytes(gbDocument({ title: heading, mode: options.mode, internal: false, children: readinessReportBlocks(docs, options) }));
}
