import type { Opinion, RuleSet } from '../model/types';
import { duplicateKey } from './duplicates';
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

/**
 * Flags every live opinion of a meeting. Repeats are decided in the order of creation, so the
 * first one entered is the original. Deleted opinions are ignored.
 */
export function flagOpinions(
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'category' | 'content' | 'createdAt' | 'deletedAt'>[],
  rules: Pick<RuleSet, 'noOpinionPhrases' | 'praisePhrases' | 'excludeNonSubstantive'>,
): Map<string, OpinionFlags> {
  const noOpinion = phraseMatcher(rules.noOpinionPhrases, rules.praisePhrases);
  const live = opinions.filter((o) => !o.deletedAt).sort(byEntry);
  const firstByKey = new Map<string, string>();
  const flags = new Map<string, OpinionFlags>();
  for (const o of live) {
    const substantive = isSubstantive(o.content, noOpinion);
    const eligible = substantive || !rules.excludeNonSubstantive;
    const f: OpinionFlags = { substantive, praiseOnly: substantive && isPraiseOnly(o.content, rules.praisePhrases), tooShort: substantive && isTooShort(o.content), counted: eligible };
    if (!substantive && isPraiseWithNoOpinion(o.content, noOpinion)) f.praiseNoOpinion = true;
    if (eligible) {
      const key = duplicateKey(o);
      const first = firstByKey.get(key);
      if (first === undefined) firstByKey.set(key, o.id);
      else {
        f.duplicateOf = first;
        f.counted = false;
      }
    }
    flags.set(o.id, f);
  }
  return flags;
}

/** The tag of praise closed by 无意见: not an opinion, listed nowhere. */
export const PRAISE_NO_OPINION_LABEL = '仅表扬（无意见）';

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
