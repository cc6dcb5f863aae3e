// The per-meeting summaries (schema v2) must equal what the shared code computes from the rows,
// after every kind of write: a repository that forgets to refresh them fails here.
import { describe, expect, it } from 'vitest';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { listAudits, recordAudit } from '../../../renderer/src/db/repos/audits-repo';
import { createMeeting, deleteMeeting, restoreMeeting, updateMeeting } from '../../../renderer/src/db/repos/meetings-repo';
import { addMember, deleteMember, reorderMembers, updateMember } from '../../../renderer/src/db/repos/members-repo';
import { addOpinions, deleteOpinions, restoreOpinions, updateOpinion } from '../../../renderer/src/db/repos/opinions-repo';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';
import { computeMeetingSummary, overviewStatus } from '#shared/supervision/summary';
import type { AuditDraft } from '#shared/supervision/audit';
import { commitImport } from '../../../renderer/src/db/repos/import-repo';
import { openIntoEmpty } from '../../../renderer/src/db/repos/package-repo';
import { sampleContent } from '../../support/sample-content';
import { listSummaries } from '../../../renderer/src/db/repos/summaries-repo';
import { ACTOR, freshDb, seedMeeting, storedSummary, summaryExtras, withoutDeferred } from './test-db';

const typed = { actor: ACTOR, origin: { kind: 'typed' as const } };
const CATEGORIES = ['上级领导', '下属单位', '分管领域', '服务对象', '基层群众'];

async function expectFreshSummaries(db: WorkbenchDb) {
  const meetings = await db.meetings.toArray();
  const stored = await db.meetingSummaries.toArray();
  expect(stored.map((s) => s.meetingId).sort()).toEqual(meetings.map((m) => m.id).sort());
  for (const meeting of meetings) {
    const expected = computeMeetingSummary({
      meeting,
      members: await db.members.where('meetingId').equals(meeting.id).toArray(),
      opinions: await db.opinions.where('meetingId').equals(meeting.id).toArray(),
      audits: await db.audits.where('meetingId').equals(meeting.id).toArray(),
      crossUnitWarnings: (await db.copyFindings.get(meeting.id))?.warnings.length,
      ...(await summaryExtras(db, meeting)),
    });
    // As the write stored it: everything current but the deferred parts (when pending) …
    const row = await db.meetingSummaries.get(meeting.id);
    if (row?.pending) expect(withoutDeferred(row), `current parts of ${meeting.title}`).toEqual(withoutDeferred(expected));
    else expect(row, `summary of ${meeting.title}`).toEqual(expected);
    // … what the overview reads, and what the write path stores a moment later: all of it.
    expect((await listSummaries(db)).find((s) => s.meetingId === meeting.id)).toEqual(expected);
    expect(await storedSummary(db, meeting.id), `summary of ${meeting.title}`).toEqual(expected);
  }
}

/** Two opinions for every target and category: a ready meeting. */
async function fill(db: WorkbenchDb, meetingId: string, targets: string[]) {
  for (const targetId of targets) {
    for (const category of CATEGORIES) {
      await addOpinions(
        db,
        meetingId,
        [1, 2].map((i) => ({ targetId, category, channel: '书面征求', content: `${category}反映${targetId.slice(0, 4)}第${i}条：调研不够深入，督促落实不够有力${i}` })),
        typed,
      );
    }
  }
}

const pass: AuditDraft = { verdict: 'pass', auditor: '王组长', reasons: '', ticked: [], overrideReason: '' };

describe('meeting summaries', () => {
  it('stay equal to the shared computation after every kind of write', async () => {
    const db = freshDb();
    const { unit, meeting, members } = await seedMeeting(db);
    await expectFreshSummaries(db);
    const [a] = await addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求', content: '理论学习不够系统' }], typed);
    await expectFreshSummaries(db);
    await updateOpinion(db, a!.id, { targetId: members[0]!.id, category: '上级领导', channel: '书面征求', content: '理论学习不够系统，以会代学' }, ACTOR);
    await expectFreshSummaries(db);
    await deleteOpinions(db, [a!.id], ACTOR);
    await expectFreshSummaries(db);
    await restoreOpinions(db, [a!.id], ACTOR);
    await expectFreshSummaries(db);
    const extra = await addMember(db, meeting.id, { name: '赵六', position: '副局长' }, ACTOR);
    await expectFreshSummaries(db);
    await updateMember(db, extra.id, { name: '赵六', position: '纪检组长' }, ACTOR);
    await reorderMembers(db, meeting.id, [extra.id, ...members.map((m) => m.id)], ACTOR);
    await expectFreshSummaries(db);
    await deleteMember(db, extra.id, ACTOR);
    await expectFreshSummaries(db);
    await updateMeeting(db, meeting.id, { year: 2025, title: meeting.title, ruleSet: { ...defaultRuleSet(), minPerCategory: 1 } }, ACTOR);
    await expectFreshSummaries(db);
    await deleteMeeting(db, meeting.id, ACTOR);
    expect((await db.meetingSummaries.get(meeting.id))!.deleted).toBe(true);
    await restoreMeeting(db, meeting.id, ACTOR);
    await createMeeting(db, unit.id, { year: 2026, title: '2026年度民主生活会', ruleSet: defaultRuleSet() }, ACTOR, meeting.id);
    await expectFreshSummaries(db);
    await recordAudit(db, meeting.id, { ...pass, overrideReason: '已另行书面补充征求意见' }, { actor: ACTOR });
    await expectFreshSummaries(db);
  });
});

