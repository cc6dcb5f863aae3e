// The per-meeting summary the overview reads instead of every opinion: kept in its own table and
// recomputed in the same transaction as every write that changes a meeting's roster, opinions,
// rules or audits. 300 of them are the whole county; reading them is instant.
import type { Readiness } from '../checks/readiness';
import { meetingView, type MeetingView } from '../meeting/view';
import type { LedgerEntry, ProgressEntry } from '../model/ledger';
import type { MaterialRecord, MeetingPreparation } from '../model/preparation';
import type { ConsolidatedOpinion, ProblemItem } from '../model/problems';
import type { Talk } from '../model/talks';
import { carriedOut } from '../ledger/deadlines';
import { rectificationSummary, type RectificationSummary } from '../ledger/rectification-summary';
import { type Audit, type Meeting, type Member, type Opinion, type Verdict } from '../model/types';
import { computeCoverage } from '../problems/coverage';
import { preMeetingFingerprint, verdictFingerprint } from './fingerprint';
import { preMeetingReview, preparationSummary, type PreparationSummary } from './pre-meeting-review';
import { countWarnings, perfunctoryCounts, type WarningKind } from './warnings';

/** What the readiness check says, before any verdict. */
export type ReadinessState = 'ready' | 'not-ready' | 'zero';

export interface LastAudit {
  id: string;
  verdict: Verdict;
  at: string;
  auditor: string;
  /** The fingerprint of the data the verdict judged (see verdictFingerprint). */
  fingerprint: string;
}

export interface MeetingSummary {
  meetingId: string;
  unitId: string;
  year: number;
  title: string;
  /** The meeting is in the recycle bin: left out of the overview. */
  deleted: boolean;
  readiness: ReadinessState;
  /** Everything that stops the meeting (roster, zero-opinion targets, shortfalls), as counted on the meeting page. */
  shortfallCount: number;
  /** Labels of the targets with no opinion that counts (零意见). */
  zeroTargets: string[];
  memberCount: number;
  targetCount: number;
  totals: { raw: number; counted: number; nonSubstantive: number; duplicates: number };
  /** Warnings found inside the meeting, and 疑似抄袭 from the last cross-unit scan. */
  warnings: Record<WarningKind, number>;
  /** The rule set, roster and opinions (meetingFingerprint): what the cross-unit copy scan stores with its findings. */
  fingerprint: string;
  lastAudit: LastAudit | null;
  auditCount: number;
  /** Every consolidated opinion answered (no 只征不用): answered / all of the live targets; absent in summaries stored before it. */
  coverage?: SummaryCoverage;
  /** The 整改台账 (items, 已销号, open time limits; overdue is counted when read); absent when nothing is registered. */
  rectification?: RectificationSummary;
  /** The 会前准备 checklist's state (谈心谈话, 对照检查材料 …), when the follow-up records were read. Cross-unit material copies are not in it: they need the other units' materials (the audit tab compares them). */
  preparation?: PreparationSummary;
  /**
   * The live 谈心谈话, 对照检查材料 and current 会前准备 record (preMeetingFingerprint); absent when the
   * meeting has none. A verdict is compared with both fingerprints together (verdictFingerprint).
   */
  preMeetingFingerprint?: string;
  /**
   * The deferred parts — the 雷同 and 近似重复 counts, the fingerprints and the 会前准备 state, which
   * cost most (copy detection inside the meeting, SHA-256 over every opinion and material, the 对照检查材料
   * review) — are still those of an earlier write; everything else is current. Set by
   * {@link updatedSummary}; gone once the whole summary is computed again, a moment after the
   * write. The readers of those parts (the overview, the cross-unit scan) compute them for a
   * pending summary.
   */
  pending?: true;
}

interface SummaryCoverage {
  answered: number;
  total: number;
  /** Whole per cent by the one rate rule (ratePercent); 100 when nothing is consolidated yet. */
  percent: number;
}

export interface SummaryInput {
  meeting: Meeting;
  members: readonly Member[];
  opinions: readonly Opinion[];
  audits: readonly Audit[];
  /** How many 疑似抄袭 warnings the last cross-unit scan found for the meeting (0 before any scan). */
  crossUnitWarnings?: number;
  /** The meeting's records of the second half of the practice (schema v3); absent: none. */
  followUp?: FollowUpRecords;
  /** Last year's ledger entries of the unit, for the checklist's 上年度整改; absent: last year's meeting is not here. */
  previousLedger?: readonly LedgerEntry[];
  /**
   * Ledger entries that may carry this meeting's items on (回头看): those of the unit's later meetings
   * (any set holding them will do). Its items they carry are 已结转, not open here. Absent: none.
   */
  laterLedger?: readonly Pick<LedgerEntry, 'carriedFrom' | 'deletedAt' | 'accountNumber'>[];
}

