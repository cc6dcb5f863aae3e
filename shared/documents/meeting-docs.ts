// What every document of a meeting is built from, computed once per export: the targets in list
// order, the readiness and the per-opinion flags from the shared checks, and the opinions each
// list shows. Word, Excel, the print layout and the command line all start here, so the same
// data gives the same numbers everywhere.
import type { OpinionFlags } from '../checks/opinion-flags';
import type { Readiness } from '../checks/readiness';
import { meetingView, type MeetingView } from '../meeting/view';
import type { Meeting, Member, Opinion, Unit } from '../model/types';

/** The records of one meeting; deleted members and opinions may be included and are left out. */
export interface MeetingDocInput {
  unit: Pick<Unit, 'name' | 'shortName'>;
  meeting: Meeting;
  members: readonly Member[];
  opinions: readonly Opinion[];
}

export interface DocTarget {
  id: string;
  isGroup: boolean;
  /** 0 for the group, then 1, 2 … in rank order: the number in file names. */
  order: number;
  name: string;
  position: string;
  /** `李四（副局长）` or `领导班子`. */
  label: string;
}

export interface ChannelTotal {
  channel: string;
  /** Every live opinion that came through the channel. */
  collected: number;
  /** Those that count: substantive and not a repeat. */
  counted: number;
}

export interface MeetingDocs {
  input: MeetingDocInput;
  /** The group first (when it is a target or has opinions), then members in rank order. */
  targets: DocTarget[];
  readiness: Readiness;
  flags: Map<string, OpinionFlags>;
  /** Live opinions of live targets, oldest first. */
  opinions: Opinion[];
  /** Live opinions whose member was deleted: only the internal ledger shows them. */
  orphans: Opinion[];
  /** Per channel, in the rule set's order, then any other channel found. */
  channels: ChannelTotal[];
}

/** Whether an opinion appears in the lists: it counts (see OpinionFlags.counted). */
export function isListed(flags: OpinionFlags | undefined): boolean {
  return flags?.counted === true;
}

/** Prepares a meeting for its documents from its view: the listed targets, readiness, flags and channel totals. */
export function prepareMeetingDocs(input: MeetingDocInput, view: MeetingView = meetingView(input)): MeetingDocs {
  const live = new Set(view.targets.map((t) => t.id));
  const opinions = view.opinions.filter((o) => live.has(o.targetId));
  const orphans = view.opinions.filter((o) => !live.has(o.targetId));
  // A list is made for every judged target, and for the group when it has opinions although it is not judged.
  const targets: DocTarget[] = view.targets
    .filter((t) => t.judged || t.opinionCount > 0)
    .map(({ id, isGroup, order, name, position, label }) => ({ id, isGroup, order, name, position, label }));
  // Opinions of deleted members have no list: they carry no flags (the ledger says 成员已删除).
  const orphanIds = new Set(orphans.map((o) => o.id));
  const flags = new Map([...view.flags].filter(([id]) => !orphanIds.has(id)));
  return { input, targets, readiness: view.readiness, flags, opinions, orphans, channels: channelTotals(opinions, flags, input.meeting.ruleSet.channels) };
}

function channelTotals(opinions: readonly Opinion[], flags: Map<string, OpinionFlags>, order: readonly string[]): ChannelTotal[] {
  const totals = new Map<string, ChannelTotal>(order.map((channel) => [channel, { channel, collected: 0, counted: 0 }]));
  for (const o of opinions) {
    const channel = o.channel.trim() === '' ? '未注明' : o.channel;
    let t = totals.get(channel);
    if (!t) totals.set(channel, (t = { channel, collected: 0, counted: 0 }));
    t.collected++;
    if (isListed(flags.get(o.id))) t.counted++;
  }
  return [...totals.values()];
}

/** The meeting's name with its year: `2025年度民主生活会` (the year is added when the title lacks it). */
export function meetingHeading(meeting: Pick<Meeting, 'title' | 'year'>): string {
  return meeting.title.includes(String(meeting.year)) ? meeting.title : `${meeting.year}年度${meeting.title}`;
}

/** The member records of the meeting by id, including deleted ones (for labels in the ledger). */
export function memberIndex(input: MeetingDocInput): Map<string, Member> {
  return new Map(input.members.map((m) => [m.id, m]));
}

/** `2025-11-21` → `2025年11月21日`; anything else as it is. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}
