// 班子问题清单 and 个人问题清单 (the 两张清单) as landscape GB/T 9704 tables: one target's list, or every
// list in one file (the group first, members in rank order, each list in its own section starting on
// an odd page). Two versions: the working version (内部资料: every item, 原因剖析, 问题来源 and a 备注
// column with internal notes and the checks' marks) and the 公示 version (published items only, no
// notes, no marks, no providers anywhere).
import type { FileChild } from 'docx';
import { meetingHeading } from '../meeting-docs';
import { unitGroupName } from '../group-name';
import { deadlineLabel, type ProblemDocs, type TargetItems } from '../problem-docs';
import { countSentence } from '../../consolidation/counts';
import { coverageSentence } from '../../problems/coverage';
import { repeatText } from '../../problems/repeat';
import type { ProblemItem } from '../../model/problems';
import { docxBytes, FONT_SIZE, gbLayout, type FontMode } from './layout';
import { landscapeDocument, landscapeTable } from './landscape';

export interface ProblemListOptions {
  mode: FontMode;
  /** The 公示 version: published items only, no internal columns. */
  publicVersion: boolean;
}

const WORKING = {
  header: ['序号', '所属方面', '问题表现', '问题来源', '原因剖析', '整改措施', '整改目标/标准', '责任领导', '责任部门/责任人', '完成时限', '备注'],
  widths: [2, 4.5, 8, 4, 5, 7, 5, 4, 5, 5, 5],
  align: ['center', 'left', 'left', 'center', 'left', 'left', 'left', 'center', 'center', 'center', 'left'] as Array<'left' | 'center'>,
};
const PUBLIC = {
  header: ['序号', '所属方面', '问题表现', '整改措施', '整改目标/标准', '责任领导', '责任部门/责任人', '完成时限'],
  widths: [2, 6, 13, 13, 8, 4, 5, 5],
  align: ['center', 'left', 'left', 'left', 'left', 'center', 'center', 'center'] as Array<'left' | 'center'>,
};

/** The title lines of a target's list. */
function problemListTitle(pd: ProblemDocs, list: TargetItems): string[] {
  const { unit, meeting } = pd.docs.input;
  return list.target.isGroup ? [unitGroupName(unit.name), `${meetingHeading(meeting)}问题清单`] : [unit.name, `${meetingHeading(meeting)}个人问题清单`];
}

/** The items a version shows. */
function listedItems(list: TargetItems, publicVersion: boolean): ProblemItem[] {
  return publicVersion ? list.items.filter((p) => p.published) : list.items;
}

/** The 备注 of the working version: the internal note, unpublished, 五个明确 gaps, 问题反复出现. */
function workingNote(pd: ProblemDocs, p: ProblemItem): string {
  const marks: string[] = [];
  if (p.note.trim() !== '') marks.push(p.note.trim());
  if (!p.published) marks.push('不公示');
  const gap = pd.incomplete.get(p.id);
  if (gap) marks.push(`五个明确不全：缺少${gap.missing.join('、')}`);
  const repeat = pd.repeats.get(p.id);
  const prev = repeat ? pd.previous.get(repeat.previousId) : undefined;
  if (repeat && prev) marks.push(repeatText(repeat, prev));
  if (p.carriedFrom) marks.push('上年度结转');
  return marks.join('；');
}

/** A time limit for a narrow cell: the line breaks after the year, never inside a date. */
export const deadlineCell = (p: Pick<ProblemItem, 'deadline' | 'longTerm'>) => deadlineLabel(p).replace('年', '年\n');

function rowOf(pd: ProblemDocs, p: ProblemItem, n: number, publicVersion: boolean): string[] {
  if (publicVersion) return [String(n), p.dimension, p.description, p.measures, p.standard, p.leader, p.responsible, deadlineCell(p)];
  return [String(n), p.dimension, p.description, p.sources.join('、'), p.causes, p.measures, p.standard, p.leader, p.responsible, deadlineCell(p), workingNote(pd, p)];
}

/** The blocks of one target's list. */
function problemListBlocks(pd: ProblemDocs, list: TargetItems, options: ProblemListOptions): FileChild[] {
  const g = gbLayout(options.mode);
  const items = listedItems(list, options.publicVersion);
  const blocks: FileChild[] = [g.title(problemListTitle(pd, list).join('\n'))];
  if (!list.target.isGroup) blocks.push(g.subtitle(list.target.label));
  blocks.push(g.blank());
  if (options.publicVersion) {
    // 逐项明确 is claimed only when it is true: an item without its 整改标准 or 时限 may still be marked for 公示.
    const complete = items.every((p) => !pd.incomplete.has(p.id));
    blocks.push(g.paragraph(items.length === 0 ? '暂无公示的问题。' : complete ? `共查摆问题${items.length}项，逐项明确了整改措施、整改目标、责任主体和完成时限。` : `共查摆问题${items.length}项。`));
  } else {
    const counts = pd.counts.targets.find((t) => t.targetId === list.target.id);
    const coverage = pd.coverage.targets.find((t) => t.targetId === list.target.id);
    const parts = [`共查摆问题${items.length}项`];
    if (counts) parts.push(`征求意见${countSentence(counts)}`);
    if (coverage && coverage.total > 0) parts.push(coverageSentence(coverage));
    const incomplete = items.filter((p) => pd.incomplete.has(p.id)).length;
    if (incomplete > 0) parts.push(`其中${incomplete}项五个明确不全，见备注`);
    blocks.push(g.paragraph(`${parts.join('；')}。`));
  }
  if (items.length > 0) {
    const shape = options.publicVersion ? PUBLIC : WORKING;
    blocks.push(
      landscapeTable({ header: shape.header, widths: shape.widths, align: shape.align, sizePt: FONT_SIZE.五号, rows: items.map((p, i) => rowOf(pd, p, i + 1, options.publicVersion)) }, options.mode),
    );
  }
  return blocks;
}

const versionSuffix = (publicVersion: boolean) => (publicVersion ? '（公示版）' : '（工作版）');

/** One target's list as a .docx. */
export function problemListDocx(pd: ProblemDocs, targetId: string, options: ProblemListOptions): Promise<Uint8Array> {
  const list = pd.lists.find((l) => l.target.id === targetId);
  if (!list) throw new RangeError(`problemListDocx: no target ${targetId}`);
  return docxBytes(
    landscapeDocument({
      title: `${problemListTitle(pd, list).join('')}${list.target.isGroup ? '' : `（${list.target.label}）`}${versionSuffix(options.publicVersion)}`,
      mode: options.mode,
      internal: !options.publicVersion,
      sections: [problemListBlocks(pd, list, options)],
    }),
  );
}

/** Every target's list in one .docx: the group first, then members in rank order, each from an odd page. */
export function combinedProblemListsDocx(pd: ProblemDocs, options: ProblemListOptions): Promise<Uint8Array> {
  const { unit, meeting } = pd.docs.input;
  return docxBytes(
    landscapeDocument({
      title: `${unit.name}${meetingHeading(meeting)}问题清单${versionSuffix(options.publicVersion)}`,
      mode: options.mode,
      internal: !options.publicVersion,
      sections: pd.lists.map((list) => problemListBlocks(pd, list, options)),
    }),
  );
}
