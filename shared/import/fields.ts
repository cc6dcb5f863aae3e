// The columns an opinion table can have, the names people give them, and the columns that
// questionnaire tools (问卷星 and the like) add about the respondent, which are dropped by default.
import { compareKey } from '../text/normalize';
import { stripNumbering } from '../text/numbering';

/** A column of an opinion table. `position` (职务) only tells apart members who share a name. */
export type ImportField = 'target' | 'position' | 'category' | 'channel' | 'content' | 'provider' | 'dimension' | 'receivedDate';

export const IMPORT_FIELDS: readonly ImportField[] = ['target', 'position', 'category', 'channel', 'content', 'provider', 'dimension', 'receivedDate'];

/** How each field is called in the preview, the template and messages. */
export const FIELD_LABELS: Record<ImportField, string> = {
  target: '意见对象',
  position: '职务',
  category: '意见来源',
  channel: '征求方式',
  content: '意见内容',
  provider: '提出方',
  dimension: '所属方面',
  receivedDate: '收到日期',
};

/** Header names per field, compared by {@link headerKey}. The first is the template's header. */
export const FIELD_SYNONYMS: Record<ImportField, readonly string[]> = {
  target: [
    '意见对象', '征求对象', '班子成员', '针对对象', '对象', '意见针对对象', '提意见对象', '被提意见人', '被征求意见人', '被征求对象',
    '班子成员姓名', '成员姓名', '领导姓名', '领导干部', '姓名', '对象姓名', '意见对象姓名', '征求意见对象',
  ],
  position: ['职务', '现任职务', '职位', '领导职务'],
  category: [
    '意见来源', '来源类别', '征求对象类别', '意见来源类别', '来源类型', '意见来源类型', '提出方类别', '提意见人类别', '提出人类别', '类别', '对象类别', '身份类别', '意见类别', '来源分类',
    // Questionnaires ask the respondent's group as a question (`3、您的身份`, `您属于`).
    '您的身份', '您属于', '您的单位类别', '单位类别', '您的类别', '您的身份类别', '您所属类别', '您所在单位类别', '您所在单位类型', '您的单位类型', '身份', '您是', '您的身份是', '人员类别', '您属于哪一类', '参与人员类别',
  ],
  channel: ['征求方式', '渠道', '征求渠道', '意见征求方式', '征集方式', '收集方式', '收集渠道', '征求途径', '方式'],
  content: [
    '意见建议', '意见内容', '具体意见', '意见建议内容', '意见和建议', '意见及建议', '意见', '建议', '具体意见建议', '问题', '主要问题', '存在问题',
    '反映问题', '意见建议具体内容', '内容', '问题表现', '问题清单', '意见建议及问题',
  ],
  provider: ['提出单位', '提出人', '提出单位或个人', '提出单位个人', '提出方', '意见提出人', '意见提出单位', '反映人', '提出者', '建议人', '提出人单位'],
  dimension: ['所属方面', '对照方面', '对照检查方面', '方面', '问题类别', '所属类别', '对照内容', '问题方面', '归类'],
  receivedDate: ['收到日期', '收到时间', '征求时间', '征求日期', '日期', '时间', '提出时间', '提出日期', '反馈时间', '反馈日期'],
};

/**
 * Columns questionnaire tools add about the respondent or the submission. They are never mapped
 * automatically (privacy: the respondent's nickname or IP is not a provider unless staff say so).
 */
export const IDENTITY_HEADERS: readonly string[] = [
  '提交答卷时间', '提交时间', '答题时间', '答卷时间', '所用时间', '答题时长', '用时', '填写用时', '来源', '来源详情', '来源渠道', '来自IP', 'IP', 'IP地址',
  '填写IP', '昵称', '微信昵称', '用户名', '用户ID', 'openid', '微信openid', '填写设备', '设备', '浏览器', '操作系统', '地理位置', 'IP所在地', '开始时间',
  '结束时间', '开始答题时间', '结束答题时间', '总分', '得分', '答卷编号', '提交人', '填写人', '填表人', '手机号', '手机', '联系电话', '电话', '身份证号',
];

/** Row numbering columns: not data, not identity. */
const NUMBERING_HEADERS = ['序号', '编号', '序', 'no', '行号'];

