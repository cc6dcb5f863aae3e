// 征求意见建议清单 as Word documents: one target's list, or every list in one document with a page
// break before each (the group first, then members in rank order).
import type { FileChild } from 'docx';
import type { MeetingDocs } from '../meeting-docs';
import { EMPTY_CATEGORY_TEXT, opinionList, opinionLists, type ListOptions, type OpinionListModel } from '../opinion-list';
import { docxBytes, gbDocument, gbLayout, type FontMode, type GbLayout } from './layout';

export interface WordListOptions extends ListOptions {
  mode: FontMode;
}

/** The blocks of one list; `newPage` starts it on a fresh page. */
export function opinionListBlocks(g: GbLayout, model: OpinionListModel, newPage = false): FileChild[] {
  const blocks: FileChild[] = [
    g.title(model.titleLines.join('\n'), { pageBreakBefore: newPage }),
    g.subtitle(model.subtitle),
    g.blank(),
    ...model.intro.map((text) => g.paragraph(text)),
  ];
  for (const section of model.sections) {
    blocks.push(g.heading1(section.n, section.heading));
    if (section.items.length === 0) blocks.push(g.paragraph(EMPTY_CATEGORY_TEXT));
    for (const item of section.items) blocks.push(g.numbered(item.n, item.content, item.note));
  }
  return blocks;
}

/** One target's list as a .docx. */
export function opinionListDocx(docs: MeetingDocs, targetId: string, options: WordListOptions): Promise<Uint8Array> {
  const model = opinionList(docs, targetId, options);
  const g = gbLayout(options.mode);
  return docxBytes(
    gbDocument({ title: `${model.titleLines.join('')}（${model.target.label}）`, mode: options.mode, internal: options.internal, children: opinionListBlocks(g, model) }),
  );
}

/** Every target's list in one .docx, each starting on a new page. */
export function combinedListsDocx(docs: MeetingDocs, options: WordListOptions): Promise<Uint8Array> {
  const g = gbLayout(options.mode);
  const models = opinionLists(docs, options);
  const children = models.flatMap((model, i) => opinionListBlocks(g, model, i > 0));
  const heading = models[0]?.titleLines[0] ?? '';
  return docxBytes(gbDocument({ title: `${heading}征求意见建议清单`, mode: options.mode, internal: options.internal, children }));
}
