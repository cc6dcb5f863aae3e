import 'fake-indexeddb/auto';
import { WorkbenchDb } from '../../../renderer/src/db/database';
import { createMeeting } from '../../../renderer/src/db/repos/meetings-repo';
import { addMembers } from '../../../renderer/src/db/repos/members-repo';
import { createUnit } from '../../../renderer/src/db/repos/units-repo';
import { defaultRuleSet } from '#shared/model/rule-set';
import type { ProblemDraft } from '../../../renderer/src/db/repos/problems-repo';
import type { Meeting } from '#shared/model/types';
import { previousMeeting } from '#shared/supervision/pre-meeting-review';
import type { Table } from 'dexie';
import { flushSummaries } from '../../../renderer/src/db/repos/summaries-repo';
import type { MeetingSummary } from '#shared/supervision/summary';

let n = 0;

/** A fresh, empty database with its own name. */
export function freshDb(): WorkbenchDb {
  return new WorkbenchDb(`test-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`);
}

export const ACTOR = '测试员';

/** A unit, a 2025 meeting and three members 张三, 李四, 王五. */
export async function seedMeeting(db: WorkbenchDb) {
  const unit = await createUnit(db, { name: '某某县财政局', supervisoryGroup: '第一督导组' }, ACTOR);
  const meeting = await createMeeting(db, unit.id, { year: 2025, title: '2025年度民主生活会', ruleSet: defaultRuleSet(), dimensions: ['带头增强党性'] }, ACTOR);
  const members = await addMembers(
    db,
    meeting.id,
    [
      { name: '张三', position: '局长' },
      { name: '李四', position: '副局长' },
      { name: '王五', position: '副局长' },
    ],
    ACTOR,
  );
  return { unit, meeting, members };
}

/** What the stored summary reads besides the meeting's roster, opinions and audits: its follow-up records and last year's ledger. */
export async function summaryExtras(db: WorkbenchDb, meeting: Meeting) {
  const of = <T>(table: Table<T, string>) => table.where('meetingId').equals(meeting.id).toArray();
  const followUp = {
    consolidated: await of(db.consolidatedOpinions),
    problems: await of(db.problems),
    ledgerEntries: await of(db.ledgerEntries),
    progressEntries: await of(db.progressEntries),
    talks: await of(db.talks),
    preparations: await of(db.preparations),
    materials: await of(db.materials),
  };
  const previous = previousMeeting(await db.meetings.toArray(), meeting);
  const previousLedger = previous ? await db.ledgerEntries.where('meetingId').equals(previous.id).toArray() : undefined;
  return { followUp, previousLedger };
}

/** A meeting's stored summary once its deferred parts (left pending by a write) are computed: what the write path stores a moment after a write. */
export async function storedSummary(db: WorkbenchDb, meetingId: string): Promise<MeetingSummary | undefined> {
  await flushSummaries(db, [meetingId]);
  return db.meetingSummaries.get(meetingId);
}

/** A summary without the parts a write may leave pending (雷同 and 近似重复 counts, fingerprints, 会前准备 state) and without the mark. */
export function withoutDeferred(s: MeetingSummary) {
  const { fingerprint: _f, preMeetingFingerprint: _pf, preparation: _p, pending: _pending, warnings, ...rest } = s;
  const { 'cross-target': _ct, 'same-target': _st, ...current } = warnings;
  return { ...rest, warnings: current };
}

/** A problem item for the group with every one of the 五个明确 filled (override what a test needs). */
export function problemDraft(fields: Partial<ProblemDraft> = {}): ProblemDraft {
  return {
    targetId: 'group',
    description: '深入基层调研不够，全年到联系点调研仅2次',
    dimension: '',
    sources: ['征求意见'],
    consolidatedIds: [],
    causes: '',
    measures: '制定调研计划，每季度到联系点不少于1次',
    standard: '全年调研不少于4次',
    leader: '张三',
    responsible: '办公室',
    deadline: '2026-06-30',
    longTerm: false,
    published: true,
    note: '',
    ...fields,
  };
}
