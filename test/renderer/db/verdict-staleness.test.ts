// A verdict judges the pre-meeting records too: a 谈心谈话 recorded, a 对照检查材料 edited or the
// 会前准备 record changed after it makes it stale — in what the overview reads, in the stored summary
// once settled, and in the check that refuses a verdict on data changed while it was being given.
// The cross-unit copy findings keep the opinions' fingerprint: a talk does not make them look stale.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openBackupFile } from '../../../renderer/src/backup-engine/backup-file';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { recordAudit } from '../../../renderer/src/db/repos/audits-repo';
import { createBackup, prepareRestore, restoreAll, snapshotTables } from '../../../renderer/src/db/repos/backup-repo';
import { loadCopyScanInput, saveCopyFindings } from '../../../renderer/src/db/repos/copy-findings-repo';
import { saveMaterial } from '../../../renderer/src/db/repos/materials-repo';
import { loadPreMeetingFingerprint } from '../../../renderer/src/db/repos/pre-meeting-repo';
import { savePreparation } from '../../../renderer/src/db/repos/preparation-repo';
import { listSummaries, settleSummaries } from '../../../renderer/src/db/repos/summaries-repo';
import { saveTalk, setTalksDeleted } from '../../../renderer/src/db/repos/talks-repo';
import { meetingView } from '#shared/meeting/view';
import type { AuditDraft } from '#shared/supervision/audit';
import { verdictFingerprint } from '#shared/supervision/fingerprint';
import { overviewStatus } from '#shared/supervision/summary';
import { ACTOR, freshDb, seedMeeting, storedSummary } from './test-db';

const verdict: AuditDraft = { verdict: 'return', auditor: '王组长', reasons: '意见征求不足', ticked: [], overrideReason: '' };
const member = (memberId: string) => ({ kind: 'member' as const, memberId });
const block = (text: string) => [{ kind: 'paragraph' as const, level: 0, text, source: 0 }];

async function seed(db: WorkbenchDb) {
  const { meeting, members } = await seedMeeting(db);
  const [zhang, li] = members;
  return { meeting, zhang: zhang!, li: li! };
}

/** What the overview reads for the meeting: its status and whether the verdict is stale. */
async function overview(db: WorkbenchDb, meetingId: string) {
  return overviewStatus((await listSummaries(db)).find((s) => s.meetingId === meetingId)!);
}

/** What the meeting's tabs compute (use-verdict-fingerprint): the view's fingerprint with the live pre-meeting records. */
async function shown(db: WorkbenchDb, meetingId: string) {
  const meeting = (await db.meetings.get(meetingId))!;
  const view = meetingView({ meeting, members: await db.members.where('meetingId').equals(meetingId).toArray(), opinions: await db.opinions.where('meetingId').equals(meetingId).toArray() });
  return verdictFingerprint({ fingerprint: view.fingerprint, preMeetingFingerprint: await loadPreMeetingFingerprint(db, meetingId) });
}

