import type { Meeting, Member, Opinion } from '../model/types';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256';

export interface FingerprintInput {
  meeting: Pick<Meeting, 'ruleSet'>;
  members: readonly Pick<Member, 'id' | 'name' | 'position' | 'rank' | 'deletedAt'>[];
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'category' | 'channel' | 'provider' | 'content' | 'deletedAt'>[];
}

/**
 * A fingerprint of what a verdict judges: the rule set, the live roster and the live opinions
 * (the fields that decide counts and warnings, not timestamps or who typed them). Any change to
 * those gives another fingerprint, so a verdict can tell it is stale; the order of the input and
 * edits that are undone do not. SHA-256 of canonical JSON, as 64 hex digits.
 */
export function meetingFingerprint(input: FingerprintInput): string {
  const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const members = byId(input.members.filter((m) => !m.deletedAt).map((m) => ({ id: m.id, name: m.name, position: m.position, rank: m.rank })));
  const opinions = byId(
    input.opinions
      .filter((o) => !o.deletedAt)
      .map((o) => ({ id: o.id, targetId: o.targetId, category: o.category, channel: o.channel, provider: o.provider, content: o.content })),
  );
  return sha256Hex(new TextEncoder().encode(canonicalJson({ rules: input.meeting.ruleSet, members, opinions })));
}
