// The shape of a stored meeting summary, checked where one is read back: a summary row is derived
// data, and a damaged or forged one must not take the overview down.
import { arr, bool, int, literal, nullable, obj, optional, str, type Validator } from '../util/schema';
import type { ChecklistKey, ChecklistStatus } from './pre-meeting';
import type { MeetingSummary } from './summary';

const count = () => int({ min: 0, max: 1e9 });

export const meetingSummarySchema = obj({
  meetingId: str({ max: 100 }),
  unitId: str({ max: 100 }),
  year: int({ min: 0, max: 10_000 }),
  title: str({ max: 1000 }),
  deleted: bool(),
  readiness: literal('ready', 'not-ready', 'zero'),
  shortfallCount: count(),
  zeroTargets: arr(str({ max: 1000 }), { max: 10_000 }),
  memberCount: count(),
  targetCount: count(),
  totals: obj({ raw: count(), counted: count(), nonSubstantive: count(), duplicates: count() }),
  warnings: obj({ 'cross-target': count(), 'same-target': count(), 'cross-unit': count(), 'praise-only': count(), 'too-short': count() }),
  fingerprint: str({ max: 200 }),
  lastAudit: nullable(obj({ id: str({ max: 100 }), verdict: literal('pass', 'return'), at: str({ max: 40 }), auditor: str({ max: 1000 }), fingerprint: str({ max: 200 }) })),
  auditCount: count(),
  coverage: optional(obj({ answered: count(), total: count(), percent: int({ min: 0, max: 100 }) })),
  rectification: optional(obj({ items: count(), closed: count(), openDeadlines: arr(str({ max: 10 }), { max: 1_000_000 }) })),
  preparation: optional(
    obj({
      items: obj(Object.fromEntries(['plan', 'study', 'opinions', 'talks', 'materials', 'rectification'].map((k) => [k, literal('done', 'not-done', 'unknown')])) as Record<ChecklistKey, Validator<ChecklistStatus>>),
      talksDone: count(),
      talksRequired: count(),
      materialsExpected: count(),
      materialsSubmitted: count(),
      materialsWarned: count(),
    }),
  ),
  pending: optional(literal(true)),
}) satisfies Validator<MeetingSummary>;
