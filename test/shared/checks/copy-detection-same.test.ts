// The faster copy detector gives exactly the warnings of the detector before the speed work
// (test/support/copy-detection-before.ts): same order, kinds, opinions, similarities and counts of
// unlisted copies, on the stock-phrase corpus (input out of entry order) and a county's opinions
// (read meeting by meeting, in entry order), for every kind and for the kinds the app asks for.
import { describe, expect, it } from 'vitest';
import { copyCandidates, detectCopies, type CopyCandidate, type CopyKind } from '#shared/checks/copy-detection';
import type { Opinion } from '#shared/model/types';
import { detectCopiesBefore } from '../../support/copy-detection-before';
import { countyContent } from '../../support/county-content';
import { stockPhraseCorpus } from '../../support/stock-phrase-content';

function county(): CopyCandidate[] {
  const content = countyContent({ units: 30, members: [8, 12], perCell: 6, copyRate: 0.03, seed: 2025 });
  const byMeeting = new Map<string, Opinion[]>();
  for (const o of content.opinions) (byMeeting.get(o.meetingId) ?? byMeeting.set(o.meetingId, []).get(o.meetingId)!).push(o);
  return content.meetings.flatMap((m) => copyCandidates(m, byMeeting.get(m.id) ?? []));
}

const KINDS: Array<readonly CopyKind[]> = [['cross-target', 'same-target', 'cross-unit'], ['cross-unit'], ['cross-target', 'same-target']];

describe('detectCopies against the detector before the speed work', () => {
  it.each([
    ['stock-phrase, 10,000 opinions', () => stockPhraseCorpus(10_000, { seed: 14 }).candidates],
    ['county, 30 units', county],
  ])('gives the same warnings on the %s corpus', (_, corpus) => {
    const candidates = corpus();
    for (const kinds of KINDS) {
      const warnings = detectCopies(candidates, { kinds });
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings).toEqual(detectCopiesBefore(candidates, { kinds }));
    }
  });

  it('gives the same warnings, unlisted copies counted, on a template filled in past the partner cap', () => {
    // Every text like every other: the similarity search stops early and warnings say how many more.
    const candidates = stockPhraseCorpus(2_000, { seed: 15 }).candidates.map((c, i) => ({ ...c, content: `批次1第${i + 1}条：问卷反映窗口办事排队时间长，群众满意度有待提高` }));
    const warnings = detectCopies(candidates);
    expect(warnings.some((w) => w.more !== undefined)).toBe(true);
    expect(warnings).toEqual(detectCopiesBefore(candidates));
  });
});
