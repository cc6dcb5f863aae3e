// A meeting's whole pre-meeting check computed once from its records: the 谈心谈话 coverage and
// matrix, each target's 对照检查材料 review (against its consolidated opinions and problem items, or
// its raw opinions that count when none are consolidated yet), and the 会前准备 checklist. The
// 会前准备 tab, the audit tab, the 督导审核意见, the stored summary and `check` all read this.
import type { Readiness } from '../checks/readiness';
import type { OpinionFlags } from '../checks/opinion-flags';
import { targetLabel } from '../meeting/roster';
import type { LedgerEntry } from '../model/ledger';
import { currentPreparation, type MaterialRecord, type MeetingPreparation } from '../model/preparation';
import type { ConsolidatedOpinion, ProblemItem } from '../model/problems';
import type { Talk } from '../model/talks';
import { GROUP_LABEL, GROUP_TARGET, type Meeting, type Member, type Opinion } from '../model/types';
import type { MaterialRef } from '../materials/copies';
import { reviewMaterials, type MaterialReview } from '../materials/review';
import { materialRulesOf } from '../materials/rules';
import { talkCoverage, talkMatrix, type TalkCoverage, type TalkMatrix } from '../talks/coverage';
import { preMeetingChecklist, type ChecklistKey, type ChecklistStatus, type PreMeetingChecklist } from './pre-meeting';

export interface PreMeetingRecords {
  meeting: Meeting;
  /** The unit's name, for naming this meeting's materials in copy warnings. */
  unitName: string;
  /** The roster (deleted members are left out). */
  members: readonly Member[];
  readiness: Pick<Readiness, 'ready' | 'messages' | 'totals'>;
  /** Live opinions with their flags: a target with no consolidated opinion is read against those that count. */
  opinions: readonly Opinion[];
  flags?: ReadonlyMap<string, Pick<OpinionFlags, 'counted'>>;
  talks: readonly Talk[];
  preparations: readonly MeetingPreparation[];
  materials: readonly MaterialRecord[];
  consolidated: readonly ConsolidatedOpinion[];
  problems: readonly ProblemItem[];
  /** This meeting's ledger and last year's (undefined when last year's meeting is not here). */
  ledger?: { previous: readonly LedgerEntry[]; current: readonly LedgerEntry[] };
  /** Materials of other units and earlier years to compare with (see materialRefs). */
  others?: readonly MaterialRef[];
}

export interface PreMeetingReview {
  coverage: TalkCoverage;
  matrix: TalkMatrix;
  reviews: MaterialReview[];
  checklist: PreMeetingChecklist;
  preparation?: MeetingPreparation;
}

/** The whole pre-meeting check of one meeting. */
export function preMeetingReview(r: PreMeetingRecords): PreMeetingReview {
  const members = r.members.filter((m) => !m.deletedAt);
  const coverage = talkCoverage({ members, talks: r.talks.filter((t) => t.meetingId === r.meeting.id), ruleSet: r.meeting.ruleSet });
  const matrix = talkMatrix(members, coverage);
  const rules = materialRulesOf(r.meeting.ruleSet);
  const targets = [
    { id: GROUP_TARGET, label: GROUP_LABEL, name: '' },
    ...[...members].sort((a, b) => a.rank - b.rank).map((m) => ({ id: m.id, label: targetLabel(m), name: m.name })),
  ];
  // Without consolidated opinions for a target, its raw opinions that count are what the material must answer.
  const consolidatedTargets = new Set(r.consolidated.filter((c) => !c.deletedAt).map((c) => c.targetId));
  const raw = r.opinions
    .filter((o) => !o.deletedAt && !consolidatedTargets.has(o.targetId) && (r.flags?.get(o.id)?.counted ?? true))
    .map((o) => ({ id: o.id, targetId: o.targetId, text: o.content }));
  const own = r.materials.filter((m) => m.meetingId === r.meeting.id);
  const reviews = reviewMaterials({
    targets,
    materials: own,
    consolidated: r.consolidated,
    problems: r.problems,
    rawOpinions: raw,
    dimensions: r.meeting.dimensions,
    rules,
    ref: (m) => refFields(r.meeting, r.unitName, targets, m),
    others: (r.others ?? []).filter((o) => o.meetingId !== r.meeting.id),
  });
  const preparation = currentPreparation(r.preparations, r.meeting.id);
  const checklist = preMeetingChecklist({
    plannedDate: r.meeting.plannedDate,
    planLeadDays: rules.planLeadDays,
    preparation,
    readiness: r.readiness,
    talks: coverage,
    materials: reviews,
    ledger: r.ledger,
  });
  return { coverage, matrix, reviews, checklist, preparation };
}

