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
 * The key of a text made only of characters whose key is known without NFKC and the Unicode-class
 * regex (most opinions, and nearly every clause of one); undefined for any other text. Kept: CJK
 * ideographs, ASCII letters (capitals lowered) and digits. Dropped: the rest of ASCII and the common
 * Chinese punctuation (full-width forms, 、。《》「」【】, quotes, dashes, ellipses, ·). Each is a
 * starter that composes with none of the others, so NFKC keys such a text character by character;
 * test/shared/text/compare-key.test.ts checks every one of them against the full path. At county
 * scale (100,000 opinions, 500,000 clauses) the full path costs seconds; this a fraction of it.
 */
function plainKey(s: string): string | undefined {
  let out = '';
  let run = 0;
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    if (c >= 0x41 && c <= 0x5a) {
      upper = true;
      continue;
    }
    if (!isDroppedPunctuation(c)) return undefined;
    if (i > run) out += s.slice(run, i);
    run = i + 1;
  }
  if (run === 0) out = s;
  else if (run < s.length) out += s.slice(run);
  return upper ? out.toLowerCase() : out;
}

/** Characters the key drops whatever surrounds them (see plainKey). */
function isDroppedPunctuation(c: number): boolean {
  if (c < 0x80) return true; // ASCII other than letters and digits: controls, spaces, punctuation, symbols
  if (c >= 0x3000) {
    if (c <= 0x3003 || (c >= 0x3008 && c <= 0x301f)) return true; // ideographic space, 、。〃, brackets 〈〉《》「」『』【】〔〕…
    return (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65); // full-width punctuation
  }
  return c === 0xb7 || (c >= 0x2010 && c <= 0x2027 && c !== 0x2017); // ·, dashes, quotes, †‡•, ‥… (‗ keys to a combining mark)
}

/**
 * {@link compareKey} without its cache, for one pass over more distinct texts than the cache holds
 * (a county's copy scan): there every lookup would miss, and storing each key would only evict the
 * keys other checks will ask for again.
 */
export function compareKeyUncached(s: string): string {
  return plainKey(s) ?? s.normalize('NFKC').toLowerCase().replace(NOT_COMPARED, '');
}
