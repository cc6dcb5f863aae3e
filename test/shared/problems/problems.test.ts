import { describe, expect, it } from 'vitest';
import { targetLabels } from '#shared/meeting/roster';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { consolidatedOpinionSchema, problemItemSchema, problemSourcesOf, requiresFullCoverage, DEFAULT_PROBLEM_SOURCES } from '#shared/model/problems';
import { defaultRuleSet } from '#shared/model/rule-set';
import { parseRecord } from '#shared/model/zod-fields';
import { GROUP_TARGET } from '#shared/model/types';
import { incompleteItems, missingFiveClear, problemItemProblems, publicationReadiness } from '#shared/problems/checks';
import { computeCoverage, coverageText } from '#shared/problems/coverage';
import { repeatedProblems, repeatText } from '#shared/problems/repeat';
import { problemItem, problemSample } from '../../support/problem-sample';
import { fakeUuid } from '../../support/sample-content';

describe('problem item and consolidated opinion records', () => {
  it('accepts the sample records and refuses bad ones with a Chinese message naming the field', () => {
    const s = problemSample();
    for (const p of s.problems) expect(parseRecord(problemItemSchema, p)).toMatchObject({ ok: true });
    for (const c of s.consolidated) expect(parseRecord(consolidatedOpinionSchema, c)).toMatchObject({ ok: true });
    const p = s.problems[0]!;
    expect(parseRecord(problemItemSchema, { ...p, description: '  ' })).toMatchObject({ ok: false, error: '问题表现不能为空', path: 'description' });
    expect(parseRecord(problemItemSchema, { ...p, deadline: '2026-02-30' })).toMatchObject({ ok: false, error: '完成时限应为 YYYY-MM-DD 日期或留空' });
    expect(parseRecord(problemItemSchema, { ...p, published: 'yes' })).toMatchObject({ ok: false, error: '是否公示应为是或否' });
    expect(parseRecord(problemItemSchema, { ...p, extra: 1 })).toMatchObject({ ok: false, error: '有未知字段：extra' });
    expect(parseRecord(problemItemSchema, { ...p, id: 'x' })).toMatchObject({ ok: false, error: '编号应为 UUID' });
    expect(parseRecord(consolidatedOpinionSchema, { ...s.consolidated[0]!, answer: { reason: 'other', text: '' } })).toMatchObject({ ok: false, error: '选择“其他”时须写明理由' });
    expect(parseRecord(problemItemSchema, 'x')).toMatchObject({ ok: false, error: '查摆问题应为对象' });
  });

  it('reads the 问题来源 list and the full-coverage option with their defaults', () => {
    expect(problemSourcesOf({})).toEqual([...DEFAULT_PROBLEM_SOURCES]);
    expect(problemSourcesOf({ problemSources: [' 征求意见 ', '', '群众来信'] })).toEqual(['征求意见', '群众来信', '上年度未完成']);
    expect(requiresFullCoverage(defaultRuleSet())).toBe(false);
    expect(requiresFullCoverage({ ...defaultRuleSet(), requireFullCoverage: true })).toBe(true);
    expect(requiresFullCoverage({ ...defaultRuleSet(), requireFullCoverage: 'yes' })).toBe(false);
  });

  it('checks an item against its meeting: sources from the list, linked opinions of the meeting', () => {
    const s = problemSample();
    const ctx = { meeting: s.meeting, memberIds: new Set(s.members.map((m) => m.id)), consolidated: s.consolidated };
    expect(problemItemProblems(s.problems[0]!, ctx)).toEqual([]);
    const bad = { ...s.problems[0]!, sources: ['小道消息'], consolidatedIds: [fakeUuid(1)], targetId: fakeUuid(2) };
    expect(problemItemProblems(bad, ctx)).toEqual(['责任对象不是本次会议的班子成员', '问题来源“小道消息”不在本次会议的来源列表中', '关联的意见不存在或已删除']);
    expect(problemItemProblems({ ...s.problems[0]!, longTerm: true }, ctx)).toEqual(['完成时限已选“长期坚持”，不能再填日期']);
    expect(problemItemProblems({ ...s.problems[0]!, sources: [] }, ctx)).toEqual(['请至少选择一个问题来源']);
  });
});

describe('五个明确', () => {
  it('marks an item missing any of the five as incomplete, naming what is missing', () => {
    const base = problemItem({ id: fakeUuid(1), meetingId: fakeUuid(2), targetId: GROUP_TARGET, description: '调研不够' });
    expect(missingFiveClear(base)).toEqual([]);
    expect(missingFiveClear({ ...base, description: ' ' })).toEqual(['问题内容']);
    expect(missingFiveClear({ ...base, leader: '', responsible: '' })).toEqual(['责任主体']);
    expect(missingFiveClear({ ...base, leader: '' })).toEqual([]);
    expect(missingFiveClear({ ...base, standard: '' })).toEqual(['整改标准']);
    expect(missingFiveClear({ ...base, measures: '' })).toEqual(['整改措施']);
    expect(missingFiveClear({ ...base, deadline: '' })).toEqual(['办结时限']);
    expect(missingFiveClear({ ...base, deadline: '', longTerm: true })).toEqual([]);
    expect(missingFiveClear({ ...base, description: '', leader: '', responsible: '', standard: '', measures: '', deadline: '' })).toEqual(['问题内容', '责任主体', '整改标准', '整改措施', '办结时限']);
  });

  it('says in Chinese which item is incomplete', () => {
    const s = problemSample();
    const labels = targetLabels(s.members);
    const found = incompleteItems(s.problems, (id) => labels.get(id)!, (p) => `第${p.order}项`);
    expect(found.map((f) => f.message)).toEqual(['李四（副局长）第6项“服务企业改革落实不到位，审批材料仍然偏多”：缺少整改标准，五个明确不全']);
  });
});

