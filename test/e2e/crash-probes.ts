// What the crash tests read from IndexedDB after a restart, with raw IndexedDB in a probe tab (no
// app code, so counting never depends on what it checks): rows of a batch counted by a field,
// every meeting's stored summary compared with the rows it summarizes, and a snapshot of the
// whole database (row keys and content hashes) to compare with the one taken before the batch.
import type { Page } from 'playwright-core';
import type { DatabaseSnapshot } from '../support/db-snapshot';

/** Counts rows of a store whose field (a dotted path) starts with, includes or equals a text. */
export interface RowCount {
  store: string;
  field: string;
  startsWith?: string;
  includes?: string;
  equals?: string;
}

/**
 * Opening the database by name would create an empty one if it were gone, so its existence is
 * checked first; a missing database or store, or a failed read, rejects with the reason.
 */
const OPEN_EXISTING = `(async () => {
  const known = await indexedDB.databases();
  if (!known.some((d) => d.name === 'mzsh-workbench')) throw new Error('the database mzsh-workbench is gone after the restart (known: ' + JSON.stringify(known) + ')');
})()`;

/** Counts, per label, the rows that match; all in one read-only transaction. */
export async function countRows(probe: Page, counts: Record<string, RowCount>): Promise<Record<string, number>> {
  await probe.evaluate(OPEN_EXISTING);
  return probe.evaluate(
    (counts) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('mzsh-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const stores = [...new Set(Object.values(counts).map((c) => c.store))];
          let tx: IDBTransaction;
          try {
            tx = db.transaction(stores, 'readonly');
          } catch (e) {
            reject(new Error(`version ${db.version}, stores ${[...db.objectStoreNames].join(',')}: ${String(e)}`));
            return;
          }
          tx.onabort = () => reject(tx.error);
          const rows = new Map(stores.map((s) => [s, tx.objectStore(s).getAll()] as const));
          tx.oncomplete = () => {
            const value = (row: unknown, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], row);
            const out: Record<string, number> = {};
            for (const [label, c] of Object.entries(counts)) {
              out[label] = (rows.get(c.store)!.result as unknown[]).filter((row) => {
                const v = String(value(row, c.field) ?? '');
                return c.startsWith !== undefined ? v.startsWith(c.startsWith) : c.includes !== undefined ? v.includes(c.includes) : v === c.equals;
              }).length;
            }
            db.close();
            resolve(out);
          };
        };
      }),
    counts,
  );
}

/**
 * Every meeting against its stored summary (schema v2, written in the same transaction as every
 * change): the summary exists, and its member count and opinion count agree with the rows.
 */
export async function summaryProblems(probe: Page): Promise<string[]> {
  await probe.evaluate(OPEN_EXISTING);
  return probe.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('mzsh-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          let tx: IDBTransaction;
          try {
            tx = db.transaction(['meetings', 'members', 'opinions', 'meetingSummaries'], 'readonly');
          } catch (e) {
            reject(new Error(`version ${db.version}, stores ${[...db.objectStoreNames].join(',')}: ${String(e)}`));
            return;
          }
          tx.onabort = () => reject(tx.error);
          const get = (s: string) => tx.objectStore(s).getAll();
          const [meetings, members, opinions, summaries] = [get('meetings'), get('members'), get('opinions'), get('meetingSummaries')];
          tx.oncomplete = () => {
            type Row = { id: string; meetingId: string; targetId: string; deletedAt?: string; ruleSet: { groupIsTarget: boolean } };
            type Summary = { meetingId: string; memberCount: number; totals: { raw: number } };
            const problems: string[] = [];
            const byMeeting = new Map((summaries.result as Summary[]).map((s) => [s.meetingId, s]));
            const liveMembers = (members.result as Row[]).filter((m) => !m.deletedAt);
            const liveOpinions = (opinions.result as Row[]).filter((o) => !o.deletedAt);
            for (const meeting of meetings.result as Row[]) {
              const summary = byMeeting.get(meeting.id);
              if (!summary) {
                problems.push(`meeting ${meeting.id}: no summary`);
                continue;
              }
              const roster = new Set(liveMembers.filter((m) => m.meetingId === meeting.id).map((m) => m.id));
              if (meeting.ruleSet.groupIsTarget) roster.add('group');
              const raw = liveOpinions.filter((o) => o.meetingId === meeting.id && roster.has(o.targetId)).length;
              const memberCount = roster.size - (meeting.ruleSet.groupIsTarget ? 1 : 0);
              if (summary.totals.raw !== raw) problems.push(`meeting ${meeting.id}: summary counts ${summary.totals.raw} opinions, the rows ${raw}`);
              if (summary.memberCount !== memberCount) problems.push(`meeting ${meeting.id}: summary counts ${summary.memberCount} members, the rows ${memberCount}`);
            }
            db.close();
            resolve(problems);
          };
        };
      }),
  );
}

/**
 * The whole database as store → row key → content hash (test/support/db-snapshot.ts), read in one
 * read-only transaction over every store. Keys and rows are compared as JSON; the hash is 53-bit
 * (cyrb53), ample to notice a changed row.
 */
export async function snapshotDatabase(probe: Page): Promise<DatabaseSnapshot> {
  await probe.evaluate(OPEN_EXISTING);
  return probe.evaluate(
    () =>
      new Promise<Record<string, Record<string, string>>>((resolve, reject) => {
        const hash = (text: string) => {
          let h1 = 0xdeadbeef;
          let h2 = 0x41c6ce57;
          for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            h1 = Math.imul(h1 ^ c, 2654435761);
            h2 = Math.imul(h2 ^ c, 1597334677);
          }
          h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
          h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
          return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
        };
        const req = indexedDB.open('mzsh-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const stores = [...db.objectStoreNames];
          const tx = db.transaction(stores, 'readonly');
          tx.onabort = () => reject(tx.error);
          const reads = stores.map((s) => [s, tx.objectStore(s).getAllKeys(), tx.objectStore(s).getAll()] as const);
          tx.oncomplete = () => {
            const out: Record<string, Record<string, string>> = {};
            for (const [store, keys, rows] of reads) {
              const byKey: Record<string, string> = {};
              (keys.result as IDBValidKey[]).forEach((key, i) => {
                byKey[JSON.stringify(key)] = hash(JSON.stringify((rows.result as unknown[])[i]));
              });
              out[store] = byKey;
            }
            db.close();
            resolve(out);
          };
        };
      }),
  );
}
