// The cell pictures of opinions read from paper forms (schema v4): written by the import's commit
// in its one transaction, never without their opinions; following their opinion into the recycle
// bin and back; carried by packages (an optional list) into an empty workbench and through merges,
// where the opinion is part of a picture's identity.
import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { commitImport, type ImportRow } from '../../../renderer/src/db/repos/import-repo';
import { deleteMember } from '../../../renderer/src/db/repos/members-repo';
import { applyMerge, previewMerge } from '../../../renderer/src/db/repos/merge-repo';
import { getOpinionImage } from '../../../renderer/src/db/repos/opinion-images-repo';
import { deleteOpinions, listDeletedOpinions, listOpinions, restoreOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { exportContent, openIntoEmpty } from '../../../renderer/src/db/repos/package-repo';
import { settleSummaries } from '../../../renderer/src/db/repos/summaries-repo';
import { GROUP_TARGET } from '#shared/model/types';
import { decodePng } from '#shared/ocr/png';
import { buildPackage, readPackage, type PackageContent } from '#shared/package/format';
import { fromBase64, toBase64 } from '#shared/util/base64';
import { samplePng } from '../../support/opinion-image-sample';
import { ACTOR, freshDb, seedMeeting } from './test-db';

const META = { appVersion: '0.3.0', exportedAt: '2026-12-06T00:00:00.000Z' };

/** Rows as the paper-form preview hands them to the commit: each with its page, cell and the cell's picture. */
function paperRows(targets: readonly string[], texts: readonly string[], page = 1): ImportRow[] {
  return texts.map((content, i) => ({
    file: '意见表.png',
    sheet: `第${page}页·第2栏`,
    row: i + 3,
    draft: { targetId: targets[i % targets.length]!, category: '基层群众', channel: '书面征求', content, provider: '县交通运输局' },
    scan: { page, column: 2, image: { png: samplePng(100 + i, 30, 1 + (i % 3)), width: 100 + i, height: 30, box: { x: 300, y: 500 + 120 * i, width: 900, height: 110 } } },
  }));
}

const TEXTS = ['理论学习的系统性不够，学用结合不紧', '深入基层调研不够，解决实际问题办法不多', '对重点项目的督促检查需要加强', '听取基层意见的渠道还不够多'];

async function tables(db: WorkbenchDb) {
  await settleSummaries(db);
  return { opinions: await db.opinions.toArray(), opinionImages: await db.opinionImages.toArray(), changeLog: await db.changeLog.toArray(), meetingSummaries: await db.meetingSummaries.toArray() };
}

async function seededWithPaper() {
  const db = freshDb();
  const seeded = await seedMeeting(db);
  const targets = [GROUP_TARGET, ...seeded.members.map((m) => m.id)];
  const rows = paperRows(targets, TEXTS);
  const outcome = await commitImport(db, seeded.meeting.id, '意见表.png', rows, { actor: ACTOR });
  return { db, ...seeded, targets, rows, outcome };
}

describe('cell pictures of paper-form opinions', () => {
  it('are written with their opinions by the import, one per opinion, with file, page, row, column and box', async () => {
    const { db, meeting, rows, outcome } = await seededWithPaper();
    expect(outcome).toMatchObject({ added: 4, skipped: 0 });
    const images = await db.opinionImages.toArray();
    expect(images).toHaveLength(4);
    for (const [i, id] of outcome.ids.entries()) {
      const image = (await getOpinionImage(db, id))!;
      const row = rows[i]!;
      expect(image).toMatchObject({ meetingId: meeting.id, opinionId: id, file: '意见表.png', page: 1, row: row.row, column: 2, box: row.scan!.image.box, width: row.scan!.image.width, height: 30 });
      expect(fromBase64(image.png)).toEqual(row.scan!.image.png);
      const decoded = decodePng(fromBase64(image.png)!);
      expect(decoded.ok && [decoded.image.width, decoded.image.height]).toEqual([row.scan!.image.width, 30]);
    }
    // A spreadsheet's rows have no picture: none is written.
    const [plain] = paperRows([GROUP_TARGET], ['窗口服务态度有待改进']).map(({ scan: _none, ...r }) => r);
    const more = await commitImport(db, meeting.id, '汇总.xlsx', [plain!], { actor: ACTOR });
    expect(more.added).toBe(1);
    expect(await getOpinionImage(db, more.ids[0]!)).toBeUndefined();
    expect(await db.opinionImages.count()).toBe(4);
  });

  it('writes neither opinion nor picture for a row that became a repeat after the preview', async () => {
    const { db, meeting, targets } = await seededWithPaper();
    const again = paperRows(targets, [TEXTS[0]!, '公务接待标准执行不够严格'], 2);
    const outcome = await commitImport(db, meeting.id, '意见表2.png', again, { actor: ACTOR });
    expect(outcome).toMatchObject({ added: 1, skipped: 1 });
    expect(await db.opinionImages.count()).toBe(5);
    expect((await getOpinionImage(db, outcome.ids[0]!))!.page).toBe(2);
  });

  it('writes nothing, no opinion and no picture, when the batch is refused', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    await commitImport(db, meeting.id, '意见表.png', paperRows([GROUP_TARGET, members[0]!.id], TEXTS.slice(0, 2)), { actor: ACTOR });
    const rows = paperRows([GROUP_TARGET, members[2]!.id], ['会议文件偏多偏长', '调研成果转化不够'], 2);
    // The roster changes between the preview and the commit: 王五's row no longer validates.
    await deleteMember(db, members[2]!.id, ACTOR);
    const before = await tables(db);
    expect(before.opinionImages).toHaveLength(2);
    await expect(commitImport(db, meeting.id, '意见表2.png', rows, { actor: ACTOR })).rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining('未写入任何内容') });
    expect(await tables(db)).toEqual(before);
  });

  it('leaves the database as it was when writing the pictures fails: one transaction with the opinions', async () => {
    const db = freshDb();
    const { meeting, members } = await seedMeeting(db);
    const before = await tables(db);
    const spy = vi.spyOn(db.opinionImages, 'bulkAdd').mockImplementation((() => {
      throw new Error('模拟的磁盘故障');
    }) as never);
    await expect(commitImport(db, meeting.id, '意见表.png', paperRows([GROUP_TARGET, members[0]!.id], TEXTS), { actor: ACTOR })).rejects.toThrow('模拟的磁盘故障');
    spy.mockRestore();
    expect(await tables(db)).toEqual(before);
  });

  it('follow their opinion into the recycle bin and back (撤销本次导入, then 恢复)', async () => {
    const { db, meeting, outcome } = await seededWithPaper();
    await deleteOpinions(db, outcome.ids, ACTOR);
    expect(await listOpinions(db, meeting.id)).toEqual([]);
    const binned = await listDeletedOpinions(db, meeting.id);
    expect(binned).toHaveLength(4);
    for (const o of binned) expect((await getOpinionImage(db, o.id))?.opinionId).toBe(o.id);
    await restoreOpinions(db, outcome.ids, ACTOR);
    for (const id of outcome.ids) expect((await getOpinionImage(db, id))?.opinionId).toBe(id);
    expect(await db.opinionImages.count()).toBe(4);
  });
});