describe('coverage: every opinion answered', () => {
  it('counts an opinion answered when a problem links it or a reason is recorded, per target, and lists the unanswered in Chinese', () => {
    const s = problemSample();
    const docs = prepareMeetingDocs(s.input);
    const c = computeCoverage(s.consolidated, s.problems, docs.targets);
    expect(c.total).toBe(s.consolidated.length);
    expect(c.full).toBe(false);
    const li = c.targets.find((t) => t.label === '李四（副局长）')!;
    expect(li.unanswered).toHaveLength(1);
    expect(li.percent).toBe(Math.floor(((li.total - 1) * 100) / li.total));
    expect(c.targets.find((t) => t.label === '领导班子')!.percent).toBe(100);
    expect(c.messages[0]).toBe(`李四（副局长）：梳理后意见${li.total}条，已回应${li.total - 1}条，尚有1条未回应`);
    expect(c.messages[1]).toMatch(/^李四（副局长）：意见“.+”未列入问题清单，也未说明理由$/);
    const reasoned = s.consolidated.find((x) => x.answer?.reason === 'not-my-duty')!;
    expect(c.answers.get(reasoned.id)).toEqual({ kind: 'reason', label: '不属于本人职责', text: '属于县政府统一部署事项，已向提出单位说明' });
    expect(coverageText(c)).toBe(`已回应${c.answered}/${c.total}条（${c.percent}%）`);
  });

  it('stops counting a link once its problem is deleted, and reaches 100% when the last opinion gets a reason', () => {
    const s = problemSample();
    const docs = prepareMeetingDocs(s.input);
    const deleted = s.problems.map((p, i) => (i === 0 ? { ...p, deletedAt: '2026-01-01T00:00:00.000Z' } : p));
    expect(computeCoverage(s.consolidated, deleted, docs.targets).answered).toBeLessThan(computeCoverage(s.consolidated, s.problems, docs.targets).answered);
    const open = computeCoverage(s.consolidated, s.problems, docs.targets).targets.flatMap((t) => t.unanswered);
    const all = s.consolidated.map((c) => (open.some((o) => o.id === c.id) ? { ...c, answer: { reason: 'explained' as const, text: '' } } : c));
    const full = computeCoverage(all, s.problems, docs.targets);
    expect(full).toMatchObject({ full: true, percent: 100, messages: [] });
  });

  it('holds the lists back from 公示 for unanswered opinions only when the rule set asks for full coverage', () => {
    const s = problemSample();
    const docs = prepareMeetingDocs(s.input);
    const coverage = computeCoverage(s.consolidated, s.problems, docs.targets);
    expect(publicationReadiness(defaultRuleSet(), [], coverage, 1)).toEqual({ ready: true, reasons: [] });
    const strict = publicationReadiness({ ...defaultRuleSet(), requireFullCoverage: true }, [], coverage, 1);
    expect(strict.ready).toBe(false);
    expect(strict.reasons).toEqual([`本次会议要求意见全部回应后方可公示：梳理后意见${coverage.total}条，尚有1条未回应`]);
    const labels = targetLabels(s.members);
    expect(publicationReadiness(defaultRuleSet(), incompleteItems(s.problems, (id) => labels.get(id)!), coverage, 1).ready).toBe(false);
  });

  it('does not call an empty list ready for 公示: nothing marked for 公示 is a reason', () => {
    const s = problemSample();
    const coverage = computeCoverage(s.consolidated, s.problems, prepareMeetingDocs(s.input).targets);
    expect(publicationReadiness(defaultRuleSet(), [], coverage, 0)).toEqual({ ready: false, reasons: ['尚无列入公示的查摆问题：请先在“查摆问题”中列出问题并勾选“列入公示”'] });
  });
});

describe('问题反复出现', () => {
  it('flags a problem nearly the same as one of last year, not a new one nor a carried-over one', () => {
    const s = problemSample();
    const lastYear = s.problems.map((p, i) => ({ ...p, id: fakeUuid(80_000 + i), meetingId: fakeUuid(80_100) }));
    const now = [
      { ...s.problems[1]!, description: '深入基层调研偏少，对企业反映的融资难题跟踪问效不够。' },
      { ...s.problems[3]!, description: '机关党建与业务工作结合不紧，存在“两张皮”现象' },
      { ...s.problems[4]!, carriedFrom: { problemId: lastYear[4]!.id, meetingId: lastYear[4]!.meetingId } },
      s.problems[6]!,
    ];
    const flags = repeatedProblems(now, lastYear);
    expect([...flags.keys()].sort()).toEqual([s.problems[1]!.id, s.problems[6]!.id].sort());
    expect(flags.get(s.problems[1]!.id)).toMatchObject({ previousId: lastYear[1]!.id });
    expect(flags.get(s.problems[1]!.id)!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(flags.get(s.problems[6]!.id)!.similarity).toBe(1);
    expect(repeatText(flags.get(s.problems[6]!.id)!, lastYear[6]!)).toBe('问题反复出现：与上年度“财政资金绩效评价结果运用不充分，部分专项资金闲置”相同');
  });
});

describe('record messages', () => {
  it('says which field is missing', () => {
    const s = problemSample();
    const { description: _gone, ...rest } = s.problems[0]!;
    expect(parseRecord(problemItemSchema, rest)).toMatchObject({ ok: false, error: '缺少问题表现', path: 'description' });
    expect(parseRecord(problemItemSchema, { ...s.problems[0]!, description: 7 })).toMatchObject({ ok: false, error: '问题表现应为文本' });
  });
});
