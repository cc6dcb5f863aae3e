// Package format 2: the follow-up records (梳理, 查摆问题, 整改台账, 进展, 谈心谈话, 会前准备, 对照检查材料)
// travel with every field, their references are checked like the others', and format-1 packages
// (six tables) still open with those tables empty.
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_TABLES } from '#shared/package/follow-up';
import { buildPackage, contentChecksum, PACKAGE_FORMAT_VERSION, PACKAGE_TABLES, readPackage, selectUnits, type PackageContent } from '#shared/package/format';
import { withFollowUp } from '../../support/follow-up-sample';
import { sampleContent } from '../../support/sample-content';

const meta = { appVersion: '0.2.0', exportedAt: '2026-12-06T00:00:00.000Z' };
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const gone = '00000000-0000-4000-8000-ffffffffffff';

/** A sample of two units with every follow-up kind. */
const sample = () => withFollowUp(sampleContent({ units: 2, providers: ['县发改局', ''] }));

function packageOf(content: object, formatVersion: number) {
  return { format: 'mzsh-exchange', formatVersion, ...meta, checksum: { algorithm: 'SHA-256', value: contentChecksum(content) }, content };
}

const refusal = (content: PackageContent) => {
  const r = readPackage(encode(packageOf(content, PACKAGE_FORMAT_VERSION)));
  return r.ok ? 'accepted' : r.error;
};

