// The copy detector as it was before the speed work of issue 14 point 1 (main at ee6d0de): the
// oracle the faster one (shared/checks/copy-detection.ts) must equal warning for warning, field for
// field, in the same order. It shares the similarity search (findSimilarPairs), so work on that
// search changes both alike.
import type { CopyCandidate, CopyKind, CopyWarning, OpinionRef } from '#shared/checks/copy-detection';
import { opinionKey, opinionKeyUncached } from '#shared/checks/duplicates';
import { findSimilarPairs, NEAR_DUPLICATE_THRESHOLD, type SimilarPair } from '#shared/checks/minhash';
import { byEntry } from '#shared/checks/opinion-flags';
import { MAX_CACHED_KEYS } from '#shared/text/normalize';

const COPY_KINDS: readonly CopyKind[] = ['cross-target', 'same-target', 'cross-unit'];

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
export function detectCopiesBefore(
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
  // The key caches help a meeting's checks, which ask for the same texts again and again; a
  // county's scan reads more texts than they hold, so every lookup would miss (and evict).
  const keyOf = ordered.length > MAX_CACHED_KEYS ? opinionKeyUncached : opinionKey;
  ordered.forEach((o, i) => {
    const key = keyOf(o.content);
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
  // A skipped pair does not count towards a text's partner cap, so a text pasted into hundreds of
  // one unit's lists still finds its copies in other units.
  const withinMeetingOnly = !kinds.includes('cross-unit') && new Set(ordered.map((o) => o.meetingId)).size > 1;
  const crossUnitOnly = kinds.length === 1 && kinds[0] === 'cross-unit';
  const meetingsOf = withinMeetingOnly ? groups.map((g) => new Set(g.map((o) => o.meetingId))) : [];
  // The one unit of a group's opinions, or undefined when they come from several units.
  const unitOf = crossUnitOnly ? groups.map((g) => (g.every((o) => o.unitId === g[0]!.unitId) ? g[0]!.unitId : undefined)) : [];
  const accept = withinMeetingOnly
    ? (a: number, b: number) => [...meetingsOf[a]!].some((m) => meetingsOf[b]!.has(m))
    : crossUnitOnly
      ? (a: number, b: number) => unitOf[a] === undefined || unitOf[a] !== unitOf[b]
      : undefined;
  const { pairs, capped } = findSimilarPairs(groupKeys, { threshold, accept });
  const unlisted = cappedClusters(groups, pairs, capped);
  const neighbours = neighbourLists(groups.length, pairs);

  const warnings: CopyWarning[] = [];
  const reported = new Set<string>();
  const firsts = groups.map(() => undefined as FirstOpinions | undefined);
  // The one meeting (unit) of a group's opinions, or undefined when they are of several.
  const soleMeeting = new Array<string | undefined>(groups.length);
  const soleUnit = new Array<string | undefined>(groups.length);
  groups.forEach((group, g) => {
    let meeting: string | undefined = group[0]!.meetingId;
    let unit: string | undefined = group[0]!.unitId;
    for (let k = 1; k < group.length; k++) {
      if (group[k]!.meetingId !== meeting) meeting = undefined;
      if (group[k]!.unitId !== unit) unit = undefined;
    }
    soleMeeting[g] = meeting;
    soleUnit[g] = unit;
  });
  const partnerIn = (g: number, o: CopyCandidate, kind: CopyKind, sameKey: boolean): CopyCandidate | undefined => {
    const group = groups[g]!;
    // Most groups are one text once (and o's own group then holds only o): no search, no closure.
    if (group.length === 1) return group[0] !== o && RELATIONS[kind](o, group[0]!, sameKey) ? group[0] : undefined;
    if (group.length <= SMALL_GROUP) return group.find((p) => p !== o && RELATIONS[kind](o, p, sameKey));
    return firstPartner((firsts[g] ??= firstOpinions(group)), o, kind, sameKey);
  };
  for (let i = 0; i < ordered.length; i++) {
    const o = ordered[i]!;
    const own = opinionGroup[i]!;
    for (const kind of kinds) {
      let partner: CopyCandidate | undefined = partnerIn(own, o, kind, true);
      let similarity = 1;
      if (!partner) {
        const apart = kind === 'cross-unit' ? soleUnit : soleMeeting;
        const mine = kind === 'cross-unit' ? o.unitId : o.meetingId;
        for (let k = neighbours.start[own]!, end = neighbours.start[own + 1]!; k < end; k++) {
          const other = neighbours.group[k]!;
          // A group all of one other meeting holds no partner inside o's meeting; all of o's unit, none outside it.
          const sole = apart[other];
          if (sole !== undefined && (kind === 'cross-unit' ? sole === mine : sole !== mine)) continue;
          partner = partnerIn(other, o, kind, false);
          if (partner) {
            similarity = neighbours.similarity[k]!;
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
      const warning: CopyWarning = { kind, a: ref(o), b: ref(partner), similarity: Math.round(similarity * 100) / 100 };
      const cluster = unlisted.get(own);
      if (cluster) {
        // The opinions of the cluster the relation could pair with `o`, besides `o` and the partner shown.
        const related = kind === 'cross-unit' ? cluster.opinions - (cluster.units.get(o.unitId) ?? 0) : (cluster.meetings.get(o.meetingId) ?? 0) - 1;
        if (related > 1) warning.more = related - 1;
      }
      warnings.push(warning);
    }
  }
  return warnings;
}

/** Each group's similar groups, most similar first, then by group: `group[k]` and `similarity[k]` for k in [start[g], start[g + 1]). */
interface NeighbourLists {
  start: Int32Array;
  group: Int32Array;
  similarity: Float64Array;
}

/**
 * The pairs as neighbour lists. Flat arrays rather than an object per pair side and an array per
 * group: at 100,000 texts that is 200,000 objects and 100,000 arrays, most of them empty, which
 * the garbage collector then has to walk.
 */
function neighbourLists(groupCount: number, pairs: readonly SimilarPair[]): NeighbourLists {
  const start = new Int32Array(groupCount + 1);
  for (const p of pairs) {
    start[p.a + 1]!++;
    start[p.b + 1]!++;
  }
  for (let g = 0; g < groupCount; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groupCount);
  const group = new Int32Array(pairs.length * 2);
  const similarity = new Float64Array(pairs.length * 2);
  for (const p of pairs) {
    let at = fill[p.a]!++;
    group[at] = p.b;
    similarity[at] = p.similarity;
    at = fill[p.b]!++;
    group[at] = p.a;
    similarity[at] = p.similarity;
  }
  const before = (j: number, k: number) => similarity[j]! > similarity[k]! || (similarity[j] === similarity[k] && group[j]! < group[k]!);
  for (let g = 0; g < groupCount; g++) {
    const from = start[g]!;
    const to = start[g + 1]!;
    if (to - from < 2) continue;
    if (to - from <= 16) {
      // Insertion sort: most lists are a handful of entries.
      for (let k = from + 1; k < to; k++) {
        const sg = group[k]!;
        const ss = similarity[k]!;
        let j = k - 1;
        while (j >= from && (similarity[j]! < ss || (similarity[j] === ss && group[j]! > sg))) {
          group[j + 1] = group[j]!;
          similarity[j + 1] = similarity[j]!;
          j--;
        }
        group[j + 1] = sg;
        similarity[j + 1] = ss;
      }
    } else {
      const order = Array.from({ length: to - from }, (_, k) => from + k).sort((j, k) => (before(j, k) ? -1 : before(k, j) ? 1 : 0));
      const sortedGroups = order.map((k) => group[k]!);
      const sortedSimilarities = order.map((k) => similarity[k]!);
      group.set(sortedGroups, from);
      similarity.set(sortedSimilarities, from);
    }
  }
  return { start, group, similarity };
}

/** Opinions of a cluster of similar texts, in all and per unit and meeting. */
interface ClusterSize {
  opinions: number;
  units: Map<string, number>;
  meetings: Map<string, number>;
}

/**
 * The size of each cluster (groups linked by similar pairs) that holds a group whose similarity
 * search stopped at the partner cap, by group; other groups are not in the map.
 */
function cappedClusters(groups: readonly CopyCandidate[][], pairs: readonly { a: number; b: number }[], capped: readonly number[]): Map<number, ClusterSize> {
  const out = new Map<number, ClusterSize>();
  if (capped.length === 0) return out;
  const parent = new Int32Array(groups.length);
  for (let g = 0; g < groups.length; g++) parent[g] = g;
  const root = (g: number): number => {
    while (parent[g] !== g) g = parent[g] = parent[parent[g]!]!;
    return g;
  };
  for (const p of pairs) parent[root(p.b)] = root(p.a);
  const sizes = new Map<number, ClusterSize>();
  for (const g of capped) sizes.set(root(g), { opinions: 0, units: new Map(), meetings: new Map() });
  groups.forEach((group, g) => {
    const size = sizes.get(root(g));
    if (!size) return;
    out.set(g, size);
    size.opinions += group.length;
    for (const o of group) {
      size.units.set(o.unitId, (size.units.get(o.unitId) ?? 0) + 1);
      size.meetings.set(o.meetingId, (size.meetings.get(o.meetingId) ?? 0) + 1);
    }
  });
  return out;
}

// Groups of identical texts up to this size are searched in full for a partner; larger ones (one
// text pasted into hundreds of lists) through their first opinions, so that the search stays linear.
const SMALL_GROUP = 8;

/** Of a group of identical texts in entry order: the first opinions each relation can pick from. */
interface FirstOpinions {
  /** The first opinion, and the first of another unit than its. */
  units: [CopyCandidate, CopyCandidate | undefined];
  /** Per meeting: its first opinion, and its first for another target than that one's. */
  meetings: Map<string, [CopyCandidate, CopyCandidate | undefined]>;
  /** Per meeting and target: the first opinion, and the first in another category than that one's. */
  targets: Map<string, [CopyCandidate, CopyCandidate | undefined]>;
}

function firstOpinions(group: readonly CopyCandidate[]): FirstOpinions {
  const firstTwo = <K,>(map: Map<K, [CopyCandidate, CopyCandidate | undefined]>, key: K, o: CopyCandidate, differs: (p: CopyCandidate) => boolean) => {
    const entry = map.get(key);
    if (!entry) map.set(key, [o, undefined]);
    else if (!entry[1] && differs(entry[0])) entry[1] = o;
  };
  const first = group[0]!;
  const out: FirstOpinions = { units: [first, group.find((p) => p.unitId !== first.unitId)], meetings: new Map(), targets: new Map() };
  for (const o of group) {
    firstTwo(out.meetings, o.meetingId, o, (p) => p.targetId !== o.targetId);
    firstTwo(out.targets, `${o.meetingId}\u0000${o.targetId}`, o, (p) => p.category !== o.category);
  }
  return out;
}

/**
 * The first opinion of a group (in entry order) that `kind` relates to `o` — what a search through
 * the whole group would return, from the group's first opinions: the first of all, else the first
 * that differs from it where the relation asks for a difference.
 */
function firstPartner(firsts: FirstOpinions, o: CopyCandidate, kind: CopyKind, sameKey: boolean): CopyCandidate | undefined {
  if (kind === 'cross-unit') return firsts.units[0].unitId !== o.unitId ? firsts.units[0] : firsts.units[1];
  if (kind === 'cross-target') {
    const [head, other] = firsts.meetings.get(o.meetingId) ?? [];
    return head && head.targetId !== o.targetId ? head : other;
  }
  // same-target: the same meeting and target; for the same text, another category.
  const [head, other] = firsts.targets.get(`${o.meetingId}\u0000${o.targetId}`) ?? [];
  if (!sameKey) return head;
  return head && head.category !== o.category ? head : other;
}

function ref(o: CopyCandidate): OpinionRef {
  return { id: o.id, meetingId: o.meetingId, unitId: o.unitId, targetId: o.targetId, category: o.category, content: o.content };
}
