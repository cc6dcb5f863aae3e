// Schema v1 → v2: every v1 row survives unchanged, and every meeting gets the summary the shared
// code computes for it (the overview must not show an empty county after an upgrade).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { WorkbenchDb } from '../../../renderer/src/db/database';
import { LATEST_VERSION, SCHEMA_V1 } from '../../../renderer/src/db/schema-history';
import type { Audit } from '#shared/model/types';
import { computeMeetingSummary, overviewStatus } from '#shared/supervision/summary';
import { meetingFingerprint } from '#shared/supervision/fingerprint';
import { sampleContent } from '../../support/sample-content';

describe('schema v1 → v2', () => {
  it('keeps every row and computes a summary for every meeting', async () => {
    const name = `upgrade-v2-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const content = sampleContent({ units: 3, membersPerMeeting: 4 });
    const deletedOpinion = { ...content.opinions[0]!, deletedAt: '2025-11-02T08:00:00.000Z' };
    content.opinions[0] = deletedOpinion;
    const m0 = content.meetings[0]!;
    const audit: Audit = {
      id: '00000000-0000-4000-8000-00000000a001',
      meetingId: m0.id,
      at: '2025-11-03T08:00:00.000Z',
      auditor: '王组长',
      verdict: 'pass',
      reasons: '',
      ticked: [],
      overrideReason: '',
      snapshot: {
        ready: true,
        shortfalls: [],
        zeroTargets: [],
        counts: {},
        fingerprint: meetingFingerprint({
          meeting: m0,
          members: content.members.filter((m) => m.meetingId === m0.id),
          opinions: content.opinions.filter((o) => o.meetingId === m0.id),
        }),
        totalOpinions: 0,
      },
    };
    content.audits.push(audit);

    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    for (const table of ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'] as const) await v1.table(table).bulkAdd(content[table]);
    await v1.table('settings').put({ key: 'operatorName', value: '李干事' });
    v1.close();

    const db = new WorkbenchDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const table of ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'] as const) {
      expect(byId(await db.table(table).toArray()), table).toEqual(byId(content[table] as Array<{ id: string }>));
    }
    expect(await db.settings.get('operatorName')).toEqual({ key: 'operatorName', value: '李干事' });

    const summaries = await db.meetingSummaries.toArray();
    expect(summaries).toHaveLength(content.meetings.length);
    for (const meeting of content.meetings) {
      const expected = computeMeetingSummary({
        meeting,
        members: content.members.filter((m) => m.meetingId === meeting.id),
        opinions: content.opinions.filter((o) => o.meetingId === meeting.id),
        audits: content.audits.filter((a) => a.meetingId === meeting.id),
      });
      expect(await db.meetingSummaries.get(meeting.id)).toEqual(expected);
    }
    // The audited meeting shows its verdict; the last unit's meeting is one opinion short.
    expect(overviewStatus((await db.meetingSummaries.get(m0.id))!)).toEqual({ status: 'passed', stale: false });
    expect((await db.meetingSummaries.get(content.meetings[2]!.id))!).toMatchObject({ readiness: 'not-ready', shortfallCount: 1 });
    expect((await db.meetingSummaries.get(m0.id))!.totals.raw).toBe(content.opinions.filter((o) => o.meetingId === m0.id).length - 1);
    expect(await db.mergeBases.count()).toBe(0);
    expect(await db.copyFindings.count()).toBe(0);
    db.close();
  });
});
