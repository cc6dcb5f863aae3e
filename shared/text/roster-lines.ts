import type { MemberDraft } from '../model/drafts';
import { cleanLine } from './normalize';
import { stripNumbering } from './numbering';

/**
 * Reads a pasted roster, one member per line: `姓名 职务 分管工作`, separated by tabs (as copied
 * from Excel or Word tables), commas, or spaces. Numbering is stripped; blank lines are skipped.
 * `parseRosterLines('1. 张三\t县长\t全面工作')` → `[{ name: '张三', position: '县长', areas: '全面工作' }]`
 */
export function parseRosterLines(text: string): MemberDraft[] {
  const drafts: MemberDraft[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = stripNumbering(raw.trim());
    if (cleanLine(line) === '') continue;
    const parts = line.includes('\t') ? line.split('\t') : line.split(/[,，]|\s+/);
    const [name = '', position = '', ...rest] = parts.map(cleanLine);
    drafts.push({ name, position, areas: rest.filter(Boolean).join('、') });
  }
  return drafts;
}
