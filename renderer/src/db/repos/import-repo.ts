import { finishImport, importedOpinion, importSummary, type ImportRow } from '#shared/import/records';
import type { ChangeLogEntry, Opinion } from '#shared/model/types';
import { batchTime } from '#shared/model/entry-order';
import { opinionImagesOf } from '#shared/model/opinion-images';
import { nowIso } from '#shared/util/ids';
import type { WorkbenchDb } from '../database';
import { changeEntry } from './change-log';
import { UserError } from '../../lib/user-error';
import { writeMeetingData } from './meeting-write';
import { opinionContext } from './opinions-repo';
import { readSummarySources } from './summaries-repo';
import type { MeetingRecords } from './summary-cache';
import { computeMeetingSummary } from '#shared/supervision/summary';

export interface ImportOutcome {
  added: number;
  /** Rows that had become duplicates since the preview (someone added the same opinion meanwhile). */
  skipped: number;
  /** The ids written, in file order: what 撤销本次导入 takes back. */
  ids: string[];
}

export type { ImportRow };

export type ImportProgress = (done: number, total: number) => void;

/** Rows per step of the preparation and per bulk write: small enough to keep the page responsive. */
const CHUNK = 1000;

/**
 * Writes an import: every row, validated again against the meeting as it is now, in ONE
 * transaction with its change-log lines, so that a failure anywhere leaves the database as it
 * was. The records are built in chunks before the transaction (with progress); inside it only
 * Dexie is awaited. A row that became a duplicate since the preview is skipped, not doubled. Rows read
 * from paper forms bring their cells' pictures, written in the same transaction (opinionImages).
 */
export async function commitImport(
  db: WorkbenchDb,
  meetingId: string,
  file: string,
  rows: readonly ImportRow[],
  meta: { actor: string; onProgress?: ImportProgress },
): Promise<ImportOutcome> {
  if (rows.length === 0) return { added: 0, skipped: 0, ids: [] };
  const total = rows.length * 2;
  const progress = meta.onProgress ?? (() => undefined);
  const now = nowIso();

  // Preparation, outside the transaction: records with their ids, in chunks that yield to the page.
  const prepared: Opinion[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    rows.slice(i, i + CHUNK).forEach((r, j) => prepared.push(importedOpinion(r, { meetingId, actor: meta.actor, file, now: batchTime(now, i + j) })));
    progress(Math.min(i + CHUNK, rows.length), total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  return writeMeetingData(db, [db.meetings, db.members, db.opinions, db.opinionImages], async (w) => {
    const { labels, context } = await opinionContext(db, meetingId, '该会议不存在或已删除，未导入任何内容');
    // The meeting's records as its summary reads them: the summary is computed from these and the
    // new rows while IndexedDB writes, instead of reading 10,000 rows back afterwards.
    const sources = await readSummarySources(db, meetingId);
    if (!sources) throw new UserError('该会议不存在或已删除，未导入任何内容');
    const existing = sources.records.opinions.filter((o) => !o.deletedAt);

    // The one validator again: the roster or the rules may have changed since the preview.
    const { opinions, problems } = finishImport(prepared, rows, context, existing);
    if (problems.length > 0) {
      throw new UserError(`会议的班子成员或规则在预览后有变化，有 ${problems.length} 行不能导入，未写入任何内容。请重新选择文件预览。`, problems);
    }

    // Every chunk queued at once (the database works through them while the summary is computed),
    // each awaited in turn for the progress. Settled promises only: the transaction fails on the
    // first error, which the awaits below report.
    const writes: Array<{ end: number; done: Promise<unknown> }> = [];
    for (let i = 0; i < opinions.length; i += CHUNK) {
      const done = db.opinions.bulkAdd(opinions.slice(i, i + CHUNK));
      done.catch(() => undefined);
      writes.push({ end: Math.min(i + CHUNK, opinions.length), done });
    }
    if (opinions.length > 0) {
      const records: MeetingRecords = { ...sources.records, opinions: [...sources.records.opinions, ...opinions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
      w.summarised([{ records, summary: computeMeetingSummary({ ...records, previousLedger: sources.previousLedger, laterLedger: sources.laterLedger, crossUnitWarnings: sources.crossUnitWarnings }) }]);
    }
    const log: ChangeLogEntry[] = opinions.map((o) =>
      changeEntry({ actor: meta.actor, entity: 'opinion', recordId: o.id, meetingId, action: 'import', summary: importSummary(o, labels.get(o.targetId) ?? ''), at: now }),
    );
    for (const write of writes) {
      await write.done;
      progress(rows.length + Math.round((write.end / opinions.length) * rows.length), total);
    }
    // A paper form's rows bring their cells' pictures: stored with the opinions, in this transaction.
    const images = opinionImagesOf(opinions, prepared, rows, { file, now });
    if (images.length > 0) await db.opinionImages.bulkAdd(images);
    w.log(log);
    // The change-log lines and the summary are written when this callback returns, in the same transaction.
    progress(total, total);
    return { added: opinions.length, skipped: prepared.length - opinions.length, ids: opinions.map((o) => o.id) };
  });
}
