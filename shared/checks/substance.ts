import { compareKey } from '../text/normalize';

/** A prepared no-opinion list: the comparison keys of the phrases. Build once, test many texts. */
export interface PhraseMatcher {
  keys: ReadonlySet<string>;
  /** The no-opinion keys, longest first: for finding one at the end of a text. */
  suffixes: readonly string[];
  /** The rule set's praise phrases: praise that ends in a no-opinion phrase says nothing either. */
  praise: readonly string[];
  /**
   * Every key is CJK ideographs, letters and digits only (as the default list is): then a clause
   * whose key is one lies inside the whole text's key, and a text whose key contains none of them
   * need not be split into clauses (see isPraiseWithNoOpinion).
   */
  plain: boolean;
}

/**
 * Prepares a no-opinion list (and the praise list, for praise ending in 无意见) for {@link isSubstantive}.
 * Every caller that counts passes the rule set's praise phrases, so every way in gets one answer.
 */
export function phraseMatcher(phrases: readonly string[], praisePhrases: readonly string[] = []): PhraseMatcher {
  const keys = new Set(phrases.map(compareKey).filter((k) => k !== ''));
  return { keys, suffixes: [...keys].sort((a, b) => b.length - a.length), praise: praisePhrases, plain: [...keys].every((k) => PLAIN_KEY.test(k)) };
}

// Keys made of these alone are unaffected by what surrounds their clause: the clause ends (below) are
// starters that compose with nothing under NFKC, and lower-casing depends on context only for Σ.
const PLAIN_KEY = /^[\u4e00-\u9fffa-z0-9]+$/;

/**
 * Whether an opinion says something: its normalized text is not empty, is not a no-opinion
 * phrase such as 无, 暂无, 没有意见, 同意, and is not praise closed by one
 * (`工作认真负责，成绩突出，无意见。`). `isSubstantive('暂无意见。', m) === false`
 */
export function isSubstantive(content: string, noOpinion: PhraseMatcher): boolean {
  const key = compareKey(content);
  return key !== '' && !noOpinion.keys.has(key) && !isPraiseWithNoOpinion(content, noOpinion);
}

// Clause ends: a no-opinion phrase is a clause of its own (`…，无意见。`), or ends the text.
const CLAUSES = /[，,。.；;！!？?、\s]+/;

/**
 * Whether a text is praise plus a no-opinion phrase (「工作认真负责，成绩突出，无意见。」,
 * 「希望继续保持，没有意见」): it gives the target nothing to act on, so it does not count and is
 * listed nowhere, like 无. Praise with any request or criticism is an opinion.
 */
export function isPraiseWithNoOpinion(content: string, noOpinion: PhraseMatcher): boolean {
  if (noOpinion.praise.length === 0 || noOpinion.keys.size === 0) return false;
  const key = compareKey(content);
  if (key === '') return false;
  // The no-opinion clauses taken out, the rest must be praise only. A clause's key lies inside the
  // text's key (its ends are not compared): when no phrase's key does, no clause is one — most
  // opinions, which are then not split (a county's 100,000 would cost seconds).
  if (!noOpinion.plain || noOpinion.suffixes.some((k) => key.includes(k))) {
    const clauses = content.split(CLAUSES).filter((c) => compareKey(c) !== '');
    const rest = clauses.filter((c) => !noOpinion.keys.has(compareKey(c)));
    if (rest.length < clauses.length && rest.length > 0 && isPraiseOnly(rest.join('，'), noOpinion.praise)) return true;
  }
  // Or the phrase written on without a stop: `希望继续保持没有意见`. One-character phrases (无) are too
  // common at the end of a word to be read this way.
  for (const suffix of noOpinion.suffixes) {
    if (suffix.length < 2 || suffix.length >= key.length || !key.endsWith(suffix)) continue;
    return isPraiseOnly(key.slice(0, key.length - suffix.length), noOpinion.praise);
  }
  return false;
}

// Words that show an opinion asks for something; praise with any of these is not praise-only.
const CRITIQUE_MARKERS = [
  '建议', '加强', '改进', '提高', '提升', '不足', '不够', '问题', '存在', '需要', '应当', '应该', '有待', '欠缺', '缺乏',
  '较少', '不到位', '不力', '不强', '不高', '不多', '不深', '偏', '少', '慢', '难', '未', '没有', '不', '要', '增加', '减少',
  '完善', '落实', '注意', '避免', '防止', '克服', '解决',
  // Criticism said without the words above (项目进度滞后, 谈话流于形式, 纪律意识淡薄 …) and a turn (…，但…).
  '但', '滞后', '流于形式', '形式主义', '走过场', '下降', '松懈', '淡薄', '薄弱', '差距', '短板', '弱化', '乏力',
  '拖延', '迟缓', '推诿', '敷衍', '缺位', '懈怠', '官僚',
];

/**
 * Whether an opinion is praise only (希望继续保持, 工作很好 …): it counts, but is warned as
 * perfunctory. Praise together with any request or criticism is not praise-only.
 */
export function isPraiseOnly(content: string, praisePhrases: readonly string[]): boolean {
  const key = compareKey(content);
  if (key === '') return false;
  const praise = praiseKeys(praisePhrases);
  if (!praise.some((pk) => key.includes(pk))) return false;
  let rest = key;
  for (const pk of praise) rest = rest.split(pk).join('');
  return !CRITIQUE_MARKERS.some((m) => rest.includes(m));
}

// The compared keys of a praise list, prepared once per distinct list (a meeting's rules are read
// afresh on every query, so the array itself is new each time; its text is not).
// The same array is asked again for every opinion of a meeting: found by identity first (no join).
const PRAISE_KEYS = new Map<string, string[]>();
const PRAISE_KEYS_OF = new WeakMap<readonly string[], string[]>();
function praiseKeys(phrases: readonly string[]): string[] {
  const known = PRAISE_KEYS_OF.get(phrases);
  if (known) return known;
  const id = phrases.join('\u0001');
  let keys = PRAISE_KEYS.get(id);
  if (!keys) {
    if (PRAISE_KEYS.size > 100) PRAISE_KEYS.clear();
    keys = phrases.map(compareKey).filter((k) => k !== '');
    PRAISE_KEYS.set(id, keys);
  }
  PRAISE_KEYS_OF.set(phrases, keys);
  return keys;
}

/** Opinions shorter than this many compared characters are warned as too short to be specific. */
export const MIN_SPECIFIC_LENGTH = 8;

/** Whether a substantive opinion is too short to say anything specific (warned, still counted). */
export function isTooShort(content: string): boolean {
  const key = compareKey(content);
  // Characters, not UTF-16 units; counted only where the units leave it open.
  if (key === '' || key.length >= 2 * MIN_SPECIFIC_LENGTH) return false;
  return key.length < MIN_SPECIFIC_LENGTH || [...key].length < MIN_SPECIFIC_LENGTH;
}
