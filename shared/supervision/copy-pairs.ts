// Which units' lists share opinions (疑似抄袭), pair by pair: what a supervisor writes in the 督导意见
// of both units, before reading the texts side by side (the overview workbook's 警示明细).
import type { MeetingWarning } from './warnings';

interface CopyPair {
  /** The two meetings, in the order their units were first met. */
  meetings: [string, string];
  units: [string, string];
  /** Opinions of each side that resemble one of the other side's. */
  counts: [number, number];
}

/**
 * The pairs of meetings of different units with 疑似抄袭 warnings between them, most opinions first.
 * Each side's warnings name its own opinions, so a pair's counts are per side.
 */
export function copyPairs(warnings: readonly Pick<MeetingWarning, 'kind' | 'a' | 'b'>[], unitName: (unitId: string) => string): CopyPair[] {
  const pairs = new Map<string, CopyPair>();
  for (const w of warnings) {
    if (w.kind !== 'cross-unit' || !w.b) continue;
    const [first, second] = w.a.meetingId < w.b.meetingId ? [w.a, w.b] : [w.b, w.a];
    const key = `${first.meetingId}|${second.meetingId}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { meetings: [w.a.meetingId, w.b.meetingId], units: [unitName(w.a.unitId), unitName(w.b.unitId)], counts: [0, 0] };
      pairs.set(key, pair);
    }
    pair.counts[pair.meetings[0] === w.a.meetingId ? 0 : 1]++;
  }
  return [...pairs.values()].sort((x, y) => y.counts[0] + y.counts[1] - (x.counts[0] + x.counts[1]));
}

/** `某某县教育局 5 条 ↔ 某某县卫生健康局 5 条`: each side's opinions that resemble the other's. */
export function copyPairText(pair: CopyPair): string {
  return `${pair.units[0]} ${pair.counts[0]} 条 ↔ ${pair.units[1]} ${pair.counts[1]} 条`;
}
