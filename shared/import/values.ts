// Matching what a cell says to the meeting's own values: a member of the roster (by name, and by
// name + position where two share a name), the group, a source category, a channel, a dimension,
// a date. Common variants are understood (上级 → 上级领导, 群众 → 基层群众); anything else is an error
// on that row, never a guess.
import { targetLabel } from '../meeting/roster';
import { isValidDate, meansGroup } from '../model/drafts';
import { GROUP_TARGET } from '../model/types';
import { cleanLine, compareKey } from '../text/normalize';

export type Match = { ok: true; value: string } | { ok: false; reason: string };

export interface RosterEntry {
  id: string;
  name: string;
  position: string;
}

/** What questionnaire tools write for a question left unanswered; read as an empty cell. */
const EMPTY_MARKERS = new Set(['(跳过)', '（跳过）', '(空)', '（空）', '[跳过]', '【跳过】']);

/** A cell's text as data: trimmed, and empty for questionnaire placeholders such as `(跳过)`. */
export function cellValue(text: string): string {
  const t = text.trim();
  return EMPTY_MARKERS.has(t.replace(/\s+/g, '')) ? '' : t;
}


/**
 * The target a cell names: the group, or one member. `张三`, `张三（局长）`, `张三同志`, `张 三`
 * and `局长张三` all find 张三; when two members share a name, the position (in brackets, or from
 * the 职务 column) decides, and without it the row is an error.
 */
export function matchTarget(text: string, positionText: string, roster: readonly RosterEntry[]): Match {
  return memoTarget(`${text.length}:${text}${positionText}`, roster);
}

const memoTarget = memo((key: string, roster: readonly RosterEntry[]) => {
  const colon = key.indexOf(':');
  const length = Number(key.slice(0, colon));
  return findTarget(key.slice(colon + 1, colon + 1 + length), key.slice(colon + 1 + length), roster);
});

function findTarget(text: string, positionText: string, roster: readonly RosterEntry[]): Match {
  const shown = cleanLine(text);
  if (meansGroup(shown)) return { ok: true, value: GROUP_TARGET };
  const paren = /^(.+?)\s*[（(]\s*(.+?)\s*[）)]$/.exec(shown);
  const nameKey = compareKey(paren ? paren[1]! : shown).replace(/同志$/, '');
  const position = compareKey(paren ? paren[2]! : positionText);
  let candidates = roster.filter((m) => compareKey(m.name) === nameKey);
  if (candidates.length === 0) {
    // `局长张三` / `张三局长`: a name and a position written together.
    candidates = roster.filter((m) => {
      const n = compareKey(m.name);
      const p = compareKey(m.position);
      return p !== '' && (nameKey === n + p || nameKey === p + n);
    });
  }
  if (candidates.length === 1) return { ok: true, value: candidates[0]!.id };
  if (candidates.length === 0) return { ok: false, reason: `“${shown}”不在班子成员名单中` };
  const name = candidates[0]!.name;
  if (position === '') {
    return { ok: false, reason: `班子中有 ${candidates.length} 名“${name}”，请注明职务，如“${name}（${candidates[0]!.position}）”` };
  }
  let byPosition = candidates.filter((m) => compareKey(m.position) === position);
  if (byPosition.length === 0) {
    // `党组书记、局长` is also called `局长`; but `局长` is never `副局长`: whole parts only.
    byPosition = candidates.filter((m) => positionParts(m.position).includes(position));
  }
  if (byPosition.length === 1) return { ok: true, value: byPosition[0]!.id };
  const listed = candidates.map(targetLabel).join('、');
  return { ok: false, reason: `班子中有 ${candidates.length} 名“${name}”（${listed}），职务“${positionText || paren?.[2] || ''}”无法确定是哪一位` };
}

function positionParts(position: string): string[] {
  return position
    .split(/[、，,/；;\s]|兼/)
    .map(compareKey)
    .filter((p) => p !== '');
}

