// Benchmark figures of issue 14, measured in the page beside their floors: copy detection on both
// corpora (recall of the pairs at or above the threshold, time against reading every text into its
// bigram set, 10k → 100k scaling), the plain write a package open and an import commit are held to,
// and a 300-opinion package for the command-line figures. scripts/bench.mjs prints them.
import { copyCandidates, detectCopies, type CopyCandidate } from '#shared/checks/copy-detection';
import { findSimilarPairs, jaccard, NEAR_DUPLICATE_THRESHOLD, PARTNER_CAP, shingles } from '#shared/checks/minhash';
import type { ImportRow } from '#shared/import/records';
import { DEFAULT_CATEGORIES, DEFAULT_CHANNELS } from '#shared/model/rule-set';
import { GROUP_TARGET, type Opinion } from '#shared/model/types';
import { buildPackage, PACKAGE_TABLES, type PackageContent } from '#shared/package/format';
import { computeMeetingSummary } from '#shared/supervision/summary';
import { compareKey, compareKeyUncached } from '#shared/text/normalize';
import { WorkbenchDb } from '../../renderer/src/db/database';
import { commitImport } from '../../renderer/src/db/repos/import-repo';
import { openIntoEmpty } from '../../renderer/src/db/repos/package-repo';
import { countyContent, opinionText, rng } from '../../test/support/county-content';
import { stockPhraseCorpus } from '../../test/support/stock-phrase-content';
import Dexie from 'dexie';

const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// The detector's own reading of a text — its compare key without the cache (which a county's scan
// bypasses too), then its bigram set: the floor is the real cost of reading every text.
const readBigrams = (texts: readonly string[]) => texts.map((t) => shingles(compareKeyUncached(t)));

/**
 * Recall of the pairs at or above the threshold, estimated exactly on a sample: `sample` distinct
 * texts compared with every other text (all pairs would be 5·10⁹), the detector's pairs checked.
 */
function sampledRecall(texts: readonly string[], sample: number): { recall: number; pairs: number } {
  const keys = [...new Set(texts.map(compareKey))];
  const { pairs, sets } = findSimilarPairs(keys);
  const found = new Set(pairs.map((p) => p.a * 2097152 + p.b));
  const r = rng(99);
  let all = 0;
  let hit = 0;
  for (let s = 0; s < sample; s++) {
    const a = Math.floor(r() * keys.length);
    for (let b = 0; b < keys.length; b++) {
      if (b === a || jaccard(sets[a]!, sets[b]!) < NEAR_DUPLICATE_THRESHOLD) continue;
      all++;
      if (found.has(Math.min(a, b) * 2097152 + Math.max(a, b))) hit++;
    }
  }
  return { recall: all === 0 ? 1 : hit / all, pairs: all };
}

/** Detection (all kinds) over fresh texts each run, then the bigram read of the same texts: medians. */
function detectAndRead(corpus: (run: number) => CopyCandidate[]): { detectMs: number; readMs: number; warnings: number } {
  const detect: number[] = [];
  const read: number[] = [];
  let warnings = 0;
  for (let run = 0; run < 3; run++) {
    const candidates = corpus(run);
    let t = now();
    warnings = detectCopies(candidates).length;
    detect.push(now() - t);
    t = now();
    readBigrams(candidates.map((c) => c.content));
    read.push(now() - t);
  }
  return { detectMs: median(detect), readMs: median(read), warnings };
}

