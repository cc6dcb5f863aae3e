// Audit verdicts (审核记录): append-only. A later verdict is a new row; nothing here edits or
// deletes one. The rules (override reason, ticked items, reasons) are the shared ones in
// shared/supervision/audit.ts, checked again here against the data as it is inside the write.
import { meetingView, viewAuditWarnings } from '#shared/meeting/view';
import type { Audit } from '#shared/model/types';
import { prepareAudit, VERDICT_LABELS, type AuditDraft, type AuditSubject } from '#shared/supervision/audit';
import { preMeetingFingerprint, verdictFingerprint } from '#shared/supervision/fingerprint';
import { newId, nowIso } from '#shared/util/ids';
import type { WorkbenchDb } from '../database';
import { UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';
import { loadPreMeeting } from './pre-meeting-repo';
import { preMeetingReview, preMeetingTickable } from '#shared/supervision/pre-meeting-review';

/** A meeting's verdicts, newest first. */
export async function listAudits(db: WorkbenchDb, meetingId: string): Promise<Audit[]> {
  const rows = await db.audits.where('meetingId').equals(meetingId).toArray();
  return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}

/** What a verdict on the meeting would judge right now: readiness, warning messages, fingerprint. */
async function currentSubject(db: WorkbenchDb, meetingId: string): Promise<AuditSubject> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
  const [members, opinions, findings] = await Promise.all([
    db.members.where('meetingId').equals(meetingId).toArray(),
    db.opinions.where('meetingId').equals(meetingId).toArray(),
    db.copyFindings.get(meetingId),
  ]);
  const view = meetingView({ meeting, members, opinions });
  // The pre-meeting check's lines (checklist items not done, material warnings) may be cited too,
  // and its talks, materials and 会前准备 record are judged with the opinions (the verdict's fingerprint).
  const preMeeting = await loadPreMeeting(db, meetingId);
  const review = preMeeting && preMeetingReview({ meeting, members: view.members, readiness: view.readiness, opinions: view.opinions, flags: view.flags, ...preMeeting });
  const warnings = [...viewAuditWarnings(view, findings?.warnings).map((w) => w.message), ...(review ? preMeetingTickable(review) : [])];
  const fingerprint = verdictFingerprint({ fingerprint: view.fingerprint, preMeetingFingerprint: preMeeting && preMeetingFingerprint({ meetingId, ...preMeeting }) });
  return { readiness: view.readiness, warnings, fingerprint };
}

/**
 * Records a verdict, in one transaction with its change-log line and the meeting's summary.
 * `expectedFingerprint` is the verdict fingerprint of the data the supervisor was shown: if the data
 * changed since, the verdict is refused rather than attached to data nobody looked at.
 */
export async function recordAudit(db: WorkbenchDb, meetingId: string, draft: AuditDraft, options: { actor: string; expectedFingerprint?: string }): Promise<Audit> {
  return writeMeetingData(db, [db.copyFindings, db.units], async (w) => {
    const subject = await currentSubject(db, meetingId);
    if (options.expectedFingerprint !== undefined && options.expectedFingerprint !== subject.fingerprint) {
      throw new UserError('审核期间该会议的数据已变化，请核对最新情况后重新提交');
    }
    const prepared = prepareAudit(draft, subject);
    if (!prepared.ok) throw new UserError(prepared.problems.join('；'), prepared.problems);
    const audit: Audit = { id: newId(), meetingId, at: nowIso(), ...prepared.value };
    await db.audits.add(audit);
    const override = audit.overrideReason ? `（破例通过：${audit.overrideReason}）` : '';
    w.log({ actor: options.actor, entity: 'audit', recordId: audit.id, meetingId, action: 'create', summary: `审核结论：${VERDICT_LABELS[audit.verdict]}，审核人${audit.auditor}${override}`, at: audit.at });
    return audit;
  });
}
