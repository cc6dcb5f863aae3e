// The exchange package at the database: export → bytes → a fresh database → open gives every
// record back with every field equal; opening into a workbench that holds data is refused and
// changes nothing; a failure half way writes nothing.
import { describe, expect, it } from 'vitest';
import { exportContent, openIntoEmpty } from '../../../renderer/src/db/repos/package-repo';
import { addOpinions, deleteOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { createUnit, deleteUnit } from '../../../renderer/src/db/repos/units-repo';
import { computeReadiness } from '#shared/checks/readiness';
import { GROUP_TARGET, type Audit } from '#shared/model/types';
import { buildPackage, PACKAGE_TABLES, readPackage, sortContent, type PackageContent } from '#shared/package/format';
import { newId } from '#shared/util/ids';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { ACTOR, freshDb, seedMeeting } from './test-db';

const META = { appVersion: '0.1.0', exportedAt: '2026-11-21T00:00:00.000Z' };

/** Two units with meetings, members, opinions of every origin, a deleted opinion and an audit. */
async function seeded(): Promise<WorkbenchDb> {
  const db = freshDb();
  const { meeting, members } = await seedMeeting(db);
  await addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '上级领导', channel: '座谈会', content: '班子抓落实的力度不够', provider: '某某乡党委', dimension: '带头增强党性' }], {
    actor: ACTOR,
    origin: { kind: 'typed' },
  });
  const pasted = await addOpinions(
    db,
    meeting.id,
    [
      { targetId: members[1]!.id, category: '基层群众', channel: '走访', content: '=1+1 下基层次数偏少', provider: '' },
      { targetId: members[1]!.id, category: '基层群众', channel: '走访', content: '对群众来信答复不及时', provider: '群众甲' },
    ],
    { actor: ACTOR, origin: { kind: 'imported', file: '意见.xlsx', sheet: 'Sheet1', row: 7 } },
  );
  await deleteOpinions(db, [pasted[0]!.id], ACTOR);
  const readiness = computeReadiness({ members, opinions: await db.opinions.toArray() }, meeting.ruleSet);
  const audit: Audit = {
    id: newId(),
    meetingId: meeting.id,
    at: '2026-01-10T02:00:00.000Z',
    auditor: '第一督导组',
    verdict: 'return',
    reasons: '意见来源不全',
    ticked: readiness.messages.slice(0, 2),
    overrideReason: '',
    snapshot: { ready: false, shortfalls: readiness.messages, zeroTargets: [], counts: { [GROUP_TARGET]: { 上级领导: 1 } }, fingerprint: 'abc', totalOpinions: 3 },
  };
  await db.audits.add(audit); // no audit repository yet: seeded directly, as a merged package would carry it
  const other = await createUnit(db, { name: '某某县教育局', shortName: '教育局', supervisoryGroup: '第二督导组' }, ACTOR);
  const gone = await createUnit(db, { name: '已撤销的单位' }, ACTOR);
  await deleteUnit(db, gone.id, ACTOR);
  void other;
  return db;
}

function expectSameRecords(a: PackageContent, b: PackageContent, except: readonly string[] = []) {
  const sa = sortContent(a);
  const sb = sortContent(b);
  for (const table of PACKAGE_TABLES) if (!except.includes(table)) expect(sb[table], table).toEqual(sa[table]);
}

describe('package repository', () => {
  it('exports every record, deleted ones included', async () => {
    const db = await seeded();
    const content = await exportContent(db);
    expect(content.units.map((u) => u.name).sort()).toEqual(['已撤销的单位', '某某县教育局', '某某县财政局'].sort());
    expect(content.opinions.filter((o) => o.deletedAt)).toHaveLength(1);
    expect(content.audits).toHaveLength(1);
    expect(content.changeLog.length).toBeGreaterThan(5);
  });

  it('round-trips through the file into a fresh database with every field equal', async () => {
    const source = await seeded();
    const exported = await exportContent(source);
    const read = readPackage(buildPackage(exported, META));
    if (!read.ok) throw new Error(read.error);
    const target = freshDb();
    const summary = await openIntoEmpty(target, read.package.content, { file: '财政局.mzsh.json', actor: '接收人' });
    expect(summary).toEqual({ units: 3, meetings: 1, members: 3, opinions: 3, audits: 1 });
    const reopened = await exportContent(target);
    expectSameRecords(exported, reopened, ['changeLog']);
    // The log keeps every line it had, and says the data was opened from the package.
    const before = new Set(exported.changeLog.map((c) => JSON.stringify(c)));
    const added = reopened.changeLog.filter((c) => !before.has(JSON.stringify(c)));
    expect(reopened.changeLog.length).toBe(exported.changeLog.length + added.length);
    expect(added.map((c) => [c.entity, c.action, c.actor])).toEqual(expect.arrayContaining([['meeting', 'import', '接收人']]));
    expect(added.find((c) => c.entity === 'meeting')!.summary).toBe('从数据包“财政局.mzsh.json”打开会议“2025年度民主生活会”（3 名成员，3 条意见）');
    expect(added.filter((c) => c.entity === 'unit')).toHaveLength(3);
    // Exporting again gives the same package content (apart from the log).
    const again = readPackage(buildPackage(await exportContent(target), META));
    expect(again.ok && again.package.content.opinions).toEqual(read.package.content.opinions);
  });

  it('exports only the chosen units', async () => {
    const db = await seeded();
    const all = await exportContent(db);
    const finance = all.units.find((u) => u.name === '某某县财政局')!;
    const chosen = await exportContent(db, [finance.id]);
    expect(chosen.units.map((u) => u.name)).toEqual(['某某县财政局']);
    expect(chosen.meetings).toHaveLength(1);
    expect(chosen.opinions).toHaveLength(3);
    expect(readPackage(buildPackage(chosen, META)).ok).toBe(true);
  });

  it('refuses to open into a workbench that holds data, and changes nothing', async () => {
    const db = await seeded();
    const before = await exportContent(db);
    const other = await exportContent(await seeded());
    await expect(openIntoEmpty(db, other, { file: 'x.mzsh.json', actor: ACTOR })).rejects.toThrow('本机已有 2 个单位的数据。数据包不能直接打开到已有数据的工作台，可以合并');
    expectSameRecords(before, await exportContent(db));

    const onlyDeleted = freshDb();
    const u = await createUnit(onlyDeleted, { name: '甲' }, ACTOR);
    await deleteUnit(onlyDeleted, u.id, ACTOR);
    await expect(openIntoEmpty(onlyDeleted, other, { file: 'x.mzsh.json', actor: ACTOR })).rejects.toThrow('本机已有数据（回收站中有已删除的单位）');
  });

  it('writes nothing when a write fails half way', async () => {
    const content = await exportContent(await seeded());
    // Two opinions with one id: the second bulk write fails after units, meetings and members went in.
    const broken = { ...content, opinions: [...content.opinions, content.opinions[0]!] };
    const db = freshDb();
    await expect(openIntoEmpty(db, broken, { file: 'x.mzsh.json', actor: ACTOR })).rejects.toThrow();
    for (const table of PACKAGE_TABLES) expect(await db[table].count(), table).toBe(0);
  });
});
