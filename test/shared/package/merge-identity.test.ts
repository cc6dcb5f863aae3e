// A record's parents are part of its identity: a package that reuses the id of a local record
// under another unit, meeting or kind is refused whole, never applied — including the fuzzed
// packages at the end, which reuse local ids at random across units and kinds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACKAGE_TABLES, type PackageContent } from '#shared/package/format';
import { baseKey, mergeWrites, planMerge, recordHash, type LocalSide, type MergeTable, type Resolution } from '#shared/package/merge';
import { memoryLocalSide } from '#shared/package/merge-packages';
import { withFollowUp } from '../../support/follow-up-sample';
import { sampleContent } from '../../support/sample-content';
import { withOpinionImages } from '../../support/opinion-image-sample';

type AnyRecord = PackageContent[MergeTable][number];

/** The local side of a merge over data held in memory (the command line's), every record's merge base its current version. */
function localOf(content: PackageContent, withBases = true): LocalSide {
  const local = memoryLocalSide(content);
  return { ...local, base: (key) => (withBases ? hashOf(local, key) : undefined) };
}

/** The hash of the record a base key names, if it is held. */
function hashOf(local: LocalSide, key: string): string | undefined {
  const table = key.slice(0, key.indexOf(':')) as MergeTable;
  const record = local.get(table, key.slice(table.length + 1));
  return record ? recordHash(record) : undefined;
}

const clone = <T,>(x: T): T => structuredClone(x);

describe('a package that reuses local ids under other parents', () => {
  const local = sampleContent({ units: 1, firstId: 1 });
  const foreign = () => sampleContent({ units: 1, firstId: 5000 });

  it('refuses a meeting that would move to another unit, naming it, and writes nothing', () => {
    const pkg = foreign();
    // The attack of the report: the foreign meeting takes the id of the local one, keeps its own unit.
    const localMeeting = local.meetings[0]!;
    const theirs = pkg.meetings[0]!;
    for (const t of ['members', 'opinions'] as const) for (const r of pkg[t]) if (r.meetingId === theirs.id) r.meetingId = localMeeting.id;
    theirs.id = localMeeting.id;
    theirs.title = '改名后的会议';
    const plan = planMerge(pkg, localOf(local));
    expect(plan.refusal).toMatch(/^数据包被拒绝，未写入任何内容：/);
    expect(plan.refusal).toContain(`数据包中的会议“改名后的会议”（编号 ${localMeeting.id}）在本机属于另一个单位`);
    expect(mergeWrites(plan, new Map())).toEqual({ ok: false, problem: plan.refusal });
    expect(plan.actions.size).toBe(0);
  });

  it('refuses a member or an opinion that would move to another meeting', () => {
    const pkg = foreign();
    pkg.members[0]!.id = local.members[0]!.id;
    pkg.opinions[0]!.id = local.opinions[0]!.id;
    const plan = planMerge(pkg, localOf(local));
    expect(plan.refusal).toContain(`（编号 ${local.members[0]!.id}）在本机属于另一个会议`);
    expect(plan.refusal).toContain(`（编号 ${local.opinions[0]!.id}）在本机属于另一个会议`);
  });

  it('refuses a record that takes the id of a local record of another kind', () => {
    const pkg = foreign();
    pkg.opinions[0]!.id = local.members[1]!.id;
    const plan = planMerge(pkg, localOf(local));
    expect(plan.refusal).toContain(`（编号 ${local.members[1]!.id}）在本机是一条班子成员记录`);
  });

  it('still updates a record that keeps its parents, and lists every changed field before → after', () => {
    const pkg = clone(local);
    pkg.opinions[0]!.content = '新的意见内容';
    pkg.opinions[0]!.updatedAt = '2025-11-05T08:00:00.000Z';
    pkg.members[0]!.position = '党组书记、局长';
    const plan = planMerge(pkg, localOf(local));
    expect(plan.refusal).toBeUndefined();
    expect(plan.counts.opinions.update).toBe(1);
    expect(plan.updates).toEqual(
      expect.arrayContaining([
        {
          table: 'opinions',
          id: pkg.opinions[0]!.id,
          label: expect.stringContaining('意见“'),
          changes: [
            { key: 'content', field: '内容', before: local.opinions[0]!.content, after: '新的意见内容' },
            { key: 'updatedAt', field: '修改时间', before: local.opinions[0]!.updatedAt, after: '2025-11-05T08:00:00.000Z' },
          ],
        },
        { table: 'members', id: pkg.members[0]!.id, label: `班子成员${local.members[0]!.name}`, changes: [{ key: 'position', field: '职务', before: local.members[0]!.position, after: '党组书记、局长' }] },
      ]),
    );
  });
});

