// File and folder names that survive every target file system: 统信UOS and 麒麟 (ext4: 255 bytes
// per name, so 85 Chinese characters), Windows (no reserved device names, no trailing dots or
// spaces, names compared without regard to case) — and the temporary name an atomic write uses
// beside the final one. One implementation for main's writes, the command line and the
// browser's zip: every name that goes to disk is made here.

/** A name on ext4 and most Linux file systems: at most 255 bytes of UTF-8. */
export const MAX_NAME_BYTES = 255;
/** What a temporary name adds around a final name: `.` + name + `.` + 8 hex digits + `.tmp`. */
const TEMP_EXTRA_BYTES = 14;
/** The most bytes a final name may have, so that its temporary name fits too. */
export const NAME_BUDGET = MAX_NAME_BYTES - TEMP_EXTRA_BYTES;

// Windows refuses these characters; `/` and `\` separate folders everywhere; C0 and C1 control
// characters; bidi controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069), which can make
// `报告‮xcod.exe` read as `报告exe.docx`; zero-width characters and BOM, which make two names
// look the same.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Device names Windows reserves, with or without an extension (`CON.docx` is still CON). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;

/** The length of a text in UTF-8 bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The longest start of a text that fits in `maxBytes` of UTF-8, never splitting a character. `cutToBytes('民主生活会', 7) === '民主'` */
export function cutToBytes(s: string, maxBytes: number): string {
  let n = 0;
  let out = '';
  for (const ch of s) {
    const size = utf8Length(ch);
    if (n + size > maxBytes) break;
    n += size;
    out += ch;
  }
  return out;
}

/** A part of a name with unsafe characters replaced by `_` and runs of white space made one space. */
function cleanNamePart(s: string): string {
  return s.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
}

/**
 * A name that is safe as it stands: unsafe characters replaced, no leading or trailing dots and
 * spaces, not a reserved device name (`CON.docx` → `_CON.docx`), within `budget` bytes (cut at the
 * end of the stem, keeping the extension), never empty.
 */
export function safeName(name: string, budget = NAME_BUDGET): string {
  let cleaned = cleanNamePart(name).replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned === '') cleaned = '未命名';
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  let stem = ext ? cleaned.slice(0, dot) : cleaned;
  const base = stem.split('.')[0]!.trim();
  if (RESERVED.test(base)) stem = `_${stem}`;
  if (utf8Length(stem + ext) > budget) stem = cutToBytes(stem, budget - utf8Length(ext)).replace(/[.\s]+$/, '');
  return `${stem}${ext}`;
}

/** A part of a composed name: fixed, or cut when the name is too long (lower `cut` first). */
export type NamePart = string | { text: string; cut: number };

/** Parts shorter than this many bytes are not cut further (4 Chinese characters and the ellipsis). */
const MIN_PART_BYTES = 15;

/**
 * A file name from parts joined by `-`, within the budget: when too long, the parts marked `cut`
 * are shortened (an ellipsis shows where), lowest `cut` first, so the parts that tell files apart —
 * rank, name, kind — stay whole. A 200-character unit name gives
 * `2025年度-某某…-03-李四-征求意见建议清单.docx` instead of 200 characters cut anywhere.
 */
export function composeFileName(parts: readonly NamePart[], extension = '', budget = NAME_BUDGET): string {
  const items = parts.map((p) => (typeof p === 'string' ? { text: cleanNamePart(p), cut: Number.POSITIVE_INFINITY } : { text: cleanNamePart(p.text), cut: p.cut }));
  const total = () => utf8Length(items.map((i) => i.text).join('-')) + utf8Length(extension);
  const order = items.map((item, index) => ({ item, index })).filter((x) => Number.isFinite(x.item.cut)).sort((a, b) => a.item.cut - b.item.cut || a.index - b.index);
  for (const { item } of order) {
    const excess = total() - budget;
    if (excess <= 0) break;
    const size = utf8Length(item.text);
    if (size <= MIN_PART_BYTES) continue;
    const keep = Math.max(MIN_PART_BYTES - 3, size - excess - 3);
    item.text = `${cutToBytes(item.text, keep)}…`;
  }
  return safeName(`${items.map((i) => i.text).join('-')}${extension}`, budget);
}

/** The key under which two names are the same file on Windows (case-insensitive) and after normalization. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Names made unique without regard to case, in order: a repeat gets `（2）`, `（3）` … before its
 * extension, still within the budget. Nothing is ever dropped or overwritten.
 */
export function uniqueNames(names: readonly string[], budget = NAME_BUDGET): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const name = safeName(raw, budget);
    let candidate = name;
    for (let n = 2; used.has(nameKey(candidate)); n++) candidate = numberedName(name, n, budget);
    used.add(nameKey(candidate));
    return candidate;
  });
}

/** The n-th name of a series: `清单.docx` → `清单（2）.docx`, the stem cut so it stays within the budget. */
export function numberedName(name: string, n: number, budget = NAME_BUDGET): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const stem = ext ? name.slice(0, dot) : name;
  const mark = `（${n}）`;
  return `${cutToBytes(stem, budget - utf8Length(mark) - utf8Length(ext))}${mark}${ext}`;
}

/** The temporary name written before an atomic rename to `name`: hidden, beside it, within 255 bytes. `random` is 8 hex digits. */
export function temporaryName(name: string, random: string): string {
  return `.${cutToBytes(name, NAME_BUDGET)}.${random.slice(0, 8)}.tmp`;
}
