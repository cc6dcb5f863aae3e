// The recognised opinions of a form checked against a meeting, as the spreadsheet importer checks
// its rows and with its matchers (one matcher): the target by name and position, the source category
// and the channel by the rule set's values and their variants, the 征求方面 as a dimension when it is
// one. Characters the model was unsure of are flagged; nothing here writes.
import { isSubstantive, phraseMatcher } from '../checks/substance';
import { matchCategory, matchChannel, matchDimension, matchTarget, type RosterEntry } from '../import/values';
import { GROUP_TARGET, type RuleSet } from '../model/types';
import type { FormOpinion, FormReading } from './form';

/** Below this, a character is shown for checking (the model's probability). */
export const DEFAULT_MIN_CONFIDENCE = 0.9;
/** A paper form arrives in writing: the channel when the form names none and the rule set has it. */
const PAPER_CHANNEL = '书面征求';

export interface OcrMeeting {
  members: readonly RosterEntry[];
  ruleSet: Pick<RuleSet, 'categories' | 'channels' | 'noOpinionPhrases' | 'praisePhrases'>;
  dimensions: readonly string[];
}

export interface OcrRow {
  opinion: FormOpinion;
  targetId?: string;
  category?: string;
  channel?: string;
  dimension?: string;
  /** Why the row cannot be imported as it stands (an unknown name or category), in Chinese. */
  problems: string[];
  /** Indexes of the characters below the confidence threshold. */
  doubtful: number[];
  /** A no-opinion phrase (无, 暂无 …): not counted, as on import. */
  noOpinion: boolean;
}

/** Indexes of the characters the model read with a confidence below `min`: shown for checking. */
export function doubtfulChars(chars: ReadonlyArray<{ confidence: number }>, min: number): number[] {
  return chars.flatMap((c, i) => (c.confidence < min ? [i] : []));
}

/**
 * The 提出单位 a form's 单位（盖章） proposes for its opinions: the text read, and whether every
 * character of it was read clearly. The app prefills a doubtful one marked for checking; the command
 * line, with no one to check it, records no 提出单位 then.
 */
export function proposedProvider(reading: Pick<FormReading, 'unit'>, min: number): { text: string; doubtful: number[]; clear: boolean } {
  if (!reading.unit) return { text: '', doubtful: [], clear: false };
  const doubtful = doubtfulChars(reading.unit.chars, min);
  return { text: reading.unit.text, doubtful, clear: doubtful.length === 0 };
}

/** Each opinion of a form with its target, category, channel, dimension, problems and doubtful characters. */
export function planOcrRows(reading: FormReading, meeting: OcrMeeting | undefined, options: { minConfidence?: number; category?: string; channel?: string } = {}): OcrRow[] {
  const min = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const noOpinion = meeting ? phraseMatcher(meeting.ruleSet.noOpinionPhrases, meeting.ruleSet.praisePhrases) : undefined;
  return reading.opinions.map((opinion) => {
    const row: OcrRow = { opinion, problems: [], doubtful: [], noOpinion: noOpinion ? !isSubstantive(opinion.text, noOpinion) : false };
    row.doubtful = doubtfulChars(opinion.chars, min);
    if (!meeting) return row;
    if (opinion.part === 'group') row.targetId = GROUP_TARGET;
    else {
      const target = matchTarget(opinion.label, '', meeting.members);
      if (target.ok) row.targetId = target.value;
      else row.problems.push(target.reason);
    }
    // The row's own column first, then the form's 意见来源, then the value given for the whole form.
    const categoryText = opinion.category ?? reading.category?.text ?? options.category;
    if (categoryText === undefined) row.problems.push('表上没有意见来源，请指定（命令行：--category）');
    else {
      const category = matchCategory(categoryText, meeting.ruleSet.categories);
      if (category.ok) row.category = category.value;
      else row.problems.push(category.reason);
    }
    const channelText = reading.channel?.text ?? options.channel ?? (meeting.ruleSet.channels.includes(PAPER_CHANNEL) ? PAPER_CHANNEL : undefined);
    if (channelText === undefined) row.problems.push('表上没有征求方式，请指定（命令行：--channel）');
    else {
      const channel = matchChannel(channelText, meeting.ruleSet.channels);
      if (channel.ok) row.channel = channel.value;
      else row.problems.push(channel.reason);
    }
    if (opinion.part === 'group' && meeting.dimensions.length > 0) {
      const dimension = matchDimension(opinion.label, meeting.dimensions);
      if (dimension.ok) row.dimension = dimension.value;
    }
    return row;
  });
}

/**
 * The text with each doubtful character marked for a terminal or a plain-text list:
 * `markDoubtful('加强学习', [2]) === '加强⟦学⟧习'`.
 */
export function markDoubtful(text: string, doubtful: readonly number[]): string {
  const set = new Set(doubtful);
  return [...text].map((c, i) => (set.has(i) ? `⟦${c}⟧` : c)).join('');
}
