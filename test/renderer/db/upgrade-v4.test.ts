// Schema v3 → v4: every v3 row survives unchanged (the follow-up records too), and the table of the
// opinions' cell pictures exists, empty, writable and indexed by opinion.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { WorkbenchDb } from '../../../renderer/src/db/database';
import { getOpinionImage } from '../../../renderer/src/db/repos/opinion-images-repo';
import { LATEST_VERSION, SCHEMA_V3, SCHEMA_V4, storesAt } from '../../../renderer/src/db/schema-history';
import { recordValidator } from '#shared/model/record-kinds';
import { check } from '#shared/util/validation';
import { withFollowUp } from '../../support/follow-up-sample';
import { sampleOpinionImage } from '../../support/opinion-image-sample';
import { fakeUuid, sampleContent } from '../../support/sample-content';

const V3_TABLES = ['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog', 'consolidatedOpinions', 'problems', 'ledgerEntries', 'progressEntries', 'talks', 'preparations', 'materials'] as const;

describe('schema v3 → v4', () => {
  it('keeps every v3 row and adds the opinions\' cell pictures, empty', async () => {
    const name = `upgrade-v4-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const content = withFollowUp(sampleContent({ units: 2, membersPerMeeting: 3 }));
    const v3 = new Dexie(name);
    v3.version(3).stores(storesAt(3));
    await v3.open();
    for (const table of V3_TABLES) await v3.table(table).bulkAdd(content[table]);
    await v3.table('settings').put({ key: 'operatorName', value: '李干事' });
    v3.close();

    const db = new WorkbenchDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(Object.keys(SCHEMA_V4).filter((t) => !(t in SCHEMA_V3))).toEqual(['opinionImages']);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const table of V3_TABLES) expect(byId(await db.table(table).toArray()), table).toEqual(byId(content[table] as Array<{ id: string }>));
    expect(await db.settings.get('operatorName')).toEqual({ key: 'operatorName', value: '李干事' });
    expect(await db.opinionImages.count()).toBe(0);

    // The new table takes what its registry validator accepts, found by the opinion it belongs to.
    const opinion = content.opinions[0]!;
    const image = sampleOpinionImage(opinion, fakeUuid(99_001));
    expect(check(recordValidator('opinionImages')!, image)).toMatchObject({ ok: true });
    await db.opinionImages.add(image);
    expect(await getOpinionImage(db, opinion.id)).toEqual(image);
    expect(await getOpinionImage(db, content.opinions[1]!.id)).toBeUndefined();
    db.close();
  });

  it('refuses a picture that is not a PNG, in Chinese', () => {
    const image = { ...sampleOpinionImage({ id: fakeUuid(1), meetingId: fakeUuid(2) }, fakeUuid(3)), png: 'R0lGODlhAQABAAAAACw=' };
    const bad = check(recordValidator('opinionImages')!, image);
    expect(bad.ok ? '' : bad.error).toContain('原件图像不是 PNG 图像的 base64 文本');
  });
});
