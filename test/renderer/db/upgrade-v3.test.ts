// Schema v2 → v3: every v2 row survives unchanged (summaries, merge bases and copy findings too),
// and the tables of the second half of the practice exist, empty and writable.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { WorkbenchDb } from '../../../renderer/src/db/database';
import { LATEST_VERSION, SCHEMA_V2, SCHEMA_V3, storesAt } from '../../../renderer/src/db/schema-history';
import { recordValidator } from '#shared/model/record-kinds';
import { computeMeetingSummary } from '#shared/supervision/summary';
import { check } from '#shared/util/validation';
import { sampleContent } from '../../support/sample-content';

const NEW_TABLES = ['consolidatedOpinions', 'problems', 'ledgerEntries', 'progressEntries', 'talks', 'preparations', 'materials'] as const;

describe('schema v2 → v3', () => {
  it('keeps every v2 row and adds the follow-up tables empty', async () => {
    const name = `upgrade-v3-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const content = sampleContent({ units: 2, membersPerMeeting: 3 });
    const v2 = new Dexie(name);
    v2.version(2).stores(storesAt(2));
    await v2.open();
    for (const table of ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'] as const) await v2.table(table).bulkAdd(content[table]);
    const summaries = content.meetings.map((meeting) =>
      computeMeetingSummary({
        meeting,
        members: content.members.filter((m) => m.meetingId === meeting.id),
        opinions: content.opinions.filter((o) => o.meetingId === meeting.id),
        audits: [],
      }),
    );
    await v2.table('meetingSummaries').bulkAdd(summaries);
    await v2.table('mergeBases').add({ key: 'units', hashes: { 'units:x': 'abc' }, at: '2026-11-01T08:00:00.000Z' });
    await v2.table('settings').put({ key: 'operatorName', value: '李干事' });
    v2.close();

    const db = new WorkbenchDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(Object.keys(SCHEMA_V3).filter((t) => !(t in SCHEMA_V2)).sort()).toEqual([...NEW_TABLES].sort());
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const table of ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog'] as const) {
      expect(byId(await db.table(table).toArray()), table).toEqual(byId(content[table] as Array<{ id: string }>));
    }
    expect(await db.meetingSummaries.toArray()).toEqual(expect.arrayContaining(summaries));
    expect(await db.mergeBases.get('units')).toMatchObject({ hashes: { 'units:x': 'abc' } });
    expect(await db.settings.get('operatorName')).toEqual({ key: 'operatorName', value: '李干事' });
    for (const table of NEW_TABLES) expect(await db.table(table).count(), table).toBe(0);

    // The new tables take the records their registry validators accept, indexed by meeting.
    const meeting = content.meetings[0]!;
    const now = '2026-12-06T08:00:00.000Z';
    const consolidated = {
      id: '00000000-0000-4000-8000-00000000c001',
      meetingId: meeting.id,
      targetId: 'group',
      text: '调查研究不够深入',
      dimension: '',
      sourceIds: [content.opinions.find((o) => o.meetingId === meeting.id)!.id],
      mergedFrom: [],
      order: 0,
      createdAt: now,
      updatedAt: now,
    };
    expect(check(recordValidator('consolidatedOpinions')!, consolidated)).toMatchObject({ ok: true });
    await db.consolidatedOpinions.add(consolidated);
    expect(await db.consolidatedOpinions.where('[meetingId+targetId]').equals([meeting.id, 'group']).count()).toBe(1);
    db.close();
  });

  it('refuses a follow-up record its validator does not accept, in Chinese', () => {
    const bad = check(recordValidator('problems')!, { id: 'x' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error).toMatch(/[\u4e00-\u9fff]/);
  });
});
