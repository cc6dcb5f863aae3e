import { describe, expect, it } from 'vitest';
import { flagOpinions } from '#shared/checks/opinion-flags';
import { computeReadiness } from '#shared/checks/readiness';
import { consolidationCounts, countSentence } from '#shared/consolidation/counts';
import { addSources, consolidate, mergeConsolidated, setAnswerReason, splitConsolidated, unlinkSource } from '#shared/consolidation/operations';
import { proposeMerges } from '#shared/consolidation/proposals';
import { consolidatedOpinionSchema, type ConsolidatedOpinion } from '#shared/model/problems';
import { parseRecord } from '#shared/model/zod-fields';
import { GROUP_TARGET, type Opinion } from '#shared/model/types';
import { documentSample } from '../../support/document-sample';
import { must, problemItem, stampAt } from '../../support/problem-sample';
import { fakeUuid } from '../../support/sample-content';

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** Five raw opinions on the group: two pairs that say the same thing and one of its own. */
function five() {
  const s = documentSample();
  const base = s.opinions[0]!;
  const texts = [
    '深入基层调研不够，对群众反映的问题跟踪问效不及时',
    '深入基层调研不够，对群众反映的问题跟踪问效不够及时。',
    '会议文件偏多，基层迎检负担依然较重',
    '会议文件偏多，基层迎检负担仍然较重',
    '干部队伍年龄结构老化，年轻干部培养使用力度不够',
  ];
  const raws: Opinion[] = texts.map((content, i) => ({
    ...base,
    id: fakeUuid(70_000 + i),
    targetId: GROUP_TARGET,
    category: s.meeting.ruleSet.categories[i]!,
    channel: i < 3 ? '座谈会' : '书面征求',
    content,
    dimension: '',
    createdAt: `2025-11-0${i + 1}T00:00:00.000Z`,
    updatedAt: `2025-11-0${i + 1}T00:00:00.000Z`,
  }));
  return { s, raws: deepFreeze(raws) };
}

