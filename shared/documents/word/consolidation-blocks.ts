// The 梳理 and 回应 part of a report: per target how many opinions were collected, what they were
// consolidated into, how many are answered, and which are not — for the 征求意见情况报告 (the next
// step appends these blocks to it) and any report that must show that opinions were used.
import type { FileChild } from 'docx';
import { consolidatedCell, countSentence } from '../../consolidation/counts';
import { coverageSentence } from '../../problems/coverage';
import type { ProblemDocs } from '../problem-docs';
import { FONT_SIZE, type GbLayout } from './layout';

/** A first-level heading numbered `n`, a sentence, the table per target, and the unanswered opinions. */
export function consolidationBlocks(g: GbLayout, pd: ProblemDocs, n: number): FileChild[] {
  const c = pd.coverage;
  const blocks: FileChild[] = [g.heading1(n, '意见梳理和回应情况')];
  // Nothing consolidated: countSentence already says 尚未梳理, and there is nothing to answer yet.
  blocks.push(g.paragraph(`共${countSentence(pd.counts.total)}${c.total > 0 ? `；${coverageSentence(c)}` : ''}。`));
  blocks.push(
    g.table({
      header: ['意见对象', '收集', '梳理为', '已回应', '回应率'],
      widths: [4, 1.3, 1.3, 1.3, 1.3],
      sizePt: FONT_SIZE.小四,
      rows: c.targets.map((t) => {
        const k = pd.counts.targets.find((x) => x.targetId === t.targetId);
        return [t.label, String(k?.collected ?? 0), k ? consolidatedCell(k) : String(t.total), t.total === 0 ? '—' : `${t.answered}/${t.total}`, t.total === 0 ? '—' : `${t.percent}%`];
      }),
    }),
  );
  const open = c.targets.flatMap((t) => t.unanswered.map((u) => `${t.label}：${u.text}`));
  if (open.length > 0) {
    // A lone （一） is not used (GB/T 9704 practice): the list follows a sentence instead.
    blocks.push(g.paragraph(`尚未回应的意见${open.length}条：`, { keepNext: true }));
    open.forEach((text, i) => blocks.push(g.numbered(i + 1, text)));
  }
  return blocks;
}
