// How Chinese reads in an office's documents, applied where documents take text from elsewhere
// (the readiness messages, names, the unit's own name): no spaces between Chinese and numbers,
// a full stop at the end of a sentence. (The group's name: group-name.ts.)

const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
const AROUND_NUMBER = new RegExp(`(${CJK})[ \\u00a0]+(?=\\d)|(\\d)[ \\u00a0]+(?=${CJK})`, 'gu');

/** Takes out the spaces between Chinese and numbers: `基层群众意见 1 条` → `基层群众意见1条`. */
export function tidyChinese(text: string): string {
  return text.replace(AROUND_NUMBER, '$1$2');
}

/** A sentence as a document prints it: tidied, ending with 。 unless it already ends with a stop. */
export function sentence(text: string): string {
  const t = tidyChinese(text.trim());
  return t === '' || /[。！？；：…][”’」]*$/u.test(t) ? t : `${t}。`;
}

/** The lines of a text as typed (line breaks kept as separate lines, empty lines dropped). */
export function textLines(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.length > 0 ? lines : [''];
}

/**
 * Width of text on the 28-character line, in characters: Chinese and full-width characters 1,
 * digits and Latin letters ½ (as 仿宋 sets them).
 */
export function lineWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0020-\u007e]/u.test(ch) ? 0.5 : 1;
  return w;
}