describe('a verdict and the pre-meeting records', () => {
  it('turns stale when a talk is recorded after it, and fresh again when the talk is deleted', async () => {
    const db = freshDb();
    const { meeting, zhang, li } = await seed(db);
    const audit = await recordAudit(db, meeting.id, verdict, { actor: ACTOR });
    expect(await overview(db, meeting.id)).toEqual({ status: 'returned', stale: false });
    const talk = await saveTalk(db, meeting.id, { date: '2026-01-05', a: member(zhang.id), b: member(li.id), note: '', opinionIds: [] }, ACTOR);
    expect(await overview(db, meeting.id)).toEqual({ status: 'returned', stale: true });
    const settled = (await storedSummary(db, meeting.id))!;
    expect(overviewStatus(settled)).toEqual({ status: 'returned', stale: true });
    // The meeting's tabs (header, 审核 tab) judge the same value as the stored summary.
    expect(await shown(db, meeting.id)).toBe(verdictFingerprint(settled));
    expect(await shown(db, meeting.id)).not.toBe(audit.snapshot.fingerprint);
    await setTalksDeleted(db, meeting.id, [talk.id], true, ACTOR);
    expect(await overview(db, meeting.id)).toEqual({ status: 'returned', stale: false });
    expect(await shown(db, meeting.id)).toBe(audit.snapshot.fingerprint);
  });

  it('turns stale when a material is edited or the 会前准备 record changes after it', async () => {
    const db = freshDb();
    const { meeting, li } = await seed(db);
    await savePreparation(db, meeting.id, { planSubmittedOn: '2025-12-20', studySessions: [] }, ACTOR);
    await saveMaterial(db, meeting.id, { targetId: li.id, origin: { kind: 'pasted' }, title: '李四同志对照检查材料', blocks: block('一是理论学习不够深入。') }, ACTOR);
    const first = await recordAudit(db, meeting.id, verdict, { actor: ACTOR });
    // The verdict stored the combined value: the opinions' fingerprint alone would not be it.
    expect(first.snapshot.fingerprint).toBe(verdictFingerprint((await storedSummary(db, meeting.id))!));
    expect(first.snapshot.fingerprint).not.toBe((await storedSummary(db, meeting.id))!.fingerprint);
    expect(await overview(db, meeting.id)).toEqual({ status: 'returned', stale: false });

    await savePreparation(db, meeting.id, { planSubmittedOn: '2025-12-20', studySessions: [{ date: '2026-01-08', topic: '学习党的二十届四中全会精神' }] }, ACTOR);
    expect(await overview(db, meeting.id)).toEqual({ status: 'returned', stale: true });

    await recordAudit(db, meeting.id, verdict, { actor: ACTOR });
    expect(await overview(db, meeting.id)).toEqual({ status: 'returned', stale: false });
    // A material imported again (the old one to the recycle bin) with one sentence changed.
    await saveMaterial(db, meeting.id, { targetId: li.id, origin: { kind: 'pasted' }, title: '李四同志对照检查材料', blocks: block('一是理论学习不够系统。') }, ACTOR);
    expect(await overview(db, meeting.id)).toEqual({ status: 'returned', stale: true });
    expect(overviewStatus((await storedSummary(db, meeting.id))!)).toEqual({ status: 'returned', stale: true });
  });

  it('refuses a verdict when a talk was recorded while the supervisor was looking', async () => {
    const db = freshDb();
    const { meeting, zhang, li } = await seed(db);
    const before = await shown(db, meeting.id);
    await saveTalk(db, meeting.id, { date: '2026-01-05', a: member(zhang.id), b: member(li.id), note: '', opinionIds: [] }, ACTOR);
    await expect(recordAudit(db, meeting.id, verdict, { actor: ACTOR, expectedFingerprint: before })).rejects.toThrow('审核期间该会议的数据已变化');
    const audit = await recordAudit(db, meeting.id, verdict, { actor: ACTOR, expectedFingerprint: await shown(db, meeting.id) });
    expect(audit.snapshot.fingerprint).toBe(verdictFingerprint((await storedSummary(db, meeting.id))!));
  });

  it('does not make the cross-unit copy findings look out of date', async () => {
    const db = freshDb();
    const { meeting, zhang, li } = await seed(db);
    const scan = await loadCopyScanInput(db);
    await saveCopyFindings(db, scan, [], scan.candidates.length);
    await saveTalk(db, meeting.id, { date: '2026-01-05', a: member(zhang.id), b: member(li.id), note: '', opinionIds: [] }, ACTOR);
    const findings = (await db.copyFindings.get(meeting.id))!;
    const settled = (await storedSummary(db, meeting.id))!;
    // The 审核 tab compares the findings with the view's fingerprint (opinions only): still equal.
    const view = meetingView({ meeting: (await db.meetings.get(meeting.id))!, members: await db.members.toArray(), opinions: await db.opinions.toArray() });
    expect(findings.fingerprint).toBe(view.fingerprint);
    expect(findings.fingerprint).toBe(settled.fingerprint);
    // A scan run now stores the same value.
    expect((await loadCopyScanInput(db)).fingerprints.get(meeting.id)).toBe(findings.fingerprint);
  });

  it('settles a summary stored before it kept the pre-meeting fingerprint', async () => {
    const db = freshDb();
    const { meeting, zhang, li } = await seed(db);
    await saveTalk(db, meeting.id, { date: '2026-01-05', a: member(zhang.id), b: member(li.id), note: '', opinionIds: [] }, ACTOR);
    const current = (await storedSummary(db, meeting.id))!;
    expect(current.preMeetingFingerprint).toMatch(/^[0-9a-f]{64}$/);
    // As an earlier version of the app stored it.
    const { preMeetingFingerprint: _p, ...old } = current;
    await db.meetingSummaries.put(old);
    await settleSummaries(db);
    expect(await db.meetingSummaries.get(meeting.id)).toEqual(current);
  });

  it('survives a backup round trip exactly, a verdict made stale by a talk still stale', async () => {
    const db = freshDb();
    const { meeting, zhang, li } = await seed(db);
    await saveTalk(db, meeting.id, { date: '2026-01-05', a: member(zhang.id), b: member(li.id), note: '谈分管工作', opinionIds: [] }, ACTOR);
    const scan = await loadCopyScanInput(db);
    await saveCopyFindings(db, scan, [], scan.candidates.length);
    await recordAudit(db, meeting.id, verdict, { actor: ACTOR });
    await saveTalk(db, meeting.id, { date: '2026-01-06', a: member(li.id), b: member(zhang.id), note: '', opinionIds: [] }, ACTOR);
    await settleSummaries(db);
    const before = await snapshotTables(db);
    expect(overviewStatus((await db.meetingSummaries.get(meeting.id))!)).toEqual({ status: 'returned', stale: true });

    const { bytes } = await createBackup(db, { appVersion: '0.1.0', reason: 'manual' });
    const opened = openBackupFile(bytes);
    if (!opened.ok) throw new Error(opened.error);
    const data = await prepareRestore(db, opened, '');
    if (!data.ok) throw new Error(data.error);
    await restoreAll(db, data, vi.fn(async () => undefined), '0.1.0');
    expect(await snapshotTables(db)).toEqual(before);
  });
});
