// The supervisors' reading of one 对照检查材料, as warnings they can cite: whether it takes up the
// person's opinions and problem items, whether problems and causes dominate (「成绩一大段、问题一点点」
// is sent back), whether the year's 对照检查 dimensions have headings, generic phrases, and problem
// sentences with no concrete fact (见人见事). Copying across materials is in copies.ts.
import { jaccard, shingles } from '../checks/minhash';
import { compareKey } from '../text/normalize';
import type { MaterialRules } from './rules';
import { withHeadings, type MaterialBlock, type MaterialDocument } from './structure';

export type SectionKind = 'problem' | 'cause' | 'achievement' | 'measures' | 'other';
export const SECTION_LABELS: Readonly<Record<SectionKind, string>> = { problem: '问题', cause: '原因剖析', achievement: '成绩和工作情况', measures: '整改措施', other: '其他' };

// Order matters: 「上年度整改落实情况」 reports work done, 「问题产生的原因」 is about causes.
const HEADING_KINDS: ReadonlyArray<[SectionKind, RegExp]> = [
  ['achievement', /成绩|成效|成果|落实情况|工作情况|主要做法|基本情况|开展情况|会前准备|取得/],
  ['cause', /原因|根源|根子|剖析|案例/],
  ['measures', /措施|方向|打算|努力|下一步|今后|整改/],
  ['problem', /问题|不足|差距|短板|查摆|表现|方面/],
];
const PROBLEM_SENTENCE = /不够|不足|不强|不深|不实|不到位|不严|不高|不力|不多|欠缺|缺乏|差距|短板|弱化|淡化|松懈|偏差|存在.{0,6}问题/;
const ACHIEVEMENT_SENTENCE = /取得|成效|成绩|显著|圆满|超额|荣获|被评为|好评|明显改善|不断增强/;

/** The kind of a section from its heading, or undefined when the heading says nothing (「（一）在……方面」 inherits). */
export function headingKind(text: string): SectionKind | undefined {
  return HEADING_KINDS.find(([, re]) => re.test(text))?.[0];
}

/** Splits a paragraph into sentences at 。！？； (each keeps its stop). */
export function sentences(text: string): string[] {
  return text.split(/(?<=[。！？；!?;])/).map((s) => s.trim()).filter((s) => compareKey(s) !== '');
}

export interface OpinionToAnswer {
  id: string;
  kind: 'opinion' | 'problem';
  text: string;
}

export interface AnswerMatch extends OpinionToAnswer {
  taken: boolean;
  /** Share of the opinion's character pairs found in the best place of the text, 0–1. */
  score: number;
  /** Where (one or two sentences), when taken. */
  where?: string;
}

export interface MaterialWarning {
  kind: 'ignores-opinions' | 'problem-share' | 'achievements-dominate' | 'no-problem-section' | 'no-cause-section' | 'dimension-missing' | 'generic-phrases' | 'no-facts' | 'copy';
  /** One Chinese sentence a supervisor can cite. */
  message: string;
  /** The text it is about (sentences, opinions), in full. */
  quotes: string[];
}

/** Short names of the warnings, for one line per person in the checklist. */
export const MATERIAL_WARNING_LABELS: Readonly<Record<MaterialWarning['kind'], string>> = {
  'ignores-opinions': '未回应意见',
  'problem-share': '问题剖析篇幅不足',
  'achievements-dominate': '成绩一大段、问题一点点',
  'no-problem-section': '没有查摆问题',
  'no-cause-section': '没有原因剖析',
  'dimension-missing': '未对照规定方面',
  'generic-phrases': '套话多',
  'no-facts': '未见人见事',
  copy: '抄袭雷同',
};

export interface MaterialReport {
  /** Characters (compared: no spaces or punctuation) per section kind. */
  chars: Record<SectionKind, number>;
  total: number;
  /** Problems and causes (sections, and problem sentences elsewhere) / total, 0–1. */
  problemShare: number;
  achievementShare: number;
  answers: AnswerMatch[];
  dimensions: Array<{ dimension: string; heading?: string }>;
  generic: Array<{ sentence: string; phrases: string[] }>;
  noFacts: string[];
  warnings: MaterialWarning[];
}

