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
  const hasPraise = praisePhrases.some((p) => {
    const pk = compareKey(p);
    return pk !== '' && key.includes(pk);
  });
  if (!hasPraise) return false;
  let rest = key;
  for (const p of praisePhrases) {
    const pk = compareKey(p);
    if (pk !== '') rest = rest.split(pk).join('');
  }
  return !CRITIQUE_MARKERS.some((m) => rest.includes(m));
}

/** Opinions shorter than this many compared characters are warned as too short to be specific. */
export const MIN_SPECIFIC_LENGTH = 8;

/** Whether a substantive opinion is too short to say anything specific (warned, still counted). */
export function isTooShort(content: string): boolean {
  const key = compareKey(content);
  return key !== '' && [...key].length < MIN_SPECIFIC_LENGTH;
}
