// compareKey keys most texts without NFKC and the Unicode-class regex (plainKey in
// shared/text/normalize.ts). The shortcut must give exactly the key of the full definition: every
// character it keeps or drops is checked alone, then texts strung together from them.
import { describe, expect, it } from 'vitest';
import { compareKey } from '#shared/text/normalize';

const NOT_COMPARED = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]/gu;
/** The definition of the key, with no shortcut and no cache. */
const definition = (s: string) => s.normalize('NFKC').toLowerCase().replace(NOT_COMPARED, '');

// Every BMP character outside the surrogates, in pieces (the cache holds 20,000 keys).
const ALL = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c < 0xd800 || c > 0xdfff);

describe('compareKey', () => {
  it('gives every single character the key of its definition', () => {
    const wrong = ALL.map((c) => String.fromCharCode(c)).filter((ch) => compareKey(ch) !== definition(ch));
    expect(wrong.map((ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)).toEqual([]);
  });

  it('gives texts strung together from CJK, ASCII and Chinese punctuation the key of their definition', () => {
    const pool = [...'深入基层调研不够，服务意识不强。回应群众关切不及时！“一把手”（班子）《意见》【建议】——…·、；：？ABCxyz019 \t\n\u3000-_/\\|@#$%&*+=<>~^`\'"', '\uff01', '\uff08', '\uff1a', '\uff5e', '\uff65', '\u2014', '\u2026', '\u2018', '\u2019', '\u201c', '\u201d', '\u3010', '\u3011', '\u3014', '\u301c'];
    let seed = 14;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pool[Math.floor(random() * pool.length)]!).join('');
      expect(compareKey(text), JSON.stringify(text)).toBe(definition(text));
    }
  });

  it('keys text with other characters by the full definition (full-width letters, combining marks, Greek)', () => {
    for (const text of ['ＡＢＣ１２３，意见', 'é́意见', 'Café au lait', 'ΟΔΟΣ。', 'ﾊﾝｶｸ', '⽆意见', '々〆〇', 'x\u2017y', '\u00a0暂无\u200b意见']) expect(compareKey(text), text).toBe(definition(text));
  });
});
