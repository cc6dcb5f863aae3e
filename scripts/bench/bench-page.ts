// The benchmark's page: runs inside real Chromium, on the same origin as the built app, against
// the app's own database class, repositories and shared checks. scripts/bench.mjs drives it.
import Dexie from 'dexie';
import { computeReadiness } from '#shared/checks/readiness';
import { copyCandidates, detectCopies } from '#shared/checks/copy-detection';
import { GROUP_TARGET, type Opinion } from '#shared/model/types';
import { overviewRows, overviewTotals } from '#shared/supervision/overview';
import { WorkbenchDb } from '../../renderer/src/db/database';
import { DB_NAME } from '../../renderer/src/db/schema-history';
import { applyMerge, previewMerge } from '../../renderer/src/db/repos/merge-repo';
import { addOpinions, deleteOpinions, restoreOpinions } from '../../renderer/src/db/repos/opinions-repo';
import { settleSummaries } from '../../renderer/src/db/repos/summaries-repo';
import { countyContent } from '../../test/support/county-content';
import { issue14 } from './issue14';

const now = () => performance.now();
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
/** Runs `work` `runs` times on a freshly opened database each time (no warm Dexie caches), median ms. */
async function timed<T>(runs: number, work: (db: WorkbenchDb) => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const db = new WorkbenchDb();
    await db.open();
    const t = now();
    result = await work(db);
    times.push(now() - t);
    db.close();
  }
  return { ms: median(times), result: result! };
}