/** How a meeting's material is named and placed for the copy comparison. */
function refFields(meeting: Pick<Meeting, 'unitId' | 'id' | 'year'>, unitName: string, targets: ReadonlyArray<{ id: string; label: string; name: string }>, m: MaterialRecord): Omit<MaterialRef, 'doc' | 'id'> {
  const target = targets.find((t) => t.id === m.targetId);
  const name = target ? target.label : m.targetId === GROUP_TARGET ? GROUP_LABEL : '已移除的成员';
  return {
    unitId: meeting.unitId,
    meetingId: meeting.id,
    year: meeting.year,
    targetId: m.targetId,
    // The same person across years: the group, or the member's name within the unit.
    person: m.targetId === GROUP_TARGET ? GROUP_TARGET : (target?.name ?? m.targetId),
    label: `${unitName}·${name}·${meeting.year}年度`,
  };
}

/** The latest live material per target of one meeting, as the copy comparison of other meetings reads them. */
export function materialRefs(meeting: Pick<Meeting, 'unitId' | 'id' | 'year'>, unitName: string, members: readonly Member[], materials: readonly MaterialRecord[]): MaterialRef[] {
  const targets = [{ id: GROUP_TARGET, label: GROUP_LABEL, name: '' }, ...members.filter((m) => !m.deletedAt).map((m) => ({ id: m.id, label: targetLabel(m), name: m.name }))];
  const latest = new Map<string, MaterialRecord>();
  for (const m of materials) {
    if (m.deletedAt || m.meetingId !== meeting.id) continue;
    const old = latest.get(m.targetId);
    if (!old || old.updatedAt < m.updatedAt) latest.set(m.targetId, m);
  }
  return [...latest.values()].map((m) => ({ ...refFields(meeting, unitName, targets, m), id: m.id, doc: { title: m.title, blocks: m.blocks } }));
}

/** Last year's meeting of the same unit (the live one of year − 1, the latest created), whose ledger the checklist reads. */
export function previousMeeting<T extends Pick<Meeting, 'id' | 'unitId' | 'year' | 'createdAt' | 'deletedAt'>>(meetings: readonly T[], meeting: Pick<Meeting, 'unitId' | 'year'>): T | undefined {
  return meetings
    .filter((m) => !m.deletedAt && m.unitId === meeting.unitId && m.year === meeting.year - 1)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
}

/** What the stored summary keeps of the check: each item's status and the counts the overview shows. */
export interface PreparationSummary {
  items: Record<ChecklistKey, ChecklistStatus>;
  talksDone: number;
  talksRequired: number;
  materialsExpected: number;
  materialsSubmitted: number;
  materialsWarned: number;
}

/** The summary's part of a review. */
export function preparationSummary(review: PreMeetingReview): PreparationSummary {
  const items = Object.fromEntries(review.checklist.items.map((i) => [i.key, i.status])) as Record<ChecklistKey, ChecklistStatus>;
  const submitted = review.reviews.filter((x) => x.material);
  return {
    items,
    talksDone: review.coverage.required - review.coverage.missing.length,
    talksRequired: review.coverage.required,
    materialsExpected: review.reviews.length,
    materialsSubmitted: submitted.length,
    materialsWarned: submitted.filter((x) => x.warnings.length > 0).length,
  };
}

/** The line a supervisor ticks to cite one warning of one person's material: `对照检查材料：李红（副局长）：……`. */
export function materialWarningLine(label: string, message: string): string {
  return `对照检查材料：${label}：${message}`;
}

/** Every line of the check a verdict may cite: the checklist's items not done, then each material warning. */
export function preMeetingTickable(review: Pick<PreMeetingReview, 'checklist' | 'reviews'>): string[] {
  return [...new Set([...review.checklist.tickable, ...review.reviews.flatMap((r) => r.warnings.map((w) => materialWarningLine(r.label, w.message)))])];
}