export const issue14 = {
  /** Copy detection on the stock-phrase corpus with planted near copies (similarity 0.6–0.99). */
  stockCopies(n: number) {
    const timing = detectAndRead((run) => stockPhraseCorpus(n, { seed: 14 + run }).candidates);
    const { candidates, planted } = stockPhraseCorpus(n, { seed: 14 });
    const warned = new Set(detectCopies(candidates, { kinds: ['cross-unit'] }).map((w) => `${w.a.id}|${w.b.id}`));
    const keys = new Map<string, number>();
    const { pairs } = findSimilarPairs([...new Set(candidates.map((c) => compareKey(c.content)))].map((k, i) => (keys.set(k, i), k)));
    const found = new Set(pairs.map((p) => `${p.a}|${p.b}`));
    const key = (i: number) => keys.get(compareKey(candidates[i]!.content))!;
    const plantedFound = planted.filter((p) => found.has(`${Math.min(key(p.original), key(p.copy))}|${Math.max(key(p.original), key(p.copy))}`)).length;
    const sampled = sampledRecall(candidates.map((c) => c.content), 100);
    return { n, ...timing, planted: planted.length, plantedFound, plantedWarned: planted.filter((p) => [...warned].some((w) => w.startsWith(`${candidates[p.copy]!.id}|`))).length, recall: sampled.recall, sampledPairs: sampled.pairs };
  },

  /** Copy detection on the bench's county corpus (in the database): the bigram read and a sampled recall. */
  async countyCopies(n: number) {
    const db = new WorkbenchDb();
    const [meetings, opinions] = await Promise.all([db.meetings.toArray(), db.opinions.limit(n).toArray()]);
    db.close();
    const byMeeting = new Map<string, Opinion[]>();
    for (const o of opinions) (byMeeting.get(o.meetingId) ?? byMeeting.set(o.meetingId, []).get(o.meetingId)!).push(o);
    const candidates = meetings.flatMap((m) => copyCandidates(m, byMeeting.get(m.id) ?? []));
    const timing = detectAndRead(() => candidates);
    // Varied text has few pairs at or above the threshold: a larger sample, for a recall of more than a handful.
    const sampled = sampledRecall(candidates.map((c) => c.content), 400);
    return { n: candidates.length, ...timing, recall: sampled.recall, sampledPairs: sampled.pairs };
  },

  /**
   * One template filled in `n` times (`批次1-7：问卷反映…`, every pair similar), as a paste or an import
   * of a whole questionnaire puts it into one meeting: the detector (all kinds), the meeting's summary
   * that every write refreshes, and the bigram read of the same texts.
   */
  templateCopies(n: number) {
    const content = countyContent({ units: 1, members: [2, 2], perCell: 1, seed: 11 });
    const meeting = content.meetings[0]!;
    const targets = [GROUP_TARGET, ...content.members.map((m) => m.id)];
    const shape = content.opinions[0]!;
    const opinions: Opinion[] = Array.from({ length: n }, (_, i) => ({
      ...shape,
      id: `tmpl-${String(i).padStart(6, '0')}`,
      targetId: targets[i % targets.length]!,
      category: DEFAULT_CATEGORIES[i % 5]!,
      content: `批次1第${i + 1}条：问卷反映窗口办事排队时间长，群众满意度有待提高`,
      createdAt: `2025-11-01T08:00:00.${String(i % 1000).padStart(3, '0')}Z`,
    }));
    const candidates = copyCandidates(meeting, opinions);
    const detect: number[] = [];
    const summary: number[] = [];
    const read: number[] = [];
    let warnings = 0;
    let pairs = 0;
    let capped = 0;
    for (let run = 0; run < 3; run++) {
      let t = now();
      warnings = detectCopies(candidates).length;
      detect.push(now() - t);
      t = now();
      computeMeetingSummary({ meeting, members: content.members, opinions, audits: [] });
      summary.push(now() - t);
      t = now();
      readBigrams(opinions.map((o) => o.content));
      read.push(now() - t);
    }
    const index = findSimilarPairs([...new Set(candidates.map((c) => compareKey(c.content)))]);
    pairs = index.pairs.length;
    capped = index.capped.length;
    return { n, detectMs: median(detect), summaryMs: median(summary), readMs: median(read), warnings, pairs, capped, allPairs: (n * (n - 1)) / 2, cap: PARTNER_CAP };
  },

  /** The plain write a package open is held to: the same rows, bulkAdd in one transaction, into a scratch database. */
  async plainWrite(options: { units: number; members: [number, number]; perCell: number; copyRate: number }) {
    const content = countyContent({ ...options, seed: 2025 });
    const db = new WorkbenchDb('mzsh-bench-plain');
    await db.open();
    const t = now();
    await db.transaction('rw', PACKAGE_TABLES.map((table) => db.table(table)), async () => {
      for (const table of PACKAGE_TABLES) await db.table(table).bulkAdd(content[table] as PackageContent[typeof table]);
    });
    const ms = now() - t;
    db.close();
    await Dexie.delete('mzsh-bench-plain');
    return { ms, rows: PACKAGE_TABLES.reduce((k, table) => k + content[table].length, 0) };
  },

  /** An import commit of `n` rows into a fresh meeting, beside a plain write of the same rows (opinions and change-log lines). */
  async importCommit(n: number) {
    const name = 'mzsh-bench-import';
    await Dexie.delete(name);
    const db = new WorkbenchDb(name);
    const content = countyContent({ units: 1, perCell: 0, seed: 7, idPrefix: 0x1e });
    await openIntoEmpty(db, content, { file: 'bench.mzsh.json', actor: '基准测试' });
    const meeting = content.meetings[0]!;
    const targets = [GROUP_TARGET, ...content.members.map((m) => m.id)];
    const r = rng(5);
    const rows: ImportRow[] = Array.from({ length: n }, (_, i) => ({
      sheet: 'Sheet1',
      row: i + 2,
      draft: { targetId: targets[i % targets.length]!, category: DEFAULT_CATEGORIES[i % 5]!, channel: DEFAULT_CHANNELS[i % 6]!, content: `${opinionText(r).slice(0, -1)}（第${i + 1}条）。` },
    }));
    let t = now();
    const outcome = await commitImport(db, meeting.id, 'bench.xlsx', rows, { actor: '基准测试' });
    const commitMs = now() - t;
    // The same rows again, as they were written, under new ids: one bulkAdd transaction.
    const written = await db.opinions.where('meetingId').equals(meeting.id).toArray();
    const log = (await db.changeLog.where('meetingId').equals(meeting.id).toArray()).filter((c) => c.action === 'import');
    const fresh = <T extends { id: string }>(xs: T[]) => xs.map((x) => ({ ...x, id: crypto.randomUUID() }));
    const [opinionCopies, logCopies] = [fresh(written), fresh(log)];
    t = now();
    await db.transaction('rw', db.opinions, db.changeLog, async () => {
      await db.opinions.bulkAdd(opinionCopies);
      if (logCopies.length > 0) await db.changeLog.bulkAdd(logCopies);
    });
    const plainMs = now() - t;
    db.close();
    await Dexie.delete(name);
    return { added: outcome.added, commitMs, plainMs, plainRows: opinionCopies.length + logCopies.length };
  },

  /** A package of one unit whose meeting has ~300 opinions, for the command-line figures (as text). */
  cliPackage() {
    const content = countyContent({ units: 1, members: [9, 9], perCell: 6, seed: 3 });
    return { opinions: content.opinions.length, json: new TextDecoder().decode(buildPackage(content, { appVersion: '0.1.0', exportedAt: '2026-01-01T00:00:00.000Z' })) };
  },
};
