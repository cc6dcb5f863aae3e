// A 对照检查材料 as Word writes it, read into paragraphs with their style and outline level. The
// archive goes through the import's zip guard (size, entry count, real decompressed size, damage)
// before word/document.xml is inflated under the same cap; the XML is read by a small tokenizer,
// since shared/ has no DOM. Never throws: bad input gets a Chinese reason.
import { DEFAULT_ZIP_LIMITS, inspectZip, inWordTerms, isZip, type ZipLimits } from '../import/zip-guard';
import { MAX_IMPORT_BYTES } from '../import/limits';
import { xmlTokens } from './xml-tokens';

export interface RawParagraph {
  text: string;
  /** The paragraph style's name (`heading 1`, `标题 2`, `Normal`) or id when it has no name. */
  style: string;
  /** Outline level 0–8 from the paragraph or its style (0 = 一级标题); absent for body text. */
  outlineLevel?: number;
}

export type DocxRead = { ok: true; paragraphs: RawParagraph[] } | { ok: false; error: string };

/** A material longer than this is not one person's 对照检查材料. */
export const MAX_MATERIAL_PARAGRAPHS = 20_000;

/** The paragraphs of a .docx, in order, tables' cells included; empty paragraphs left out. */
export function readDocxParagraphs(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): DocxRead {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: `文件超过 ${MAX_IMPORT_BYTES / 1048576} MB，不像一份对照检查材料` };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return { ok: false, error: '是旧版 Word 文件（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入' };
  if (!isZip(bytes)) return { ok: false, error: '不是 Word 文档（.docx），请确认选择了正确的文件' };
  const verdict = inspectZip(bytes, limits, 'word');
  if (!verdict.ok) return { ok: false, error: inWordTerms(verdict.error) };
  // The guard inflated every part under its cap; take the two this reader needs (names compared
  // without regard to case, as Word does).
  const part = (name: string) => [...verdict.parts].find(([n]) => n.toLowerCase() === name)?.[1];
  const document = part('word/document.xml');
  if (!document) return { ok: false, error: '不是 Word 文档（压缩包中没有正文内容），请确认选择了正确的 .docx 文件' };
  const styles = part('word/styles.xml');
  const styleInfo = styles ? readStyles(decode(styles)) : new Map<string, StyleInfo>();
  const paragraphs = readParagraphs(decode(document), styleInfo);
  if (paragraphs.length > MAX_MATERIAL_PARAGRAPHS) return { ok: false, error: `段落超过 ${MAX_MATERIAL_PARAGRAPHS} 个，不像一份对照检查材料` };
  if (paragraphs.length === 0) return { ok: false, error: '文档中没有文字' };
  return { ok: true, paragraphs };
}

function decode(data: Uint8Array): string {
  return new TextDecoder('utf-8').decode(data);
}

interface StyleInfo {
  name: string;
  outlineLevel?: number;
  basedOn?: string;
}

const HEADING_NAME = /^(?:heading|标题)\s*(\d)$/i;

function readStyles(xml: string): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  let current: { id: string; info: StyleInfo } | undefined;
  for (const t of xmlTokens(xml)) {
    if (t.type === 'open' && t.name === 'w:style') {
      current = { id: t.attrs['w:styleId'] ?? '', info: { name: '' } };
      if (t.selfClosing) current = undefined;
    } else if (current && t.type === 'open') {
      if (t.name === 'w:name') current.info.name = t.attrs['w:val'] ?? '';
      else if (t.name === 'w:basedOn') current.info.basedOn = t.attrs['w:val'];
      else if (t.name === 'w:outlineLvl') current.info.outlineLevel = level(t.attrs['w:val']);
    } else if (current && t.type === 'close' && t.name === 'w:style') {
      const heading = HEADING_NAME.exec(current.info.name);
      if (current.info.outlineLevel === undefined && heading) current.info.outlineLevel = Number(heading[1]) - 1;
      styles.set(current.id, current.info);
      current = undefined;
    }
  }
  return styles;
}

/** Outline level of a style, following `basedOn` (at most a few steps: cycles end the walk). */
function styleLevel(styles: ReadonlyMap<string, StyleInfo>, id: string): number | undefined {
  let s = styles.get(id);
  for (let i = 0; s && i < 10; i++) {
    if (s.outlineLevel !== undefined) return s.outlineLevel;
    s = s.basedOn ? styles.get(s.basedOn) : undefined;
  }
  return undefined;
}

function level(v: string | undefined): number | undefined {
  const n = Number(v);
  // 9 is "body text" in Word's outline levels.
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n : undefined;
}

interface Open {
  text: string;
  styleId: string;
  outlineLevel?: number;
}

function readParagraphs(xml: string, styles: ReadonlyMap<string, StyleInfo>): RawParagraph[] {
  const out: RawParagraph[] = [];
  // Text boxes nest paragraphs inside a paragraph's run: a stack keeps each one whole.
  const stack: Open[] = [];
  let inText = false;
  for (const t of xmlTokens(xml)) {
    const p = stack[stack.length - 1];
    if (t.type === 'open') {
      if (t.name === 'w:p') {
        if (!t.selfClosing) stack.push({ text: '', styleId: '' });
      } else if (!p) continue;
      else if (t.name === 'w:pStyle') p.styleId = t.attrs['w:val'] ?? '';
      else if (t.name === 'w:outlineLvl') p.outlineLevel = level(t.attrs['w:val']);
      else if (t.name === 'w:t') inText = !t.selfClosing;
      else if (t.name === 'w:tab') p.text += ' ';
      else if (t.name === 'w:br' || t.name === 'w:cr') p.text += '\n';
    } else if (t.type === 'close') {
      if (t.name === 'w:t') inText = false;
      else if (t.name === 'w:p' && p) {
        stack.pop();
        const text = p.text.replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
        if (text === '') continue;
        const info = styles.get(p.styleId);
        const outlineLevel = p.outlineLevel ?? styleLevel(styles, p.styleId);
        out.push({ text, style: info?.name || p.styleId, ...(outlineLevel !== undefined ? { outlineLevel } : {}) });
      }
    } else if (inText && p) p.text += t.text;
  }
  return out;
}
