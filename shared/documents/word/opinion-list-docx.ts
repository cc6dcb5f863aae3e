// 征求意见建议清单 as Word documents: one target's list, or every list bound in one file, each its
// own section starting on an odd page and numbered from 1 (the group first, then members in rank order).
import type { FileChild } from 'docx';
import { meetingHeading, type MeetingDocs } from '../meeting-docs';
import { opinionList, opinionLists, type ListOptions, type OpinionListModel } from '../opinion-list';
import { docxBytes, gbDocument, gbLayout, type FontMode, type GbLayout } from './layout';

export interface WordListOptions extends ListOptions {
  mode: FontMode;
}

/** The blocks of one list: the title, the member's unit and position, the intro, the opinions by source. */
export function opinionListBlocks(g: GbLayout, model: OpinionListModel): FileChild[] {
  const blocks: FileChild[] = [g.title(model.titleLines.join('\n')), ...(model.subtitle ? [g.subtitle(model.subtitle)] : []), g.blank(), ...model.intro.map((text) => g.paragraph(text))];
  for (const section of model.sections) {
    blocks.push(g.heading1(section.n, section.heading));
    if (section.emptyText) blocks.push(g.paragraph(section.emptyText));
    for (const item of section.items) blocks.push(...g.item(item.n, item.lines, item.note));
  }
  return blocks;
}

/** One target's list as a .docx. */
export function opinionListDocx(docs: MeetingDocs, targetId: string, options: WordListOptions): Promise<Uint8Array> {
  const model = opinionList(docs, targetId, options);
  const g = gbLayout(options.mode);
  return docxBytes(
    gbDocument({ title: model.titleLines.join(''), mode: options.mode, internal: options.internal, children: opinionListBlocks(g, model) }),
  );
}

/** Every target's list in one .docx, each its own section: on an odd page, numbered from 1. */
export function combinedListsDocx(docs: MeetingDocs, options: WordListOptions): Promise<Uint8Array> {
  const g = gbLayout(options.mode);
  const models = opinionLists(docs, options);
  const children = models.map((model) => opinionListBlocks(g, model));
  const { unit, meeting } = docs.input;
  return docxBytes(gbDocument({ title: `${unit.name}${meetingHeading(meeting)}征求意见建议清单`, mode: options.mode, internal: options.internal, children }));
}
