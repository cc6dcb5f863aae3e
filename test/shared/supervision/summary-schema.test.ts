// The stored summary's type is written out in shared/supervision/summary.ts (where it is computed)
// and its check in summary-schema.ts: the compiler holds the two together, field for field.
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { MeetingSummary } from '#shared/supervision/summary';
import type { meetingSummarySchema } from '#shared/supervision/summary-schema';

describe('the stored-summary check', () => {
  it('checks exactly the fields of a meeting summary (add a field to both, or typecheck fails)', () => {
    expectTypeOf<z.infer<typeof meetingSummarySchema>>().toEqualTypeOf<MeetingSummary>();
  });
});
