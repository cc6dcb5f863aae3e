import { describe, expect, it } from 'vitest';
import { computeReadiness } from '#shared/checks/readiness';
import { defaultRuleSet } from '#shared/model/rule-set';
import type { Audit, Member, Opinion } from '#shared/model/types';
import { isAuditStale, MIN_OVERRIDE_REASON, overrideReasonEnough, prepareAudit, type AuditDraft, type AuditSubject } from '#shared/supervision/audit';
import { meetingFingerprint } from '#shared/supervision/fingerprint';
import { computeMeetingSummary, latestAudit, overviewStatus } from '#shared/supervision/summary';
import { auditWarnings } from '#shared/supervision/warnings';
import { sampleContent } from '../../support/sample-content';

const content = sampleContent({ units: 2 });
const [readyMeeting, shortMeeting] = content.meetings as [(typeof content.meetings)[0], (typeof content.meetings)[0]];
const of = (meetingId: string) => ({
  members: content.members.filter((m) => m.meetingId === meetingId),
  opinions: content.opinions.filter((o) => o.meetingId === meetingId),
});

function subject(meetingId: string, warnings: string[] = []): AuditSubject {
  const meeting = content.meetings.find((m) => m.id === meetingId)!;
  const data = of(meetingId);
  return { readiness: computeReadiness(data, meeting.ruleSet), warnings, fingerprint: meetingFingerprint({ meeting, ...data }) };
}

const draft = (over: Partial<AuditDraft> = {}): AuditDraft => ({ verdict: 'pass', auditor: '第一督导组 王组长', reasons: '', ticked: [], overrideReason: '', ...over });

describe('meetingFingerprint', () => {
  const { members, opinions } = of(readyMeeting.id);
  const base = meetingFingerprint({ meeting: readyMeeting, members, opinions });

  it('does not depend on order, timestamps or who entered an opinion', () => {
    const touched = opinions.map((o) => ({ ...o, updatedAt: '2026-01-01T00:00:00.000Z', enteredBy: '别人' }));
    expect(meetingFingerprint({ meeting: readyMeeting, members: [...members].reverse(), opinions: touched.reverse() })).toBe(base);
  });

  it.each<[string, (o: Opinion[]) => Opinion[]]>([
    ['an edited text', (o) => o.map((x, i) => (i === 0 ? { ...x, content: `${x.content}。补充` } : x))],
    ['a deleted opinion', (o) => o.map((x, i) => (i === 0 ? { ...x, deletedAt: '2026-01-01T00:00:00.000Z' } : x))],
    ['an added opinion', (o) => [...o, { ...o[0]!, id: '00000000-0000-4000-8000-ffffffffffff' }]],
    ['a moved opinion', (o) => o.map((x, i) => (i === 0 ? { ...x, category: '基层群众' } : x))],
  ])('changes with %s', (_what, change) => {
    expect(meetingFingerprint({ meeting: readyMeeting, members, opinions: change(opinions) })).not.toBe(base);
  });

  it('changes with the rules and the roster', () => {
    expect(meetingFingerprint({ meeting: { ruleSet: { ...defaultRuleSet(), minPerCategory: 3 } }, members, opinions })).not.toBe(base);
    expect(meetingFingerprint({ meeting: readyMeeting, members: members.map((m, i) => (i === 0 ? { ...m, position: '书记' } : m)), opinions })).not.toBe(base);
  });
});

describe('prepareAudit', () => {
  it('passes a ready meeting and keeps a snapshot of the counts it judged', () => {
    const s = subject(readyMeeting.id);
    const result = prepareAudit(draft({ reasons: '  材料齐全  ' }), s);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.reasons).toBe('材料齐全');
    expect(result.value.snapshot.ready).toBe(true);
    expect(result.value.snapshot.fingerprint).toBe(s.fingerprint);
    expect(result.value.snapshot.totalOpinions).toBe(of(readyMeeting.id).opinions.length);
    expect(result.value.snapshot.counts['group']).toEqual({ 上级领导: 2, 下属单位: 2, 分管领域: 2, 服务对象: 2, 基层群众: 2 });
  });

  it('refuses 通过 for a meeting with shortfalls unless an override reason is given, and records it', () => {
    const s = subject(shortMeeting.id);
    expect(s.readiness.ready).toBe(false);
    const refused = prepareAudit(draft(), s);
    expect(refused).toEqual({ ok: false, problems: [`该会议还有 1 项未达要求，标记“通过”须填写破例通过的理由（至少 ${MIN_OVERRIDE_REASON} 个字）`] });
    expect(prepareAudit(draft({ overrideReason: '同意' }), s).ok).toBe(false);
    const allowed = prepareAudit(draft({ overrideReason: '该成员已于会前补充征求，书面材料另附' }), s);
    expect(allowed.ok && allowed.value.overrideReason).toBe('该成员已于会前补充征求，书面材料另附');
    expect(allowed.ok && allowed.value.snapshot.shortfalls).toEqual(s.readiness.messages);
  });

  it('drops an override reason when none is needed', () => {
    const result = prepareAudit(draft({ overrideReason: '多余的理由说明' }), subject(readyMeeting.id));
    expect(result.ok && result.value.overrideReason).toBe('');
  });

  it('needs a reason or a ticked problem to return a meeting, and ticks only from the current list', () => {
    const s = subject(shortMeeting.id, ['仅表扬：领导班子·上级领导：“希望继续保持”']);
    expect(prepareAudit(draft({ verdict: 'return' }), s)).toEqual({ ok: false, problems: ['退回整改须填写理由或勾选至少一项问题'] });
    const ticked = [s.readiness.messages[0]!, s.warnings[0]!];
    const ok = prepareAudit(draft({ verdict: 'return', ticked }), s);
    expect(ok.ok && ok.value.ticked).toEqual(ticked);
    const stale = prepareAudit(draft({ verdict: 'return', ticked: ['张三（局长）：上级领导意见 0 条，至少需 2 条'] }), s);
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.problems[0]).toContain('已不在当前清单中');
  });

  it('needs the auditor', () => {
    expect(prepareAudit(draft({ auditor: '  ' }), subject(readyMeeting.id))).toEqual({ ok: false, problems: ['请填写审核人'] });
  });

  it('is stale once the fingerprint changes', () => {
    const s = subject(readyMeeting.id);
    const result = prepareAudit(draft(), s);
    if (!result.ok) throw new Error('refused');
    expect(isAuditStale(result.value, s.fingerprint)).toBe(false);
    expect(isAuditStale(result.value, 'other')).toBe(true);
  });
});

