import { orderedMembers, targetLabel } from '../meeting/roster';
import { GROUP_LABEL, GROUP_TARGET, type Member, type Opinion, type RuleSet } from '../model/types';
import { compareKey } from '../text/normalize';
import { rateOpinions, type RatedOpinion } from './opinion-flags';

/** The data a readiness check needs: the roster and the opinions (deleted ones are ignored). */
export interface ReadinessInput {
  members: readonly Pick<Member, 'id' | 'name' | 'position' | 'rank' | 'deletedAt'>[];
  opinions: readonly Pick<Opinion, 'targetId' | 'category' | 'content' | 'provider' | 'deletedAt'>[];
}

export type CellStatus = 'ok' | 'short';

export interface ReadinessCell {
  category: string;
  /** Distinct, substantive opinions: what the rule counts. */
  count: number;
  /** Every opinion entered for the cell, before consolidation. */
  raw: number;
  min: number;
  status: CellStatus;
}

export interface TargetReadiness {
  targetId: string;
  /** `张三（副县长）`, or `领导班子`. */
  label: string;
  name: string;
  position: string;
  isGroup: boolean;
  cells: ReadinessCell[];
  /** Distinct, substantive opinions over all categories, including categories the rules do not require. */
  count: number;
  raw: number;
  /** The sum of the required categories' cells: the 合计 shown beside them. */
  required: number;
  /** Counted opinions in categories the rules no longer require (a category removed): shown apart, never in 合计. */
  other: number;
  /** No opinion that counts: the meeting may not be held (无"零意见"). */
  zero: boolean;
}

export interface Shortfall {
  targetId: string;
  category: string;
  have: number;
  need: number;
  /** One Chinese sentence: `张三（副县长）：基层群众意见 1 条，至少需 2 条`. */
  message: string;
}

export interface ProviderShortfall {
  targetId: string;
  /** How many named providers gave fewer than the minimum for this target. */
  providers: number;
  need: number;
  message: string;
}

export interface Readiness {
  /** The group first (when it is a target), then members in rank order. */
  targets: TargetReadiness[];
  shortfalls: Shortfall[];
  providerShortfalls: ProviderShortfall[];
  /** `张三（副县长）：没有一条实质性意见（零意见）` for each target with none. */
  zeroTargets: Array<{ targetId: string; message: string }>;
  /** The roster is empty: a meeting needs its members before it can be judged. */
  rosterEmpty: boolean;
  /** Everything that stops the meeting, in order: roster, zero-opinion targets, shortfalls, providers. */
  messages: string[];
  ready: boolean;
  /** Categories that hold opinions but are not (or no longer) required, in the order first met. */
  otherCategories: string[];
  totals: {
    /** Every live opinion of the meeting's targets. */
    raw: number;
    /** After consolidation: distinct and substantive. */
    counted: number;
    nonSubstantive: number;
    duplicates: number;
  };
}

export const ROSTER_EMPTY_MESSAGE = '尚未录入班子成员名单';

/** A target as readiness describes it: the group or a member, with its label. */
interface ReadinessTarget {
  id: string;
  label: string;
  name: string;
  position: string;
}

/**
 * Checks a meeting against its rule set: for each target (the group first, then members in rank
 * order) and each required category, the number of distinct, substantive opinions, every
 * shortfall as a Chinese sentence, the zero-opinion targets, and whether the meeting may be held.
 * The order of the input never changes the result. What counts is what rateOpinions says.
 */
export function computeReadiness(input: ReadinessInput, rules: RuleSet): Readiness {
  const members = orderedMembers(input.members);
  const targets: ReadinessTarget[] = [
    ...(rules.groupIsTarget ? [{ id: GROUP_TARGET, label: GROUP_LABEL, name: GROUP_LABEL, position: '' }] : []),
    ...members.map((m) => ({ id: m.id, label: targetLabel(m), name: m.name, position: m.position })),
  ];
  return tallyReadiness({ targets, rosterEmpty: members.length === 0, opinions: input.opinions, rated: rateOpinions(input.opinions, rules, { countsOnly: true }) }, rules);
}

/**
 * Readiness from rated opinions (see rateOpinions, the one definition of what counts): `rated[i]`
 * rates `opinions[i]`; opinions of anything but the given targets are left out.
 */
