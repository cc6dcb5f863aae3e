// Which partner a copy warning names when an opinion resembles several others: the most similar
// one, and of equally similar ones the earliest entered (detectCopies' promise), for an opinion with
// a few similar texts and for one with more than a handful (written against the mutation report of
// shared/checks/copy-detection.ts; see the README).
import { describe, expect, it } from 'vitest';
import { detectCopies, type CopyCandidate } from '#shared/checks/copy-detection';
import { PARTNER_CAP } from '#shared/checks/minhash';

/** A text of `length` distinct characters from `from` on: every bigram once. */
const distinct = (from: number, length: number) => Array.from({ length }, (_, i) => String.fromCodePoint(from + i)).join('');
/** `text` with its last `m` characters replaced by characters no other text has (`fresh` picks which). */
const tail = (text: string, m: number, fresh: number) => text.slice(0, text.length - m) + distinct(0x9000 + fresh * 64, m);

let entered = 0;
const op = (content: string, unitId: string): CopyCandidate => {
  entered++;
  const id = `o${String(entered).padStart(3, '0')}`;
  return { id, meetingId: `m-${unitId}`, unitId, targetId: 't1', category: '上级领导', content, createdAt: `2025-11-01T08:${String(Math.floor(entered / 60)).padStart(2, '0')}:${String(entered % 60).padStart(2, '0')}.000Z` };
};

/** The 疑似抄袭 warning for the first opinion of `opinions`: its partner's id and the similarity. */
function firstWarning(opinions: CopyCandidate[]) {
  const warning = detectCopies(opinions, { kinds: ['cross-unit'] }).find((w) => w.a.id === opinions[0]!.id);
  return warning && { partner: warning.b.id, similarity: warning.similarity };
}

describe('the partner a 疑似抄袭 warning names', () => {
  const x = distinct(0x4e00, 40);

  it('is the most similar of a few similar opinions, entered after a less similar one', () => {
    entered = 0;
    // 39 bigrams each: 7 changed at the end → 32/46 = 0.70; 1 changed → 38/40 = 0.95.
    const opinions = [op(x, 'u1'), op(tail(x, 7, 1), 'u2'), op(tail(x, 1, 2), 'u3')];
    expect(firstWarning(opinions)).toEqual({ partner: opinions[2]!.id, similarity: 0.95 });
    // The second is as similar to the first as to the third (32/46 each): it names the first.
    const [first, second, third] = opinions.map((o) => o.id);
    expect(detectCopies(opinions, { kinds: ['cross-unit'] }).map((w) => [w.a.id, w.b.id, w.similarity])).toEqual([
      [first, third, 0.95],
      [second, first, 0.7],
      [third, first, 0.95],
    ]);
  });

  it('is, for 雷同, the most similar opinion for another target, passing over a more similar one for the same target', () => {
    entered = 0;
    const opinions = [op(x, 'u1'), { ...op(tail(x, 7, 1), 'u1'), targetId: 't2' }, op(tail(x, 1, 2), 'u1')];
    const warning = detectCopies(opinions, { kinds: ['cross-target'] }).find((w) => w.a.id === opinions[0]!.id);
    expect(warning && { partner: warning.b.id, similarity: warning.similarity }).toEqual({ partner: opinions[1]!.id, similarity: 0.7 });
  });

  it('is the most similar of a few, after another pair of similar opinions was entered', () => {
    entered = 0;
    const other = distinct(0x6000, 40);
    const opinions = [op(other, 'u8'), op(tail(other, 7, 5), 'u9'), op(x, 'u1'), op(tail(x, 7, 1), 'u2'), op(tail(x, 1, 2), 'u3')];
    const [p, q, first, second, third] = opinions.map((o) => o.id);
    expect(detectCopies(opinions, { kinds: ['cross-unit'] }).map((w) => [w.a.id, w.b.id, w.similarity])).toEqual([
      [p, q, 0.7],
      [q, p, 0.7],
      [first, third, 0.95],
      [second, first, 0.7],
      [third, first, 0.95],
    ]);
  });

  it('is the earliest entered of equally similar opinions', () => {
    entered = 0;
    const opinions = [op(x, 'u1'), op(tail(x, 1, 1), 'u2'), op(tail(x, 1, 2), 'u3'), op(tail(x, 3, 3), 'u4')];
    expect(firstWarning(opinions)).toEqual({ partner: opinions[1]!.id, similarity: 0.95 });
  });

  const long = distinct(0x4e00, 80);
  it('is the most similar of 18 similar opinions, entered last or in between', () => {
    entered = 0;
    // 79 bigrams: m changed at the end → (79 − m) / (79 + m), from 60/98 = 0.61 (m = 19) to 77/81 = 0.95 (m = 2).
    const opinions = [op(long, 'u0'), ...Array.from({ length: 18 }, (_, i) => op(tail(long, 19 - i, i), `u${i + 1}`))];
    expect(firstWarning(opinions)).toEqual({ partner: opinions[18]!.id, similarity: 0.95 });
    // The same 18 in a mixed order of similarity (m = 2 + (7i + 5) mod 18): the most similar is the 8th entered.
    entered = 0;
    const mixed = [op(long, 'u0'), ...Array.from({ length: 18 }, (_, i) => op(tail(long, 2 + ((7 * i + 5) % 18), i), `u${i + 1}`))];
    expect(firstWarning(mixed)).toEqual({ partner: mixed[8]!.id, similarity: 0.95 });
  });

  it('is, for 雷同, the most similar of 18 for another target when the most similar one is for the same target', () => {
    entered = 0;
    // As above in the mixed order; the most similar (m = 2, the 8th entered) is for the same target, the
    // next (m = 3: 76/82 = 0.93, the 3rd entered) is named.
    const mixed = [op(long, 'u0'), ...Array.from({ length: 18 }, (_, i) => ({ ...op(tail(long, 2 + ((7 * i + 5) % 18), i), 'u0'), targetId: i === 7 ? 't1' : 't2' }))];
    const warning = detectCopies(mixed, { kinds: ['cross-target'] }).find((w) => w.a.id === mixed[0]!.id);
    expect(warning && { partner: warning.b.id, similarity: warning.similarity }).toEqual({ partner: mixed[3]!.id, similarity: 0.93 });
  });

  it('is the earliest entered of 18 equally similar opinions', () => {
    entered = 0;
    // The last character changed: 78/80 = 0.975 for each, and between any two of them.
    const opinions = [op(long, 'u0'), ...Array.from({ length: 18 }, (_, i) => op(tail(long, 1, i), `u${i + 1}`))];
    const reversed = [opinions[0]!, ...opinions.slice(1).reverse()];
    expect(firstWarning(opinions)).toEqual({ partner: opinions[1]!.id, similarity: 0.98 });
    // Entered in the other order (the ids and times go with the entries): the earliest is again the first after o.
    entered = 0;
    const again = reversed.map((o) => op(o.content, o.unitId));
    expect(firstWarning(again)).toEqual({ partner: again[1]!.id, similarity: 0.98 });
  });
});