const sortById = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('exchange package format 2', () => {
  it('round-trips every field of every follow-up record', () => {
    const content = sample();
    // Optional fields and soft deletes travel too.
    content.problems[0]!.carriedFrom = { problemId: gone, meetingId: gone };
    content.consolidatedOpinions[1]!.answer = { reason: 'other', text: '已向提出单位当面说明' };
    content.talks[0]!.deletedAt = '2025-12-02T00:00:00.000Z';
    content.ledgerEntries[1]!.status = 'closed';
    content.ledgerEntries[1]!.closure = { evidence: '调研报告', evidenceLocation: '办公室档案柜', date: '2025-12-05', approver: '张建国' };
    for (const table of FOLLOW_UP_TABLES) expect(content[table].length, table).toBeGreaterThan(0);
    const bytes = buildPackage(content, meta);
    const r = readPackage(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(r.package.formatVersion).toBe(2);
    expect(PACKAGE_FORMAT_VERSION).toBe(2);
    for (const table of PACKAGE_TABLES) expect(sortById(r.package.content[table] as Array<{ id: string }>), table).toEqual(sortById(content[table] as Array<{ id: string }>));
    // Written again from what was read: the same checksum (the canonical content; key order may differ).
    expect(contentChecksum(r.package.content)).toBe(r.package.checksum.value);
  });

  it('writes the same bytes whatever the order of the follow-up records', () => {
    const content = sample();
    const reversed = { ...content, problems: [...content.problems].reverse(), progressEntries: [...content.progressEntries].reverse(), talks: [...content.talks].reverse() };
    expect(buildPackage(reversed, meta)).toEqual(buildPackage(content, meta));
  });

  it('refuses a follow-up record that breaks its validator, naming the field', () => {
    const content = sample();
    (content.problems[0] as unknown as Record<string, unknown>)['deadline'] = '2026-02-30';
    expect(refusal(content)).toBe('数据包内容不正确：查摆问题第 1 条：deadline 完成时限应为 YYYY-MM-DD 日期或留空');
    const closedWithout = sample();
    closedWithout.ledgerEntries[0]!.status = 'closed';
    expect(refusal(closedWithout)).toMatch(/^数据包内容不正确：整改台账第 1 条：closure 已销号的条目须有销号信息/);
  });

  it('refuses each kind of broken follow-up reference, naming the record', () => {
    const broken = (edit: (c: PackageContent) => void) => {
      const content = sample();
      edit(content);
      return refusal(content);
    };
    const s = sample();
    const otherMeetingOpinion = s.opinions.find((o) => o.meetingId === s.meetings[1]!.id)!.id;
    const otherMeetingConsolidated = s.consolidatedOpinions.find((c) => c.meetingId === s.meetings[1]!.id)!.id;
    const otherMeetingMember = s.members.find((m) => m.meetingId === s.meetings[1]!.id)!.id;
    const c0 = s.consolidatedOpinions[0]!;
    expect(broken((c) => (c.consolidatedOpinions[0]!.meetingId = gone))).toBe(`数据包不完整：梳理后意见 ${c0.id} 所属的会议不在包中`);
    expect(broken((c) => (c.preparations[0]!.meetingId = gone))).toBe(`数据包不完整：会前准备 ${s.preparations[0]!.id} 所属的会议不在包中`);
    expect(broken((c) => (c.consolidatedOpinions[0]!.targetId = gone))).toBe('数据包不完整：梳理后意见“调查研究不够深入，解决群众急难愁盼问题的…”的意见对象不在该会议的班子成员中');
    expect(broken((c) => c.consolidatedOpinions[0]!.sourceIds.push(otherMeetingOpinion))).toBe(
      `数据包不完整：梳理后意见“调查研究不够深入，解决群众急难愁盼问题的…”合并的原始意见 ${otherMeetingOpinion} 不在该会议的意见中`,
    );
    expect(broken((c) => (c.problems[0]!.consolidatedIds = [otherMeetingConsolidated]))).toBe(
      `数据包不完整：查摆问题“深入基层调研偏少，解决实际问题办法不多”关联的梳理后意见 ${otherMeetingConsolidated} 不在该会议中`,
    );
    expect(broken((c) => (c.problems[0]!.targetId = otherMeetingMember))).toBe('数据包不完整：查摆问题“深入基层调研偏少，解决实际问题办法不多”的对象不在该会议的班子成员中');
    expect(broken((c) => (c.ledgerEntries[0]!.problemId = gone))).toBe(`数据包不完整：整改台账 ${s.ledgerEntries[0]!.accountNumber} 对应的查摆问题不在该会议中`);
    expect(broken((c) => (c.ledgerEntries[0]!.problemId = c.problems[1]!.id))).toBe(`数据包不完整：整改台账 ${s.ledgerEntries[0]!.accountNumber} 对应的查摆问题不在该会议中`);
    expect(broken((c) => (c.progressEntries[0]!.entryId = c.ledgerEntries[1]!.id))).toBe(`数据包不完整：整改进展 ${s.progressEntries[0]!.id} 对应的台账条目不在该会议中`);
    expect(broken((c) => (c.talks[0]!.opinionIds = [otherMeetingOpinion]))).toBe(`数据包不完整：谈心谈话 ${s.talks[0]!.id} 关联的意见 ${otherMeetingOpinion} 不在该会议的意见中`);
    expect(broken((c) => (c.talks[0]!.b = { kind: 'member', memberId: otherMeetingMember }))).toBe(`数据包不完整：谈心谈话 ${s.talks[0]!.id} 的谈话人不在该会议的班子成员中`);
    expect(broken((c) => (c.materials[0]!.targetId = otherMeetingMember))).toBe('数据包不完整：对照检查材料“个人对照检查材料”的对象不在该会议的班子成员中');
    expect(broken((c) => (c.problems[1]!.id = c.problems[0]!.id))).toBe(`数据包不完整：查摆问题编号 ${s.problems[0]!.id} 重复`);
    // A history link to a record outside the package (last year's meeting) is not a broken reference.
    expect(broken((c) => (c.problems[0]!.carriedFrom = { problemId: gone, meetingId: gone }))).toBe('accepted');
  });

  it('selects the follow-up records of the chosen units only', () => {
    const content = sample();
    const part = selectUnits(content, [content.units[1]!.id]);
    for (const table of FOLLOW_UP_TABLES) {
      expect(part[table].length, table).toBeGreaterThan(0);
      expect(new Set(part[table].map((r) => r.meetingId)), table).toEqual(new Set([content.meetings[1]!.id]));
    }
    expect(readPackage(buildPackage(part, meta)).ok).toBe(true);
  });
});

describe('a format-1 package', () => {
  const v1 = () => {
    const { units, meetings, members, opinions, audits, changeLog } = sampleContent({ units: 1 });
    return { units, meetings, members, opinions, audits, changeLog };
  };

  it('still opens, its follow-up tables empty and its version kept', () => {
    const content = v1();
    const r = readPackage(encode(packageOf(content, 1)));
    if (!r.ok) throw new Error(r.error);
    expect(r.package.formatVersion).toBe(1);
    expect(r.package.content.opinions).toEqual(content.opinions);
    for (const table of FOLLOW_UP_TABLES) expect(r.package.content[table], table).toEqual([]);
  });

  it('may not carry the tables of format 2', () => {
    const content = { ...v1(), problems: [] };
    expect(readPackage(encode(packageOf(content, 1)))).toEqual({ ok: false, error: '数据包内容不正确：查摆问题是未知字段' });
  });

  it('is refused as format 2 when it lacks the follow-up tables', () => {
    expect(readPackage(encode(packageOf(v1(), 2)))).toEqual({ ok: false, error: '数据包内容不正确：梳理后意见缺失' });
  });
});
