// The meeting's problem and ledger documents prepared on demand (shared/documents/problem-docs.ts),
// with last year's meeting prepared the same way for 上年度整改落实情况 and 问题反复出现. Loaded when
// an export asks, not kept live: it reads last year's opinions too.
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { prepareProblemDocs, type ProblemDocs } from '#shared/documents/problem-docs';
import { today } from '#shared/util/clock';
import type { Repositories } from '../db/repositories';
import { meetingDocs } from './use-meeting-docs';
import type { MeetingData } from './use-meeting-data';

export interface LedgerDocs {
  /** This meeting's problem and ledger documents, judged on the domain clock's today. */
  pd: ProblemDocs;
  /** Last year's meeting of the unit, prepared the same way, when there is one. */
  previous: ProblemDocs | undefined;
}

/** Loads and prepares the ledger documents of the meeting on screen. */
export async function loadLedgerDocs(repos: Repositories, data: MeetingData): Promise<LedgerDocs> {
  const input = await repos.ledgerDocsInput(data.meeting.id);
  const day = today();
  const p = input.previous;
  const previous = p
    ? prepareProblemDocs({
        docs: prepareMeetingDocs({ unit: p.unit ?? data.unit ?? { name: '未知单位', shortName: '' }, meeting: p.meeting, members: p.members, opinions: p.opinions }),
        consolidated: p.consolidated,
        problems: p.problems,
        entries: p.entries,
        laterEntries: p.laterEntries,
        progress: p.progress,
        today: day,
      })
    : undefined;
  const pd = prepareProblemDocs({
    docs: meetingDocs(data),
    consolidated: input.consolidated,
    problems: input.problems,
    entries: input.entries,
    laterEntries: input.laterEntries,
    progress: input.progress,
    previousProblems: p?.problems ?? [],
    today: day,
  });
  return { pd, previous };
}
