// The rules of a verdict (审核意见), in one place: the audit form checks them as the supervisor
// types, and the repository checks them again inside the write so nothing else can bypass them.
import type { Readiness } from '../checks/readiness';
import type { Prepared } from '../model/drafts';
import type { Audit, AuditSnapshot, Verdict } from '../model/types';
import { cleanLine, cleanText } from '../text/normalize';

export const VERDICT_LABELS: Record<Verdict, string> = { pass: '通过', return: '退回整改' };

/** What a supervisor fills in. */
export interface AuditDraft {
  verdict: Verdict;
  auditor: string;
  reasons: string;
  /** Shortfalls and warnings ticked from the computed list (their messages). */
  ticked: readonly string[];
  /** Why a meeting with shortfalls is passed anyway; required then, ignored otherwise. */
  overrideReason: string;
}

/** What the verdict judges: the readiness, the warning messages and the data's fingerprint at this moment. */
export interface AuditSubject {
  readiness: Readiness;
  warnings: readonly string[];
  fingerprint: string;
}

/** An override reason shorter than this is not a reason. */
export const MIN_OVERRIDE_REASON = 6;

/** Whether a typed override reason is long enough, once cleaned (the form's button and the write decide alike). */
export function overrideReasonEnough(text: string): boolean {
  return [...cleanText(text)].length >= MIN_OVERRIDE_REASON;
}
const MAX_TEXT = 20_000;

/** The snapshot an audit keeps of what it judged: counts per target and category, shortfalls, fingerprint. */
export function auditSnapshot(subject: AuditSubject): AuditSnapshot {
  const { readiness, fingerprint } = subject;
  const counts: AuditSnapshot['counts'] = {};
  for (const t of readiness.targets) {
    const row: Record<string, number> = {};
    for (const c of t.cells) row[c.category] = c.count;
    counts[t.targetId] = row;
  }
  return {
    ready: readiness.ready,
    shortfalls: [...readiness.messages],
    zeroTargets: readiness.zeroTargets.map((z) => z.message),
    counts,
    fingerprint,
    totalOpinions: readiness.totals.raw,
  };
}

/**
 * Checks a verdict against what it judges. A 通过 for a meeting that is not ready needs an
 * explicit override reason of at least {@link MIN_OVERRIDE_REASON} characters, which is recorded;
 * a 退回整改 needs a reason or at least one ticked problem; ticked items must come from the
 * current list (a list that changed under the form is refused, not silently trimmed).
 */
export function prepareAudit(draft: AuditDraft, subject: AuditSubject): Prepared<Omit<Audit, 'id' | 'meetingId' | 'at'>> {
  const problems: string[] = [];
  const auditor = cleanLine(draft.auditor);
  const reasons = cleanText(draft.reasons);
  const overrideReason = cleanText(draft.overrideReason);
  if (draft.verdict !== 'pass' && draft.verdict !== 'return') problems.push('请选择审核结论：通过或退回整改');
  if (auditor === '') problems.push('请填写审核人');
  if (auditor.length > 100) problems.push('审核人过长（最多 100 字）');
  if (reasons.length > MAX_TEXT || overrideReason.length > MAX_TEXT) problems.push(`理由过长（最多 ${MAX_TEXT} 字）`);
  const available = new Set([...subject.readiness.messages, ...subject.warnings]);
  const ticked = [...new Set(draft.ticked)];
  const unknown = ticked.filter((t) => !available.has(t));
  if (unknown.length > 0) problems.push(`勾选的 ${unknown.length} 项问题已不在当前清单中（数据可能已变化），请刷新后重新勾选`);
  if (draft.verdict === 'return' && reasons === '' && ticked.length === 0) problems.push('退回整改须填写理由或勾选至少一项问题');
  const notReady = !subject.readiness.ready;
  if (draft.verdict === 'pass' && notReady && !overrideReasonEnough(overrideReason)) {
    problems.push(`该会议还有 ${subject.readiness.messages.length} 项未达要求，标记“通过”须填写破例通过的理由（至少 ${MIN_OVERRIDE_REASON} 个字）`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      auditor,
      verdict: draft.verdict,
      reasons,
      ticked,
      overrideReason: draft.verdict === 'pass' && notReady ? overrideReason : '',
      snapshot: auditSnapshot(subject),
    },
  };
}

/** Whether the data changed after the verdict was given (its fingerprint no longer matches). */
export function isAuditStale(audit: Pick<Audit, 'snapshot'>, currentFingerprint: string): boolean {
  return audit.snapshot.fingerprint !== currentFingerprint;
}