/** Variants people write for the county rule's categories and channels → the canonical value. */
const CATEGORY_VARIANTS: Record<string, readonly string[]> = {
  上级领导: ['上级', '上级领导干部', '上级党组织', '上级组织', '上级部门', '上级机关', '上级单位', '上级领导同志', '县领导', '市领导', '上级党委', '主管部门'],
  下属单位: ['下属', '下级', '下级单位', '所属单位', '直属单位', '下属部门', '下属科室', '下级部门', '基层单位', '所属部门', '下属单位干部', '下级党组织', '下属党组织', '所属党组织', '基层党组织', '所属基层党组织', '基层站所'],
  分管领域: ['分管', '分管部门', '分管单位', '分管科室', '分管条线', '分管口', '分管领域单位', '分管范围', '分管工作'],
  服务对象: ['服务对象代表', '企业', '服务企业', '企业代表', '办事群众', '管理服务对象', '服务单位', '服务群体', '服务对象单位'],
  基层群众: ['群众', '基层', '群众代表', '村民', '居民', '党员群众', '普通群众', '基层干部群众', '干部群众', '基层党员群众', '基层干部', '村社区干部群众',
    // The unit's own staff and party members, as forms name them.
    '干部职工', '职工', '本单位干部职工', '机关干部职工', '党员', '党员干部', '普通党员', '基层党员', '党员干部群众', '机关干部'],
};

const CHANNEL_VARIANTS: Record<string, readonly string[]> = {
  书面征求: ['书面', '书面征求意见', '征求意见表', '发放征求意见表', '书面征询', '书面意见', '征求意见函', '发函征求'],
  谈心谈话: ['谈心', '谈话', '个别谈话', '交心谈心', '谈心谈话会', '个别谈心', '一对一谈话', '谈心交流'],
  座谈会: ['座谈', '召开座谈会', '座谈交流', '专题座谈会', '座谈会议'],
  问卷调查: ['问卷', '网络问卷', '问卷星', '调查问卷', '线上问卷', '民主测评', '问卷测评', '网上问卷'],
  '领导信箱/电话': ['信箱', '领导信箱', '电话', '邮箱', '领导邮箱', '热线', '来信', '来电', '信箱电话', '领导信箱电话', '意见箱', '电子邮件', '意见信箱'],
  走访: ['上门走访', '入户走访', '调研走访', '走访调研', '实地走访', '周二无会日', '无会日走访', '周二无会日走访', '联村入户', '走访企业', '走访群众'],
};

// Words people add to a category (上级领导意见, 基层群众代表): removed before comparing.
const CATEGORY_SUFFIX = /(?:意见建议|意见|建议|类|方面|代表)$/;

function variantMatch(text: string, allowed: readonly string[], variants: Record<string, readonly string[]>, strip?: RegExp): string | undefined {
  const keyOf = (s: string) => {
    const k = compareKey(s);
    return strip ? k.replace(strip, '') || k : k;
  };
  const key = keyOf(text);
  const direct = allowed.find((a) => keyOf(a) === key || compareKey(a) === compareKey(text));
  if (direct !== undefined) return direct;
  for (const value of allowed) {
    if ((variants[value] ?? []).some((v) => keyOf(v) === key || compareKey(v) === compareKey(text))) return value;
  }
  return undefined;
}

/**
 * Remembers answers per list (a rule set's categories, a roster): a file of 10 000 rows repeats a
 * handful of values, and each fresh answer normalizes every variant.
 */
function memo<L extends object>(compute: (text: string, list: L) => Match): (text: string, list: L) => Match {
  const cache = new WeakMap<L, Map<string, Match>>();
  return (text, list) => {
    let answers = cache.get(list);
    if (!answers) cache.set(list, (answers = new Map()));
    let answer = answers.get(text);
    if (!answer) {
      if (answers.size > 10_000) answers.clear();
      answers.set(text, (answer = compute(text, list)));
    }
    return answer;
  };
}

