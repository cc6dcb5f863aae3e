// Reads produced .docx files back for tests: the parts of the zip as text, and the paragraphs of
// a part with their text, properties and runs, so a test can check content, order and formatting.
import { strFromU8, unzipSync } from 'fflate';

/** Every part of an Office file (docx/xlsx are zips), decoded as UTF-8 text. */
export function officeParts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

export interface XmlRun {
  xml: string;
  text: string;
  /** The w:eastAsia font, if set on the run. */
  eastAsia: string | undefined;
  ascii: string | undefined;
  /** Size in half-points. */
  size: number | undefined;
  bold: boolean;
}

export interface XmlParagraph {
  xml: string;
  /** The paragraph's properties (w:pPr) as XML. */
  pPr: string;
  text: string;
  runs: XmlRun[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function attr(xml: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(xml);
  return m ? decode(m[1]!) : undefined;
}

/** The runs of a piece of WordprocessingML, in order. */
export function runsOf(xml: string): XmlRun[] {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map(([whole, inner]) => ({
    xml: whole,
    text: [...inner!.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((t) => decode(t[1]!)).join(''),
    eastAsia: attr(inner!, /w:eastAsia="([^"]*)"/),
    ascii: attr(inner!, /w:ascii="([^"]*)"/),
    size: Number(attr(inner!, /<w:sz w:val="(\d+)"/)) || undefined,
    bold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(inner!),
  }));
}

/** The paragraphs of a part (document, header or footer), with their text and runs. */
export function paragraphsOf(xml: string): XmlParagraph[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => {
    const inner = m[1] ?? m[2] ?? '';
    const runs = runsOf(inner);
    return { xml: m[0], pPr: /<w:pPr>(.*?)<\/w:pPr>/s.exec(inner)?.[1] ?? '', text: runs.map((r) => r.text).join(''), runs };
  });
}

/** The text of every paragraph of the document body, in order, empty ones left out. */
export function documentLines(parts: Map<string, string>): string[] {
  return paragraphsOf(parts.get('word/document.xml') ?? '')
    .map((p) => p.text)
    .filter((t) => t !== '');
}
