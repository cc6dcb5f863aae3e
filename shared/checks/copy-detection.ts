// Copy detection for supervisors: the same or nearly the same opinion given to different targets
// of one meeting (雷同), entered twice in slightly different words for one target (近似重复), or
// appearing in another unit's lists (疑似抄袭). Identical texts are grouped by compare key; texts
// that differ go through MinHash/LSH (minhash.ts) and are verified by real Jaccard similarity.
import type { Meeting, Opinion } from '../model/types';
import { opinionKey } from './duplicates';
import { findSimilarPairs, NEAR_DUPLICATE_THRESHOLD } from './minhash';
import { byEntry } from './opinion-flags';
import { isSubstantive, phraseMatcher } from './substance';

export type CopyKind = 'cross-target' | 'same-target' | 'cross-unit';
export const COPY_KINDS: readonly CopyKind[] = ['cross-target', 'same-target', 'cross-unit'];

/** What detection needs of an opinion, and what a warning shows of it (both texts, side by side). */
export interface OpinionRef {
  id: string;
  meetingId: string;
  unitId: string;
  targetId: string;
  category: string;
  content: string;
}

export interface CopyCandidate extends OpinionRef {
  /** Decides which of two copies is the earlier one, so results do not depend on input order. */
  createdAt: string;
}

export interface CopyWarning {
  kind: CopyKind;
  /** The opinion warned about (for 疑似抄袭: the one in the unit being looked at). */
  a: OpinionRef;
  /** The opinion it resembles. */
  b: OpinionRef;
  /** Jaccard similarity of the two texts' bigram sets, 0–1 (1 for the same compared text). */
  similarity: number;
}

/**
 * The opinions of one meeting that copy detection looks at: live and substantive (no-opinion
 * phrases such as 暂无 are all alike and are not copies of anything).
 */
export function copyCandidates(
  meeting: Pick<Meeting, 'id' | 'unitId' | 'ruleSet'>,
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'category' | 'content' | 'createdAt' | 'deletedAt'>[],
): CopyCandidate[] {
  const noOpinion = phraseMatcher(meeting.ruleSet.noOpinionPhrases, meeting.ruleSet.praisePhrases);
  return opinions
    .filter((o) => !o.deletedAt && isSubstantive(o.content, noOpinion))
    .map((o) => ({ id: o.id, meetingId: meeting.id, unitId: meeting.unitId, targetId: o.targetId, category: o.category, content: o.content, createdAt: o.createdAt }));
}

type Relation = (o: CopyCandidate, p: CopyCandidate, sameKey: boolean) => boolean;

const RELATIONS: Record<CopyKind, Relation> = {
  'cross-target': (o, p) => o.meetingId === p.meetingId && o.targetId !== p.targetId,
  // The same text for the same target and category is already counted once and flagged 重复.
  'same-target': (o, p, sameKey) => o.meetingId === p.meetingId && o.targetId === p.targetId && !(sameKey && o.category === p.category),
  'cross-unit': (o, p) => o.unitId !== p.unitId,
};

/**
 * Finds copied opinions. For each opinion and each kind asked for, its most similar partner
 * (identical text first, then the highest similarity at or above the threshold, then the earliest
 * entered); a pair inside one meeting is reported once, a 疑似抄袭 pair once per side, so each
 * unit sees its own copies. Runs in near-linear time: no all-pairs comparison.
 */
export function detectCopies(
  opinions: readonly CopyCandidate[],
  options: { kinds?: readonly CopyKind[]; threshold?: number } = {},
): CopyWarning[] {
  const kinds = options.kinds ?? COPY_KINDS;
  const threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  const ordered = [...opinions].sort(byEntry);

  // Identical compared texts form one group; only distinct texts go through MinHash.
  const groupOf = new Map<string, number>();
  const groups: CopyCandidate[][] = [];
  const groupKeys: string[] = [];
  const opinionGroup = new Array<number>(ordered.length);
  ordered.forEach((o, i) => {
    const key = opinionKey(o.content);
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(key, g);
      groups.push([]);
      groupKeys.push(key);
    }
    groups[g]!.push(o);
    opinionGroup[i] = g;
  });

  // Pairs of groups are only worth verifying if some relation asked for could hold between them.
  // (One meeting's opinions, as its summary checks them, need no such test.)
  const withinMeetingOnly = !kinds.includes('cross-unit') && new Set(ordered.map((o) => o.meetingId)).size > 1;
  const meetingsOf = withinMeetingOnly ? groups.map((g) => new Set(g.map((o) => o.meetingId))) : [];
  const { pairs } = findSimilarPairs(groupKeys, {
    threshold,
    accept: withinMeetingOnly ? (a, b) => [...meetingsOf[a]!].some((m) => meetingsOf[b]!.has(m)) : undefined,
  });
  const neighbours: Array<Array<{ group: number; similarity: number }>> = groups.map(() => []);
  for (const p of pairs) {
    neighbours[p.a]!.push({ group: p.b, similarity: p.similarity });
    neighbours[p.b]!.push({ group: p.a, similarity: p.similarity });
  }
  for (const list of neighbours) list.sort((x, y) => y.similarity - x.similarity || x.group - y.group);

  const warnings: CopyWarning[] = [];
  const reported = new Set<string>();
  ordered.forEach((o, i) => {
    const own = opinionGroup[i]!;
    for (const kind of kinds) {
      const related = RELATIONS[kind];
      let partner: CopyCandidate | undefined = groups[own]!.find((p) => p !== o && related(o, p, true));
      let similarity = 1;
      if (!partner) {
        for (const n of neighbours[own]!) {
          partner = groups[n.group]!.find((p) => related(o, p, false));
          if (partner) {
            similarity = n.similarity;
            break;
          }
        }
      }
      if (!partner) continue;
      if (kind !== 'cross-unit') {
        // Inside one meeting both sides are the same meeting's problem: report the pair once.
        const pairKey = o.id < partner.id ? `${kind}|${o.id}|${partner.id}` : `${kind}|${partner.id}|${o.id}`;
        if (reported.has(pairKey)) continue;
        reported.add(pairKey);
      }
      warnings.push({ kind, a: ref(o), b: ref(partner), similarity: Math.round(similarity * 100) / 100 });
    }
  });
  return warnings;
}

function ref(o: CopyCandidate): OpinionRef {
  return { id: o.id, meetingId: o.meetingId, unitId: o.unitId, targetId: o.targetId, category: o.category, content: o.content };
}

/** How many 疑似抄袭 warnings link each pair of units: `unitA|unitB` (sorted) → count, largest first. */
export function crossUnitCounts(warnings: readonly CopyWarning[]): Array<{ units: [string, string]; count: number }> {
  const counts = new Map<string, { units: [string, string]; count: number }>();
  for (const w of warnings) {
    if (w.kind !== 'cross-unit') continue;
    const units: [string, string] = w.a.unitId < w.b.unitId ? [w.a.unitId, w.b.unitId] : [w.b.unitId, w.a.unitId];
    const key = units.join('|');
    const entry = counts.get(key) ?? { units, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((x, y) => y.count - x.count || (x.units.join() < y.units.join() ? -1 : 1));
}
