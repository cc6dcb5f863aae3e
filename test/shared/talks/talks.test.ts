import { describe, expect, it } from 'vitest';
import { talkBlocks } from '#shared/documents/word/pre-meeting-blocks';
import { docxBytes, gbDocument, gbLayout } from '#shared/documents/word/layout';
import { documentLines, officeParts } from '../../support/docx';
import { defaultRuleSet } from '#shared/model/rule-set';
import { talkRulesOf, talkSchema, type Talk, type TalkParty } from '#shared/model/talks';
import { parseRecord } from '#shared/model/zod-fields';
import { isSecretaryPosition, parseCharge } from '#shared/talks/areas';
import { talkCoverage, talkCoverageSentence, talkMatrix, talkProblems } from '#shared/talks/coverage';
import { fakeUuid } from '../../support/sample-content';

const MEETING = fakeUuid(900);
const T = '2025-11-01T08:00:00.000Z';
const member = (n: number, name: string, position: string, areas: string) => ({ id: fakeUuid(n), name, position, areas, rank: n, createdAt: T, updatedAt: T, meetingId: MEETING });
const roster = [
  member(1, '王明', '党组书记、局长', '主持全面工作'),
  member(2, '李红', '党组成员、副局长', '分管办公室、财务股、交通运输执法大队'),
  member(3, '赵强', '副局长', '负责安全生产工作；分管安全监督股和审批服务科，联系城关镇'),
];
const m = (n: number): TalkParty => ({ kind: 'member', memberId: fakeUuid(n) });
const head = (department: string, name: string): TalkParty => ({ kind: 'department-head', department, name });
let seq = 100;
const talk = (a: TalkParty, b: TalkParty, date = '2025-11-10', opinionIds: string[] = []): Talk => ({ id: fakeUuid(seq++), meetingId: MEETING, date, a, b, note: '', opinionIds, createdAt: T, updatedAt: T });

describe('分管工作 read into departments', () => {
  it('splits the departments a member is in charge of and leaves fields of work and liaison apart', () => {
    expect(parseCharge('分管办公室、财务股、交通运输执法大队')).toEqual({ departments: ['办公室', '财务股', '交通运输执法大队'], fields: [] });
    expect(parseCharge('负责安全生产工作；分管安全监督股和审批服务科，联系城关镇')).toEqual({ departments: ['安全监督股', '审批服务科'], fields: ['安全生产'] });
    expect(parseCharge('主持全面工作').departments).toEqual([]);
    expect(parseCharge('分管人事、党建工作，协管机关党委').departments).toEqual(['机关党委']);
  });

  it('knows a 书记 from a 副书记', () => {
    expect(isSecretaryPosition('党组书记、局长')).toBe(true);
    expect(isSecretaryPosition('党委副书记')).toBe(false);
  });
});

describe('谈心谈话 records', () => {
  it('accepts a talk and refuses bad ones in Chinese', () => {
    const t = talk(m(1), m(2));
    expect(parseRecord(talkSchema, t)).toMatchObject({ ok: true });
    expect(parseRecord(talkSchema, { ...t, b: m(1) })).toMatchObject({ ok: false, error: '谈话双方不能是同一人' });
    expect(parseRecord(talkSchema, { ...t, a: head('办公室', '孙丽'), b: { kind: 'branch', branch: '机关党支部', name: '周文' } })).toMatchObject({ ok: false, error: '谈心谈话至少一方应为班子成员' });
    expect(parseRecord(talkSchema, { ...t, date: '2025-02-30' })).toMatchObject({ ok: false, error: '谈话日期不是有效日期' });
    expect(parseRecord(talkSchema, { ...t, b: head('办公室', ' ') })).toMatchObject({ ok: false, error: '部门负责人姓名不能为空' });
    expect(parseRecord(talkSchema, { ...t, b: { kind: 'boss' } })).toMatchObject({ ok: false });
  });

  it('reads the rule-set talk options with the county defaults', () => {
    expect(talkRulesOf(defaultRuleSet())).toMatchObject({ secretaryWithMembers: true, membersWithEachOther: true, membersWithDepartmentHeads: true, membersWithBranch: false });
    expect(talkRulesOf({ talks: { membersWithEachOther: false, waived: [{ pair: 'x', reason: '病假' }, { pair: 1 }] } })).toMatchObject({ membersWithEachOther: false, waived: [{ pair: 'x', reason: '病假' }] });
  });
});

