import { GROUP_LABEL, GROUP_TARGET, type Member, type Opinion, type RuleSet } from '../model/types';
import { compareKey } from '../text/normalize';
import { opinionKey } from './duplicates';
import { isSubstantive, phraseMatcher } from './substance';

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

/** `张三（副县长）`; without a position just the name. */
export function targetLabel(member: Pick<Member, 'name' | 'position'>): string {
  return member.position.trim() === '' ? member.name : `${member.name}（${member.position}）`;
}

/** Every target's label by id: 领导班子 for the group, then `姓名（职务）` for each member given. */
export function targetLabels(members: readonly Pick<Member, 'id' | 'name' | 'position'>[]): Map<string, string> {
  return new Map<string, string>([[GROUP_TARGET, GROUP_LABEL], ...members.map((m) => [m.id, targetLabel(m)] as [string, string])]);
}

/** Members in rank order (ties by name's code order only to be deterministic), deleted ones left out. */
export function orderedMembers<T extends Pick<Member, 'rank' | 'name' | 'deletedAt'> & { id: string }>(
  members: readonly T[],
): T[] {
  return members
    .filter((m) => !m.deletedAt)
    .slice()
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Checks a meeting against its rule set: for each target (the group first, then members in rank
 * order) and each required category, the number of distinct, substantive opinions, every
 * shortfall as a Chinese sentence, the zero-opinion targets, and whether the meeting may be held.
 * The order of the input never changes the result.
 */
export function computeReadiness(input: ReadinessInput, rules: RuleSet): Readiness {
  const noOpinion = phraseMatcher(rules.noOpinionPhrases, rules.praisePhrases);
  const members = orderedMembers(input.members);
  const targetIds: string[] = [...(rules.groupIsTarget ? [GROUP_TARGET] : []), ...members.map((m) => m.id)];
  const isTarget = new Set(targetIds);

  // targetId → category → distinct keys; plus raw counts and per-provider keys.
  const keys = new Map<string, Map<string, Set<string>>>();
  const raws = new Map<string, Map<string, number>>();
  const providerKeys = new Map<string, Map<string, Set<string>>>();
  for (const id of targetIds) {
    keys.set(id, new Map());
    raws.set(id, new Map());
    providerKeys.set(id, new Map());
  }

  let raw = 0;
  let nonSubstantive = 0;
  let duplicates = 0;
  for (const o of input.opinions) {
    if (o.deletedAt || !isTarget.has(o.targetId)) continue;
    raw++;
    const rawByCategory = raws.get(o.targetId)!;
    rawByCategory.set(o.category, (rawByCategory.get(o.category) ?? 0) + 1);
    const substantive = isSubstantive(o.content, noOpinion);
    if (!substantive) {
      nonSubstantive++;
      if (rules.excludeNonSubstantive) continue;
    }
    const key = opinionKey(o.content);
    const byCategory = keys.get(o.targetId)!;
    let set = byCategory.get(o.category);
    if (!set) byCategory.set(o.category, (set = new Set()));
    if (set.has(key)) duplicates++;
    else set.add(key);

    const provider = compareKey(o.provider);
    if (provider !== '') {
      const byProvider = providerKeys.get(o.targetId)!;
      let pset = byProvider.get(provider);
      if (!pset) byProvider.set(provider, (pset = new Set()));
      pset.add(`${o.category}\u0001${key}`);
    }
  }

  const targets: TargetReadiness[] = [];
  const shortfalls: Shortfall[] = [];
  const providerShortfalls: ProviderShortfall[] = [];
  const zeroTargets: Readiness['zeroTargets'] = [];
  const otherCategories: string[] = [];
  let counted = 0;

  const describe = (id: string) => {
    if (id === GROUP_TARGET) return { label: GROUP_LABEL, name: GROUP_LABEL, position: '' };
    const m = members.find((x) => x.id === id)!;
    return { label: targetLabel(m), name: m.name, position: m.position };
  };

  for (const id of targetIds) {
    const { label, name, position } = describe(id);
    const byCategory = keys.get(id)!;
    const rawByCategory = raws.get(id)!;
    const cells: ReadinessCell[] = rules.categories.map((category) => {
      const count = byCategory.get(category)?.size ?? 0;
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
    for (const set of byCategory.values()) count += set.size;
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

  const rosterEmpty = members.length === 0;
  const messages = [
    ...(rosterEmpty ? [ROSTER_EMPTY_MESSAGE] : []),
    ...zeroTargets.map((z) => z.message),
    ...shortfalls.map((s) => s.message),
    ...providerShortfalls.map((p) => p.message),
  ];
  return {
    targets,
    shortfalls,
    providerShortfalls,
    zeroTargets,
    rosterEmpty,
    messages,
    ready: messages.length === 0,
    otherCategories,
    totals: { raw, counted, nonSubstantive, duplicates },
  };
}
