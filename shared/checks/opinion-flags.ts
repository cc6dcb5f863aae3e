import type { Opinion, RuleSet } from '../model/types';
import { duplicateKeyOf, opinionKey } from './duplicates';
import { isPraiseOnly, isPraiseWithNoOpinion, isSubstantive, isTooShort, phraseMatcher } from './substance';

/** What the checks say about one opinion; shown beside it in lists and the ledger. */
export interface OpinionFlags {
  /** False for 无, 暂无 and the like: it does not count. */
  substantive: boolean;
  /** The id of the earlier opinion this one repeats (same target, category and text), if any. */
  duplicateOf?: string;
  /** Only praise: counts, but warned. */
  praiseOnly: boolean;
  /** Praise closed by a no-opinion phrase (`成绩突出，无意见`): not substantive, tagged 仅表扬（无意见）. */
  praiseNoOpinion?: boolean;
  /** Too short to be specific: counts, but warned. */
  tooShort: boolean;
  /**
   * Counts toward the minimum, as computeReadiness counts it: it says something (or the rule set
   * counts no-opinion text too) and repeats no earlier opinion.
   */
  counted: boolean;
}

/** The order opinions were entered in (as the checks decide repeats): created time, then id. */
export function byEntry(a: Pick<Opinion, 'createdAt' | 'id'>, b: Pick<Opinion, 'createdAt' | 'id'>): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One opinion as the checks see it: its flags, plus what counting needs to know of it. */
export interface RatedOpinion {
  flags: OpinionFlags;
  /** It may count: substantive, or the rule set counts no-opinion text too. */
  eligible: boolean;
  /** It repeats an earlier eligible opinion (same target, category and compared text). */
  repeat: boolean;
  /** The compared text (see opinionKey). */
  key: string;
}

type Flaggable = Pick<Opinion, 'targetId' | 'category' | 'content' | 'deletedAt'> & Partial<Pick<Opinion, 'id' | 'createdAt'>>;

/**
 * The one definition of what counts: rates every live opinion, in the order of the input (deleted
 * ones are undefined). Repeats are decided in the order of creation, so the first one entered is
 * the original. Readiness, the lists and the warnings all read these ratings.
 */
export function rateOpinions(
  opinions: readonly Flaggable[],
  rules: Pick<RuleSet, 'noOpinionPhrases' | 'praisePhrases' | 'excludeNonSubstantive'>,
  /**
   * `countsOnly`: only what readiness counts — which of several repeats is the original does not
   * change a count, so the input order stands, and praise-only / too-short are left false.
   */
  options: { countsOnly?: boolean } = {},
): Array<RatedOpinion | undefined> {
  const noOpinion = phraseMatcher(rules.noOpinionPhrases, rules.praisePhrases);
  const full = !options.countsOnly;
  const order = opinions.map((_, i) => i).filter((i) => !opinions[i]!.deletedAt);
  if (full) {
    // Entry order without allocating in the comparator.
    const at = opinions.map((o) => o.createdAt ?? '');
    const ids = opinions.map((o) => o.id ?? '');
    order.sort((i, j) => (at[i]! < at[j]! ? -1 : at[i]! > at[j]! ? 1 : ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : i - j));
  }
  const firstByKey = new Map<string, string>();
  const rated = new Array<RatedOpinion | undefined>(opinions.length);
  const texts = full ? textRatings(rules) : undefined;
  for (const i of order) {
    const o = opinions[i]!;
    const text = texts?.get(o.content) ?? rateText(o.content, rules, noOpinion, full);
    if (texts && texts.size < TEXT_MEMO_SIZE) texts.set(o.content, text);
    const { substantive, key } = text;
    const eligible = substantive || !rules.excludeNonSubstantive;
    const flags: OpinionFlags = { substantive, praiseOnly: text.praiseOnly, tooShort: text.tooShort, counted: eligible };
    if (text.praiseNoOpinion) flags.praiseNoOpinion = true;
    let repeat = false;
    if (eligible) {
      const dkey = duplicateKeyOf(o, key);
      const first = firstByKey.get(dkey);
      if (first === undefined) firstByKey.set(dkey, o.id ?? '');
      else {
        repeat = true;
        if (o.id !== undefined) flags.duplicateOf = first;
        flags.counted = false;
      }
    }
    rated[i] = { flags, eligible, repeat, key };
  }
  return rated;
}

/** What the checks say about a text alone, under a rule set's phrase lists. */
interface TextRating {
  substantive: boolean;
  praiseOnly: boolean;
  tooShort: boolean;
  praiseNoOpinion: boolean;
  key: string;
}

function rateText(content: string, rules: Pick<RuleSet, 'praisePhrases'>, noOpinion: ReturnType<typeof phraseMatcher>, full: boolean): TextRating {
  const substantive = isSubstantive(content, noOpinion);
  return {
    substantive,
    praiseOnly: full && substantive && isPraiseOnly(content, rules.praisePhrases),
    tooShort: full && substantive && isTooShort(content),
    praiseNoOpinion: !substantive && isPraiseWithNoOpinion(content, noOpinion),
    key: opinionKey(content),
  };
}

// The ratings of texts already seen, per phrase lists: a meeting's view is computed again after
// every write (the page, the summary), and all but a few of its texts are the same. Bounded.
const TEXT_MEMO_SIZE = 20_000;
const textMemo = new Map<string, Map<string, TextRating>>();

function textRatings(rules: Pick<RuleSet, 'noOpinionPhrases' | 'praisePhrases'>): Map<string, TextRating> {
  const lists = JSON.stringify([rules.noOpinionPhrases, rules.praisePhrases]);
  let memo = textMemo.get(lists);
  if (!memo) {
    if (textMemo.size >= 8) textMemo.clear();
    textMemo.set(lists, (memo = new Map()));
  }
  return memo;
}

/**
 * Flags every live opinion of a meeting (see {@link rateOpinions}), by id. Deleted opinions are
 * ignored.
 */
export function flagOpinions(
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'category' | 'content' | 'createdAt' | 'deletedAt'>[],
  rules: Pick<RuleSet, 'noOpinionPhrases' | 'praisePhrases' | 'excludeNonSubstantive'>,
): Map<string, OpinionFlags> {
  return flagsById(opinions, rateOpinions(opinions, rules));
}

/** The flags of rated opinions by id, in the order the opinions were entered. */
export function flagsById(opinions: readonly Pick<Opinion, 'id' | 'createdAt'>[], rated: ReadonlyArray<RatedOpinion | undefined>): Map<string, OpinionFlags> {
  const order = opinions.map((_, i) => i).filter((i) => rated[i] !== undefined);
  order.sort((i, j) => byEntry(opinions[i]!, opinions[j]!) || i - j);
  return new Map(order.map((i) => [opinions[i]!.id, rated[i]!.flags]));
}

/** The tag of praise closed by 无意见: not an opinion, listed nowhere. */
const PRAISE_NO_OPINION_LABEL = '仅表扬（无意见）';

/** Short Chinese labels for the flags, in the order they matter: `['无实质内容', '重复', '仅表扬', '过短']`. */
export function flagLabels(f: OpinionFlags): string[] {
  const labels: string[] = [];
  if (f.praiseNoOpinion) labels.push(PRAISE_NO_OPINION_LABEL);
  else if (!f.substantive) labels.push('无实质内容');
  if (f.duplicateOf) labels.push('重复');
  if (f.praiseOnly) labels.push('仅表扬');
  if (f.tooShort) labels.push('过短');
  return labels;
}
