// A 对照检查材料 as headings and paragraphs. Offices number headings by hand — 「一、」 「（一）」 「1.」
// 「（1）」 — often in 黑体/楷体 without a heading style, and often run a 「（一）」 heading into its
// text in one paragraph; some use Word's heading styles (outline levels). Both are read here, from a
// .docx's paragraphs or from pasted text, into one model the checks read.
import { cleanText } from '../text/normalize';
import type { RawParagraph } from './docx-text';

export interface MaterialBlock {
  kind: 'title' | 'heading' | 'paragraph';
  /** Heading level 1–4 (一、 （一） 1. （1）); 0 for the title and paragraphs. */
  level: number;
  text: string;
  /** Index of the source paragraph (a run-in heading and its text share one). */
  source: number;
}

export interface MaterialDocument {
  title: string;
  blocks: MaterialBlock[];
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const NUMBERED: ReadonlyArray<{ level: number; re: RegExp }> = [
  { level: 1, re: new RegExp(`^${CN_NUM}\\s*[、.．]`) },
  { level: 2, re: new RegExp(`^[（(]${CN_NUM}[）)]`) },
  { level: 3, re: /^\d{1,2}\s*[.．、](?!\d)/ },
  { level: 4, re: /^[（(]\d{1,2}[）)]/ },
];
/** A heading runs into its text when its lead ends at 。 or ：within this many characters. */
const MAX_RUN_IN_HEADING = 60;
/** An unnumbered, unstyled paragraph this short with no full stop reads as a heading only as the first line (the title). */
const MAX_TITLE = 60;

/** The numbering level of a line: `（一）…` → 2, `一是…` → undefined (that is body text). */
export function numberingLevel(text: string): number | undefined {
  return NUMBERED.find((n) => n.re.test(text))?.level;
}

/** Builds the model from a .docx's paragraphs. */
export function structureParagraphs(paragraphs: readonly RawParagraph[]): MaterialDocument {
  const blocks: MaterialBlock[] = [];
  let title = '';
  paragraphs.forEach((p, source) => {
    const text = cleanText(p.text).replace(/\n/g, '');
    if (text === '') return;
    const numbered = numberingLevel(text);
    const styled = p.outlineLevel !== undefined ? Math.min(p.outlineLevel + 1, 4) : undefined;
    if (blocks.length === 0 && title === '' && numbered === undefined && (/^(title|标题)$/i.test(p.style) || looksLikeTitle(text))) {
      title = text;
      blocks.push({ kind: 'title', level: 0, text, source });
      return;
    }
    const level = numbered ?? styled;
    if (level === undefined) {
      blocks.push({ kind: 'paragraph', level: 0, text, source });
      return;
    }
    blocks.push(...headingBlocks(text, level, source, styled !== undefined));
  });
  return { title, blocks };
}

/** Builds the model from pasted text: one paragraph a line. */
export function structurePastedText(text: string): MaterialDocument {
  return structureParagraphs(cleanText(text).split('\n').map((line) => ({ text: line, style: '' })));
}

function looksLikeTitle(text: string): boolean {
  return [...text].length <= MAX_TITLE && !/[。；！？]$/.test(text) && /材料|检查|发言|剖析|报告/.test(text);
}

/** A heading alone, or a run-in heading split from its text at the first 。 or ：. */
function headingBlocks(text: string, level: number, source: number, styled: boolean): MaterialBlock[] {
  const chars = [...text];
  if (styled || chars.length <= MAX_RUN_IN_HEADING) {
    // A short numbered line may still carry a sentence after its lead: split at the first stop.
    const stop = text.search(/[。：:]/);
    if (styled || stop < 0 || stop === text.length - 1) return [{ kind: 'heading', level, text: text.replace(/[。：:]$/, ''), source }];
  }
  const stop = text.search(/[。：:]/);
  if (stop < 0 || [...text.slice(0, stop)].length > MAX_RUN_IN_HEADING) {
    // A numbered paragraph with no short lead (「1.今年以来……」): body text that carries a number.
    return [{ kind: 'paragraph', level: 0, text, source }];
  }
  const head = text.slice(0, stop);
  const rest = text.slice(stop + 1).trim();
  const blocks: MaterialBlock[] = [{ kind: 'heading', level, text: head, source }];
  if (rest !== '') blocks.push({ kind: 'paragraph', level: 0, text: rest, source });
  return blocks;
}

/** Each paragraph with the chain of headings above it, outermost first. */
export function withHeadings(doc: MaterialDocument): Array<{ block: MaterialBlock; headings: MaterialBlock[] }> {
  const chain: MaterialBlock[] = [];
  const out: Array<{ block: MaterialBlock; headings: MaterialBlock[] }> = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      while (chain.length > 0 && chain[chain.length - 1]!.level >= block.level) chain.pop();
      chain.push(block);
    } else if (block.kind === 'paragraph') out.push({ block, headings: [...chain] });
  }
  return out;
}