const len = (s: string) => [...compareKey(s)].length;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Reads one material against the person's opinions and problem items and the meeting's dimensions. */
export function checkMaterial(
  doc: MaterialDocument,
  input: { answers: readonly OpinionToAnswer[]; dimensions: readonly string[]; names?: readonly string[] },
  rules: MaterialRules,
): MaterialReport {
  const paragraphs = withHeadings(doc).map(({ block, headings }) => ({ block, kind: sectionOf(headings) }));
  const chars: Record<SectionKind, number> = { problem: 0, cause: 0, achievement: 0, measures: 0, other: 0 };
  let problemChars = 0;
  let achievementChars = 0;
  for (const { block, kind } of paragraphs) {
    const n = len(block.text);
    chars[kind] += n;
    if (kind === 'problem' || kind === 'cause') problemChars += n;
    else if (kind === 'achievement') achievementChars += n;
    else if (kind !== 'measures') {
      // Outside any section (an opening, an unheaded material) each sentence speaks for itself.
      for (const s of sentences(block.text)) {
        if (PROBLEM_SENTENCE.test(s)) problemChars += len(s);
        else if (ACHIEVEMENT_SENTENCE.test(s)) achievementChars += len(s);
      }
    }
  }
  const total = Object.values(chars).reduce((a, b) => a + b, 0);
  const problemShare = total === 0 ? 0 : problemChars / total;
  const achievementShare = total === 0 ? 0 : achievementChars / total;

  const allSentences = paragraphs.flatMap(({ block }) => sentences(block.text));
  const places = input.answers.length > 0 ? windows(allSentences) : [];
  const answers = input.answers.map((a) => answerMatch(a, places, rules.answerThreshold));
  const headings = doc.blocks.filter((b) => b.kind === 'heading');
  const dimensions = input.dimensions.map((d) => ({ dimension: d, heading: headings.find((h) => contains(h.text, d) >= 0.6)?.text }));
  const phraseKeys = rules.genericPhrases.map((p) => ({ phrase: p, key: compareKey(p) })).filter((p) => p.key !== '');
  const generic = allSentences
    .map((sentence) => ({ sentence, phrases: phraseKeys.filter((p) => compareKey(sentence).includes(p.key)).map((p) => p.phrase) }))
    .filter((g) => g.phrases.length > 0);
  // A topic sentence followed by its example (「……了解不多。全年到……只有4次」) is concrete.
  const names = input.names ?? [];
  const noFacts = paragraphs
    .filter((p) => p.kind === 'problem')
    .flatMap(({ block }) => {
      const list = sentences(block.text);
      return list.filter((s, i) => len(s) >= 8 && !hasConcreteFact(s, names) && !(list[i + 1] !== undefined && hasConcreteFact(list[i + 1]!, names)));
    });

  const warnings: MaterialWarning[] = [];
  const ignored = answers.filter((a) => !a.taken);
  if (ignored.length > 0) {
    warnings.push({
      kind: 'ignores-opinions',
      message: `未回应征求到的意见：${answers.length}条意见和查摆问题中有${ignored.length}条在材料中没有体现`,
      quotes: ignored.map((a) => a.text),
    });
  }
  if (!paragraphs.some((p) => p.kind === 'problem')) warnings.push({ kind: 'no-problem-section', message: '材料中没有“存在的问题”部分', quotes: [] });
  if (!paragraphs.some((p) => p.kind === 'cause')) warnings.push({ kind: 'no-cause-section', message: '材料中没有“原因剖析”部分', quotes: [] });
  if (total > 0 && problemShare < rules.minProblemShare) {
    warnings.push({ kind: 'problem-share', message: `查摆问题和剖析原因的篇幅约占全文${pct(problemShare)}，低于${pct(rules.minProblemShare)}的要求`, quotes: [] });
  }
  if (achievementChars > problemChars) {
    warnings.push({ kind: 'achievements-dominate', message: `讲成绩的篇幅（约${pct(achievementShare)}）多于查摆问题和剖析原因（约${pct(problemShare)}），“成绩一大段、问题一点点”`, quotes: [] });
  }
  const missing = dimensions.filter((d) => !d.heading).map((d) => d.dimension);
  if (missing.length > 0) {
    warnings.push({ kind: 'dimension-missing', message: `没有对照${missing.map((d) => `“${d}”`).join('')}${missing.length > 1 ? `等${missing.length}个` : ''}方面查摆问题`, quotes: missing });
  }
  if (generic.length > rules.maxGenericSentences) {
    warnings.push({ kind: 'generic-phrases', message: `套话较多：${generic.length}句使用“${[...new Set(generic.flatMap((g) => g.phrases))].slice(0, 5).join('”“')}”等表述`, quotes: generic.map((g) => g.sentence) });
  }
  if (noFacts.length > 0) {
    warnings.push({ kind: 'no-facts', message: `查摆问题不具体：${noFacts.length}句没有具体事例、数字、时间或地点，未做到见人见事`, quotes: noFacts });
  }
  return { chars, total, problemShare, achievementShare, answers, dimensions, generic, noFacts, warnings };
}

