// Every opinion answered (no 只征不用): each live consolidated opinion is linked to a live problem
// item or carries a recorded reason. Coverage per target (answered / all) and the unanswered list,
// in Chinese sentences; the same function serves the lists, the overview, the audit tab and `check`.
import { quote } from '../consolidation/operations';
import { ANSWER_REASON_LABELS, type ConsolidatedOpinion, type ProblemItem } from '../model/problems';
import { ratePercent } from '../util/percent';

type Answer =
  | { kind: 'problems'; problemIds: string[] }
  | { kind: 'reason'; label: string; text: string }
  | { kind: 'none' };

interface TargetCoverage {
  targetId: string;
  label: string;
  answered: number;
  total: number;
  /** Whole per cent by the one rate rule (ratePercent: nearest, 100 only when all are answered); 100 when there is nothing to answer. */
  percent: number;
  unanswered: ConsolidatedOpinion[];
}

export interface Coverage {
  answered: number;
  total: number;
  percent: number;
  full: boolean;
  targets: TargetCoverage[];
  /** How each live consolidated opinion is answered, by id. */
  answers: Map<string, Answer>;
  /** One sentence per target with something unanswered, then one per unanswered opinion. */
  messages: string[];
}

const percentOf = (answered: number, total: number) => ratePercent(answered, total, 100);

/** How a consolidated opinion is answered: the live problems linking it first, else its recorded reason. */
function answerOf(c: ConsolidatedOpinion, problemsByOpinion: ReadonlyMap<string, string[]>): Answer {
  const problemIds = problemsByOpinion.get(c.id) ?? [];
  if (problemIds.length > 0) return { kind: 'problems', problemIds };
  if (c.answer) return { kind: 'reason', label: ANSWER_REASON_LABELS[c.answer.reason], text: c.answer.text };
  return { kind: 'none' };
}

/** Live problem ids linking each consolidated opinion. */
function problemsByOpinion(problems: readonly ProblemItem[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const p of problems) {
    if (p.deletedAt) continue;
    for (const id of p.consolidatedIds) by.set(id, [...(by.get(id) ?? []), p.id]);
  }
  return by;
}

/** The answer in a few words, for tables: `见问题1、3` style lists are the caller's; this gives `不属于本人职责：…`. */
export function answerText(a: Answer, problemNumbers: ReadonlyMap<string, string> = new Map()): string {
  if (a.kind === 'problems') return `已列入问题清单（${a.problemIds.map((id) => problemNumbers.get(id) ?? '').filter((s) => s !== '').join('、') || `${a.problemIds.length}项`}）`;
  if (a.kind === 'reason') return a.text.trim() === '' ? a.label : `${a.label}：${a.text}`;
  return '未回应';
}

/**
 * Coverage of a meeting: targets in the order given (the group, then members by rank); opinions
 * of targets not given are counted under their own id with the label 未知对象.
 */
export function computeCoverage(
  consolidated: readonly ConsolidatedOpinion[],
  problems: readonly ProblemItem[],
  targets: ReadonlyArray<{ id: string; label: string }>,
): Coverage {
  const links = problemsByOpinion(problems);
  const byTarget = new Map<string, TargetCoverage>(targets.map((t) => [t.id, { targetId: t.id, label: t.label, answered: 0, total: 0, percent: 100, unanswered: [] }]));
  const answers = new Map<string, Answer>();
  const ordered = consolidated.filter((c) => !c.deletedAt).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  for (const c of ordered) {
    let t = byTarget.get(c.targetId);
    if (!t) byTarget.set(c.targetId, (t = { targetId: c.targetId, label: '未知对象', answered: 0, total: 0, percent: 100, unanswered: [] }));
    const a = answerOf(c, links);
    answers.set(c.id, a);
    t.total++;
    if (a.kind === 'none') t.unanswered.push(c);
    else t.answered++;
  }
  const list = [...byTarget.values()].map((t) => ({ ...t, percent: percentOf(t.answered, t.total) }));
  const answered = list.reduce((s, t) => s + t.answered, 0);
  const total = list.reduce((s, t) => s + t.total, 0);
  const messages: string[] = [];
  for (const t of list) {
    if (t.unanswered.length === 0) continue;
    messages.push(`${t.label}：梳理后意见${t.total}条，已回应${t.answered}条，尚有${t.unanswered.length}条未回应`);
  }
  for (const t of list) for (const c of t.unanswered) messages.push(`${t.label}：意见${quote(c.text, 30)}未列入问题清单，也未说明理由`);
  return { answered, total, percent: percentOf(answered, total), full: answered === total, targets: list, answers, messages };
}

/** `回应率 10/12（83%）` for one target or the whole meeting. */
export function coverageText(c: { answered: number; total: number; percent: number }): string {
  return `已回应${c.answered}/${c.total}条（${c.percent}%）`;
}

/** `梳理后意见12条已全部回应` or `梳理后意见12条，已回应10条，尚有2条未回应`: for sentences in documents. */
export function coverageSentence(c: { answered: number; total: number }): string {
  return c.answered === c.total ? `梳理后意见${c.total}条已全部回应` : `梳理后意见${c.total}条，已回应${c.answered}条，尚有${c.total - c.answered}条未回应`;
}
