// The 征求意见建议清单 of one target as words, before any layout: title, intro, the opinions grouped
// by source category in the rule set's order, numbered. The Word file and the print layout both
// render this model, so they say the same thing in the same order.
import type { Opinion } from '../model/types';
import type { ConsolidatedOpinion } from '../model/problems';
import { chineseDate, isListed, meetingHeading, type DocTarget, type MeetingDocs } from './meeting-docs';
import { memberUnitTitle, unitGroupName } from './group-name';
import { level1Number } from './heading-numbers';
import { textLines } from './office-text';

export interface ListItem {
  /** 1, 2, … within the category. */
  n: number;
  content: string;
  /**
   * The content's lines as typed (`一是…` / `二是…`): separate lines of the one item in Word and in
   * the print layout alike, never run together or spread across a justified line.
   */
  lines: string[];
  /** 对照检查 dimension, or empty. */
  dimension: string;
  /** Who gave it, and who gave the same opinion again (merged into this one): empty unless the list is internal. */
  provider: string;
  /** What follows the content in brackets: the dimension, and in an internal list the provider and channel. */
  note: string;
}

export interface ListSection {
  /** 1, 2, … : the heading's 一、二、 */
  n: number;
  category: string;
  /** `上级领导方面（2条）` */
  heading: string;
  items: ListItem[];
  /**
   * What the section says when it lists nothing: 本类暂无意见建议, or, when the category's opinions were
   * merged by 梳理 into items listed under another category, where they went — never "none" for a
   * category the readiness matrix counts.
   */
  emptyText: string;
}

export interface OpinionListModel {
  target: DocTarget;
  internal: boolean;
  /** `某某局领导班子` / `李四同志`, then `2025年度民主生活会征求意见建议清单`. */
  titleLines: string[];
  /** Under a member's title: the unit and the position (`某某局副局长`); empty for the group. */
  subtitle: string;
  intro: string[];
  sections: ListSection[];
  /** Every live opinion given to the target. */
  collected: number;
  /** The opinions listed: substantive, no repeats. */
  listed: number;
}

/** What a category with no listed opinion says. */
const EMPTY_CATEGORY_TEXT = '本类暂无意见建议。';

export interface ListOptions {
  /** Lists providers and marks the document 内部资料. */
  internal: boolean;
  /** `YYYY-MM-DD`: the day the list reflects. */
  date: string;
  /**
   * The meeting's 梳理 (its live consolidated opinions by id, as ProblemDocs holds them): a target with
   * consolidated opinions gets them listed — each once, under its sources' first category — with
   * its counted opinions not yet consolidated, and the intro's 梳理为 is that number (收集 X → 梳理为 Y).
   */
  problems?: { consolidated: ReadonlyMap<string, ConsolidatedOpinion> };
}

/** One entry of a list before numbering: a consolidated opinion, or a raw opinion standing for itself. */
interface Entry {
  category: string;
  content: string;
  dimension: string;
  /** The raw opinions it stands for, repeats included (for the internal version's providers and channels). */
  sources: Opinion[];
}

/**
 * One target's list. Lists the live opinions that count (substantive, not a repeat of an earlier
 * one for the same target and category) — after 梳理, the consolidated opinions in place of those
 * they merge; providers appear only when `internal` is set.
 */
