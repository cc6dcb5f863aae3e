// The meeting's own 问题来源 list (会议设置 → 问题来源): kept in the rule set only when it differs from
// the county's six, read back in its order with 上年度未完成 always in it (回头看 gives it to carried
// items), checked against each problem item, and carried by packages like any rule-set field.
import { describe, expect, it } from 'vitest';
import { prepareMeeting } from '#shared/model/drafts';
import { DEFAULT_PROBLEM_SOURCES, problemSourcesOf, storedProblemSources } from '#shared/model/problems';
import { defaultRuleSet } from '#shared/model/rule-set';
import { meetingSchema } from '#shared/model/record-schemas';
import { problemItemProblems } from '#shared/problems/checks';
import { check } from '#shared/util/validation';
import { problemSample } from '../../support/problem-sample';

const meetingDraft = (problemSources?: string[]) => ({ year: 2025, title: '2025年度民主生活会', ruleSet: { ...defaultRuleSet(), ...(problemSources ? { problemSources } : {}) } });

describe('the 问题来源 list of a meeting', () => {
  it('is stored in the rule set only when it is not the county’s six, cleaned', () => {
    expect(storedProblemSources([...DEFAULT_PROBLEM_SOURCES])).toBeUndefined();
    expect(storedProblemSources([])).toBeUndefined();
    expect(storedProblemSources([' 征求意见 ', '群众来信', '群众来信', '', '巡视巡察反馈'])).toEqual(['征求意见', '群众来信', '巡视巡察反馈']);
    const kept = prepareMeeting(meetingDraft(['征求意见', '审计发现', '群众来信']));
    expect(kept.ok && kept.value.ruleSet.problemSources).toEqual(['征求意见', '审计发现', '群众来信']);
    const same = prepareMeeting(meetingDraft([...DEFAULT_PROBLEM_SOURCES]));
    expect(same.ok && 'problemSources' in same.value.ruleSet).toBe(false);
  });

  it('is read in its order from the rule set, with 上年度未完成 always in it', () => {
    expect(problemSourcesOf({ ruleSet: { problemSources: ['审计发现', '征求意见'] } })).toEqual(['审计发现', '征求意见', '上年度未完成']);
    expect(problemSourcesOf({ ruleSet: defaultRuleSet() })).toEqual([...DEFAULT_PROBLEM_SOURCES]);
  });

  it('decides which sources an item may name', () => {
    const s = problemSample();
    const meeting = { ...s.meeting, ruleSet: { ...s.meeting.ruleSet, problemSources: ['审计发现', '征求意见'] } };
    const ctx = { meeting, memberIds: new Set(s.members.map((m) => m.id)), consolidated: s.consolidated };
    expect(problemItemProblems({ ...s.problems[0]!, sources: ['审计发现'] }, ctx)).toEqual([]);
    expect(problemItemProblems({ ...s.problems[0]!, sources: ['上年度未完成'] }, ctx)).toEqual([]);
    expect(problemItemProblems({ ...s.problems[0]!, sources: ['谈心谈话'] }, ctx)).toEqual(['问题来源“谈心谈话”不在本次会议的来源列表中']);
  });

  it('passes the meeting record’s validation (packages and backups), and a list of over 20 does not', () => {
    const s = problemSample();
    const meeting = { ...s.meeting, ruleSet: { ...s.meeting.ruleSet, problemSources: ['审计发现', '征求意见'] } };
    expect(check(meetingSchema, meeting)).toEqual({ ok: true, value: meeting });
    const many = { ...s.meeting, ruleSet: { ...s.meeting.ruleSet, problemSources: Array.from({ length: 21 }, (_, i) => `来源${i}`) } };
    expect(check(meetingSchema, many)).toMatchObject({ ok: false, error: expect.stringMatching(/problemSources/) });
  });
});
