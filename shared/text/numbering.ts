// Recognises the list numbering people type in Chinese documents: 1. 1、 1） （1） ① ⑴ ⒈ 一、 （一） 第一条 and bullets.

const CJK_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99). */
export function toCjkNumeral(n: number): string {
  if (n < 10) return CJK_DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CJK_DIGITS[tens]) + '十' + (ones === 0 ? '' : CJK_DIGITS[ones]);
}

/** 一 → 1, 十二 → 12, 二十 → 20; NaN when the text is not a numeral of 1–99. */
export function fromCjkNumeral(s: string): number {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return NaN;
  const idx = s.indexOf('十');
  if (idx < 0) return s.length === 1 ? CJK_DIGITS.indexOf(s) : NaN;
  const tens = idx === 0 ? 1 : CJK_DIGITS.indexOf(s[0] ?? '');
  const onesText = s.slice(idx + 1);
  const ones = onesText === '' ? 0 : CJK_DIGITS.indexOf(onesText);
  if (idx > 1 || tens < 1 || ones < 0 || onesText.length > 1) return NaN;
  return tens * 10 + ones;
}

export type MarkerStyle = 'arabic' | 'cjk' | 'paren-arabic' | 'paren-cjk' | 'circled' | 'enclosed' | 'article' | 'bullet';

export interface Marker {
  style: MarkerStyle;
  /** The ordinal, or 0 for bullets. */
  value: number;
  /** The whole marker as it appears, with the spaces after it. */
  text: string;
  /** For `1.`-style markers, the delimiter after the number (`.` `、` `）` …). */
  delimiter: string;
  open: string;
  close: string;
}

const PATTERNS: Array<{ style: MarkerStyle; re: RegExp }> = [
  { style: 'paren-arabic', re: /^\s*([(（])\s*(\d{1,3})\s*([)）])\s*/ },
  { style: 'paren-cjk', re: /^\s*([(（])\s*([一二三四五六七八九十]{1,3})\s*([)）])\s*/ },
  // A digit after the dot is a decimal number (1.5亿), not numbering.
  { style: 'arabic', re: /^\s*(\d{1,4})\s*([、.．)）:：](?!\d))\s*/ },
  { style: 'cjk', re: /^\s*([一二三四五六七八九十]{1,3})\s*([、.．:：])\s*/ },
  { style: 'circled', re: /^\s*([\u2460-\u2473])\s*/ },
  { style: 'enclosed', re: /^\s*([\u2474-\u2487\u2488-\u249B])\s*/ },
  { style: 'article', re: /^\s*第([一二三四五六七八九十\d]{1,3})[条点项]\s*[、:：.．,，]?\s*/ },
  { style: 'bullet', re: /^\s*[•·●○■□◆◇▲△▪▶►*\-－—–]+\s*/ },
];

/** The numbering marker at the start of a line, if there is one. */
export function readMarker(line: string): Marker | undefined {
  // Full-width digits (１２３) are read as digits; the replacement keeps every index in place.
  const probe = line.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const { style, re } of PATTERNS) {
    const m = re.exec(probe);
    if (!m) continue;
    const text = line.slice(0, m[0].length);
    switch (style) {
      case 'paren-arabic':
        return { style, value: Number(m[2]), text, delimiter: '', open: m[1] ?? '', close: m[3] ?? '' };
      case 'paren-cjk':
        return { style, value: fromCjkNumeral(m[2] ?? ''), text, delimiter: '', open: m[1] ?? '', close: m[3] ?? '' };
      case 'arabic':
        return { style, value: Number(m[1]), text, delimiter: m[2] ?? '', open: '', close: '' };
      case 'cjk': {
        const value = fromCjkNumeral(m[1] ?? '');
        if (Number.isNaN(value)) continue;
        return { style, value, text, delimiter: m[2] ?? '', open: '', close: '' };
      }
      case 'circled':
        return { style, value: (m[1] ?? '').charCodeAt(0) - 0x2460 + 1, text, delimiter: '', open: '', close: '' };
      case 'enclosed': {
        const code = (m[1] ?? '').charCodeAt(0);
        const value = code >= 0x2488 ? code - 0x2488 + 1 : code - 0x2474 + 1;
        return { style, value, text, delimiter: '', open: '', close: '' };
      }
      case 'article': {
        const raw = m[1] ?? '';
        const value = /^\d+$/.test(raw) ? Number(raw) : fromCjkNumeral(raw);
        return { style, value, text, delimiter: '', open: '', close: '' };
      }
      case 'bullet':
        // A lone dash before a digit is a negative number or a range, not a bullet.
        if (/^\s*[-－]\s*\d/.test(line)) return undefined;
        return { style, value: 0, text, delimiter: '', open: '', close: '' };
    }
  }
  return undefined;
}

// The characters a marker of PATTERNS can start with, after spaces (full-width digits are read as digits).
const MARKER_START = /^\s*[(（0-9０-９一二三四五六七八九十\u2460-\u249B第•·●○■□◆◇▲△▪▶►*\-－—–]/;

/** Removes the numbering at the start of a line. `stripNumbering('（3）加强学习') === '加强学习'` */
export function stripNumbering(line: string): string {
  // Most lines start with no marker: one test of the first character instead of the eight patterns
  // (and a copy of the whole line) of readMarker. A county's copy scan strips 100,000 texts.
  return MARKER_START.test(line) ? stripMarkers(line) : line.trim();
}

/** {@link stripNumbering} without its shortcut: the markers read off one by one. */
export function stripMarkers(line: string): string {
  let rest = line;
  // Some documents stack markers, e.g. `1. ① 加强学习`; strip at most three.
  for (let i = 0; i < 3; i++) {
    const marker = readMarker(rest);
    if (!marker) break;
    rest = rest.slice(marker.text.length);
  }
  return rest.trim();
}

/** How the marker with the next ordinal would be written in the same style, or undefined for bullets. */
export function nextMarkerText(marker: Marker): string[] {
  const n = marker.value + 1;
  switch (marker.style) {
    case 'arabic':
      return [`${n}${marker.delimiter}`];
    case 'cjk':
      return [`${toCjkNumeral(n)}${marker.delimiter}`];
    case 'paren-arabic':
      return [`${marker.open}${n}${marker.close}`];
    case 'paren-cjk':
      return [`${marker.open}${toCjkNumeral(n)}${marker.close}`];
    case 'circled':
      return n <= 20 ? [String.fromCharCode(0x2460 + n - 1)] : [];
    case 'enclosed':
      return n <= 20 ? [String.fromCharCode(0x2474 + n - 1), String.fromCharCode(0x2488 + n - 1)] : [];
    case 'article':
      return [`第${toCjkNumeral(n)}`, `第${n}`];
    case 'bullet':
      return [];
  }
}