/** A meeting's records after collection: 梳理, the 两张清单, the 整改台账, 谈心谈话 and 会前准备. Soft-deleted rows included. */
export interface FollowUpRecords {
  consolidated: readonly ConsolidatedOpinion[];
  problems: readonly ProblemItem[];
  ledgerEntries: readonly LedgerEntry[];
  progressEntries: readonly ProgressEntry[];
  talks: readonly Talk[];
  preparations: readonly MeetingPreparation[];
  materials: readonly MaterialRecord[];
}

/** The latest verdict (by time, then id), or undefined. */
export function latestAudit<T extends Pick<Audit, 'at' | 'id'>>(audits: readonly T[]): T | undefined {
  let last: T | undefined;
  for (const a of audits) if (!last || a.at > last.at || (a.at === last.at && a.id > last.id)) last = a;
  return last;
}

/** A meeting's state before any verdict: a zero-opinion target outranks a shortfall. */
export function readinessState(readiness: Pick<Readiness, 'ready' | 'zeroTargets'>): MeetingSummary['readiness'] {
  return readiness.ready ? 'ready' : readiness.zeroTargets.length > 0 ? 'zero' : 'not-ready';
}

/** The latest verdict as a summary keeps it, or null. */
export function lastAuditOf(audits: readonly Audit[]): MeetingSummary['lastAudit'] {
  const last = latestAudit(audits);
  return last ? { id: last.id, verdict: last.verdict, at: last.at, auditor: last.auditor, fingerprint: last.snapshot.fingerprint } : null;
}

/** Computes a meeting's summary from its data with the shared checks (readiness, warnings, fingerprint). */
export function computeMeetingSummary(input: SummaryInput): MeetingSummary {
  const view = meetingView(input);
  return assemble(currentParts(view, input), deferredParts(view, input));
}

/**
 * A summary after a write, cheaply: every part but the deferred ones (see `pending`) computed from the
 * records (as {@link computeMeetingSummary} computes it), those taken from the summary stored before
 * the write, and the result marked `pending` until the whole summary is computed again.
 * `updatedSummary(input, s)` equals `computeMeetingSummary(input)` except in the deferred parts.
 */
export function updatedSummary(input: SummaryInput, previous: MeetingSummary): MeetingSummary {
  const { warnings, fingerprint, preparation, preMeetingFingerprint: preMeeting } = previous;
  const deferred: DeferredParts = { copies: { 'cross-target': warnings['cross-target'], 'same-target': warnings['same-target'] }, fingerprint, preparation, preMeetingFingerprint: preMeeting };
  return { ...assemble(currentParts(meetingView(input), input), deferred), pending: true };
}

type CurrentParts = Omit<MeetingSummary, 'fingerprint' | 'preparation' | 'preMeetingFingerprint' | 'pending'>;

interface DeferredParts {
  copies: Pick<MeetingSummary['warnings'], 'cross-target' | 'same-target'>;
  fingerprint: string;
  preparation: PreparationSummary | undefined;
  preMeetingFingerprint: string | undefined;
}

/** One summary from its parts, with the keys in one order whichever way the parts were computed. */
function assemble(current: CurrentParts, deferred: DeferredParts): MeetingSummary {
  const c = current;
  const summary: MeetingSummary = {
    meetingId: c.meetingId,
    unitId: c.unitId,
    year: c.year,
    title: c.title,
    deleted: c.deleted,
    readiness: c.readiness,
    shortfallCount: c.shortfallCount,
    zeroTargets: c.zeroTargets,
    memberCount: c.memberCount,
    targetCount: c.targetCount,
    totals: c.totals,
    warnings: { 'cross-target': deferred.copies['cross-target'], 'same-target': deferred.copies['same-target'], 'cross-unit': c.warnings['cross-unit'], 'praise-only': c.warnings['praise-only'], 'too-short': c.warnings['too-short'] },
    fingerprint: deferred.fingerprint,
    lastAudit: c.lastAudit,
    auditCount: c.auditCount,
  };
  if (c.coverage) summary.coverage = c.coverage;
  if (c.rectification) summary.rectification = c.rectification;
  if (deferred.preparation) summary.preparation = deferred.preparation;
  if (deferred.preMeetingFingerprint !== undefined) summary.preMeetingFingerprint = deferred.preMeetingFingerprint;
  return summary;
}

