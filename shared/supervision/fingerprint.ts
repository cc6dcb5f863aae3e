// What a verdict judges, as fingerprints. Three values, one rule each:
// - meetingFingerprint: the rule set, the live roster and the live opinions. The cross-unit copy
//   scan stores it with its findings (they are about opinions only), and it is the verdict's value
//   for a meeting with no pre-meeting record — as it was before those records were judged, so
//   verdicts stored then and format-1 packages compare as before.
// - preMeetingFingerprint: the live 谈心谈话, the live 对照检查材料 and the current 会前准备 record.
// - verdictFingerprint: what a verdict stores and is compared with, made of the two.
import { currentPreparation, type MaterialRecord, type MeetingPreparation } from '../model/preparation';
import type { Talk } from '../model/talks';
import type { Meeting, Member, Opinion } from '../model/types';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256';

export interface FingerprintInput {
  meeting: Pick<Meeting, 'ruleSet'>;
  members: readonly Pick<Member, 'id' | 'name' | 'position' | 'rank' | 'deletedAt'>[];
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'category' | 'channel' | 'provider' | 'content' | 'deletedAt'>[];
}

const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const hashOf = (value: unknown) => sha256Hex(new TextEncoder().encode(canonicalJson(value)));

/**
 * A fingerprint of the opinions' side of what a verdict judges: the rule set, the live roster and
 * the live opinions (the fields that decide counts and warnings, not timestamps or who typed them).
 * Any change to those gives another fingerprint; the order of the input and edits that are undone
 * do not. SHA-256 of canonical JSON, as 64 hex digits.
 */
export function meetingFingerprint(input: FingerprintInput): string {
  const members = byId(input.members.filter((m) => !m.deletedAt).map((m) => ({ id: m.id, name: m.name, position: m.position, rank: m.rank })));
  const opinions = byId(
    input.opinions
      .filter((o) => !o.deletedAt)
      .map((o) => ({ id: o.id, targetId: o.targetId, category: o.category, channel: o.channel, provider: o.provider, content: o.content })),
  );
  return hashOf({ rules: input.meeting.ruleSet, members, opinions });
}

/** A meeting's pre-meeting records; soft-deleted ones and other meetings' may be included (they are left out). */
export interface PreMeetingFingerprintInput {
  meetingId: string;
  talks: readonly Talk[];
  materials: readonly MaterialRecord[];
  preparations: readonly MeetingPreparation[];
}

/**
 * A fingerprint of the pre-meeting records a verdict judges — the live talks (date, both sides, note,
 * linked opinions), the live materials (target, title, text) and the 会前准备 record `currentPreparation`
 * picks (方案报送, 学习研讨) — or undefined when the meeting has none of them. Not stamps or who saved them.
 */
export function preMeetingFingerprint(input: PreMeetingFingerprintInput): string | undefined {
  const mine = <T extends { meetingId: string; deletedAt?: string | undefined }>(xs: readonly T[]) => xs.filter((x) => !x.deletedAt && x.meetingId === input.meetingId);
  const talks = byId(mine(input.talks).map((t) => ({ id: t.id, date: t.date, a: t.a, b: t.b, note: t.note, opinionIds: [...t.opinionIds].sort() })));
  const materials = byId(mine(input.materials).map((m) => ({ id: m.id, targetId: m.targetId, title: m.title, blocks: m.blocks.map((b) => [b.kind, b.level, b.text]) })));
  const p = currentPreparation(input.preparations, input.meetingId);
  if (talks.length === 0 && materials.length === 0 && !p) return undefined;
  const preparation = p ? { planSubmittedOn: p.planSubmittedOn, studySessions: p.studySessions.map((s) => ({ date: s.date, topic: s.topic })) } : null;
  return hashOf({ talks, materials, preparation });
}

/** The two fingerprints of a meeting, as its stored summary keeps them. */
interface FingerprintParts {
  fingerprint: string;
  preMeetingFingerprint?: string | undefined;
}

/**
 * What a verdict stores and is compared with: the opinions' fingerprint alone when the meeting has no
 * pre-meeting record, else SHA-256 of both. So a talk recorded, a material edited or the 会前准备 record
 * changed after a verdict makes it stale, and a meeting without such records keeps the value it had.
 */
export function verdictFingerprint(parts: FingerprintParts): string {
  return parts.preMeetingFingerprint === undefined ? parts.fingerprint : hashOf({ opinions: parts.fingerprint, preMeeting: parts.preMeetingFingerprint });
}