/** A source category of the rule set: `上级` → `上级领导`, `基层群众代表` → `基层群众`. */
export const matchCategory: (text: string, categories: readonly string[]) => Match = memo((text: string, categories: readonly string[]): Match => {
  const of = (t: string) => variantMatch(t, categories, CATEGORY_VARIANTS, CATEGORY_SUFFIX);
  // A note in brackets (`服务对象（企业）`) does not change the category.
  const value = of(text) ?? of(text.replace(/[(（][^)）]*[)）]/g, ''));
  if (value !== undefined) return { ok: true, value };
  // `基层党组织和党员`, `上级党组织、上级领导`: one category when every part is the same one.
  const parts = text.split(/以及|[和及与、,，/]/).map((p) => p.trim()).filter((p) => p !== '');
  const found = parts.length > 1 ? parts.map(of) : [];
  if (found.length > 0 && found.every((v) => v !== undefined)) {
    const distinct = [...new Set(found)];
    if (distinct.length === 1) return { ok: true, value: distinct[0]! };
    return { ok: false, reason: `意见来源“${cleanLine(text)}”包含不同的来源类别（${distinct.join('、')}），一条意见只能属于一类，请选定一类或分行填写` };
  }
  return { ok: false, reason: `意见来源“${cleanLine(text)}”不在本次会议的来源类别中（${categories.join('、')}）` };
});

/** A channel of the rule set: `谈话` → `谈心谈话`, `电话` → `领导信箱/电话`. */
export const matchChannel: (text: string, channels: readonly string[]) => Match = memo((text: string, channels: readonly string[]): Match => {
  const value = variantMatch(text, channels, CHANNEL_VARIANTS);
  return value !== undefined ? { ok: true, value } : { ok: false, reason: `征求方式“${cleanLine(text)}”不在本次会议的征求方式中（${channels.join('、')}）` };
});

/** A 对照检查 dimension of the meeting: exact, or a part of exactly one dimension (at least 4 characters). */
export function matchDimension(text: string, dimensions: readonly string[]): Match {
  const key = compareKey(text);
  const exact = dimensions.find((d) => compareKey(d) === key);
  if (exact !== undefined) return { ok: true, value: exact };
  if ([...key].length >= 4) {
    const partial = dimensions.filter((d) => compareKey(d).includes(key));
    if (partial.length === 1) return { ok: true, value: partial[0]! };
  }
  const shown = cleanLine(text);
  return { ok: false, reason: dimensions.length === 0 ? `本次会议没有设置对照检查方面，不能填写“${shown}”` : `所属方面“${shown}”不在本次会议的对照检查方面中` };
}

/** A date as `YYYY-MM-DD`, from a date cell or text such as `2025/11/1`, `2025年11月1日`, `20251101`, `2025-11-01 09:30`. */
export function matchDate(text: string, cellDate: string | undefined): Match {
  if (cellDate && isValidDate(cellDate)) return { ok: true, value: cellDate };
  const t = cleanLine(text);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (isValidDate(date)) return { ok: true, value: date };
  }
  const serial = excelSerialDate(t);
  if (serial) return { ok: true, value: serial };
  return { ok: false, reason: `收到日期“${t}”无法识别，应为 2025-11-01 这样的日期` };
}

// Excel's day numbers of 2000-01-01 and 2099-12-31: a date cell that lost its date format (WPS,
// pasted values, a CSV export) shows `45962`, which in a date column is nothing but that day.
const SERIAL_FIRST = 36526;
const SERIAL_LAST = 73050;

/** `45962` → `2025-11-01` (days after 1899-12-30, Excel's 1900 system from March 1900 on); undefined for anything else. */
function excelSerialDate(text: string): string | undefined {
  const m = /^(\d{5})(?:\.\d+)?$/.exec(text);
  if (!m) return undefined;
  const days = Number(m[1]);
  if (days < SERIAL_FIRST || days > SERIAL_LAST) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
}
