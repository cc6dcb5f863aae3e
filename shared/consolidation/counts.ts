// 收集 X 条 → 梳理为 Y 条, per target and per channel, as reports give them. X is every live raw
// opinion; Y is the live consolidated opinions plus the raw opinions that count and are not yet
// consolidated (each still stands for itself), so the figure is honest while 梳理 is under way.
import type { OpinionFlags } from '../checks/opinion-flags';
import type { ConsolidatedOpinion } from '../model/problems';
import type { Opinion } from '../model/types';

interface CollectedCount {
  /** 收集: live raw opinions. */
  collected: number;
  /** 梳理为: consolidated opinions, plus counted raw opinions not yet consolidated. */
  consolidated: number;
  /** Counted raw opinions not yet in any consolidated opinion. */
  pending: number;
}

export interface ConsolidationCounts {
  total: CollectedCount;
  /** In the order of the targets given. */
  targets: Array<CollectedCount & { targetId: string; label: string }>;
  /**
   * In the rule set's order, then others found. A consolidated opinion merging opinions of two
   * channels counts once in each, so the channels' 梳理 figures may add up to more than the total.
   */
  channels: Array<CollectedCount & { channel: string }>;
}

const zero = (): CollectedCount => ({ collected: 0, consolidated: 0, pending: 0 });

/** The 收集/梳理 counts of one meeting. `flags` are the checks' flags of the raw opinions (flagOpinions). */
export function consolidationCounts(input: {
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'channel' | 'deletedAt'>[];
  consolidated: readonly ConsolidatedOpinion[];
  flags: ReadonlyMap<string, Pick<OpinionFlags, 'counted'>>;
  targets: ReadonlyArray<{ id: string; label: string }>;
  channels: readonly string[];
}): ConsolidationCounts {
  const raws = input.opinions.filter((o) => !o.deletedAt);
  const rawById = new Map(raws.map((o) => [o.id, o]));
  const total = zero();
  const byTarget = new Map(input.targets.map((t) => [t.id, { targetId: t.id, label: t.label, ...zero() }]));
  const byChannel = new Map(input.channels.map((channel) => [channel, { channel, ...zero() }]));
  const channelOf = (o: Pick<Opinion, 'channel'>) => {
    const channel = o.channel.trim() === '' ? '未注明' : o.channel;
    let c = byChannel.get(channel);
    if (!c) byChannel.set(channel, (c = { channel, ...zero() }));
    return c;
  };

  const held = new Set<string>();
  for (const c of input.consolidated) {
    if (c.deletedAt) continue;
    const sources = c.sourceIds.map((id) => rawById.get(id)).filter((o) => o !== undefined);
    if (sources.length === 0) continue;
    for (const o of sources) held.add(o.id);
    total.consolidated++;
    const t = byTarget.get(c.targetId);
    if (t) t.consolidated++;
    for (const channel of new Set(sources.map(channelOf))) channel.consolidated++;
  }
  for (const o of raws) {
    total.collected++;
    const t = byTarget.get(o.targetId);
    const channel = channelOf(o);
    if (t) t.collected++;
    channel.collected++;
    if (!held.has(o.id) && input.flags.get(o.id)?.counted) {
      for (const c of [total, channel, ...(t ? [t] : [])]) {
        c.consolidated++;
        c.pending++;
      }
    }
  }
  return { total, targets: [...byTarget.values()], channels: [...byChannel.values()] };
}

/** Every counted opinion still pending: none has been consolidated yet. */
function nothingConsolidated(c: CollectedCount): boolean {
  return c.pending > 0 && c.pending === c.consolidated;
}

/**
 * `梳理为155条`, with `（尚有3条未梳理）` while some are pending; `尚未梳理` while none has been
 * consolidated (every counted opinion pending: `梳理为5条（尚有5条未梳理）` would contradict itself).
 */
export function consolidatedPhrase(c: CollectedCount, inBrackets = false): string {
  if (nothingConsolidated(c)) return '尚未梳理';
  // Inside a bracket already (a title's （…）), the pending count is a clause: no bracket in a bracket.
  const pending = inBrackets ? `，尚有${c.pending}条未梳理` : `（尚有${c.pending}条未梳理）`;
  return `梳理为${c.consolidated}条${c.pending > 0 ? pending : ''}`;
}

/**
 * The 梳理为 cell of a table: `—` while nothing is consolidated (as consolidatedPhrase says 尚未梳理),
 * else the count — a table under 尚未梳理 must not show the pending opinions as 梳理为 figures.
 */
export function consolidatedCell(c: CollectedCount): string {
  return nothingConsolidated(c) ? '—' : String(c.consolidated);
}

/** `收集252条，梳理为155条` (see consolidatedPhrase); `inBrackets` for a sentence set inside （…）. */
export function countSentence(c: CollectedCount, inBrackets = false): string {
  return `收集${c.collected}条，${consolidatedPhrase(c, inBrackets)}`;
}
