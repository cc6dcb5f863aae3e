// The 征求意见建议清单 after 梳理: a target's consolidated opinions are listed in place of the raw
// opinions they merge (each once, under its sources' first category), its counted opinions not yet
// consolidated stand for themselves, and the intro's 梳理为 is the 梳理 count (收集 X → 梳理为 Y) —
// the same figure as the report's. Without 梳理 the list is the de-duplicated raw list, as before.
import { describe, expect, it } from 'vitest';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { opinionList } from '#shared/documents/opinion-list';
import { prepareProblemDocs } from '#shared/documents/problem-docs';
import { opinionListDocx } from '#shared/documents/word/opinion-list-docx';
import { GROUP_TARGET } from '#shared/model/types';
import { documentLines, officeParts } from '../../support/docx';
import { must, problemSample, stampAt } from '../../support/problem-sample';
import { consolidate } from '#shared/consolidation/operations';

function sample() {
  const s = problemSample();
  const docs = prepareMeetingDocs(s.input);
  const pd = prepareProblemDocs({ docs, consolidated: s.consolidated, problems: s.problems, today: '2026-03-01' });
  return { s, docs, pd };
}

const items = (model: ReturnType<typeof opinionList>) => model.sections.flatMap((x) => x.items);

describe('the opinion list after 梳理', () => {
  it('lists each consolidated opinion once instead of the raw opinions it merges, and says 梳理为 the 梳理 count', () => {
    const { s, docs, pd } = sample();
    const li = s.byName('李四');
    const model = opinionList(docs, li, { internal: false, date: '2026-03-01', problems: pd });
    const mine = [...pd.consolidated.values()].filter((c) => c.targetId === li);
    const count = pd.counts.targets.find((t) => t.targetId === li)!;
    expect(items(model).map((i) => i.content).sort()).toEqual(mine.map((c) => c.text).sort());
    expect(model.listed).toBe(count.consolidated);
    expect(model.intro[0]).toBe(`截至2026年3月1日，共收集对李四同志的意见建议${count.collected}条，梳理为${count.consolidated}条（相同或相近的意见已合并，重复及无实质内容的意见未列入），按意见来源分类列示如下。`);
    // Headings count what they list; a consolidated opinion sits under its sources' first category.
    for (const section of model.sections) expect(section.heading).toContain(`（${section.items.length}条）`);
    const first = mine[0]!;
    const categories = first.sourceIds.map((id) => s.opinions.find((o) => o.id === id)!.category);
    const section = model.sections.find((x) => x.items.some((i) => i.content === first.text))!;
    expect(categories).toContain(section.category);
    expect(docs.input.meeting.ruleSet.categories.indexOf(section.category)).toBe(Math.min(...categories.map((c) => docs.input.meeting.ruleSet.categories.indexOf(c))));
  });

  it('lists counted opinions not yet consolidated as they are, and names every source’s provider in the internal version', () => {
    const { s, docs } = sample();
    const li = s.byName('李四');
    const consolidated = s.consolidated.filter((c) => c.targetId === li);
    const [kept, dissolved] = [consolidated[0]!, consolidated[1]!];
    // 梳理 under way: one of 李四's consolidated opinions dissolved again, so its two sources are pending.
    const partial = prepareProblemDocs({ docs, consolidated: s.consolidated.filter((c) => c !== dissolved), problems: [], today: '2026-03-01' });
    const model = opinionList(docs, li, { internal: true, date: '2026-03-01', problems: partial });
    const texts = items(model).map((i) => i.content);
    for (const id of dissolved.sourceIds) expect(texts).toContain(s.opinions.find((o) => o.id === id)!.content);
    // The consolidated wording once (it may be one of its sources' texts), its sources' other texts not at all.
    expect(texts.filter((t) => t === kept.text)).toHaveLength(1);
    for (const id of kept.sourceIds) {
      const content = s.opinions.find((o) => o.id === id)!.content;
      if (content !== kept.text) expect(texts).not.toContain(content);
    }
    expect(model.listed).toBe(partial.counts.targets.find((t) => t.targetId === li)!.consolidated);
    const item = items(model).find((i) => i.content === kept.text)!;
    for (const id of kept.sourceIds) expect(item.provider).toContain(s.opinions.find((o) => o.id === id)!.provider);
  });

  it('is the de-duplicated raw list for a target without 梳理, and without the 梳理 records', () => {
    const { s, docs, pd } = sample();
    const zhao = s.byName('赵六');
    expect(opinionList(docs, zhao, { internal: false, date: '2026-03-01', problems: pd })).toEqual(opinionList(docs, zhao, { internal: false, date: '2026-03-01' }));
    const plain = opinionList(docs, GROUP_TARGET, { internal: false, date: '2026-03-01' });
    expect(plain.intro[0]).toContain('（重复及无实质内容的意见未列入）');
    expect(plain.listed).toBe(docs.opinions.filter((o) => o.targetId === GROUP_TARGET && docs.flags.get(o.id)?.counted).length);
  });

  it('writes the consolidated wording into the Word list', async () => {
    const { s, docs, pd } = sample();
    const li = s.byName('李四');
    const text = documentLines(officeParts(await opinionListDocx(docs, li, { internal: false, date: '2026-03-01', mode: 'official', problems: pd }))).join('\n');
    const first = [...pd.consolidated.values()].find((c) => c.targetId === li)!;
    expect(text).toContain(first.text);
    expect(text).toContain(`梳理为${pd.counts.targets.find((t) => t.targetId === li)!.consolidated}条（相同或相近的意见已合并`);
  });
});

describe('a category whose opinions 梳理 merged into another category', () => {
  it('says where they were listed instead of 本类暂无意见建议, in the model and in the Word file', async () => {
    const { s, docs } = sample();
    const group = s.input.opinions.filter((o) => o.targetId === GROUP_TARGET && !o.deletedAt && o.content !== '暂无意见');
    const [first, second] = docs.input.meeting.ruleSet.categories;
    const merged = group.filter((o) => o.category === first || o.category === second);
    expect(merged.some((o) => o.category === first) && merged.some((o) => o.category === second)).toBe(true);
    // One consolidated opinion holds every counted opinion of the first two categories.
    const all = must(consolidate({ meetingId: docs.input.meeting.id, targetId: GROUP_TARGET, opinionIds: merged.map((o) => o.id), text: '调查研究不够深入' }, s.input.opinions, [], stampAt('2025-12-02T00:00:00.000Z')));
    const pd = prepareProblemDocs({ docs, consolidated: all.created, problems: [], today: '2026-03-01' });
    const model = opinionList(docs, GROUP_TARGET, { internal: false, date: '2026-03-01', problems: pd });
    const [one, two] = model.sections;
    expect(one!.items.map((i) => i.content)).toEqual(['调查研究不够深入']);
    expect(one!.emptyText).toBe('');
    expect(two!.items).toEqual([]);
    const counted = merged.filter((o) => o.category === second && docs.flags.get(o.id)?.duplicateOf === undefined).length;
    expect(two!.emptyText).toBe(`本类意见${counted}条已与相同或相近的意见合并，列入一、${first}方面第1条。`);
    const lines = documentLines(officeParts(await opinionListDocx(docs, GROUP_TARGET, { internal: false, date: '2026-03-01', problems: pd, mode: 'compatible' })));
    expect(lines).toContain(two!.emptyText);
    expect(lines.join('\n')).not.toMatch(new RegExp(`${second}方面（0条）\\n本类暂无意见建议`));
  });
});