/** How a header is compared: numbering (`1、` `Q3.`), notes in brackets, `*` and punctuation removed. */
export function headerKey(header: string): string {
  let s = header.replace(/\s+/g, ' ').trim();
  s = s.replace(/^(?:Q|第)?\s*\d{1,3}\s*(?:题)?\s*[、.．:：)）]\s*/i, '');
  s = stripNumbering(s);
  s = s.replace(/[(（【[][^)）】\]]*[)）】\]]/g, ' ');
  s = s.replace(/[*＊]|必填|选填|可选|请填写|请选择|单选题?|多选题?|填空题?/g, '');
  return compareKey(s);
}

const SYNONYM_KEYS = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const name of FIELD_SYNONYMS[field]) SYNONYM_KEYS.set(compareKey(name), field);
const IDENTITY_KEYS = new Set(IDENTITY_HEADERS.map((h) => compareKey(h)));
const NUMBERING_KEYS = new Set(NUMBERING_HEADERS.map((h) => compareKey(h)));

/** The field a header names exactly (a known name or synonym), or undefined. Cheap: for checking every row. */
export function exactField(header: string): ImportField | undefined {
  return SYNONYM_KEYS.get(headerKey(header));
}

export type HeaderKind = { kind: 'field'; field: ImportField; exact: boolean } | { kind: 'identity' } | { kind: 'numbering' } | { kind: 'unknown' };

/**
 * What a header names. Exact names and synonyms first; then a question-style header is read by
 * the field named last in it, as Chinese puts the head noun last: `您对班子成员的意见建议` → content,
 * `您要提意见的班子成员` → target.
 */
export function classifyHeader(header: string): HeaderKind {
  const key = headerKey(header);
  // The words in brackets too, for headers such as `您的身份（意见来源）`.
  const whole = compareKey(header.replace(/^(?:Q|第)?\s*\d{1,3}\s*(?:题)?\s*[、.．:：)）]\s*/i, ''));
  if (key === '' && whole === '') return { kind: 'unknown' };
  const exact = SYNONYM_KEYS.get(key);
  if (exact) return { kind: 'field', field: exact, exact: true };
  if (IDENTITY_KEYS.has(key)) return { kind: 'identity' };
  if (NUMBERING_KEYS.has(key)) return { kind: 'numbering' };
  const found = fieldInside(key) ?? fieldInside(whole);
  return found ? { kind: 'field', field: found, exact: false } : { kind: 'unknown' };
}

function fieldInside(key: string): ImportField | undefined {
  let best: { field: ImportField; end: number; length: number } | undefined;
  for (const [synonym, field] of SYNONYM_KEYS) {
    // Short names (对象, 方式, 时间 …) are too vague to find inside a longer header.
    if (synonym.length < 3) continue;
    const at = key.lastIndexOf(synonym);
    if (at < 0) continue;
    const end = at + synonym.length;
    if (!best || end > best.end || (end === best.end && synonym.length > best.length)) best = { field, end, length: synonym.length };
  }
  return best?.field;
}

interface HeaderRowMatch {
  /** The column of each field the row names (a name or synonym preferred over a question naming it). */
  columns: Partial<Record<ImportField, number>>;
  /** What each cell of the row names. */
  kinds: HeaderKind[];
  /** How many different fields the row names: 2 or more (or an exact opinion column) make it a header. */
  score: number;
  /** Whether the row is a header by that measure. */
  isHeader: boolean;
}

/**
 * Reads one row as a table header — the one rule for imported files and pasted tables.
 * `matchHeaderRow(['序号', '意见对象', '您的身份', '意见建议'])` →
 * `{ columns: { target: 1, category: 2, content: 3 }, isHeader: true, … }`.
 */
export function matchHeaderRow(cells: readonly string[]): HeaderRowMatch {
  const kinds = cells.map((c) => (c.trim() === '' ? ({ kind: 'unknown' } as const) : classifyHeader(c)));
  const columns = chooseColumns(kinds);
  const score = Object.keys(columns).length;
  const exactContent = kinds.some((k) => k.kind === 'field' && k.field === 'content' && k.exact);
  return { columns, kinds, score, isHeader: score >= 2 || exactContent };
}

/** One column per field: the first that names it exactly, else the first that names it at all. */
function chooseColumns(kinds: ReadonlyArray<HeaderKind | undefined>): Partial<Record<ImportField, number>> {
  const columns: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const named = kinds.flatMap((k, i) => (k?.kind === 'field' && k.field === field ? [{ i, exact: k.exact }] : []));
    const chosen = named.find((n) => n.exact) ?? named[0];
    if (chosen) columns[field] = chosen.i;
  }
  return columns;
}
