// A storage failure in the middle of a batch write leaves the batch fully absent and the user a
// Chinese message. The faults are injected below Dexie's tables (test/support/storage-faults.ts);
// import and merge tests use the same helper for their own batches.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { snapshotTables } from '../../../renderer/src/db/repos/backup-repo';
import { addMembers } from '../../../renderer/src/db/repos/members-repo';
import { addOpinions, deleteOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { describeError } from '../../../renderer/src/lib/errors';
import { GROUP_TARGET } from '#shared/model/types';
import { injectStorageFaults, quotaExceeded } from '../../support/storage-faults';
import Dexie from 'dexie';
import { ACTOR, freshDb, seedMeeting } from './test-db';

const paste = { actor: ACTOR, origin: { kind: 'pasted' as const } };
const drafts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ targetId: GROUP_TARGET, category: '基层群众', channel: '座谈会', content: `第${i + 1}条：窗口服务效率有待提高` }));

const faults = [
  ['a QuotaExceededError', quotaExceeded, '磁盘空间不足，保存失败，数据未改动。请清理磁盘后重试。'],
  ['an AbortError wrapping a quota error', () => new Dexie.AbortError('Transaction aborted', quotaExceeded()), '磁盘空间不足，保存失败，数据未改动。请清理磁盘后重试。'],
  ['an UnknownError', () => new DOMException('Internal error', 'UnknownError'), '存储出错，数据未改动。请重启应用后重试。'],
] as const;

describe('storage failures during a batch write', () => {
  it.each(faults)('a pasted batch of 2,000 is fully absent after %s in its change log write', async (_label, error, message) => {
    const db = freshDb();
    const switches = injectStorageFaults(db);
    const { meeting } = await seedMeeting(db);
    await addOpinions(db, meeting.id, drafts(3), paste);
    const before = await snapshotTables(db);

    // The opinions are written first and succeed; the change log after them fails.
    switches.arm({ table: 'changeLog', error });
    const failure = await addOpinions(db, meeting.id, drafts(2000), paste).catch((e: unknown) => e);
    switches.disarm();
    expect(switches.writes).toEqual(['changeLog:add']);
    expect(describeError(failure)).toBe(message);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('a roster batch is fully absent after a quota error', async () => {
    const db = freshDb();
    const switches = injectStorageFaults(db);
    const { meeting } = await seedMeeting(db);
    const before = await snapshotTables(db);
    switches.arm({ table: 'changeLog', error: quotaExceeded });
    const failure = await addMembers(db, meeting.id, [{ name: '赵六', position: '副局长' }, { name: '钱七', position: '纪检组长' }], ACTOR).catch((e: unknown) => e);
    switches.disarm();
    expect(describeError(failure)).toBe('磁盘空间不足，保存失败，数据未改动。请清理磁盘后重试。');
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('a delete to the recycle bin is fully undone by a failure', async () => {
    const db = freshDb();
    const switches = injectStorageFaults(db);
    const { meeting } = await seedMeeting(db);
    const added = await addOpinions(db, meeting.id, drafts(50), paste);
    const before = await snapshotTables(db);
    switches.arm({ table: 'changeLog', error: quotaExceeded });
    await expect(deleteOpinions(db, added.map((o) => o.id), ACTOR)).rejects.toBeTruthy();
    switches.disarm();
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('the fault helper does fail what it is armed for (so the tests above can fail)', async () => {
    const db = freshDb();
    const switches = injectStorageFaults(db);
    const { meeting } = await seedMeeting(db);
    switches.arm({ table: 'opinions', error: quotaExceeded });
    await expect(addOpinions(db, meeting.id, drafts(1), paste)).rejects.toBeTruthy();
    switches.disarm();
    await expect(addOpinions(db, meeting.id, drafts(1), paste)).resolves.toHaveLength(1);
  });
});
