// A verdict judges the meeting's 谈心谈话, 对照检查材料 and 会前准备 record besides its opinions: the
// verdict fingerprint combines the opinions' fingerprint with the pre-meeting records' one. A meeting
// without such records keeps the value it always had (pinned below: computed before the pre-meeting
// records were judged), so verdicts stored then and format-1 packages compare exactly as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MaterialRecord, MeetingPreparation } from '#shared/model/preparation';
import { defaultRuleSet } from '#shared/model/rule-set';
import type { Talk } from '#shared/model/talks';
import type { Audit } from '#shared/model/types';
import { emptyFollowUp } from '#shared/package/follow-up';
import { readPackage, type PackageContent } from '#shared/package/format';
import { superviseContent } from '#shared/supervision/content-overview';
import { meetingFingerprint, preMeetingFingerprint, verdictFingerprint, type PreMeetingFingerprintInput } from '#shared/supervision/fingerprint';
import { computeMeetingSummary, overviewStatus } from '#shared/supervision/summary';

const T = '2025-11-20T08:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T };
const meeting = { ruleSet: defaultRuleSet() };
const members = [
  { id: 'm1', name: '王军', position: '党组书记、局长', rank: 1 },
  { id: 'm2', name: '李红', position: '副局长', rank: 2 },
];
const opinions = [
  { id: 'o1', targetId: 'group', category: '上级领导', channel: '书面征求', provider: '县委办', content: '调查研究不够深入。' },
  { id: 'o2', targetId: 'm2', category: '基层群众', channel: '谈心谈话', provider: '', content: '服务意识有待加强。' },
];
/** meetingFingerprint of the records above, computed on main before the pre-meeting records were judged. */
const PINNED = '4d50fea19915cbf25fb37baf94a3e2dae6b6c652b133f6332ec45fe29e236217';

const talk = (fields: Partial<Talk> = {}): Talk => ({
  id: 't1',
  meetingId: 'mt',
  date: '2025-11-10',
  a: { kind: 'member', memberId: 'm1' },
  b: { kind: 'member', memberId: 'm2' },
  note: '谈了分管工作中的问题',
  opinionIds: ['o2'],
  ...stamps,
  ...fields,
});
const material = (fields: Partial<MaterialRecord> = {}): MaterialRecord => ({
  id: 'x1',
  meetingId: 'mt',
  targetId: 'm2',
  origin: { kind: 'pasted' },
  title: '李红同志对照检查材料',
  blocks: [{ kind: 'paragraph', level: 0, text: '一是理论学习不够深入。', source: 0 }],
  ...stamps,
  ...fields,
});
const preparation = (fields: Partial<MeetingPreparation> = {}): MeetingPreparation => ({
  id: 'p1',
  meetingId: 'mt',
  planSubmittedOn: '2025-11-01',
  studySessions: [{ date: '2025-11-05', topic: '集中学习研讨' }],
  ...stamps,
  ...fields,
});
const records = (fields: Partial<PreMeetingFingerprintInput> = {}): PreMeetingFingerprintInput => ({ meetingId: 'mt', talks: [], materials: [], preparations: [], ...fields });

describe('the verdict fingerprint of a meeting without pre-meeting records', () => {
  it('is the opinions fingerprint it always was', () => {
    const fingerprint = meetingFingerprint({ meeting, members, opinions });
    expect(fingerprint).toBe(PINNED);
    expect(verdictFingerprint({ fingerprint })).toBe(PINNED);
    // Deleted records, and other meetings' records, are not the meeting's.
    const none = records({ talks: [talk({ deletedAt: T })], materials: [material({ meetingId: 'other' })], preparations: [preparation({ deletedAt: T })] });
    expect(preMeetingFingerprint(none)).toBeUndefined();
    expect(verdictFingerprint({ fingerprint, preMeetingFingerprint: preMeetingFingerprint(none) })).toBe(PINNED);
  });

  it('leaves the verdict of a format-1 package as it was: not stale', () => {
    const read = readPackage(new Uint8Array(readFileSync(join(__dirname, '../../fixtures/legacy/legacy.mzsh.json'))));
    if (!read.ok) throw new Error(read.error);
    const supervision = superviseContent(read.package.content);
    const [summary] = supervision.summaries;
    const audit = read.package.content.audits[0]!;
    expect(summary!.fingerprint).toBe('ca1bb4b81ca79b7769654de80ce9ea516c89478c202b248822a16e172e717b88');
    expect(summary!.preMeetingFingerprint).toBeUndefined();
    expect(verdictFingerprint(summary!)).toBe(audit.snapshot.fingerprint);
    expect(supervision.rows.map((r) => [r.status, r.stale])).toEqual([['returned', false]]);
  });
});

