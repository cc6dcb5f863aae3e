// Praise in a meeting's opinions, as the command line and previews report it: 仅表扬 (counts, warned)
// and 仅表扬（无意见） (praise closed by 无意见: counts for nothing).
import type { Opinion, RuleSet } from '../model/types';
import { flagOpinions } from './opinion-flags';

interface PraiseFinding {
  id: string;
  targetId: string;
  category: string;
  content: string;
  /** `praise`: praise only, counted but warned; `praise-no-opinion`: praise plus 无意见, not counted. */
  kind: 'praise' | 'praise-no-opinion';
}

/** The live opinions that are only praise, in entry order, each with its kind. */
export function praiseFindings(
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'category' | 'content' | 'createdAt' | 'deletedAt'>[],
  rules: Pick<RuleSet, 'noOpinionPhrases' | 'praisePhrases' | 'excludeNonSubstantive'>,
): PraiseFinding[] {
  const flags = flagOpinions(opinions, rules);
  const byId = new Map(opinions.map((o) => [o.id, o]));
  const found: PraiseFinding[] = [];
  for (const [id, f] of flags) {
    if (!f.praiseOnly && !f.praiseNoOpinion) continue;
    const o = byId.get(id)!;
    found.push({ id, targetId: o.targetId, category: o.category, content: o.content, kind: f.praiseNoOpinion ? 'praise-no-opinion' : 'praise' });
  }
  return found;
}
