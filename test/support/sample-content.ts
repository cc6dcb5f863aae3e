// Deterministic sample data for tests: units with a meeting each, a roster, and opinions that
// make some meetings ready and some not. Ids are UUIDs derived from a counter, so runs repeat.
import { DEFAULT_CATEGORIES, DEFAULT_CHANNELS, defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET, type Meeting, type Member, type Opinion, type Unit } from '#shared/model/types';
import { emptyContent, type PackageContent } from '#shared/package/format';

export function fakeUuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export interface SampleOptions {
  units?: number;
  membersPerMeeting?: number;
  /** Opinions per target and category; the last unit gets one fewer in 基层群众 for its last member. */
  perCell?: number;
  /** Providers to use, round robin; empty strings mean "no provider". */
  providers?: string[];
  firstId?: number;
  time?: string;
}

const NAMES = ['张建国', '李卫东', '王秀英', '赵志强', '刘丽华', '陈国平', '杨春梅', '黄海涛', '周晓明', '吴建华', '徐立新', '孙玉兰'];
const POSITIONS = ['局长', '副局长', '副局长', '纪检组长', '副局长', '总工程师', '副局长', '办公室主任', '副局长', '调研员', '副局长', '副局长'];

/** A 2025 meeting with the default rules and two of the year's dimensions; any field can be given. */
export function sampleMeeting(fields: Pick<Meeting, 'id' | 'unitId' | 'createdAt' | 'updatedAt'> & Partial<Meeting>): Meeting {
  return {
    year: 2025,
    title: '2025年度民主生活会',
    theme: '',
    plannedDate: '2026-01-15',
    ruleSet: defaultRuleSet(),
    dimensionSet: '2025年度',
    dimensions: ['带头强化政治忠诚、提高政治能力', '带头干事创业、担当作为'],
    status: 'preparing',
    ...fields,
  };
}

/** A package's worth of data: `units` units, each with one 2025 meeting. */
export function sampleContent(options: SampleOptions = {}): PackageContent {
  const { units: unitCount = 2, membersPerMeeting = 3, perCell = 2, providers = [''], time = '2025-11-01T08:00:00.000Z' } = options;
  let id = options.firstId ?? 1;
  const next = () => fakeUuid(id++);
  const stamps = { createdAt: time, updatedAt: time };
  const content = emptyContent();
  for (let u = 0; u < unitCount; u++) {
    const unit: Unit = { id: next(), name: `测试单位${u + 1}`, shortName: `单位${u + 1}`, supervisoryGroup: `第${(u % 3) + 1}督导组`, order: u + 1, ...stamps };
    const meeting = sampleMeeting({ id: next(), unitId: unit.id, theme: '深入学习贯彻习近平新时代中国特色社会主义思想', ...stamps });
    content.units.push(unit);
    content.meetings.push(meeting);
    const members: Member[] = [];
    for (let m = 0; m < membersPerMeeting; m++) {
      members.push({ id: next(), meetingId: meeting.id, name: NAMES[m % NAMES.length]!, position: POSITIONS[m % POSITIONS.length]!, areas: `分管工作${m + 1}`, rank: m + 1, ...stamps });
    }
    content.members.push(...members);
    const targets = [GROUP_TARGET, ...members.map((m) => m.id)];
    let k = 0;
    for (const targetId of targets) {
      for (const category of DEFAULT_CATEGORIES) {
        const short = u === unitCount - 1 && targetId === targets[targets.length - 1] && category === '基层群众';
        for (let i = 0; i < perCell - (short ? 1 : 0); i++) {
          const opinion: Opinion = {
            id: next(),
            meetingId: meeting.id,
            targetId,
            category,
            channel: DEFAULT_CHANNELS[k % DEFAULT_CHANNELS.length]!,
            provider: providers[k % providers.length]!,
            content: `单位${u + 1}对象${targets.indexOf(targetId)}${category}第${i + 1}条：调查研究不够深入，解决群众急难愁盼问题的办法不多`,
            dimension: k % 3 === 0 ? meeting.dimensions[0]! : '',
            receivedDate: '2025-11-01',
            enteredBy: '测试员',
            origin: { kind: 'typed' },
            ...stamps,
          };
          content.opinions.push(opinion);
          k++;
        }
      }
    }
  }
  return content;
}
