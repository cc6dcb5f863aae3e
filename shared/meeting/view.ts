// A meeting's derived data, computed once from its records and read everywhere: the tabs, the
// Word/Excel/print documents, the command line, the stored summaries and the audit snapshot.
// One rule for the targets, one rating of every opinion (rateOpinions: what counts), readiness
// tallied from those ratings, the labels, and — on first use, they cost more — the warnings and
// the fingerprint.
import { byEntry, flagsById, rateOpinions, type OpinionFlags } from '../checks/opinion-flags';
import { tallyReadiness, type Readiness } from '../checks/readiness';
import { GROUP_LABEL, GROUP_TARGET, type Meeting, type Member, type Opinion } from '../model/types';
import { meetingFingerprint } from '../supervision/fingerprint';
import { meetingWarnings, type MeetingWarning } from '../supervision/warnings';
import { orderedMembers, targetLabel, targetLabels } from './roster';

/** The records of one meeting; deleted members and opinions may be included and are left out. */
interface MeetingRecords {
  meeting: Meeting;
  members: readonly Member[];
  opinions: readonly Opinion[];
}

/** A target of the meeting: the group or a live member. */
interface ViewTarget {
  id: string;
  isGroup: boolean;
  /** 0 for the group, then 1, 2 … in rank order: the number in file names. */
  order: number;
  name: string;
  position: string;
  /** `李四（副局长）` or `领导班子`. */
  label: string;
  /** The rule set judges it: every member, and the group when `ruleSet.groupIsTarget`. */
  judged: boolean;
  /** Its live opinions, counted or not. */
  opinionCount: number;
}

export interface MeetingView {
  meeting: Meeting;
  /** Live members in rank order. */
  members: Member[];
  /**
   * The one rule for a meeting's targets: the group first, then live members in rank order.
   * Opinions may be entered for each; readiness judges those with `judged`.
   */
  targets: ViewTarget[];
  /** Target id → label, for the group and every live member. */
  labels: Map<string, string>;
  /** Live opinions, oldest first (those of deleted members included). */
  opinions: Opinion[];
  /** What the checks say about each live opinion, by id. */
  flags: Map<string, OpinionFlags>;
  /** Readiness of the judged targets, tallied from the same ratings as the flags. */
  readiness: Readiness;
  /** The warnings found inside the meeting (computed on first use). */
  readonly warnings: MeetingWarning[];
  /** The fingerprint of what a verdict judges (computed on first use). */
  readonly fingerprint: string;
}

/** Computes a meeting's view from its records. Cheap parts now, warnings and fingerprint on first use. */
export function meetingView(records: MeetingRecords): MeetingView {
  const { meeting } = records;
  const rules = meeting.ruleSet;
  const members = orderedMembers(records.members);
  const opinions = records.opinions.filter((o) => !o.deletedAt && o.meetingId === meeting.id).sort(byEntry);
  const rated = rateOpinions(opinions, rules);
  const flags = flagsById(opinions, rated);
  const perTarget = new Map<string, number>();
  for (const o of opinions) perTarget.set(o.targetId, (perTarget.get(o.targetId) ?? 0) + 1);
  const targets: ViewTarget[] = [
    { id: GROUP_TARGET, isGroup: true, order: 0, name: GROUP_LABEL, position: '', label: GROUP_LABEL, judged: rules.groupIsTarget, opinionCount: perTarget.get(GROUP_TARGET) ?? 0 },
    ...members.map((m, i) => ({ id: m.id, isGroup: false, order: i + 1, name: m.name, position: m.position, label: targetLabel(m), judged: true, opinionCount: perTarget.get(m.id) ?? 0 })),
  ];
  const readiness = tallyReadiness({ targets: targets.filter((t) => t.judged), rosterEmpty: members.length === 0, opinions, rated }, rules);
  let warnings: MeetingWarning[] | undefined;
  let fingerprint: string | undefined;
  return {
    meeting,
    members,
    targets,
    labels: targetLabels(members),
    opinions,
    flags,
    readiness,
    get warnings() {
      return (warnings ??= meetingWarnings({ meeting, members: records.members, opinions }, undefined, flags));
    },
    get fingerprint() {
      return (fingerprint ??= meetingFingerprint({ meeting, members, opinions }));
    },
  };
}

/** What a verdict judges and the audit tab lists (as auditWarnings): the stored cross-unit findings, then the meeting's own warnings. */
export function viewAuditWarnings(view: Pick<MeetingView, 'warnings'>, findings: readonly MeetingWarning[] = []): MeetingWarning[] {
  return [...findings, ...view.warnings];
}
