// Realistic, deterministic county data for end-to-end tests and the benchmark: units with one
// meeting each, rosters of real-looking positions, opinions of 23–122 characters composed from
// the phrases such lists are made of, and a share of them copied or near-copied from another unit.
import { DEFAULT_CATEGORIES, DEFAULT_CHANNELS } from '#shared/model/rule-set';
import { GROUP_TARGET, type Member, type Opinion, type Unit } from '#shared/model/types';
import { emptyContent, type PackageContent } from '#shared/package/format';
import { sampleMeeting } from './sample-content';

const AREAS = ['理论学习', '调查研究', '联系服务群众', '作风建设', '担当作为', '制度执行', '廉洁自律', '意识形态工作', '安全生产', '优化营商环境', '干部队伍建设', '基层党建', '财政资金管理', '重点项目推进', '民生实事办理', '生态环境保护', '信访矛盾化解', '数字化改革', '乡村振兴', '招商引资', '年轻干部培养', '会议文件精简', '督查检查考核', '应急管理', '审批服务'];
const PROBLEMS = ['不够系统', '深度不够', '有时流于形式', '跟踪问效不够', '存在畏难情绪', '创新办法不多', '督促检查不够有力', '标准还不够高', '落实不够到位', '统筹谋划不够', '主动性不强', '措施针对性不强', '压力传导层层递减', '精细化程度不高', '抓早抓小不够'];
// Details and suggestions are composed from two parts each, so that unrelated opinions rarely share
// a whole clause (which would make them near-copies by accident).
const DETAIL_SUBJECTS = ['对企业反映的问题', '对群众来信来访', '对下属单位的指导', '对分管领域的风险隐患', '对巡察反馈问题的整改', '对年轻干部的培养', '对基层减负的要求', '对重点项目的调度', '对历史遗留问题', '对政策落地的跟踪', '对窗口服务的监督', '对村社干部的培训', '对安全生产的检查', '对资金使用的监管', '对调研成果的转化', '对困难群众的帮扶', '对班子成员的提醒', '对作风问题的查处', '对会议文件的精简', '对考核结果的运用'];
const DETAIL_ISSUES = ['回应不够及时', '停留在发文件、开会议', '排查不够彻底', '存在“纸面销号”现象', '压担子、给机会不够', '落实不够彻底', '缺乏长远考虑', '有等一等、看一看的想法', '跟踪问效不够', '满足于过得去、差不多', '听汇报多、看现场少', '办法不多、效果不明显', '红红脸、出出汗不够', '抓早抓小不够', '标准不高、要求不严', '时紧时松、前紧后松', '统筹协调不够顺畅', '存在以会代学的情况', '深入一线的次数偏少', '常态长效机制不健全'];
const SUGGESTION_ACTIONS = ['建议建立', '建议进一步完善', '建议研究制定', '建议抓紧落实', '建议健全', '建议尽快出台', '建议认真执行', '建议细化', '建议修订', '建议严格落实'];
const SUGGESTION_OBJECTS = ['问题清单挂号销号制度', '限时办结和跟踪回访机制', '群众满意度评价办法', '干部思想动态分析制度', '风险研判和预警机制', '项目推进一周一调度机制', '下属单位业务培训计划', '办事流程和时限公开制度', '蹲点调研和驻村走访制度', '年轻干部实践锻炼计划', '整改成效评估办法', '基层减负监测点制度', '领导干部接访下访制度', '政策解读和宣传工作机制', '考核结果反馈机制'];
// Real opinions name places, projects and numbers; without them every text would be made of the
// same few hundred character pairs, which no real county's opinions are.
const PLACE_CHARS = '东西南北中上下大小新老高低长青白红黄金银石山水河湖江溪沟坪坝岭岗塘桥庄店集镇村寨湾林竹松柏桃李杏梅兰花草田禾丰安宁平和兴旺福寿康乐泰华荣昌盛隆茂富贵吉祥瑞永清明光辉阳春秋冬夏朝晨霞云龙凤鹤鹿马牛羊鸡鱼家堡屯营寺庙亭阁台坡岩洞泉井潭渡口港湖湾';
const PROJECTS = ['道路硬化工程', '饮水安全巩固提升工程', '农村危房改造', '污水管网改造', '农贸市场提升改造', '老旧小区改造', '垃圾分类试点', '河道综合治理', '高标准农田建设', '文化礼堂建设', '养老服务中心', '幼儿园扩建项目', '便民服务中心', '路灯亮化工程', '产业园标准厂房', '安置小区建设', '山塘水库除险加固', '学校食堂提升'];
const STALLS = ['进度滞后于计划', '矛盾问题突出', '资金拨付不及时', '验收把关不严', '前期论证不充分', '后续管护跟不上', '施工扰民问题较多', '信息公开不及时', '配套设施不完善', '多次督办仍未整改到位'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建国卫东秀英志强丽华国平春梅海涛晓明建华立新玉兰文军红霞永刚秀兰伟明淑珍德胜桂芳振华美玲学军新民';
const POSITIONS = ['党组书记、局长', '党组成员、副局长', '党组成员、副局长', '党组成员、纪检监察组组长', '副局长', '党组成员、总工程师', '副局长', '四级调研员', '党组成员、副局长', '一级主任科员', '副局长', '党组成员、副主任'];
const UNIT_KINDS = ['发展和改革局', '财政局', '教育局', '卫生健康局', '自然资源和规划局', '住房和城乡建设局', '交通运输局', '农业农村局', '商务局', '文化广电旅游体育局', '市场监督管理局', '人力资源和社会保障局', '民政局', '司法局', '生态环境分局', '水利局', '应急管理局', '医疗保障局', '统计局', '审计局', '科技局', '经济和信息化局', '退役军人事务局', '林业水利局'];
const TOWNS = ['城关镇', '青石镇', '白沙镇', '龙潭乡', '新塘乡', '双河镇', '金山街道', '东城街道', '西湖街道', '南溪镇', '北岭乡', '太平镇'];

/** A small deterministic pseudo-random source (LCG): the same seed, the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** One opinion of 23–122 characters, composed of an area, a problem, a detail and often a suggestion. */
export function opinionText(r: () => number): string {
  const target = 23 + Math.floor(r() * 100);
  const detail = () => `${pick(r, DETAIL_SUBJECTS)}${pick(r, DETAIL_ISSUES)}`;
  const place = () => `${pick(r, [...PLACE_CHARS])}${pick(r, [...PLACE_CHARS])}${pick(r, ['村', '社区', '片区', '小区', '街'])}`;
  const specific = () =>
    r() < 0.5
      ? `如${place()}${pick(r, PROJECTS)}${pick(r, STALLS)}`
      : `今年${1 + Math.floor(r() * 10)}月以来${place()}有${2 + Math.floor(r() * 60)}户群众反映${pick(r, PROJECTS)}${pick(r, STALLS)}`;
  let text = `${pick(r, AREAS)}${pick(r, PROBLEMS)}，${r() < 0.8 ? specific() : detail()}`;
  // Whole clauses only: stop before one that would pass 122 characters.
  for (let tries = 0; text.length < target && tries < 20; tries++) {
    const roll = r();
    const more = roll < 0.4 ? `${pick(r, SUGGESTION_ACTIONS)}${pick(r, SUGGESTION_OBJECTS)}` : roll < 0.7 ? specific() : `${pick(r, AREAS)}方面${detail()}`;
    if (text.length + more.length + 2 > 122) break;
    if (!text.includes(more)) text += `；${more}`;
  }
  return `${text}。`;
}

function personName(r: () => number): string {
  const g = 2 * Math.floor(r() * (GIVEN.length / 2));
  return `${pick(r, [...SURNAMES])}${GIVEN.slice(g, g + 2)}`;
}

/** A near copy: one word changed, clauses reordered, or punctuation changed — what a copier does. */
export function nearCopy(text: string, r: () => number): string {
  const body = text.replace(/。$/, '');
  const way = r();
  if (way < 0.34) return `${body.replace(/不够|较少|偏少|不多/, '还不够')}。`;
  if (way < 0.67) {
    const parts = body.split(/[，；]/);
    return `${[...parts.slice(1), parts[0]].join('，')}。`;
  }
  return `${body.replace(/，/g, '；').replace(/、/g, '，')}！`;
}

export interface CountyOptions {
  units: number;
  /** Members per meeting, a range. */
  members?: [number, number];
  /** Opinions per target and category. */
  perCell?: number;
  /** Share of opinions copied (exactly or nearly) from an earlier opinion of another target or unit. */
  copyRate?: number;
  seed?: number;
  /** Distinguishes the ids of separately generated data sets (first UUID group). */
  idPrefix?: number;
  supervisoryGroups?: number;
  time?: string;
}

/** County-scale data: `units` units with one 2025 meeting each, every cell filled with `perCell` opinions. */
export function countyContent(options: CountyOptions): PackageContent {
  const { units, members = [8, 12], perCell = 2, copyRate = 0, seed = 1, idPrefix = 0xc0, supervisoryGroups = 6, time = '2025-11-01T08:00:00.000Z' } = options;
  const r = rng(seed);
  let n = 0;
  const prefix = (idPrefix >>> 0).toString(16).padStart(8, '0');
  const id = () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
  const stamps = { createdAt: time, updatedAt: time };
  const content = emptyContent();
  const numerals = '一二三四五六七八九十';
  for (let u = 0; u < units; u++) {
    const town = u >= UNIT_KINDS.length;
    const name = town ? `${TOWNS[u % TOWNS.length]}${u >= UNIT_KINDS.length + TOWNS.length ? Math.floor(u / TOWNS.length) : ''}党委` : `某某县${UNIT_KINDS[u]}`;
    const unit: Unit = { id: id(), name, shortName: name.replace('某某县', ''), supervisoryGroup: `第${numerals[u % supervisoryGroups]}督导组`, order: u + 1, ...stamps };
    const meeting = sampleMeeting({
      id: id(),
      unitId: unit.id,
      theme: '深入学习贯彻习近平新时代中国特色社会主义思想',
      plannedDate: '2026-01-20',
      dimensions: ['带头强化政治忠诚、提高政治能力', '带头固本培元、增强党性', '带头敬畏人民、敬畏组织、敬畏法纪', '带头干事创业、担当作为', '带头坚决扛起管党治党责任'],
      ...stamps,
    });
    content.units.push(unit);
    content.meetings.push(meeting);
    const size = members[0] + Math.floor(r() * (members[1] - members[0] + 1));
    const roster: Member[] = Array.from({ length: size }, (_, m) => ({
      id: id(),
      meetingId: meeting.id,
      name: personName(r),
      position: POSITIONS[m % POSITIONS.length]!,
      areas: `分管${pick(r, AREAS)}、${pick(r, AREAS)}工作`,
      rank: m + 1,
      ...stamps,
    }));
    content.members.push(...roster);
    for (const targetId of [GROUP_TARGET, ...roster.map((m) => m.id)]) {
      for (const category of DEFAULT_CATEGORIES) {
        for (let i = 0; i < perCell; i++) {
          // A copy comes from another unit (抄袭), or from another target of this meeting (雷同).
          const earlier = content.opinions.length > 0 && r() < copyRate ? content.opinions[Math.floor(r() * content.opinions.length)] : undefined;
          const copied = earlier && earlier.targetId !== targetId ? (r() < 0.5 ? earlier.content : nearCopy(earlier.content, r)) : undefined;
          const opinion: Opinion = {
            id: id(),
            meetingId: meeting.id,
            targetId,
            category,
            channel: pick(r, DEFAULT_CHANNELS),
            provider: '',
            content: copied ?? opinionText(r),
            dimension: '',
            receivedDate: '2025-11-01',
            enteredBy: '组织部干事',
            origin: { kind: 'typed' },
            ...stamps,
          };
          content.opinions.push(opinion);
        }
      }
    }
  }
  return content;
}
