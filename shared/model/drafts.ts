// Turning what a person typed into records: the one place that decides what a valid unit,
// meeting, member or opinion looks like. Entry forms, paste, import and the command line use it.
import { cleanLine, cleanText, compareKey } from '../text/normalize';
import { isRealDate } from '../util/dates';
import { newId, nowIso } from '../util/ids';
import { ruleSetProblems } from './rule-set';
import { storedProblemSources } from './problems';
import { GROUP_TARGET, type Meeting, type Member, type Opinion, type OpinionOrigin, type RuleSet, type Unit } from './types';

export const MAX_OPINION_LENGTH = 2000;

export type Prepared<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export interface UnitDraft {
  name: string;
  shortName?: string;
  supervisoryGroup?: string;
}

/** Checks and cleans a unit. */
export function prepareUnit(draft: UnitDraft): Prepared<Pick<Unit, 'name' | 'shortName' | 'supervisoryGroup'>> {
  const name = cleanLine(draft.name);
  const problems: string[] = [];
  if (name === '') problems.push('请填写单位名称');
  if (name.length > 100) problems.push('单位名称过长（最多 100 字）');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name, shortName: cleanLine(draft.shortName ?? ''), supervisoryGroup: cleanLine(draft.supervisoryGroup ?? '') } };
}

export interface MeetingDraft {
  year: number;
  title: string;
  theme?: string;
  plannedDate?: string;
  ruleSet: RuleSet;
  dimensionSet?: string;
  dimensions?: string[];
  status?: Meeting['status'];
}

/** Checks and cleans a meeting's editable fields. */
export function prepareMeeting(
  draft: MeetingDraft,
): Prepared<Pick<Meeting, 'year' | 'title' | 'theme' | 'plannedDate' | 'ruleSet' | 'dimensionSet' | 'dimensions' | 'status'>> {
  const problems: string[] = [];
  const title = cleanLine(draft.title);
  if (!Number.isInteger(draft.year) || draft.year < 1990 || draft.year > 2200) problems.push('年度应为 1990 到 2200 之间的年份');
  if (title === '') problems.push('请填写会议名称');
  const plannedDate = (draft.plannedDate ?? '').trim();
  if (plannedDate !== '' && !isValidDate(plannedDate)) problems.push('计划召开日期格式应为 YYYY-MM-DD');
  const ruleSet = cleanRuleSet(draft.ruleSet);
  problems.push(...ruleSetProblems(ruleSet));
  const dimensions = (draft.dimensions ?? []).map(cleanLine).filter((d) => d !== '');
  if (new Set(dimensions).size !== dimensions.length) problems.push('对照检查方面有重复');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      year: draft.year,
      title,
      theme: cleanText(draft.theme ?? ''),
      plannedDate,
      ruleSet,
      dimensionSet: cleanLine(draft.dimensionSet ?? ''),
      dimensions,
      status: draft.status ?? 'preparing',
    },
  };
}

function cleanRuleSet(rules: RuleSet): RuleSet {
  const list = (xs: readonly string[]) => xs.map(cleanLine);
  // Stored only when on: a rule set saved with the option off stays what it was (and so does its fingerprint).
  const { requireFullCoverage, problemSources, ...rest } = rules;
  const sources = storedProblemSources(problemSources);
  return {
    ...rest,
    ...(requireFullCoverage === true ? { requireFullCoverage: true } : {}),
    ...(sources ? { problemSources: sources } : {}),
    categories: list(rules.categories),
    channels: list(rules.channels),
    noOpinionPhrases: list(rules.noOpinionPhrases).filter((p) => p !== ''),
    praisePhrases: list(rules.praisePhrases).filter((p) => p !== ''),
  };
}

export interface MemberDraft {
  name: string;
  position?: string;
  areas?: string;
}

const GROUP_WORDS = new Set(['班子', '领导班子', '班子整体', '领导班子整体', '整体', '班子集体', '领导集体', '集体', '全体班子', '班子全体'].map(compareKey));

/** Whether a name means the group as a whole (班子, 领导班子, 局党组班子 …): a target cell on import, a name no member may have. */
export function meansGroup(text: string): boolean {
  const key = compareKey(text);
  return GROUP_WORDS.has(key) || /班子(?:整体|集体)?$/.test(key);
}

/** Checks and cleans a member. */
export function prepareMember(draft: MemberDraft): Prepared<Pick<Member, 'name' | 'position' | 'areas'>> {
  const name = cleanLine(draft.name);
  const problems: string[] = [];
  if (name === '') problems.push('请填写姓名');
  if (name.length > 50) problems.push('姓名过长（最多 50 字）');
  if (name !== '' && meansGroup(name)) problems.push(`“${name}”指领导班子整体，不能作为成员姓名`);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name, position: cleanLine(draft.position ?? ''), areas: cleanText(draft.areas ?? '') } };
}

export interface OpinionDraft {
  targetId: string;
  category: string;
  channel: string;
  content: string;
  provider?: string;
  dimension?: string;
  receivedDate?: string;
}

export interface OpinionContext {
  ruleSet: Pick<RuleSet, 'categories' | 'channels'>;
  dimensions: readonly string[];
  /** Ids of the live members; the group is always a valid target. */
  memberIds: ReadonlySet<string>;
}

export type OpinionFields = Pick<Opinion, 'targetId' | 'category' | 'channel' | 'content' | 'provider' | 'dimension' | 'receivedDate'>;

/** Checks and cleans one opinion against the meeting's roster and rule set. */
export function prepareOpinion(draft: OpinionDraft, context: OpinionContext): Prepared<OpinionFields> {
  const problems: string[] = [];
  const content = cleanText(draft.content);
  if (draft.targetId !== GROUP_TARGET && !context.memberIds.has(draft.targetId)) problems.push('意见对象不在班子成员名单中');
  if (!context.ruleSet.categories.includes(draft.category)) problems.push(`意见来源“${draft.category}”不在本次会议的来源类别中`);
  if (!context.ruleSet.channels.includes(draft.channel)) problems.push(`征求方式“${draft.channel}”不在本次会议的征求方式中`);
  if (content === '') problems.push('意见内容为空');
  if (content.length > MAX_OPINION_LENGTH) problems.push(`意见内容过长（${content.length} 字，最多 ${MAX_OPINION_LENGTH} 字）`);
  const dimension = cleanLine(draft.dimension ?? '');
  if (dimension !== '' && !context.dimensions.includes(dimension)) problems.push(`所属方面“${dimension}”不在本次会议的对照检查方面中`);
  const receivedDate = (draft.receivedDate ?? '').trim();
  if (receivedDate !== '' && !isValidDate(receivedDate)) problems.push('收到日期格式应为 YYYY-MM-DD');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      targetId: draft.targetId,
      category: draft.category,
      channel: draft.channel,
      content,
      provider: cleanLine(draft.provider ?? ''),
      dimension,
      receivedDate,
    },
  };
}

/** A new opinion record from prepared fields. */
export function newOpinion(fields: OpinionFields, meta: { meetingId: string; enteredBy: string; origin: OpinionOrigin; now?: string }): Opinion {
  const now = meta.now ?? nowIso();
  return { id: newId(), meetingId: meta.meetingId, ...fields, enteredBy: meta.enteredBy, origin: meta.origin, createdAt: now, updatedAt: now };
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isValidDate(s: string): boolean {
  return isRealDate(s);
}
