// Text tools shared by entry, import, checks and exports.

// Control characters other than tab and line feed; docx drops them silently and they break XML.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u200B-\u200D\u2028\u2029]/g;
const SPACES = /[ \t\u00A0\u3000]+/g;

/**
 * Cleans text a person typed, pasted or imported, for storage: no control characters, line
 * breaks as `\n`, runs of spaces (including full-width) folded to one, no blank ends.
 * Punctuation and full-width characters are kept as typed. `cleanText('  改进　作风\r\n') === '改进 作风'`
 */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Cleans a one-line field (a name, a position): like {@link cleanText}, with line breaks folded to spaces. */
export function cleanLine(s: string): string {
  return cleanText(s).replace(/\n/g, ' ');
}

/** Joins wrapped lines into one paragraph: no space between CJK characters, one space between words. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    const needsSpace = /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(line);
    out += (needsSpace ? ' ' : '') + line;
  }
  return out;
}

const NOT_COMPARED = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]/gu;

/**
 * The comparison key of a text: NFKC (full width → half width), lower case, no whitespace,
 * punctuation or symbols. Two opinions with the same key are the same opinion.
 * `compareKey('暂无意见。') === compareKey(' 暂无 意见 ')`
 */
export function compareKey(s: string): string {
  let key = KEYS.get(s);
  if (key === undefined) {
    key = compareKeyUncached(s);
    // The checks ask for the key of one text several times (substance, duplicates, praise, length,
    // copies): NFKC and the Unicode-class regex cost ~5 µs a call, a lookup ~0.2 µs. Bounded, so
    // a county-scale scan cannot grow it without limit.
    if (KEYS.size >= MAX_CACHED_KEYS) KEYS.clear();
    KEYS.set(s, key);
  }
  return key;
}

/** How many texts the compare-key caches hold: a pass over more distinct texts than this gains nothing from them. */
export const MAX_CACHED_KEYS = 20_000;
const KEYS = new Map<string, string>();

/**
 * {@link compareKey} without its cache, for one pass over more distinct texts than the cache holds
 * (a county's copy scan): there every lookup would miss, and storing each key would only evict the
 * keys other checks will ask for again.
 */
export function compareKeyUncached(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(NOT_COMPARED, '');
}