describe('谈心谈话 coverage', () => {
  it('requires the secretary with every member, members with each other and each member with the heads of the departments in their charge', () => {
    const c = talkCoverage({ members: roster, talks: [], ruleSet: defaultRuleSet() });
    // 3 member pairs + 李红 3 departments + 赵强 2 departments
    expect(c.required).toBe(8);
    expect(c.complete).toBe(false);
    expect(c.messages).toContain('王明（党组书记、局长）与李红（党组成员、副局长）尚未谈心谈话（书记与班子成员、班子成员之间）');
    expect(c.messages).toContain('李红（党组成员、副局长）与分管的财务股负责人尚未谈心谈话（班子成员与分管部门负责人）');
    expect(talkCoverageSentence(c)).toBe('谈心谈话应谈8对，已谈0对，尚缺8对');
  });

  it('is complete once every required pair has talked, whichever side is named first', () => {
    const talks = [
      talk(m(2), m(1)),
      talk(m(1), m(3)),
      talk(m(3), m(2)),
      talk(m(2), head('办公室', '孙丽')),
      talk(head('财务股', '钱进'), m(2)),
      talk(m(2), head('交通运输执法大队', '吴刚')),
      talk(m(3), head('安全监督股', '郑华')),
    ];
    const partial = talkCoverage({ members: roster, talks, ruleSet: defaultRuleSet() });
    expect(partial.missing.map((p) => p.label)).toEqual(['赵强（副局长）与分管的审批服务科负责人']);
    const done = talkCoverage({ members: roster, talks: [...talks, talk(m(3), head('审批服务科', '冯敏'))], ruleSet: defaultRuleSet() });
    expect(done.complete).toBe(true);
    expect(talkCoverageSentence(done)).toBe('谈心谈话应谈8对，已全部完成');
  });

  it('follows the edited rules: only the secretary’s talks, a waived pair, branch representatives', () => {
    const rules = { ...defaultRuleSet(), talks: { membersWithEachOther: false, membersWithDepartmentHeads: false, membersWithBranch: true, waived: [{ pair: `m:${fakeUuid(3)}|b:*`, reason: '长期病假' }] } };
    const c = talkCoverage({ members: roster, talks: [talk(m(1), m(2)), talk(m(2), { kind: 'branch', branch: '机关党支部', name: '周文' })], ruleSet: rules });
    expect(c.pairs.map((p) => p.label)).toEqual([
      '王明（党组书记、局长）与李红（党组成员、副局长）',
      '王明（党组书记、局长）与赵强（副局长）',
      '王明（党组书记、局长）与党支部代表',
      '李红（党组成员、副局长）与党支部代表',
      '赵强（副局长）与党支部代表',
    ]);
    expect(c.missing.map((p) => p.label)).toEqual(['王明（党组书记、局长）与赵强（副局长）', '王明（党组书记、局长）与党支部代表']);
    expect(c.required).toBe(4);
  });

  it('says when the roster has no secretary to talk with the members', () => {
    const c = talkCoverage({ members: roster.slice(1), talks: [talk(m(2), m(3))], ruleSet: { ...defaultRuleSet(), talks: { membersWithDepartmentHeads: false } } });
    expect(c.complete).toBe(false);
    expect(c.messages).toEqual(['班子成员名单中没有职务为“书记”的成员，无法确定书记与班子成员的谈话要求']);
  });

  it('lays the coverage out as a member matrix with each member’s department heads', () => {
    const c = talkCoverage({ members: roster, talks: [talk(m(1), m(2), '2025-11-03'), talk(m(2), head('办公室', '孙丽'))], ruleSet: defaultRuleSet() });
    const x = talkMatrix(roster, c);
    expect(x.members.map((r) => r.secretary)).toEqual([true, false, false]);
    expect(x.cells[0]![0]).toEqual({ kind: 'self' });
    expect(x.cells[0]![1]).toEqual({ kind: 'pair', done: true, waived: false, talks: 1, date: '2025-11-03' });
    expect(x.cells[1]![0]).toEqual(x.cells[0]![1]);
    expect(x.cells[1]![2]).toMatchObject({ kind: 'pair', done: false });
    expect(x.departments[1]).toEqual([
      { department: '办公室', done: true, waived: false, names: ['孙丽'] },
      { department: '财务股', done: false, waived: false, names: [] },
      { department: '交通运输执法大队', done: false, waived: false, names: [] },
    ]);
  });

  it('checks a talk against the roster, the departments in charge, the meeting date and its linked opinions', () => {
    const opinions = [
      { id: fakeUuid(500), meetingId: MEETING, channel: '谈心谈话' },
      { id: fakeUuid(501), meetingId: MEETING, channel: '书面征求' },
    ];
    expect(talkProblems(talk(m(1), m(2), '2025-11-10', [fakeUuid(500)]), { members: roster, opinions, plannedDate: '2025-12-01' })).toEqual([]);
    expect(talkProblems(talk(m(9), head('档案馆', '甲'), '2025-12-05', [fakeUuid(501), fakeUuid(502)]), { members: roster, opinions, plannedDate: '2025-12-01' })).toEqual([
      '谈话人不在本班子成员名单中',
      '“档案馆”不在任何班子成员的分管工作中',
      '谈话日期晚于民主生活会召开日期',
      '关联的意见征求方式不是“谈心谈话”',
      '关联的意见不存在或已删除',
    ]);
  });

  it('shows the matrix in the 督导审核意见: first dates, 未谈, and the department heads talked to', async () => {
    const c = talkCoverage({ members: roster, talks: [talk(m(1), m(2), '2025-11-03'), talk(m(2), head('办公室', '孙丽'))], ruleSet: defaultRuleSet() });
    const g = gbLayout('compatible');
    const bytes = await docxBytes(gbDocument({ title: 't', mode: 'compatible', internal: true, children: talkBlocks(g, talkMatrix(roster, c), c, 2) }));
    const lines = documentLines(officeParts(bytes));
    expect(lines.slice(0, 2)).toEqual(['二、谈心谈话情况', '谈心谈话应谈8对，已谈2对，尚缺6对。表中为首次谈话日期（月.日）。']);
    expect(lines).toContain('11.3');
    expect(lines).toContain('未谈');
    expect(lines).toContain('办公室（孙丽）；财务股（未谈）；交通运输执法大队（未谈）');
  });
});
