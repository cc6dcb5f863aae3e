// The 督导审核意见's section on 会前准备 and the 对照检查材料: the checklist as a table (事项, 完成情况,
// 依据), then each person's material — how many opinions it takes up, the share of problems and causes,
// every warning, and copied paragraphs with both texts side by side. The audit report appends these
// blocks in the integration step; `preMeetingDocx` renders them alone for review and tests.
import type { FileChild } from 'docx';
import { MATERIAL_COPY_LABELS } from '../../materials/copies';
import type { MaterialReview } from '../../materials/review';
import { talkCoverageSentence, type TalkCoverage, type TalkMatrix } from '../../talks/coverage';
import { CHECKLIST_STATUS_LABELS, type PreMeetingChecklist } from '../../supervision/pre-meeting';
import { docxBytes, FONT_SIZE, gbDocument, gbLayout, type FontMode, type GbLayout } from './layout';

/** Quotes longer than this are cut in the document (the Excel list has them whole). */
const MAX_QUOTE = 120;
const cut = (s: string) => ([...s].length > MAX_QUOTE ? `${[...s].slice(0, MAX_QUOTE).join('')}…` : s);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `会前准备情况` (first-level heading `n`) with the checklist table. */
export function checklistBlocks(g: GbLayout, checklist: PreMeetingChecklist, n: number): FileChild[] {
  return [
    g.heading1(n, '会前准备情况'),
    g.paragraph(`${checklist.summary}。`),
    g.table({
      header: ['序号', '事项', '完成情况', '依据'],
      widths: [7, 16, 13, 64],
      align: ['center', 'center', 'center', 'left'],
      sizePt: FONT_SIZE.五号,
      rows: checklist.items.map((i, k) => [String(k + 1), i.label, CHECKLIST_STATUS_LABELS[i.status], i.evidence.join('\n')]),
    }),
  ];
}

/** `对照检查材料审核情况` (first-level heading `n`): one second-level heading per person. */
export function materialBlocks(g: GbLayout, reviews: readonly MaterialReview[], n: number): FileChild[] {
  const blocks: FileChild[] = [g.heading1(n, '对照检查材料审核情况')];
  const submitted = reviews.filter((r) => r.material);
  const warned = submitted.filter((r) => r.warnings.length > 0);
  blocks.push(g.paragraph(`应提交对照检查材料${reviews.length}份，已提交${submitted.length}份，其中${warned.length}份存在需要修改的问题。`));
  reviews.forEach((r, i) => {
    blocks.push(g.heading2(i + 1, r.label));
    if (!r.material || !r.report) {
      blocks.push(g.paragraph('尚未提交对照检查材料。'));
      return;
    }
    const rep = r.report;
    const taken = rep.answers.filter((a) => a.taken).length;
    blocks.push(
      g.paragraph(
        `材料《${r.material.title || '（无标题）'}》。` +
          (rep.answers.length === 0 ? '尚无梳理后的意见和查摆问题可供比对；' : `征求到的意见和查摆问题${rep.answers.length}条，材料中体现${taken}条；`) +
          `查摆问题和剖析原因约占全文${pct(rep.problemShare)}，讲成绩约占${pct(rep.achievementShare)}。` +
          (r.warnings.length === 0 ? '未发现问题。' : `发现以下问题：`),
      ),
    );
    let k = 0;
    for (const w of r.warnings.filter((x) => x.kind !== 'copy')) {
      // The missing dimensions are already named in the message; other warnings quote the text.
      const shown = w.kind === 'dimension-missing' ? [] : w.quotes.slice(0, 3).map((q) => `“${cut(q)}”`);
      const more = shown.length > 0 && w.quotes.length > 3 ? `等${w.quotes.length}处` : '';
      blocks.push(g.numbered(++k, w.message, shown.length > 0 ? `（如：${shown.join('；')}${more}）` : undefined));
    }
    if (r.copies.length > 0) {
      blocks.push(g.numbered(++k, `有${r.copies.length}段文字与其他材料相同或近似，对照如下：`));
      blocks.push(
        g.table({
          header: ['本材料段落', '相同或近似的段落', '相似度'],
          widths: [44, 44, 12],
          align: ['left', 'left', 'center'],
          sizePt: FONT_SIZE.五号,
          rows: r.copies.map((c) => [cut(c.a.text), `${MATERIAL_COPY_LABELS[c.kind]}：${c.b.label}\n${cut(c.b.text)}`, c.similarity >= 1 ? '相同' : pct(c.similarity)]),
        }),
      );
    }
  });
  return blocks;
}

const MONTH_DAY = (d: string) => `${Number(d.slice(5, 7))}.${Number(d.slice(8, 10))}`;

/** `谈心谈话情况` (first-level heading `n`): the member matrix (first date, 未谈, 免) and each member's department heads. */
export function talkBlocks(g: GbLayout, matrix: TalkMatrix, coverage: Pick<TalkCoverage, 'required' | 'missing'>, n: number): FileChild[] {
  const name = (label: string) => label.replace(/（.*$/, '');
  const cell = (c: TalkMatrix['cells'][number][number]) =>
    c.kind === 'self' ? '—' : c.kind === 'not-required' ? '' : c.waived && !c.done ? '免' : c.done ? MONTH_DAY(c.date ?? '') : '未谈';
  const heads = (i: number) =>
    matrix.departments[i]!.map((d) => `${d.department}${d.done ? `（${d.names.join('、') || '已谈'}）` : d.waived ? '（免）' : '（未谈）'}`).join('；');
  return [
    g.heading1(n, '谈心谈话情况'),
    g.paragraph(`${talkCoverageSentence(coverage)}。表中为首次谈话日期（月.日）。`),
    g.table({
      header: ['', ...matrix.members.map((m) => name(m.label)), '分管部门负责人'],
      widths: [10, ...matrix.members.map(() => 7), 30],
      align: ['left', ...matrix.members.map(() => 'center' as const), 'left'],
      sizePt: FONT_SIZE.五号,
      rows: matrix.members.map((m, i) => [name(m.label), ...matrix.cells[i]!.map(cell), heads(i)]),
    }),
  ];
}

/** The sections as a document of their own (title, the checklist, the talks when given, the materials). */
export function preMeetingDocx(input: {
  title: string;
  checklist: PreMeetingChecklist;
  reviews: readonly MaterialReview[];
  talks?: { matrix: TalkMatrix; coverage: Pick<TalkCoverage, 'required' | 'missing'> };
  mode: FontMode;
}): Promise<Uint8Array> {
  const g = gbLayout(input.mode);
  const children: FileChild[] = [g.title(`${input.title}\n会前准备和对照检查材料审核情况`), g.blank(), ...checklistBlocks(g, input.checklist, 1), g.blank()];
  if (input.talks) children.push(...talkBlocks(g, input.talks.matrix, input.talks.coverage, 2), g.blank());
  children.push(...materialBlocks(g, input.reviews, input.talks ? 3 : 2));
  return docxBytes(gbDocument({ title: `${input.title}会前准备审核情况`, mode: input.mode, internal: true, children }));
}
