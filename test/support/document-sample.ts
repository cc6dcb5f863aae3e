// A realistic meeting for document tests: a unit, four members (given out of rank order), opinions
// in every category with providers and dimensions, one repeat, one 无, one opinion whose text
// starts with `=`, one member short of 基层群众 and one member with no opinion at all.
import { GROUP_TARGET, type Meeting, type Member, type Opinion, type Unit } from '#shared/model/types';
import type { MeetingDocInput } from '#shared/documents/meeting-docs';
import { fakeUuid, sampleMeeting } from './sample-content';

// Entered one minute apart, in the order they are added.
const T = (n: number) => new Date(Date.UTC(2025, 10, 1, 8, 0) + n * 60_000).toISOString();

export const TEXTS = [
  '理论学习不够系统深入，以会代学、以文件代学的情况时有发生，运用党的创新理论指导实践的能力有待提升',
  '深入基层调研的次数偏少，对企业反映的融资难问题跟踪问效不够',
  '推动重点项目建设的办法不多，部分项目进度滞后于年初计划',
  '对分管科室的日常监督不够严格，个别干部纪律意识淡薄',
  '服务企业“最多跑一次”改革落实不到位，审批材料仍然偏多',
  '联系服务群众不够经常，对群众来信来访答复不够及时',
  '落实全面从严治党主体责任压力传导不够，廉政谈话流于形式',
  '干部队伍年龄结构老化，年轻干部培养使用力度不够',
  '会议文件偏多，基层迎检负担依然较重',
  '财政资金绩效评价结果运用不充分，部分专项资金闲置',
];

export interface DocumentSample {
  input: MeetingDocInput;
  unit: Unit;
  meeting: Meeting;
  members: Member[];
  opinions: Opinion[];
}

/** The sample meeting; `providers` names the provider of the n-th opinion (default `提出人N`). */
export function documentSample(options: { providers?: (n: number) => string } = {}): DocumentSample {
  let id = 9000;
  const next = () => fakeUuid(id++);
  const stamps = { createdAt: '2025-10-01T00:00:00.000Z', updatedAt: '2025-10-01T00:00:00.000Z' };
  const unit: Unit = { id: next(), name: '某某县财政局', shortName: '财政局', supervisoryGroup: '第一督导组', order: 1, ...stamps };
  const meeting = sampleMeeting({ id: next(), unitId: unit.id, ...stamps });
  // Given out of rank order on purpose: documents must follow rank, not input order.
  const members: Member[] = [
    { id: next(), meetingId: meeting.id, name: '王五', position: '副局长', areas: '预算、国库', rank: 3, ...stamps },
    { id: next(), meetingId: meeting.id, name: '张三', position: '局长', areas: '全面工作', rank: 1, ...stamps },
    { id: next(), meetingId: meeting.id, name: '李四', position: '副局长', areas: '综合、政府采购', rank: 2, ...stamps },
    { id: next(), meetingId: meeting.id, name: '赵六', position: '纪检组长', areas: '纪检监察', rank: 4, ...stamps },
  ];
  const [wang, zhang, li, zhao] = members as [Member, Member, Member, Member];
  void zhao; // 赵六 gets no opinion at all: a zero-opinion target.
  const opinions: Opinion[] = [];
  let n = 0;
  const add = (targetId: string, category: string, content: string, extra: Partial<Opinion> = {}) => {
    opinions.push({
      id: next(),
      meetingId: meeting.id,
      targetId,
      category,
      channel: meeting.ruleSet.channels[n % meeting.ruleSet.channels.length]!,
      provider: options.providers ? options.providers(n) : `提出人${n}`,
      content,
      dimension: n % 3 === 0 ? meeting.dimensions[n % 2]! : '',
      receivedDate: '2025-11-01',
      enteredBy: '录入员',
      origin: { kind: 'typed' },
      createdAt: T(n),
      updatedAt: T(n),
      ...extra,
    });
    n++;
  };
  for (const target of [GROUP_TARGET, zhang.id, li.id, wang.id]) {
    for (const [ci, category] of meeting.ruleSet.categories.entries()) {
      const count = target === wang.id && category === '基层群众' ? 1 : 2;
      for (let i = 0; i < count; i++) add(target, category, `${TEXTS[(ci * 2 + i + opinions.length) % TEXTS.length]}（${category}${i + 1}）`);
    }
  }
  // A repeat (same target, category, text) and a no-opinion phrase: neither is listed.
  add(zhang.id, '上级领导', opinions.find((o) => o.targetId === zhang.id && o.category === '上级领导')!.content);
  add(zhang.id, '下属单位', '暂无意见');
  // Text that a spreadsheet would take for a formula.
  add(li.id, '服务对象', '=HYPERLINK("http://x","点击")建议公开办事指南');
  // A deleted opinion: in no document.
  add(li.id, '服务对象', '已删除的意见不应出现', { deletedAt: '2025-11-02T00:00:00.000Z' });
  return { input: { unit, meeting, members, opinions }, unit, meeting, members, opinions };
}
