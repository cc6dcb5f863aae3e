// A small XML tokenizer for the parts of a .docx: shared/ has no DOM, and the markup Word and WPS
// write is regular (no DTD, no entities beyond the five and numeric ones). It yields start, end and
// text tokens in order; comments, processing instructions and declarations are skipped; CDATA is
// text. Malformed input never throws: an unclosed tag ends the scan.

export type XmlToken =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The tokens of an XML text, in document order. `[...xmlTokens('<a x="1">b</a>')]` has 3 tokens. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) yield { type: 'text', text: decodeEntities(xml.slice(i, textEnd)) };
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return;
      yield { type: 'text', text: xml.slice(lt + 9, end) };
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return;
    i = gt + 1;
    const c = xml[lt + 1];
    if (c === '?' || c === '!') continue;
    if (c === '/') {
      yield { type: 'close', name: xml.slice(lt + 2, gt).trim() };
      continue;
    }
    const selfClosing = xml[gt - 1] === '/';
    const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    const attrs: Record<string, string> = {};
    if (space >= 0) {
      ATTR.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = ATTR.exec(body)) !== null) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
    }
    yield { type: 'open', name, attrs, selfClosing };
  }
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** `&lt;` `&#20013;` `&#x4E2D;` → the characters; unknown or invalid references are kept as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
