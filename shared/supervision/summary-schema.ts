// The shape of a stored meeting summary, checked where one is read back: a summary row is derived
// data, and a damaged or forged one must not take the overview down.
// The type stays written out in summary.ts; test/shared/summary-coverage.test.ts pins it to this schema.
import type { z } from 'zod';
import { arr, bool, int, literal, obj, str } from '../util/validation';
import type { MeetingSummary } from './summary';

const count = () => int({ min: 0, max: 1e9 });
const status = () => literal('done', 'not-done', 'unknown');

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
  lastAudit: obj({ id: str({ max: 100 }), verdict: literal('pass', 'return'), at: str({ max: 40 }), auditor: str({ max: 1000 }), fingerprint: str({ max: 200 }) }).nullable(),
  auditCount: count(),
  coverage: obj({ answered: count(), total: count(), percent: int({ min: 0, max: 100 }) }).optional(),
  rectification: obj({ items: count(), closed: count(), carried: count().optional(), openDeadlines: arr(str({ max: 10 }), { max: 1_000_000 }) }).optional(),
  preparation: obj({
    items: obj({ plan: status(), study: status(), opinions: status(), talks: status(), materials: status(), rectification: status() }),
    talksDone: count(),
    talksRequired: count(),
    materialsExpected: count(),
    materialsSubmitted: count(),
    materialsWarned: count(),
  }).optional(),
  preMeetingFingerprint: str({ max: 200 }).optional(),
  pending: literal(true).optional(),
}) satisfies z.ZodType<MeetingSummary>;