describe('which opinions copy detection pairs', () => {
  const base = '深入基层调研的次数偏少，对企业反映的问题跟踪解决不够及时，群众反映的困难解决得不够彻底';
  // Near copies of base, each with one character of its own in the middle (similarity about 0.9).
  const variant = (i: number) => `${base.slice(0, 20)}${String.fromCodePoint(0x4e00 + 50 + i)}${base.slice(21)}`;
  const at = (s: number) => `2025-11-01T08:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000Z`;
  let n = 0;
  const op = (content: string, over: Partial<CopyCandidate>): CopyCandidate => {
    n++;
    return { id: `p${String(n).padStart(3, '0')}`, meetingId: 'm1', unitId: 'u1', targetId: 't1', category: '上级领导', content, createdAt: at(n), ...over };
  };

  it('honours the threshold it is given', () => {
    n = 0;
    // 39 bigrams each, 7 changed at the end: 32/46 = 0.70.
    const x = distinct(0x4e00, 40);
    const pair = [op(x, { unitId: 'u1' }), op(tail(x, 7, 1), { unitId: 'u2' })];
    expect(detectCopies(pair, { kinds: ['cross-unit'] }).map((w) => w.similarity)).toEqual([0.7, 0.7]);
    expect(detectCopies(pair, { kinds: ['cross-unit'], threshold: 0.69 })).toHaveLength(2);
    expect(detectCopies(pair, { kinds: ['cross-unit'], threshold: 0.71 })).toEqual([]);
  });

  it('pairs a text with a near copy after an unrelated text that resembles nothing', () => {
    n = 0;
    const opinions = [op('理论学习不够系统，以会代学的情况时有发生', { unitId: 'u0' }), op(base, { unitId: 'u1' }), op(variant(1), { unitId: 'u2' })];
    const warnings = detectCopies(opinions, { kinds: ['cross-unit'] });
    expect(warnings.map((w) => [w.a.id, w.b.id])).toEqual([
      [opinions[1]!.id, opinions[2]!.id],
      [opinions[2]!.id, opinions[1]!.id],
    ]);
  });

  it('names the copy of another unit in a text’s own group, entered after one of its own unit', () => {
    n = 0;
    const opinions = [op(base, { unitId: 'u1', meetingId: 'm1' }), op(base, { unitId: 'u1', meetingId: 'm2' }), op(base, { unitId: 'u2', meetingId: 'm3' })];
    const warnings = detectCopies(opinions, { kinds: ['cross-unit'] });
    expect(warnings.find((w) => w.a.id === opinions[0]!.id)).toMatchObject({ b: { id: opinions[2]!.id }, similarity: 1 });
  });

  it('finds a near copy inside a meeting of a text entered in two meetings', () => {
    n = 0;
    // The text of t1 is entered in m1, then its near copy for t2 in m2, then the text of t1 in m2.
    const opinions = [op(base, { meetingId: 'm1', targetId: 't1' }), op(variant(1), { meetingId: 'm2', targetId: 't2' }), op(base, { meetingId: 'm2', targetId: 't1' })];
    const warnings = detectCopies(opinions, { kinds: ['cross-target'] });
    expect(warnings.map((w) => [w.a.id, w.b.id])).toEqual([[opinions[1]!.id, opinions[2]!.id]]);
  });

  it('finds the near copy in another unit of a text its unit entered twice, among many times the partner cap of its own unit', () => {
    n = 0;
    const twice = [op(base, { unitId: 'u1', meetingId: 'm0' }), op(base, { unitId: 'u1', meetingId: 'm00' })];
    const own = Array.from({ length: 3 * PARTNER_CAP }, (_, i) => op(variant(i), { unitId: 'u1', meetingId: `m${i + 1}` }));
    const other = op(variant(999), { unitId: 'u2', meetingId: 'mx' });
    const warnings = detectCopies([...twice, ...own, other], { kinds: ['cross-unit'] });
    expect(twice.map((o) => warnings.find((w) => w.a.id === o.id)?.b.id)).toEqual([other.id, other.id]);
  });
});