describe('cell pictures in packages', () => {
  it('travel in the package and open into an empty workbench exactly as they were', async () => {
    const { db } = await seededWithPaper();
    const exported = await exportContent(db);
    expect(exported.opinionImages).toHaveLength(4);
    const bytes = buildPackage(exported, META);
    const read = readPackage(bytes);
    if (!read.ok) throw new Error(read.error);
    const other = freshDb();
    await openIntoEmpty(other, read.package.content, { file: '交通局.mzsh.json', actor: ACTOR });
    const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await other.opinionImages.toArray())).toEqual(byId(exported.opinionImages));
    for (const id of exported.opinionImages.map((i) => i.opinionId)) expect(await getOpinionImage(other, id)).toBeDefined();
  });

  it('leave a package without pictures as it was before pictures: no opinionImages list in the file', async () => {
    const db = freshDb();
    await seedMeeting(db);
    const json = JSON.parse(new TextDecoder().decode(buildPackage(await exportContent(db), META))) as { content: Record<string, unknown> };
    expect(Object.keys(json.content)).not.toContain('opinionImages');
    const read = readPackage(buildPackage(await exportContent(db), META));
    expect(read.ok && read.package.content.opinionImages).toEqual([]);
  });

  it('merge by id: new pictures are added with their opinions, the same package again changes nothing', async () => {
    const { db: a, meeting, targets } = await seededWithPaper();
    const b = freshDb();
    await openIntoEmpty(b, (await exportContent(a)), { file: '第一次.mzsh.json', actor: ACTOR });
    await commitImport(a, meeting.id, '意见表2.png', paperRows(targets, ['文风会风还需改进', '基层减负落实不够到位'], 2), { actor: ACTOR });
    const second = await exportContent(a);
    const plan = await previewMerge(b, second);
    expect(plan.counts.opinionImages).toMatchObject({ add: 2, same: 4, conflict: 0 });
    expect(plan.counts.opinions).toMatchObject({ add: 2 });
    await applyMerge(b, plan, new Map(), { actor: ACTOR, fileName: '第二次.mzsh.json' });
    expect(await b.opinionImages.count()).toBe(6);
    const again = await previewMerge(b, second);
    expect(again.counts.opinionImages).toMatchObject({ add: 0, update: 0, same: 6 });
  });

  it('refuse a package whose picture claims a local picture\'s id under another opinion, writing nothing', async () => {
    const { db, outcome } = await seededWithPaper();
    const forged: PackageContent = structuredClone(await exportContent(db));
    const image = forged.opinionImages.find((i) => i.opinionId === outcome.ids[0])!;
    image.opinionId = outcome.ids[1]!;
    image.png = toBase64(samplePng(60, 20, 5));
    const read = readPackage(buildPackage(forged, META));
    if (!read.ok) throw new Error(read.error);
    const before = await tables(db);
    await expect(previewMerge(db, read.package.content)).rejects.toMatchObject({ name: 'UserError', details: expect.arrayContaining([expect.stringContaining('在本机属于另一个意见')]) });
    expect(await tables(db)).toEqual(before);
  });

});