describe('consolidation (梳理) with provenance', () => {
  it('consolidates raw opinions of one target into one, keeping links to every raw opinion and leaving the raws untouched', () => {
    const { s, raws } = five();
    const before = JSON.stringify(raws);
    const r = must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [raws[0]!.id, raws[1]!.id] }, raws, [], stampAt('2025-12-01T00:00:00.000Z')));
    expect(r.created).toHaveLength(1);
    expect(r.created[0]!.sourceIds).toEqual([raws[0]!.id, raws[1]!.id]);
    expect(r.created[0]!.text).toBe(raws[0]!.content);
    expect(parseRecord(consolidatedOpinionSchema, r.created[0]).ok).toBe(true);
    expect(JSON.stringify(raws)).toBe(before);
  });

  it('leaves the readiness count of raw opinions unchanged by consolidation', () => {
    const s = documentSample();
    const before = computeReadiness({ members: s.members, opinions: s.opinions }, s.meeting.ruleSet);
    const group = s.opinions.filter((o) => o.targetId === GROUP_TARGET && !o.deletedAt);
    must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: group.map((o) => o.id), text: '合成一条' }, s.opinions, [], stampAt('2025-12-01T00:00:00.000Z')));
    expect(computeReadiness({ members: s.members, opinions: s.opinions }, s.meeting.ruleSet)).toEqual(before);
  });

  it('refuses in Chinese: another target, an opinion already consolidated, a deleted opinion, an empty text', () => {
    const { s, raws } = five();
    const stamp = stampAt('2025-12-01T00:00:00.000Z');
    const other = { ...raws[4]!, id: fakeUuid(71_000), targetId: s.members[0]!.id };
    const deleted = { ...raws[4]!, id: fakeUuid(71_001), deletedAt: '2025-11-20T00:00:00.000Z' };
    const all = [...raws, other, deleted];
    const first = must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [raws[0]!.id] }, all, [], stamp)).created;
    const tryWith = (ids: string[], text?: string) => consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: ids, text }, all, first, stamp);
    expect(tryWith([raws[1]!.id, other.id])).toMatchObject({ ok: false, error: expect.stringContaining('其他对象') });
    expect(tryWith([raws[0]!.id])).toMatchObject({ ok: false, error: expect.stringContaining('已梳理在') });
    expect(tryWith([deleted.id])).toMatchObject({ ok: false, error: expect.stringContaining('已删除') });
    expect(tryWith([raws[2]!.id], '   ')).toEqual({ ok: false, error: '梳理后意见不能为空' });
    expect(tryWith([])).toEqual({ ok: false, error: '请至少选择一条原始意见' });
  });

  it('merges consolidated opinions into the first, retiring the others with mergedInto and moving problem links to the survivor', () => {
    const { s, raws } = five();
    const stamp = stampAt('2025-12-01T00:00:00.000Z');
    let store: ConsolidatedOpinion[] = [];
    for (const ids of [[0], [1], [2]]) store.push(...must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: ids.map((i) => raws[i]!.id) }, raws, store, stamp)).created);
    const [a, b, c] = store as [ConsolidatedOpinion, ConsolidatedOpinion, ConsolidatedOpinion];
    store = [a, { ...b, answer: { reason: 'explained', text: '已当面说明' } }, c];
    const problem = problemItem({ id: fakeUuid(72_000), meetingId: s.meeting.id, targetId: GROUP_TARGET, description: '调研不够', consolidatedIds: [b.id, a.id] });
    const r = must(mergeConsolidated({ ids: [a.id, b.id], text: '深入基层调研不够，跟踪问效不及时' }, store, [problem], stampAt('2025-12-02T00:00:00.000Z')));
    const survivor = r.updated.find((x) => x.id === a.id)!;
    expect(survivor.sourceIds).toEqual([raws[0]!.id, raws[1]!.id]);
    expect(survivor.mergedFrom).toEqual([b.id]);
    expect(survivor.answer).toEqual({ reason: 'explained', text: '已当面说明' });
    expect(r.updated.find((x) => x.id === b.id)).toMatchObject({ mergedInto: a.id, deletedAt: '2025-12-02T00:00:00.000Z' });
    expect(r.problems[0]!.consolidatedIds).toEqual([a.id]);
    expect(mergeConsolidated({ ids: [a.id] }, store, [], stamp)).toEqual({ ok: false, error: '合并至少需要两条梳理后意见' });
  });

  it('splits raw opinions off into a new consolidated opinion that names its origin, and refuses to split off everything', () => {
    const { s, raws } = five();
    const stamp = stampAt('2025-12-01T00:00:00.000Z');
    const [c] = must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: raws.slice(0, 3).map((o) => o.id) }, raws, [], stamp)).created as [ConsolidatedOpinion];
    const r = must(splitConsolidated({ id: c.id, opinionIds: [raws[2]!.id] }, raws, [c], stamp));
    expect(r.created[0]).toMatchObject({ splitFrom: c.id, sourceIds: [raws[2]!.id], text: raws[2]!.content });
    expect(r.created[0]!.answer).toBeUndefined();
    expect(r.updated[0]!.sourceIds).toEqual([raws[0]!.id, raws[1]!.id]);
    expect(splitConsolidated({ id: c.id, opinionIds: c.sourceIds }, raws, [c], stamp)).toMatchObject({ ok: false, error: expect.stringContaining('至少保留一条') });
  });

  it('unlinks a raw opinion, and soft-deletes a consolidated opinion left with none', () => {
    const { s, raws } = five();
    const stamp = stampAt('2025-12-01T00:00:00.000Z');
    const [c] = must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [raws[0]!.id, raws[1]!.id] }, raws, [], stamp)).created as [ConsolidatedOpinion];
    const once = must(unlinkSource({ id: c.id, opinionId: raws[0]!.id }, [c], stamp)).updated[0]!;
    expect(once.sourceIds).toEqual([raws[1]!.id]);
    expect(once.deletedAt).toBeUndefined();
    const twice = must(unlinkSource({ id: c.id, opinionId: raws[1]!.id }, [once], stamp)).updated[0]!;
    expect(twice.deletedAt).toBe(stamp.at);
    // The raw opinion is free again: it can be consolidated elsewhere.
    expect(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [raws[0]!.id] }, raws, [once], stamp).ok).toBe(true);
  });

  it('records a reason, and asks for text with 其他', () => {
    const { s, raws } = five();
    const stamp = stampAt('2025-12-01T00:00:00.000Z');
    const [c] = must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [raws[0]!.id] }, raws, [], stamp)).created as [ConsolidatedOpinion];
    expect(setAnswerReason(c, { reason: 'other', text: ' ' }, stamp)).toEqual({ ok: false, error: '选择“其他”时须写明理由' });
    expect(must(setAnswerReason(c, { reason: 'not-my-duty', text: '' }, stamp)).value.answer).toEqual({ reason: 'not-my-duty', text: '' });
  });
});

