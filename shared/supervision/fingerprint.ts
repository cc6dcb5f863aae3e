import type { Meeting, Member, Opinion } from '../model/types';
import { currentPreparation, type MaterialRecord, type MeetingPreparation } from '../model/preparation';
import type { Talk } from '../model/talks';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256';

/** The meeting's 谈心谈话 and 会前准备 records a verdict also judges (soft-deleted ones may be included; they are left out). */
export interface PreMeetingRecords {
  talks: readonly Talk[];
  materials: readonly MaterialRecord[];
  preparations: readonly MeetingPreparation[];
}

export interface FingerprintInput {
  /** The id picks the meeting's own pre-meeting records (all that are given, without it). */
  meeting: Pick<Meeting, 'ruleSet'> & { id?: string };
  members: readonly Pick<Member, 'id' | 'name' | 'position' | 'rank' | 'deletedAt'>[];
  opinions: readonly Pick<Opinion, 'id' | 'targetId' | 'category' | 'channel' | 'provider' | 'content' | 'deletedAt'>[];
  /** Absent, or with no live record: the fingerprint is the one of rules, roster and opinions alone. */
  preMeeting?: PreMeetingRecords;
}

const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * A fingerprint of what a verdict judges: the rule set, the live roster, the live opinions (the
 * fields that decide counts and warnings, not timestamps or who typed them) and, once the meeting
 * has any, its live 谈心谈话, 对照检查材料 and current 会前准备 record. Any change to those gives
 * another fingerprint, so a verdict can tell it is stale — a talk recorded after it included; the
 * order of the input and edits that are undone do not. A meeting without pre-meeting records keeps
 * the fingerprint it had before they were judged, so verdicts stored then are not made stale.
 * SHA-256 of canonical JSON, as 64 hex digits.
 */
export function meetingFingerprint(input: FingerprintInput): string {
  const members = byId(input.members.filter((m) => !m.deletedAt).map((m) => ({ id: m.id, name: m.name, position: m.position, rank: m.rank })));
  const opinions = byId(
    input.opinions
      .filter((o) => !o.deletedAt)
      .map((o) => ({ id: o.id, targetId: o.targetId, category: o.category, channel: o.channel, provider: o.provider, content: o.content })),
  );
  const preMeeting = input.preMeeting && preMeetingPart(input.preMeeting, input.meeting.id);
  return sha256Hex(new TextEncoder().encode(canonicalJson({ rules: input.meeting.ruleSet, members, opinions, ...(preMeeting ? { preMeeting } : {}) })));
}

/** What the verdict judges of the pre-meeting records (their content, not stamps), or undefined when there is none. */
function preMeetingPart(r: PreMeetingRecords, id: string | undefined) {
  const meetingId = id ?? r.preparations[0]?.meetingId ?? '';
  const mine = <T extends { meetingId: string; deletedAt?: string }>(xs: readonly T[]) => xs.filter((x) => !x.deletedAt && (id === undefined || x.meetingId === id));
  const talks = byId(mine(r.talks).map((t) => ({ id: t.id, date: t.date, a: t.a, b: t.b, note: t.note, opinionIds: [...t.opinionIds].sort() })));
  const materials = byId(mine(r.materials).map((m) => ({ id: m.id, targetId: m.targetId, title: m.title, blocks: m.blocks.map((b) => [b.kind, b.level, b.text]) })));
  const p = currentPreparation(r.preparations, meetingId);
  const preparation = p ? { planSubmittedOn: p.planSubmittedOn, studySessions: p.studySessions } : null;
  if (talks.length === 0 && materials.length === 0 && !preparation) return undefined;
  return { talks, materials, preparation };
}