export function tallyReadiness(
  input: { targets: readonly ReadinessTarget[]; rosterEmpty: boolean; opinions: ReadinessInput['opinions']; rated: ReadonlyArray<RatedOpinion | undefined> },
  rules: RuleSet,
): Readiness {
  const { opinions, rated } = input;
  // targetId → category → counted / raw; targetId → provider → distinct category+text.
  const countedBy = new Map<string, Map<string, number>>();
  const raws = new Map<string, Map<string, number>>();
  const providerKeys = new Map<string, Map<string, Set<string>>>();
  for (const t of input.targets) {
    countedBy.set(t.id, new Map());
    raws.set(t.id, new Map());
    providerKeys.set(t.id, new Map());
  }
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  let raw = 0;
  let nonSubstantive = 0;
  let duplicates = 0;
  opinions.forEach((o, i) => {
    const r = rated[i];
    const rawByCategory = raws.get(o.targetId);
    if (!r || !rawByCategory) return;
    raw++;
    bump(rawByCategory, o.category);
    if (!r.flags.substantive) nonSubstantive++;
    if (!r.eligible) return;
    if (r.repeat) duplicates++;
    if (r.flags.counted) bump(countedBy.get(o.targetId)!, o.category);
    const provider = compareKey(o.provider);
    if (provider !== '') {
      const byProvider = providerKeys.get(o.targetId)!;
      let pset = byProvider.get(provider);
      if (!pset) byProvider.set(provider, (pset = new Set()));
      pset.add(`${o.category}\u0001${r.key}`);
    }
  });

  const targets: TargetReadiness[] = [];
  const shortfalls: Shortfall[] = [];
  const providerShortfalls: ProviderShortfall[] = [];
  const zeroTargets: Readiness['zeroTargets'] = [];
  const otherCategories: string[] = [];
  let counted = 0;

  for (const { id, label, name, position } of input.targets) {
    const byCategory = countedBy.get(id)!;
    const rawByCategory = raws.get(id)!;
    const cells: ReadinessCell[] = rules.categories.map((category) => {
      const count = byCategory.get(category) ?? 0;
      const status: CellStatus = count >= rules.minPerCategory ? 'ok' : 'short';
      if (status === 'short') {
        shortfalls.push({
          targetId: id,
          category,
          have: count,
          need: rules.minPerCategory,
          message: `${label}：${category}意见 ${count} 条，至少需 ${rules.minPerCategory} 条`,
        });
      }
      return { category, count, raw: rawByCategory.get(category) ?? 0, min: rules.minPerCategory, status };
    });
    let count = 0;
    for (const n of byCategory.values()) count += n;
    let targetRaw = 0;
    for (const n of rawByCategory.values()) targetRaw += n;
    counted += count;
    const zero = count === 0;
    if (zero) zeroTargets.push({ targetId: id, message: `${label}：没有一条实质性意见（零意见）` });

    if (rules.minPerProvider !== null) {
      const min = rules.minPerProvider;
      let below = 0;
      for (const set of providerKeys.get(id)!.values()) if (set.size < min) below++;
      if (below > 0) {
        providerShortfalls.push({
          targetId: id,
          providers: below,
          need: min,
          message: `${label}：有 ${below} 个提出方所提意见不足 ${min} 条`,
        });
      }
    }
    const required = cells.reduce((sum, c) => sum + c.count, 0);
    for (const category of byCategory.keys()) if (!rules.categories.includes(category) && !otherCategories.includes(category)) otherCategories.push(category);
    targets.push({ targetId: id, label, name, position, isGroup: id === GROUP_TARGET, cells, count, raw: targetRaw, required, other: count - required, zero });
  }

  const messages = [
    ...(input.rosterEmpty ? [ROSTER_EMPTY_MESSAGE] : []),
    ...zeroTargets.map((z) => z.message),
    ...shortfalls.map((s) => s.message),
    ...providerShortfalls.map((p) => p.message),
  ];
  return {
    targets,
    shortfalls,
    providerShortfalls,
    zeroTargets,
    rosterEmpty: input.rosterEmpty,
    messages,
    ready: messages.length === 0,
    otherCategories,
    totals: { raw, counted, nonSubstantive, duplicates },
  };
}