export function opinionList(docs: MeetingDocs, targetId: string, options: ListOptions): OpinionListModel {
  const target = docs.targets.find((t) => t.id === targetId);
  if (!target) throw new RangeError(`no target ${targetId}`);
  const { unit, meeting } = docs.input;
  const mine = docs.opinions.filter((o) => o.targetId === targetId);
  const listed = mine.filter((o) => isListed(docs.flags.get(o.id)));

  // A repeat of a listed opinion is not listed again, but whoever gave it is named with the first.
  const repeats = new Map<string, Opinion[]>();
  for (const o of mine) {
    const first = docs.flags.get(o.id)?.duplicateOf;
    if (first) repeats.set(first, [...(repeats.get(first) ?? []), o]);
  }
  const withRepeats = (o: Opinion) => [o, ...(repeats.get(o.id) ?? [])];

  const categories = [...meeting.ruleSet.categories];
  for (const o of listed) if (!categories.includes(o.category)) categories.push(o.category);
  const consolidated = consolidatedEntries(mine, targetId, categories, options.problems, withRepeats);
  for (const e of consolidated) if (!categories.includes(e.category)) categories.push(e.category);
  const held = new Set(consolidated.flatMap((e) => e.sources.map((o) => o.id)));
  const entries: Entry[] = [
    ...consolidated,
    ...listed.filter((o) => !held.has(o.id)).map((o) => ({ category: o.category, content: o.content, dimension: o.dimension, sources: withRepeats(o) })),
  ];
  const headingOf = (category: string) => `${category.endsWith('方面') ? category : `${category}方面`}`;
  const sections: ListSection[] = categories.map((category, i) => {
    const items = entries
      .filter((e) => e.category === category)
      .map((e, j): ListItem => {
        const provider = options.internal ? distinct(e.sources.map((x) => x.provider)).join('、') || '未填写' : '';
        const channels = distinct(e.sources.map((x) => x.channel));
        const parts = [
          ...(e.dimension ? [`对照检查：${e.dimension}`] : []),
          ...(options.internal ? [`提出方：${provider}`, ...(channels.length > 0 ? [`征求方式：${channels.join('、')}`] : [])] : []),
        ];
        return { n: j + 1, content: e.content, lines: textLines(e.content), dimension: e.dimension, provider, note: parts.length > 0 ? `（${parts.join('；')}）` : '' };
      });
    return { n: i + 1, category, heading: `${headingOf(category)}（${items.length}条）`, items, emptyText: items.length > 0 ? '' : EMPTY_CATEGORY_TEXT };
  });
  for (const section of sections) {
    if (section.items.length > 0) continue;
    const merged = listed.filter((o) => o.category === section.category && held.has(o.id));
    if (merged.length === 0) continue;
    const places = distinct(
      merged.map((o) => {
        const entry = consolidated.find((e) => e.sources.some((x) => x.id === o.id))!;
        const home = sections.find((x) => x.category === entry.category)!;
        return `${level1Number(home.n)}${headingOf(home.category)}第${entries.filter((e) => e.category === entry.category).indexOf(entry) + 1}条`;
      }),
    );
    section.emptyText = `本类意见${merged.length}条已与相同或相近的意见合并，列入${places.join('、')}。`;
  }

  const who = target.isGroup ? unitGroupName(unit.name) : `${target.name}同志`;
  const intro = [
    `截至${chineseDate(options.date)}，共收集对${who}的意见建议${mine.length}条，梳理为${entries.length}条（${consolidated.length > 0 ? '相同或相近的意见已合并，' : ''}重复及无实质内容的意见未列入），按意见来源分类列示如下。`,
    options.internal
      ? '本清单为内部资料，列有意见提出方，仅供组织部门和督导组工作使用，不得提供给被征求意见对象。'
      : '为保护意见提出方，本清单不列提出方信息。',
  ];
  return {
    target,
    internal: options.internal,
    titleLines: [who, `${meetingHeading(meeting)}征求意见建议清单`],
    subtitle: target.isGroup ? '' : memberUnitTitle(unit.name, target.position),
    intro,
    sections,
    collected: mine.length,
    listed: entries.length,
  };
}

/**
 * The target's live consolidated opinions with a live source, in their order: each under the first
 * of its sources' categories (in the list's order), standing for its sources and their repeats.
 */
function consolidatedEntries(
  mine: readonly Opinion[],
  targetId: string,
  categories: readonly string[],
  problems: ListOptions['problems'],
  withRepeats: (o: Opinion) => Opinion[],
): Entry[] {
  if (!problems) return [];
  const byId = new Map(mine.map((o) => [o.id, o]));
  const rank = (category: string) => categories.indexOf(category);
  return [...problems.consolidated.values()]
    .filter((c) => !c.deletedAt && c.targetId === targetId)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
    .flatMap((c): Entry[] => {
      const sources = c.sourceIds.map((id) => byId.get(id)).filter((o) => o !== undefined);
      if (sources.length === 0) return [];
      const category = sources.map((o) => o.category).reduce((a, b) => (rank(b) >= 0 && (rank(a) < 0 || rank(b) < rank(a)) ? b : a));
      return [{ category, content: c.text, dimension: c.dimension, sources: distinctById(sources.flatMap(withRepeats)) }];
    });
}

function distinctById(opinions: readonly Opinion[]): Opinion[] {
  return [...new Map(opinions.map((o) => [o.id, o])).values()];
}

/** The non-empty values, each once, in order. */
function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Every target's list: the group first, then members in rank order. */
export function opinionLists(docs: MeetingDocs, options: ListOptions): OpinionListModel[] {
  return docs.targets.map((t) => opinionList(docs, t.id, options));
}