describe('summary and overview status', () => {
  const audit = (verdict: Audit['verdict'], at: string, fingerprint: string, id = at): Audit => ({
    id,
    meetingId: shortMeeting.id,
    at,
    auditor: '王组长',
    verdict,
    reasons: '',
    ticked: [],
    overrideReason: '',
    snapshot: { ready: false, shortfalls: [], zeroTargets: [], counts: {}, fingerprint, totalOpinions: 0 },
  });

  it('summarises readiness, totals and the fingerprint', () => {
    const s = computeMeetingSummary({ meeting: shortMeeting, ...of(shortMeeting.id), audits: [] });
    expect(s).toMatchObject({ readiness: 'not-ready', shortfallCount: 1, zeroTargets: [], memberCount: 3, targetCount: 4, lastAudit: null, auditCount: 0, deleted: false });
    expect(s.totals.raw).toBe(39);
    expect(overviewStatus(s)).toEqual({ status: 'not-ready', stale: false });
  });

  it('calls a target with no opinion 零意见 before 未就绪', () => {
    const data = of(shortMeeting.id);
    const s = computeMeetingSummary({ meeting: shortMeeting, members: data.members, opinions: data.opinions.filter((o) => o.targetId !== data.members[0]!.id), audits: [] });
    expect(s.readiness).toBe('zero');
    expect(s.zeroTargets).toEqual(['张建国（局长）']);
  });

  it('shows the latest verdict, and marks it stale when the data changed after it', () => {
    const data = of(shortMeeting.id);
    const fp = meetingFingerprint({ meeting: shortMeeting, ...data });
    const audits = [audit('return', '2025-12-01T08:00:00.000Z', 'old'), audit('pass', '2025-12-02T08:00:00.000Z', fp)];
    expect(latestAudit(audits)!.verdict).toBe('pass');
    const s = computeMeetingSummary({ meeting: shortMeeting, ...data, audits });
    expect(overviewStatus(s)).toEqual({ status: 'passed', stale: false });
    const changed = computeMeetingSummary({ meeting: shortMeeting, members: data.members, opinions: data.opinions.slice(1), audits });
    expect(overviewStatus(changed)).toEqual({ status: 'passed', stale: true });
    expect(overviewStatus(computeMeetingSummary({ meeting: shortMeeting, ...data, audits: [audits[1]!, audit('return', '2025-12-03T08:00:00.000Z', fp)] }))).toEqual({
      status: 'returned',
      stale: false,
    });
  });
});

describe('auditWarnings', () => {
  it('words a warning the same whether or not the roster given includes deleted members (the verdict checks the words the tab showed)', () => {
    const content = sampleContent({ units: 1, membersPerMeeting: 2, perCell: 1 });
    const meeting = content.meetings[0]!;
    const [kept, removed] = content.members as [Member, Member];
    const text = '理论学习不够系统深入，以会代学、以文件代学的情况时有发生，运用党的创新理论指导实践的能力有待提升';
    const opinion = (id: string, targetId: string): Opinion => ({ ...content.opinions[0]!, id, createdAt: `2025-11-01T08:00:0${id.slice(1)}.000Z`, meetingId: meeting.id, targetId, category: '上级领导', content: text, deletedAt: undefined } as Opinion);
    const opinions = [opinion('o1', kept.id), opinion('o2', removed.id)];
    const deleted = { ...removed, deletedAt: '2025-12-01T00:00:00.000Z' };
    const withDeleted = auditWarnings({ meeting, members: [kept, deleted], opinions });
    const liveOnly = auditWarnings({ meeting, members: [kept], opinions });
    expect(withDeleted.map((w) => w.message)).toEqual(liveOnly.map((w) => w.message));
    expect(withDeleted.map((w) => w.message)).toEqual([expect.stringMatching(/^雷同：.*已移除的成员/)]);
  });
});

describe('overrideReasonEnough', () => {
  it('counts the characters left once the text is cleaned, as the write does', () => {
    expect(overrideReasonEnough('确需按期召开')).toBe(true);
    expect(overrideReasonEnough('  确需按期召开  ')).toBe(true);
    expect(overrideReasonEnough('理由\u200b\u200b\u200b\u200b')).toBe(false);
  });
});