const bench = {
  ...issue14,

  async reset() {
    await Dexie.delete(DB_NAME);
  },

  /** How many opinions the database holds (0 when there is none yet). */
  async count() {
    const db = new WorkbenchDb();
    const n = await db.opinions.count();
    db.close();
    return n;
  },

  /** Generates the county and opens it the way a supervisor does: preview, then one merge transaction. */
  async load(options: { units: number; members: [number, number]; perCell: number; copyRate: number }) {
    let t = now();
    const content = countyContent({ ...options, seed: 2025 });
    const generateMs = now() - t;
    const db = new WorkbenchDb();
    t = now();
    const plan = await previewMerge(db, content);
    const previewMs = now() - t;
    t = now();
    await applyMerge(db, plan, new Map(), { actor: '基准测试', fileName: 'county.mzsh.json' });
    const applyMs = now() - t;
    db.close();
    return { units: content.units.length, members: content.members.length, opinions: content.opinions.length, generateMs, previewMs, applyMs };
  },

  /** The overview's data: units + summaries → rows and totals, beside a plain read of the same rows. */
  async overview() {
    const plain = await timed(9, async (db) => (await Promise.all([db.units.toArray(), db.meetingSummaries.toArray()]))[1].length);
    const overview = await timed(9, async (db) => {
      const [units, summaries] = await Promise.all([db.units.toArray(), db.meetingSummaries.toArray()]);
      const rows = overviewRows(units, summaries);
      return overviewTotals(rows).meetings;
    });
    return { rows: overview.result, overviewMs: overview.ms, plainMs: plain.ms };
  },

  /** Readiness of every meeting from the opinions (what the overview avoids), beside a plain read of those rows. */
  async readiness() {
    const read = (db: WorkbenchDb) => Promise.all([db.meetings.toArray(), db.members.toArray(), db.opinions.toArray()]);
    const plain = await timed(3, async (db) => (await read(db))[2].length);
    const all = await timed(3, async (db) => {
      const [meetings, members, opinions] = await read(db);
      const group = <T extends { meetingId: string }>(rows: T[]) => {
        const map = new Map<string, T[]>();
        for (const r of rows) (map.get(r.meetingId) ?? map.set(r.meetingId, []).get(r.meetingId)!).push(r);
        return map;
      };
      const m = group(members);
      const o = group(opinions);
      return meetings.filter((x) => computeReadiness({ members: m.get(x.id) ?? [], opinions: o.get(x.id) ?? [] }, x.ruleSet).ready).length;
    });
    return { ready: all.result, readinessMs: all.ms, plainMs: plain.ms };
  },

  /** Copy detection (all three kinds) over the first `n` opinions, beside a plain read of them. */
  async copies(n: number) {
    const plain = await timed(3, async (db) => (await db.opinions.limit(n).toArray()).length);
    let detectOnly = 0;
    const full = await timed(3, async (db) => {
      const [meetings, opinions] = await Promise.all([db.meetings.toArray(), db.opinions.limit(n).toArray()]);
      const byMeeting = new Map<string, Opinion[]>();
      for (const o of opinions) (byMeeting.get(o.meetingId) ?? byMeeting.set(o.meetingId, []).get(o.meetingId)!).push(o);
      const t = now();
      const warnings = detectCopies(meetings.flatMap((m) => copyCandidates(m, byMeeting.get(m.id) ?? [])));
      detectOnly = now() - t;
      return warnings;
    });
    const kinds: Record<string, number> = {};
    for (const w of full.result) kinds[w.kind] = (kinds[w.kind] ?? 0) + 1;
    return { n, detectMs: full.ms, detectOnlyMs: detectOnly, plainMs: plain.ms, warnings: full.result.length, kinds };
  },

  /**
   * One opinion added through the repository (validation, change log, summary refresh) vs a bare
   * add, at a person's pace (each add's pending summary parts computed, timed apart, before the
   * next, then a pause). Before issue 14.4 every add read the meeting and computed its whole
   * summary: that path is still what a write takes when the meeting's records are not cached, so it
   * is measured in the same run, first, by emptying the cache before each add.
   */
  async write() {
    const db = new WorkbenchDb();
    const meeting = (await db.meetings.limit(1).first())!;
    const add = (i: number, how: string) =>
      addOpinions(db, meeting.id, [{ targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求', content: `基准测试追加的意见第${i}条（${how}）：调研不够深入` }], { actor: '基准测试', origin: { kind: 'typed' } });
    const full: number[] = [];
    const cached: number[] = [];
    const deferred: number[] = [];
    const bare: number[] = [];
    // Bare adds through a connection of their own: a write around the write path empties the
    // repositories' cache of meeting records (rightly: it cannot know what changed).
    const plain = new WorkbenchDb();
    const bareAdd = async (like: Opinion) => {
      const t = now();
      await plain.transaction('rw', plain.opinions, async () => {
        await plain.opinions.add({ ...like, id: crypto.randomUUID() });
      });
      bare.push(now() - t);
    };
    // Interleaved, so that the machine's load falls on all three alike; the cached add and the bare
    // add each follow a pass that computes the pending parts, as at a person's pace.
    for (let i = 0; i < 21; i++) {
      db.summaryCache!.keepOnly(new Set());
      let t = now();
      await add(i, '整体重算');
      full.push(now() - t);
      await settleSummaries(db);
      t = now();
      const [added] = await add(i, '增量');
      cached.push(now() - t);
      t = now();
      await settleSummaries(db);
      deferred.push(now() - t);
      await bareAdd(added!);
    }
    const opinions = await db.opinions.where('meetingId').equals(meeting.id).count();
    db.close();
    plain.close();
    return { writeMs: median(cached), fullMs: median(full), bareMs: median(bare), deferredMs: median(deferred), meetingOpinions: opinions };
  },

  /**
   * Bulk actions on one meeting: add `n` opinions through the repository (one transaction), then
   * delete them all to the recycle bin and restore them, each one transaction with one summary refresh.
   */
  async bulk(n: number) {
    const db = new WorkbenchDb();
    const meeting = (await db.meetings.limit(1).first())!;
    const add: number[] = [];
    const del: number[] = [];
    const restore: number[] = [];
    for (let run = 0; run < 3; run++) {
      const drafts = Array.from({ length: n }, (_, i) => ({ targetId: GROUP_TARGET, category: '上级领导', channel: '书面征求', content: `批量测试第${run}轮第${i}条：调研不够深入，联系群众不够` }));
      let t = now();
      const added = await addOpinions(db, meeting.id, drafts, { actor: '基准测试', origin: { kind: 'pasted' } });
      add.push(now() - t);
      const ids = added.map((o) => o.id);
      t = now();
      await deleteOpinions(db, ids, '基准测试');
      del.push(now() - t);
      t = now();
      await restoreOpinions(db, ids, '基准测试');
      restore.push(now() - t);
      await deleteOpinions(db, ids, '基准测试');
    }
    const opinions = await db.opinions.where('meetingId').equals(meeting.id).count();
    db.close();
    return { n, addMs: median(add), deleteMs: median(del), restoreMs: median(restore), meetingOpinions: opinions };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.getElementById('state')!.textContent = 'ready';
