import { describe, expect, it } from 'vitest';
import { flagLabels, flagOpinions } from '#shared/checks/opinion-flags';
import { DEFAULT_DIMENSION_SETS, dimensionSetForYear, dimensionSetNote } from '#shared/model/dimensions';
import { isValidDate, prepareMember, prepareMeeting, prepareOpinion, prepareUnit } from '#shared/model/drafts';
import { defaultRuleSet } from '#shared/model/rule-set';
import { meetingSchema, opinionSchema } from '#shared/model/record-schemas';
import { GROUP_TARGET } from '#shared/model/types';
import { parseRosterLines } from '#shared/text/roster-lines';
import { check } from '#shared/util/validation';

describe('reference data', () => {
  it('ships the 2024 and 2025 dimensions of the spec', () => {
    expect(DEFAULT_DIMENSION_SETS.map((s) => [s.label, s.dimensions.length])).toEqual([
      ['2024年度', 5],
      ['2025年度', 5],
    ]);
    expect(DEFAULT_DIMENSION_SETS[1]!.dimensions[0]).toBe('带头强化政治忠诚、提高政治能力');
  });
  it('picks the set of the year, else the latest before it', () => {
    expect(dimensionSetForYear(DEFAULT_DIMENSION_SETS, 2024)?.label).toBe('2024年度');
    expect(dimensionSetForYear(DEFAULT_DIMENSION_SETS, 2026)?.label).toBe('2025年度');
    // Every set later than the year: none, rather than a later year's 方面.
    expect(dimensionSetForYear(DEFAULT_DIMENSION_SETS, 2020)).toBeUndefined();
  });
  it('takes a 2026 meeting’s own year’s set once there is one, whatever the order the sets are kept in', () => {
    const sets = [{ label: '2026年度', year: 2026, dimensions: ['带头学习贯彻', '带头担当作为'] }, ...DEFAULT_DIMENSION_SETS, { label: '2027年度', year: 2027, dimensions: [] }];
    expect(dimensionSetForYear(sets, 2026)?.label).toBe('2026年度');
    expect(dimensionSetForYear([...sets].reverse(), 2026)?.label).toBe('2026年度');
    expect(dimensionSetForYear(sets.filter((s) => s.year !== 2026), 2026)?.label).toBe('2025年度');
  });
  it('says which year’s set a new meeting takes', () => {
    const withNew = [...DEFAULT_DIMENSION_SETS, { label: '2026年度', year: 2026, dimensions: ['带头学习贯彻', '带头担当作为'] }];
    expect(dimensionSetNote(withNew, 2026, '2026年度')).toBe('使用2026年度的对照检查方面（2 个方面）');
    expect(dimensionSetNote(withNew, 2026, '2025年度')).toBe('所选为2025年度的对照检查方面（5 个方面），与会议年度2026年不同');
    expect(dimensionSetNote(DEFAULT_DIMENSION_SETS, 2026, '2025年度')).toBe('尚未设置2026年度的对照检查方面，使用2025年度的（5 个方面）；如有新的要求，请在“设置”中新增2026年度');
    expect(dimensionSetNote(DEFAULT_DIMENSION_SETS, 2026, undefined)).toBe('不设对照检查方面（创建后可在会议设置中填写）');
    expect(dimensionSetNote(DEFAULT_DIMENSION_SETS, 2020, undefined)).toBe('没有2020年度或更早年度的对照检查方面，可在“设置”中新增，或创建后在会议设置中填写');
  });
});

describe('drafts', () => {
  const context = { ruleSet: defaultRuleSet(), dimensions: ['带头增强党性'], memberIds: new Set(['m1']) };

  it('cleans an opinion and accepts it', () => {
    const r = prepareOpinion({ targetId: 'm1', category: '上级领导', channel: '座谈会', content: '  调研　不够深入 \n', provider: ' 县委办 ' }, context);
    expect(r).toEqual({
      ok: true,
      value: { targetId: 'm1', category: '上级领导', channel: '座谈会', content: '调研 不够深入', provider: '县委办', dimension: '', receivedDate: '' },
    });
  });
  it('names every problem of a bad opinion in Chinese', () => {
    const r = prepareOpinion({ targetId: 'x', category: '其他', channel: '电报', content: ' ', dimension: '无此方面', receivedDate: '2025-02-30' }, context);
    expect(r).toEqual({
      ok: false,
      problems: [
        '意见对象不在班子成员名单中',
        '意见来源“其他”不在本次会议的来源类别中',
        '征求方式“电报”不在本次会议的征求方式中',
        '意见内容为空',
        '所属方面“无此方面”不在本次会议的对照检查方面中',
        '收到日期格式应为 YYYY-MM-DD',
      ],
    });
  });
  it('always accepts the group as a target', () => {
    expect(prepareOpinion({ targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '意见' }, context).ok).toBe(true);
  });
  it('refuses over-long opinions', () => {
    const r = prepareOpinion({ targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '长'.repeat(2001) }, context);
    expect(r.ok).toBe(false);
  });
  it('checks units, members and meetings', () => {
    expect(prepareUnit({ name: '  ' })).toEqual({ ok: false, problems: ['请填写单位名称'] });
    expect(prepareMember({ name: '领导班子' }).ok).toBe(false);
    // Every name an import would read as the group is refused as a member's name.
    for (const name of ['领导集体', '班子全体', '局党组班子']) expect(prepareMember({ name })).toEqual({ ok: false, problems: [`“${name}”指领导班子整体，不能作为成员姓名`] });
    expect(prepareMember({ name: ' 张三 ', position: '县长 ' })).toEqual({ ok: true, value: { name: '张三', position: '县长', areas: '' } });
    const bad = prepareMeeting({ year: 1800, title: '', ruleSet: { ...defaultRuleSet(), categories: [] } });
    expect(bad).toEqual({ ok: false, problems: ['年度应为 1990 到 2200 之间的年份', '请填写会议名称', '至少需要一个意见来源类别'] });
  });
  it('knows real calendar days', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-1-1')).toBe(false);
  });
});