/** The nearest heading that says what it is about decides a paragraph's section. */
function sectionOf(headings: readonly MaterialBlock[]): SectionKind {
  for (let i = headings.length - 1; i >= 0; i--) {
    const k = headingKind(headings[i]!.text);
    if (k) return k;
  }
  return 'other';
}

/** Share of `part`'s character pairs that `whole` holds, from the copy detector's shingles and Jaccard. */
export function contains(whole: string, part: string): number {
  return containedShare(shingles(compareKey(whole)), shingles(compareKey(part)));
}

function containedShare(whole: Uint32Array, part: Uint32Array): number {
  if (part.length === 0) return 0;
  const j = jaccard(part, whole);
  // |A∩B| = J·(|A|+|B|)/(1+J)
  return Math.min(1, (j * (part.length + whole.length)) / (1 + j) / part.length);
}

/** Each sentence and each two adjacent sentences, with their shingle sets (computed once per material). */
function windows(list: readonly string[]): Array<{ text: string; set: Uint32Array }> {
  const out: Array<{ text: string; set: Uint32Array }> = [];
  for (let i = 0; i < list.length; i++) {
    out.push({ text: list[i]!, set: shingles(compareKey(list[i]!)) });
    if (i + 1 < list.length) out.push({ text: list[i]! + list[i + 1]!, set: shingles(compareKey(list[i]! + list[i + 1]!)) });
  }
  return out;
}

function answerMatch(a: OpinionToAnswer, places: ReadonlyArray<{ text: string; set: Uint32Array }>, threshold: number): AnswerMatch {
  const own = shingles(compareKey(a.text));
  let best = 0;
  let where: string | undefined;
  for (const w of places) {
    const s = containedShare(w.set, own);
    if (s > best) {
      best = s;
      where = w.text;
    }
  }
  const score = Math.round(best * 100) / 100;
  return { ...a, taken: best >= threshold, score, ...(best >= threshold && where ? { where } : {}) };
}

const NUMBER = /\d|[一二两三四五六七八九十百千]+(?:次|个|条|项|人次|人|件|天|年|月|日|家|名|场|篇|起|笔|份|万|亿|公里|座|亩|元)/;
const TIME = /\d{4}年|\d{1,2}月|今年|去年|上半年|下半年|年初|年底/;
// Named places and bodies; suffixes that also end common words (有所、以人民为中心、一股) are left out.
const PLACE = /[县乡镇村]|街道|社区|公司|大队|中队|医院|学校|枢纽|[\u4e00-\u9fa5]{2,6}(?:股|科|站)(?![长位])/;
const CASE = /例如|比如|曾经|投诉|案例|一起|一笔|“[^”]{2,}”/;

/** Whether a sentence names a number, a time, a place or body, a person, or a case (见人见事). */
export function hasConcreteFact(sentence: string, names: readonly string[]): boolean {
  return NUMBER.test(sentence) || TIME.test(sentence) || PLACE.test(sentence) || CASE.test(sentence) || names.some((n) => n !== '' && sentence.includes(n));
}