describe('meeting summaries after an import and a package opened', () => {
  it('stay equal to the shared computation', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const rows = ['理论学习不够系统', '调研不够深入，听汇报多看现场少'].map((content, i) => ({
      sheet: '',
      row: i + 2,
      draft: { targetId: members[0]!.id, category: '上级领导', channel: '书面征求', content },
    }));
    await commitImport(db, meeting.id, '意见.csv', rows, { actor: ACTOR });
    expect((await db.meetingSummaries.get(meeting.id))!.totals.raw).toBe(2);
    await expectFreshSummaries(db);
    const empty = freshDb();
    await openIntoEmpty(empty, sampleContent({ units: 2 }), { file: '两个单位.mzsh.json', actor: ACTOR });
    await expectFreshSummaries(empty);
  });
});

describe('audit verdicts', () => {
  it('are append-only: a later verdict is added and the earlier one stays as it was', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const first = await recordAudit(db, meeting.id, { ...pass, verdict: 'return', reasons: '零意见对象较多' }, { actor: ACTOR });
    const second = await recordAudit(db, meeting.id, { ...pass, verdict: 'return', reasons: '仍未补齐' }, { actor: ACTOR });
    const audits = await listAudits(db, meeting.id);
    expect(audits.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(audits[1]).toEqual(first);
    const log = await db.changeLog.where('meetingId').equals(meeting.id).filter((c) => c.entity === 'audit').toArray();
    expect(log.map((c) => c.summary)).toEqual(['审核结论：退回整改，审核人王组长', '审核结论：退回整改，审核人王组长']);
  });

  it('refuses 通过 with shortfalls without an override reason, in the repository too, and records the override', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    await expect(recordAudit(db, meeting.id, pass, { actor: ACTOR })).rejects.toThrow('标记“通过”须填写破例通过的理由');
    expect(await db.audits.count()).toBe(0);
    const audit = await recordAudit(db, meeting.id, { ...pass, overrideReason: '经督导组研究同意先行召开' }, { actor: ACTOR });
    expect(audit.overrideReason).toBe('经督导组研究同意先行召开');
    expect(audit.snapshot.ready).toBe(false);
    expect(audit.snapshot.shortfalls.length).toBeGreaterThan(0);
    const log = await db.changeLog.where('meetingId').equals(meeting.id).filter((c) => c.entity === 'audit').toArray();
    expect(log[0]!.summary).toBe('审核结论：通过，审核人王组长（破例通过：经督导组研究同意先行召开）');
  });

  it('turn stale in the summary when the data changes after 通过, and fresh again with a new verdict', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    await fill(db, meeting.id, [GROUP_TARGET, ...members.map((m) => m.id)]);
    expect((await db.meetingSummaries.get(meeting.id))!.readiness).toBe('ready');
    // What the overview shows at once after each write, and what is stored a moment later.
    const shown = async () => overviewStatus((await listSummaries(db)).find((s) => s.meetingId === meeting.id)!);
    const stored = async () => overviewStatus((await storedSummary(db, meeting.id))!);
    await recordAudit(db, meeting.id, pass, { actor: ACTOR });
    expect(await shown()).toEqual({ status: 'passed', stale: false });
    expect(await stored()).toEqual({ status: 'passed', stale: false });
    await addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求', content: '会后新增的一条意见：制度执行不严' }], typed);
    expect(await shown()).toEqual({ status: 'passed', stale: true });
    expect(await stored()).toEqual({ status: 'passed', stale: true });
    await recordAudit(db, meeting.id, pass, { actor: ACTOR });
    expect(await shown()).toEqual({ status: 'passed', stale: false });
    expect(await stored()).toEqual({ status: 'passed', stale: false });
  });

  it('refuses a verdict on data that changed while the supervisor was looking', async () => {
    const db = freshDb();
    const { meeting } = await seedMeeting(db);
    const shown = (await db.meetingSummaries.get(meeting.id))!.fingerprint;
    await addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求', content: '刚刚录入的意见：调研不够' }], typed);
    await expect(recordAudit(db, meeting.id, { ...pass, verdict: 'return', reasons: '不足' }, { actor: ACTOR, expectedFingerprint: shown })).rejects.toThrow(
      '审核期间该会议的数据已变化',
    );
    expect(await db.audits.count()).toBe(0);
  });
});
