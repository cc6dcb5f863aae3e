// 会前准备: the supervisory group's checklist of one meeting (PRACTICE b6) — 方案报送, 学习研讨, 征求意见,
// 谈心谈话, 对照检查材料, 上年度整改 — each 已完成 / 未完成 with its evidence in Chinese, computed from
// what the app holds; where the app holds nothing to judge by, 待核实 says a person must look. One
// function for the overview, the audit tab (the verdict form ticks from it), the 督导审核意见 and `check`.
import type { Readiness } from '../checks/readiness';
import { chineseDate } from '../documents/meeting-docs';
import { carriedOut, daysBetween, itemState } from '../ledger/deadlines';
import type { LedgerEntry } from '../model/ledger';
import type { MeetingPreparation } from '../model/preparation';
import { MATERIAL_WARNING_LABELS } from '../materials/checks';
import type { MaterialReview } from '../materials/review';
import { SEND_BACK_KINDS } from '../materials/review';
import type { TalkCoverage } from '../talks/coverage';
import { talkCoverageSentence } from '../talks/coverage';

export type ChecklistKey = 'plan' | 'study' | 'opinions' | 'talks' | 'materials' | 'rectification';
export type ChecklistStatus = 'done' | 'not-done' | 'unknown';
export const CHECKLIST_STATUS_LABELS: Readonly<Record<ChecklistStatus, string>> = { done: '已完成', 'not-done': '未完成', unknown: '待核实' };
export const CHECKLIST_LABELS: Readonly<Record<ChecklistKey, string>> = {
  plan: '方案报送',
  study: '学习研讨',
  opinions: '征求意见',
  talks: '谈心谈话',
  materials: '对照检查材料',
  rectification: '上年度整改',
};

export interface ChecklistItem {
  key: ChecklistKey;
  label: string;
  status: ChecklistStatus;
  /** Sentences that prove the status or say what is missing. */
  evidence: string[];
}

export interface PreMeetingChecklist {
  items: ChecklistItem[];
  /** Every item 已完成. */
  complete: boolean;
  /** `会前准备6项：已完成4项，未完成1项，待核实1项` */
  summary: string;
  /** Lines the audit verdict form offers to tick: `对照检查材料：赵强（副局长）未回应征求到的意见……`. */
  tickable: string[];
}

export interface PreMeetingInput {
  plannedDate: string;
  /** Days ahead the 方案 is due (materialRulesOf(ruleSet).planLeadDays). */
  planLeadDays: number;
  preparation?: Pick<MeetingPreparation, 'planSubmittedOn' | 'studySessions'>;
  readiness: Pick<Readiness, 'ready' | 'messages' | 'totals'>;
  talks: Pick<TalkCoverage, 'complete' | 'required' | 'missing' | 'messages'>;
  materials: readonly MaterialReview[];
  /** Last year's ledger and this year's (for what was carried over); absent when last year's meeting is not in the app. */
  ledger?: { previous: readonly Pick<LedgerEntry, 'id' | 'status' | 'accountNumber' | 'deletedAt'>[]; current: readonly Pick<LedgerEntry, 'carriedFrom' | 'deletedAt'>[] };
}

/** The checklist of one meeting. */
export function preMeetingChecklist(input: PreMeetingInput): PreMeetingChecklist {
  const items = [planItem(input), studyItem(input), opinionsItem(input), talksItem(input), materialsItem(input), rectificationItem(input)];
  const count = (s: ChecklistStatus) => items.filter((i) => i.status === s).length;
  const parts = [`已完成${count('done')}项`, count('not-done') > 0 && `未完成${count('not-done')}项`, count('unknown') > 0 && `待核实${count('unknown')}项`].filter(Boolean);
  return {
    items,
    complete: count('done') === items.length,
    summary: `会前准备${items.length}项：${parts.join('，')}`,
    tickable: items.filter((i) => i.status !== 'done').flatMap((i) => i.evidence.map((e) => `${i.label}：${e}`)),
  };
}

/** Missing pairs named in the checklist's evidence. */
const MAX_TALK_LINES = 5;

const item = (key: ChecklistKey, status: ChecklistStatus, evidence: string[]): ChecklistItem => ({ key, label: CHECKLIST_LABELS[key], status, evidence });