describe('parseRosterLines', () => {
  it('reads tab-, comma- and space-separated lines with numbering', () => {
    expect(parseRosterLines('1. 张三\t县长\t政府全面工作\n\n李四，副县长，工业，交通\n王五 副县长')).toEqual([
      { name: '张三', position: '县长', areas: '政府全面工作' },
      { name: '李四', position: '副县长', areas: '工业、交通' },
      { name: '王五', position: '副县长', areas: '' },
    ]);
  });
});

describe('flagOpinions', () => {
  const rules = defaultRuleSet();
  const base = { targetId: 'm1', category: '上级领导', deletedAt: undefined };
  it('marks no-opinion text, repeats (the later one), praise and short text', () => {
    const flags = flagOpinions(
      [
        { ...base, id: 'b', content: '调研不够深入，建议多下基层', createdAt: '2025-01-02T00:00:00Z' },
        { ...base, id: 'a', content: '调研不够深入，建议多下基层。', createdAt: '2025-01-01T00:00:00Z' },
        { ...base, id: 'c', content: '暂无', createdAt: '2025-01-03T00:00:00Z' },
        { ...base, id: 'd', content: '工作很好，希望继续保持', createdAt: '2025-01-04T00:00:00Z' },
        { ...base, id: 'e', content: '要多学习', createdAt: '2025-01-05T00:00:00Z' },
      ],
      rules,
    );
    expect(flagLabels(flags.get('a')!)).toEqual([]);
    expect(flags.get('b')!.duplicateOf).toBe('a');
    expect(flagLabels(flags.get('c')!)).toEqual(['无实质内容']);
    expect(flagLabels(flags.get('d')!)).toEqual(['仅表扬']);
    expect(flagLabels(flags.get('e')!)).toEqual(['过短']);
  });
});

describe('record schemas', () => {
  const now = '2025-01-01T00:00:00.000Z';
  const opinion = {
    id: '6f1c2b0e-8a4d-4c3e-9b1a-2d3e4f5a6b7c',
    meetingId: '7f1c2b0e-8a4d-4c3e-9b1a-2d3e4f5a6b7c',
    targetId: 'group',
    category: '上级领导',
    channel: '座谈会',
    provider: '',
    content: '意见',
    dimension: '',
    receivedDate: '2025-01-01',
    enteredBy: '本机用户',
    origin: { kind: 'imported', file: 'a.xlsx', sheet: 'Sheet1', row: 3 },
    createdAt: now,
    updatedAt: now,
  };
  it('accepts a valid opinion', () => {
    expect(check(opinionSchema, opinion)).toEqual({ ok: true, value: opinion });
  });
  it('names the field that is wrong', () => {
    expect(check(opinionSchema, { ...opinion, origin: { kind: 'imported', file: 'a', sheet: '', row: '3' } })).toMatchObject({
      ok: false,
      error: '字段 origin.row 应为整数',
    });
    expect(check(opinionSchema, { ...opinion, extra: 1 })).toMatchObject({ ok: false, error: '字段 extra 是未知字段' });
    const { content: _c, ...missing } = opinion;
    expect(check(opinionSchema, missing)).toMatchObject({ ok: false, error: '字段 content 缺失' });
    expect(check(opinionSchema, { ...opinion, id: 'abc' })).toMatchObject({ ok: false, error: '字段 id 格式不正确（应为UUID）' });
  });
  it('refuses objects that are not plain data', () => {
    expect(check(meetingSchema, JSON.parse('{"__proto__": {"polluted": true}}'))).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