/** Everything but the deferred parts; the copy counts are left 0 here. */
function currentParts(view: MeetingView, input: SummaryInput): CurrentParts {
  const base = summarizeView(view, input);
  const coverage = summaryCoverage(view, input.followUp);
  const rectification = rectificationSummary(input.followUp, carriedOut(input.laterLedger ?? []));
  return { ...base, ...(coverage ? { coverage } : {}), ...(rectification ? { rectification } : {}) };
}

/** The parts that cost most: copies inside the meeting, the fingerprints and the 会前准备 review. */
function deferredParts(view: MeetingView, input: SummaryInput): DeferredParts {
  const counts = countWarnings(view.warnings);
  const copies = { 'cross-target': counts['cross-target'], 'same-target': counts['same-target'] };
  const f = input.followUp;
  if (!f) return { copies, fingerprint: view.fingerprint, preparation: undefined, preMeetingFingerprint: undefined };
  const review = preMeetingReview({
    meeting: input.meeting,
    unitName: '',
    members: view.members,
    readiness: view.readiness,
    opinions: view.opinions,
    flags: view.flags,
    ...f,
    ledger: input.previousLedger ? { previous: input.previousLedger, current: f.ledgerEntries } : undefined,
  });
  return { copies, fingerprint: view.fingerprint, preparation: preparationSummary(review), preMeetingFingerprint: preMeetingFingerprint({ meetingId: input.meeting.id, ...f }) };
}

/**
 * Coverage of the live targets' consolidated opinions by live problem items or recorded reasons;
 * undefined while the meeting has no live consolidated opinion (nothing to answer yet, shown as —).
 */
function summaryCoverage(view: MeetingView, followUp: FollowUpRecords | undefined): SummaryCoverage | undefined {
  const targets = view.targets.map((t) => ({ id: t.id, label: t.label }));
  const live = new Set(targets.map((t) => t.id));
  const mine = <T extends { meetingId: string; targetId: string; deletedAt?: string }>(xs: readonly T[] = []) => xs.filter((x) => !x.deletedAt && x.meetingId === view.meeting.id && live.has(x.targetId));
  const consolidated = mine(followUp?.consolidated);
  if (consolidated.length === 0) return undefined;
  const { answered, total, percent } = computeCoverage(consolidated, mine(followUp?.problems), targets);
  return { answered, total, percent };
}

/** A meeting's summary from its view (see meetingView), its audits and the last cross-unit scan: the current parts, copies inside the meeting not counted. */
function summarizeView(view: MeetingView, extra: Pick<SummaryInput, 'audits' | 'crossUnitWarnings'>): CurrentParts {
  const { meeting, readiness } = view;
  const perfunctory = perfunctoryCounts(view.flags.values());
  return {
    meetingId: meeting.id,
    unitId: meeting.unitId,
    year: meeting.year,
    title: meeting.title,
    deleted: Boolean(meeting.deletedAt),
    readiness: readinessState(readiness),
    shortfallCount: readiness.messages.length,
    zeroTargets: readiness.zeroTargets.map((z) => view.labels.get(z.targetId) ?? z.targetId),
    memberCount: view.members.length,
    targetCount: readiness.targets.length,
    totals: { ...readiness.totals },
    warnings: { 'cross-target': 0, 'same-target': 0, 'cross-unit': extra.crossUnitWarnings ?? 0, ...perfunctory },
    lastAudit: lastAuditOf(extra.audits),
    auditCount: extra.audits.length,
  };
}

/** Where a meeting stands for the supervisory group. */
export type OverviewStatus = 'not-ready' | 'zero' | 'ready' | 'passed' | 'returned';

export const STATUS_ORDER: readonly OverviewStatus[] = ['zero', 'not-ready', 'ready', 'returned', 'passed'];

export const STATUS_LABELS: Record<OverviewStatus, string> = {
  'not-ready': '未就绪',
  zero: '零意见',
  ready: '可以召开',
  passed: '已审核通过',
  returned: '退回整改',
};

/**
 * The overview's status of a meeting: its latest verdict when it has one (通过 / 退回整改),
 * otherwise what the readiness check says (零意见 before 未就绪: a zero-opinion target is the
 * county rule's hard line). `stale` when the data changed after the latest verdict: its opinions or
 * roster, or its pre-meeting records (verdictFingerprint).
 */
export function overviewStatus(s: Pick<MeetingSummary, 'readiness' | 'lastAudit' | 'fingerprint' | 'preMeetingFingerprint'>): { status: OverviewStatus; stale: boolean } {
  if (s.lastAudit) return { status: s.lastAudit.verdict === 'pass' ? 'passed' : 'returned', stale: s.lastAudit.fingerprint !== verdictFingerprint(s) };
  return { status: s.readiness, stale: false };
}