describe('the pre-meeting fingerprint', () => {
  const base = records({ talks: [talk()], materials: [material()], preparations: [preparation()] });
  const value = preMeetingFingerprint(base)!;

  it('changes with a talk, a material or the 会前准备 record', () => {
    expect(value).toMatch(/^[0-9a-f]{64}$/);
    const changed = [
      records({ ...base, talks: [talk(), talk({ id: 't2', b: { kind: 'department-head', department: '办公室', name: '赵敏' } })] }),
      records({ ...base, talks: [talk({ note: '另谈' })] }),
      records({ ...base, talks: [talk({ opinionIds: [] })] }),
      records({ ...base, materials: [material({ blocks: [{ kind: 'paragraph', level: 0, text: '一是理论学习不够系统。', source: 0 }] })] }),
      records({ ...base, materials: [material({ title: '李红同志发言提纲' })] }),
      records({ ...base, materials: [] }),
      records({ ...base, preparations: [preparation({ planSubmittedOn: '' })] }),
      records({ ...base, preparations: [preparation({ studySessions: [] })] }),
    ].map(preMeetingFingerprint);
    for (const c of changed) expect(c).not.toBe(value);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('ignores stamps, order, where a material came from, and records of other meetings', () => {
    const same = [
      records({ ...base, talks: [talk({ updatedAt: '2026-01-01T00:00:00.000Z' })] }),
      records({ ...base, talks: [talk({ opinionIds: ['o2'] }), talk({ id: 't9', meetingId: 'other' })] }),
      records({ ...base, materials: [material({ origin: { kind: 'docx', file: '李红.docx' } })] }),
      records({ ...base, materials: [material(), material({ id: 'x0', deletedAt: T })] }),
    ].map(preMeetingFingerprint);
    for (const s of same) expect(s).toBe(value);
    const two = records({ ...base, talks: [talk(), talk({ id: 't0', note: '第二次' })] });
    expect(preMeetingFingerprint({ ...two, talks: [...two.talks].reverse() })).toBe(preMeetingFingerprint(two));
  });

  it('reads the 会前准备 record currentPreparation picks (the live one saved last)', () => {
    const older = preparation({ id: 'p0', planSubmittedOn: '2025-10-01' });
    const newer = preparation({ id: 'p2', planSubmittedOn: '2025-11-03', updatedAt: '2025-11-21T08:00:00.000Z' });
    expect(preMeetingFingerprint(records({ preparations: [older, newer] }))).toBe(preMeetingFingerprint(records({ preparations: [newer] })));
    expect(preMeetingFingerprint(records({ preparations: [older, newer] }))).not.toBe(preMeetingFingerprint(records({ preparations: [older] })));
  });

  it('makes the verdict fingerprint differ from the opinions fingerprint alone', () => {
    expect(verdictFingerprint({ fingerprint: PINNED, preMeetingFingerprint: value })).not.toBe(PINNED);
    expect(verdictFingerprint({ fingerprint: PINNED, preMeetingFingerprint: value })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a stored summary and its verdict', () => {
  const content = (): PackageContent => {
    const read = readPackage(new Uint8Array(readFileSync(join(__dirname, '../../fixtures/legacy/legacy.mzsh.json'))));
    if (!read.ok) throw new Error(read.error);
    return read.package.content;
  };

  it('marks a verdict stale when a talk was recorded after it, in a package from another machine too', () => {
    const c = content();
    const meetingId = c.meetings[0]!.id;
    const [a, b] = c.members.filter((m) => m.meetingId === meetingId);
    const withTalk = { ...c, ...emptyFollowUp(), talks: [talk({ meetingId, a: { kind: 'member', memberId: a!.id }, b: { kind: 'member', memberId: b!.id }, opinionIds: [] })] };
    const supervision = superviseContent(withTalk);
    expect(supervision.summaries[0]!.fingerprint).toBe('ca1bb4b81ca79b7769654de80ce9ea516c89478c202b248822a16e172e717b88');
    expect(supervision.summaries[0]!.preMeetingFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(supervision.rows.map((r) => [r.status, r.stale])).toEqual([['returned', true]]);
  });

  it('is fresh for a verdict that stored the combined value, and keeps the opinions fingerprint apart', () => {
    const c = content();
    const m = c.meetings[0]!;
    const own = { meeting: m, members: c.members.filter((x) => x.meetingId === m.id), opinions: c.opinions.filter((x) => x.meetingId === m.id) };
    const followUp = { consolidated: [], problems: [], ledgerEntries: [], progressEntries: [], talks: [], materials: [material({ meetingId: m.id, targetId: 'group' })], preparations: [] };
    const before = computeMeetingSummary({ ...own, audits: [], followUp });
    const verdict: Audit = { ...c.audits[0]!, snapshot: { ...c.audits[0]!.snapshot, fingerprint: verdictFingerprint(before) } };
    const after = computeMeetingSummary({ ...own, audits: [verdict], followUp });
    expect(after.fingerprint).toBe(meetingFingerprint(own));
    expect(overviewStatus(after)).toEqual({ status: 'returned', stale: false });
    const edited = computeMeetingSummary({ ...own, audits: [verdict], followUp: { ...followUp, materials: [material({ meetingId: m.id, targetId: 'group', title: '班子对照检查材料（修改稿）' })] } });
    expect(edited.fingerprint).toBe(after.fingerprint);
    expect(overviewStatus(edited)).toEqual({ status: 'returned', stale: true });
  });
});