describe('merge proposals from the near-duplicate detector', () => {
  it('proposes the two pairs of nearly the same text for one target, and not the text of its own', () => {
    const { s, raws } = five();
    const proposals = proposeMerges(raws, [], s.meeting.ruleSet);
    expect(proposals.map((p) => p.opinionIds.sort())).toEqual(
      expect.arrayContaining([[raws[0]!.id, raws[1]!.id].sort(), [raws[2]!.id, raws[3]!.id].sort()]),
    );
    expect(proposals).toHaveLength(2);
    for (const p of proposals) expect(p.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('never proposes merging opinions of different targets, and proposes joining an existing consolidated opinion', () => {
    const { s, raws } = five();
    const moved = raws.map((o, i) => (i === 1 ? { ...o, targetId: s.members[0]!.id } : o));
    expect(proposeMerges(moved, [], s.meeting.ruleSet).some((p) => p.opinionIds.includes(raws[1]!.id))).toBe(false);
    const stamp = stampAt('2025-12-01T00:00:00.000Z');
    const existing = must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [raws[2]!.id] }, raws, [], stamp)).created;
    const join = proposeMerges(raws, existing, s.meeting.ruleSet).find((p) => p.joinId);
    expect(join).toMatchObject({ joinId: existing[0]!.id, opinionIds: [raws[3]!.id] });
    const accepted = must(addSources({ id: join!.joinId!, opinionIds: join!.opinionIds }, raws, existing, stamp));
    expect(accepted.updated[0]!.sourceIds).toEqual([raws[2]!.id, raws[3]!.id]);
  });

  it('leaves no-opinion phrases out of proposals', () => {
    const { s, raws } = five();
    const none = [...raws, { ...raws[0]!, id: fakeUuid(73_000), content: '暂无' }, { ...raws[0]!, id: fakeUuid(73_001), content: '暂无。' }];
    expect(proposeMerges(none, [], s.meeting.ruleSet).flatMap((p) => p.opinionIds)).not.toContain(fakeUuid(73_000));
  });
});

describe('收集 X → 梳理为 Y', () => {
  it('counts 5 collected → 2 consolidated after consolidating into two, per target and per channel', () => {
    const { s, raws } = five();
    const stamp = stampAt('2025-12-01T00:00:00.000Z');
    let store: ConsolidatedOpinion[] = [];
    const flags = flagOpinions(raws, s.meeting.ruleSet);
    const targets = [{ id: GROUP_TARGET, label: '领导班子' }];
    // Nothing consolidated yet: not 梳理为5条（尚有5条未梳理）, which contradicts itself.
    const none = consolidationCounts({ opinions: raws, consolidated: store, flags, targets, channels: s.meeting.ruleSet.channels });
    expect(countSentence(none.total)).toBe('收集5条，尚未梳理');
    store = [...store, ...must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [raws[0]!.id, raws[1]!.id, raws[4]!.id] }, raws, store, stamp)).created];
    const partial = consolidationCounts({ opinions: raws, consolidated: store, flags, targets, channels: s.meeting.ruleSet.channels });
    expect(partial.total).toEqual({ collected: 5, consolidated: 3, pending: 2 });
    expect(countSentence(partial.total)).toBe('收集5条，梳理为3条（尚有2条未梳理）');
    store = [...store, ...must(consolidate({ meetingId: s.meeting.id, targetId: GROUP_TARGET, opinionIds: [raws[2]!.id, raws[3]!.id] }, raws, store, stamp)).created];
    const done = consolidationCounts({ opinions: raws, consolidated: store, flags, targets, channels: s.meeting.ruleSet.channels });
    expect(countSentence(done.total)).toBe('收集5条，梳理为2条');
    expect(done.targets[0]).toMatchObject({ collected: 5, consolidated: 2 });
    // 座谈会 brought raws 0–2 (both consolidated opinions), 书面征求 raws 3–4 (both as well).
    expect(done.channels.find((c) => c.channel === '座谈会')).toMatchObject({ collected: 3, consolidated: 2 });
    expect(done.channels.find((c) => c.channel === '书面征求')).toMatchObject({ collected: 2, consolidated: 2 });
  });
});
