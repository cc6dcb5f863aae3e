import type { RuleSet } from './types';

/** The five source categories of the county rule (5类必须), in the order lists use. */
export const DEFAULT_CATEGORIES: readonly string[] = ['上级领导', '下属单位', '分管领域', '服务对象', '基层群众'];

/** Channels through which opinions arrive. */
export const DEFAULT_CHANNELS: readonly string[] = ['书面征求', '谈心谈话', '座谈会', '问卷调查', '领导信箱/电话', '走访'];

/** Phrases that mean "no opinion". Compared after normalization, so punctuation and width do not matter. */
export const DEFAULT_NO_OPINION_PHRASES: readonly string[] = [
  '无',
  '暂无',
  '没有',
  '没有意见',
  '无意见',
  '暂无意见',
  '无意见建议',
  '暂无意见建议',
  '没有意见建议',
  '无建议',
  '暂无建议',
  '没有建议',
  '同意',
  '无其他意见',
  '没有其他意见',
  '没意见',
  '无异议',
  '没有什么意见',
  '未提出意见',
];

/** Phrases of praise. An opinion that is only praise counts, but is warned as perfunctory. */
export const DEFAULT_PRAISE_PHRASES: readonly string[] = [
  '希望继续保持',
  '继续保持',
  '工作很好',
  '工作出色',
  '表现很好',
  '表现突出',
  '非常好',
  '很好',
  '满意',
  '成绩显著',
  '成效明显',
  '值得学习',
  '继续发扬',
  '值得肯定',
  '一如既往',
  '再接再厉',
  '认真负责',
  '尽职尽责',
  '作风扎实',
  '工作扎实',
  '成绩突出',
  '业绩突出',
  '成效显著',
  '评价很高',
  '评价较高',
  '群众认可',
  '群众满意',
  '勤勉敬业',
  '兢兢业业',
  '以身作则',
  '廉洁自律',
  '团结同志',
  '务实肯干',
  '敢于担当',
  '值得称赞',
];

/** The county rule: five categories, at least 2 each, the group is a target, no-opinion text does not count. */
export function defaultRuleSet(): RuleSet {
  return {
    categories: [...DEFAULT_CATEGORIES],
    channels: [...DEFAULT_CHANNELS],
    minPerCategory: 2,
    groupIsTarget: true,
    excludeNonSubstantive: true,
    minPerProvider: null,
    noOpinionPhrases: [...DEFAULT_NO_OPINION_PHRASES],
    praisePhrases: [...DEFAULT_PRAISE_PHRASES],
  };
}

/** Checks a rule set a person edited; returns Chinese problems, empty when it is usable. */
export function ruleSetProblems(rules: RuleSet): string[] {
  const problems: string[] = [];
  const categories = rules.categories.map((c) => c.trim());
  if (categories.length === 0) problems.push('至少需要一个意见来源类别');
  if (categories.some((c) => c === '')) problems.push('意见来源类别不能为空');
  if (new Set(categories).size !== categories.length) problems.push('意见来源类别有重复');
  const channels = rules.channels.map((c) => c.trim());
  if (channels.length === 0) problems.push('至少需要一种征求方式');
  if (channels.some((c) => c === '')) problems.push('征求方式不能为空');
  if (new Set(channels).size !== channels.length) problems.push('征求方式有重复');
  if (!Number.isInteger(rules.minPerCategory) || rules.minPerCategory < 0 || rules.minPerCategory > 100) {
    problems.push('每类最少条数应为 0 到 100 之间的整数');
  }
  if (
    rules.minPerProvider !== null &&
    (!Number.isInteger(rules.minPerProvider) || rules.minPerProvider < 1 || rules.minPerProvider > 100)
  ) {
    problems.push('每个提出方最少条数应为 1 到 100 之间的整数');
  }
  return problems;
}