/** The fields naming a record's parents (a unit, meeting, target, problem, ledger entry). */
const PARENTS = ['unitId', 'meetingId', 'targetId', 'problemId', 'entryId', 'opinionId'] as const;
/** The text field the fuzz edits in each kind (`name` where not listed). */
const EDITED_FIELD: Partial<Record<MergeTable, string>> = {
  opinions: 'content',
  meetings: 'title',
  consolidatedOpinions: 'text',
  problems: 'description',
  ledgerEntries: 'accountNumber',
  progressEntries: 'text',
  talks: 'note',
  preparations: 'planSubmittedOn',
  materials: 'title',
  opinionImages: 'file',
};

describe('merge fuzz: random packages reusing local ids across units and kinds', () => {
  it('never changes the unit, meeting or kind of any record', () => {
    // With every follow-up kind (梳理, 查摆问题, 整改台账, 进展, 谈心谈话, 会前准备, 材料): their parents are identity too.
    const local = withOpinionImages(withFollowUp(sampleContent({ units: 3, membersPerMeeting: 2, perCell: 1, firstId: 1 })));
    const localRecords: Array<{ table: MergeTable; record: AnyRecord }> = PACKAGE_TABLES.flatMap((table) => (local[table] as AnyRecord[]).map((record) => ({ table, record })));
    const ofTable = (table: MergeTable) => localRecords.filter((x) => x.table === table);
    const tables = PACKAGE_TABLES.filter((t) => t !== 'changeLog' && t !== 'audits');
    let refused = 0;
    let applied = 0;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        // update: a local record carried with an edit (legitimate) · move: a package record takes a local id of the same kind · kind: …of another kind
        fc.array(fc.tuple(fc.constantFrom('update', 'update', 'update', 'move', 'kind'), fc.constantFrom(...tables), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        (foreignPackage, withBases, reuses) => {
          const pkg = foreignPackage ? withOpinionImages(withFollowUp(sampleContent({ units: 2, membersPerMeeting: 2, perCell: 1, firstId: 10_000 }), 20_000), 2, 30_000) : clone(local);
          for (const [mode, table, pick, source] of reuses) {
            const rows = pkg[table] as unknown as Array<Record<string, unknown>>;
            if (mode === 'update') {
              const mine = ofTable(table);
              const copy = clone(mine[source % mine.length]!.record) as unknown as Record<string, unknown>;
              const field = EDITED_FIELD[table] ?? 'name';
              copy[field] = `改写${pick}`;
              const at = rows.findIndex((r) => r['id'] === copy['id']);
              if (at >= 0) rows[at] = copy;
              else rows.push(copy);
              continue;
            }
            const row = rows[pick % rows.length]!;
            const candidates = mode === 'move' ? ofTable(table) : localRecords.filter((x) => x.table !== table);
            const target = candidates[source % candidates.length]!.record;
            if (rows.some((r) => r['id'] === target.id)) continue; // ids stay unique within a table, as the package reader demands
            const old = row['id'];
            row['id'] = target.id;
            // The children follow their parent's new id, as a forger would make them.
            for (const child of PACKAGE_TABLES) {
              for (const c of pkg[child] as unknown as Array<Record<string, unknown>>) {
                for (const f of PARENTS) if (c[f] === old) c[f] = target.id;
              }
            }
          }
          const plan = planMerge(pkg, localOf(local, withBases));
          const everyIncoming = new Map<string, Resolution>(plan.conflicts.map((c) => [baseKey(c.table, c.id), 'incoming']));
          const result = mergeWrites(plan, everyIncoming);
          if (!result.ok) {
            expect(plan.refusal).toBeDefined();
            refused++;
            return;
          }
          applied++;
          // Apply the writes (every conflict taken from the package) and check that every local record kept its kind and parents.
          const after = new Map<string, { table: MergeTable; record: AnyRecord }>(localRecords.map((x) => [x.record.id, x]));
          for (const table of PACKAGE_TABLES) {
            for (const r of result.writes.puts[table] as AnyRecord[]) {
              const before = after.get(r.id);
              if (before) {
                expect(before.table, `${r.id} changed kind`).toBe(table);
                for (const f of PARENTS) {
                  expect((r as unknown as Record<string, unknown>)[f], `${table} ${r.id} changed its ${f}`).toBe((before.record as unknown as Record<string, unknown>)[f]);
                }
              }
              after.set(r.id, { table, record: r });
            }
          }
        },
      ),
      { numRuns: 500, seed: 20261206 },
    );
    console.log(`merge fuzz: ${refused} packages refused, ${applied} merged, no record changed its unit, meeting or kind`);
    expect(refused).toBeGreaterThan(50);
    expect(applied).toBeGreaterThan(50);
  });
});
