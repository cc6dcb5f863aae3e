import { compareKey } from '../text/normalize';

/** A prepared no-opinion list: the comparison keys of the phrases. Build once, test many texts. */
export interface PhraseMatcher {
  keys: ReadonlySet<string>;
}

/** Prepares a phrase list for {@link isSubstantive}. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  return { keys: new Set(phrases.map(compareKey).filter((k) => k !== '')) };
}

/**
 * Whether an opinion says something: its normalized text is not empty and is not a no-opinion
 * phrase such as 无, 暂无, 没有意见, 同意. `isSubstantive('暂无意见。', m) === false`
 */
export function isSubstantive(content: string, noOpinion: PhraseMatcher): boolean {
  const key = compareKey(content);
  return key !== '' && !noOpinion.keys.has(key);
}

// Words that show an opinion asks for something; praise with any of these is not praise-only.
const CRITIQUE_MARKERS = [
  '建议', '加强', '改进', '提高', '提升', '不足', '不够', '问题', '存在', '需要', '应当', '应该', '有待', '欠缺', '缺乏',
  '较少', '不到位', '不力', '不强', '不高', '不多', '不深', '偏', '少', '慢', '难', '未', '没有', '不', '要', '增加', '减少',
  '完善', '落实', '注意', '避免', '防止', '克服', '解决',
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
const PRAISE_KEYS = new Map<string, string[]>();
function praiseKeys(phrases: readonly string[]): string[] {
  const id = phrases.join('\u0001');
  let keys = PRAISE_KEYS.get(id);
  if (!keys) {
    if (PRAISE_KEYS.size > 100) PRAISE_KEYS.clear();
    keys = phrases.map(compareKey).filter((k) => k !== '');
    PRAISE_KEYS.set(id, keys);
  }
  return keys;
}

/** Opinions shorter than this many compared characters are warned as too short to be specific. */
export const MIN_SPECIFIC_LENGTH = 8;

/** Whether a substantive opinion is too short to say anything specific (warned, still counted). */
export function isTooShort(content: string): boolean {
  const key = compareKey(content);
  return key !== '' && [...key].length < MIN_SPECIFIC_LENGTH;
}