function planItem({ preparation, plannedDate, planLeadDays }: PreMeetingInput): ChecklistItem {
  const submitted = preparation?.planSubmittedOn ?? '';
  if (submitted === '') return item('plan', 'not-done', ['尚未录入方案报送日期']);
  if (plannedDate === '') return item('plan', 'unknown', [`方案于${chineseDate(submitted)}报送；会议召开日期未定，无法核对是否提前${planLeadDays}天`]);
  const days = daysBetween(submitted, plannedDate);
  if (days >= planLeadDays) return item('plan', 'done', [`方案于${chineseDate(submitted)}报送，距会议召开${days}天（要求提前${planLeadDays}天）`]);
  const when = days < 0 ? `晚于会议召开日期${-days}天` : `仅提前${days}天`;
  return item('plan', 'not-done', [`方案于${chineseDate(submitted)}报送，${when}，少于要求的${planLeadDays}天`]);
}

function studyItem({ preparation, plannedDate }: PreMeetingInput): ChecklistItem {
  const sessions = (preparation?.studySessions ?? []).filter((s) => plannedDate === '' || s.date <= plannedDate).sort((a, b) => (a.date < b.date ? -1 : 1));
  if (sessions.length === 0) return item('study', 'not-done', ['尚未录入会前学习研讨']);
  const last = sessions[sessions.length - 1]!;
  return item('study', 'done', [`会前集中学习研讨${sessions.length}次，最近一次${chineseDate(last.date)}：${last.topic}`]);
}

function opinionsItem({ readiness }: PreMeetingInput): ChecklistItem {
  const counts = `收集意见建议${readiness.totals.raw}条，计入${readiness.totals.counted}条`;
  return readiness.ready ? item('opinions', 'done', [`${counts}，各对象各类来源意见均达到要求`]) : item('opinions', 'not-done', [counts, ...readiness.messages]);
}

function talksItem({ talks }: PreMeetingInput): ChecklistItem {
  // The checklist names a few missing pairs; the matrix (talkBlocks, the audit tab) shows them all.
  const shown = talks.messages.slice(0, MAX_TALK_LINES);
  const more = talks.messages.length - shown.length;
  return item('talks', talks.complete ? 'done' : 'not-done', [talkCoverageSentence(talks), ...shown, ...(more > 0 ? [`另有${more}项未完成，详见谈心谈话情况表`] : [])]);
}

function materialsItem({ materials }: PreMeetingInput): ChecklistItem {
  const evidence: string[] = [];
  let done = materials.length > 0;
  for (const m of materials) {
    if (!m.material) {
      done = false;
      evidence.push(`${m.label}尚未提交对照检查材料`);
      continue;
    }
    const back = m.warnings.filter((w) => SEND_BACK_KINDS.has(w.kind));
    if (back.length > 0) done = false;
    // One line per person: the details are in the material's own review (and the document's section on it).
    const kinds = [...new Set(m.warnings.map((w) => MATERIAL_WARNING_LABELS[w.kind]))];
    evidence.push(m.warnings.length === 0 ? `${m.label}已提交，未发现问题` : `${m.label}：${kinds.join('、')}（${m.warnings.length}处）`);
  }
  return item('materials', done ? 'done' : 'not-done', evidence.length > 0 ? evidence : ['尚无对照检查材料']);
}

function rectificationItem({ ledger }: PreMeetingInput): ChecklistItem {
  // Not 本机: the command line reads packages, and a supervisor's machine holds no unit's ledger.
  if (!ledger) return item('rectification', 'unknown', ['没有找到上年度民主生活会的整改台账，请核对上年度整改落实情况是否已报告']);
  const previous = ledger.previous.filter((e) => !e.deletedAt);
  if (previous.length === 0) return item('rectification', 'done', ['上年度没有登记整改事项']);
  // Each item once, by the ledger's one rule (itemState): 已销号, 已结转, or open (长期坚持 or not).
  const carried = carriedOut(ledger.current);
  const state = (e: (typeof previous)[number]) => itemState(e.status, carried.has(e.id));
  const closed = previous.filter((e) => state(e) === 'closed').length;
  const ongoing = previous.filter((e) => state(e) === 'open' && e.status === 'ongoing').length;
  const open = previous.filter((e) => state(e) === 'open' && e.status !== 'ongoing');
  const head = `上年度整改事项${previous.length}项：已销号${closed}项，长期坚持${ongoing}项，结转本年度${previous.filter((e) => state(e) === 'carried').length}项`;
  if (open.length === 0) return item('rectification', 'done', [head]);
  return item('rectification', 'not-done', [head, `${open.length}项既未销号也未结转：${open.map((e) => e.accountNumber).join('、')}`]);
}
