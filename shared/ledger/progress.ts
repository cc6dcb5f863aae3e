// Progress entries (进展情况, 按月/季更新): appended to an entry's log and never edited or removed, so
// the log is a record of what was reported when. Logs from two machines are a union by id.
import type { LedgerEntry, ProgressEntry } from '../model/ledger';
import { isRealDate } from '../model/zod-fields';
import { cleanLine, cleanText } from '../text/normalize';
import type { Outcome, Stamp } from '../consolidation/operations';
import { today as clockToday } from '../util/clock';

/** A new progress entry for a ledger entry, or a Chinese refusal. `today` (the domain clock's by default) bounds the date: no reports from the future. */
export function appendProgress(entry: LedgerEntry, input: { date: string; text: string; by: string }, stamp: Stamp, today: string = clockToday()): Outcome<{ value: ProgressEntry }> {
  if (entry.deletedAt) return { ok: false, error: '已删除的台账条目不能添加进展' };
  if (entry.status === 'closed') return { ok: false, error: '已销号的问题不能再添加进展' };
  const text = cleanText(input.text);
  if (text === '') return { ok: false, error: '进展情况不能为空' };
  if (text.length > 5000) return { ok: false, error: '进展情况过长（最多 5000 个字符）' };
  if (!isRealDate(input.date)) return { ok: false, error: '进展日期应为 YYYY-MM-DD 日期' };
  if (input.date > today) return { ok: false, error: '进展日期不能晚于今天' };
  return { ok: true, value: { id: stamp.newId(), meetingId: entry.meetingId, entryId: entry.id, date: input.date, text, by: cleanLine(input.by), createdAt: stamp.at } };
}

/** An entry's progress log, oldest first (by date, then by when it was written). */
export function progressLog(progress: readonly ProgressEntry[], entryId: string): ProgressEntry[] {
  return progress.filter((p) => p.entryId === entryId).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** Whether two progress entries are the same record (an entry with one id never differs). */
function same(a: ProgressEntry, b: ProgressEntry): boolean {
  return a.entryId === b.entryId && a.meetingId === b.meetingId && a.date === b.date && a.text === b.text && a.by === b.by && a.createdAt === b.createdAt;
}

/** Two machines' progress logs as one: the union by id. An id carrying two different texts is a conflict (it was edited, which must not happen). */
export function unionProgress(local: readonly ProgressEntry[], remote: readonly ProgressEntry[]): { merged: ProgressEntry[]; added: ProgressEntry[]; conflicts: Array<{ local: ProgressEntry; remote: ProgressEntry }> } {
  const byId = new Map(local.map((p) => [p.id, p]));
  const added: ProgressEntry[] = [];
  const conflicts: Array<{ local: ProgressEntry; remote: ProgressEntry }> = [];
  for (const r of remote) {
    const l = byId.get(r.id);
    if (!l) {
      byId.set(r.id, r);
      added.push(r);
    } else if (!same(l, r)) conflicts.push({ local: l, remote: r });
  }
  return { merged: [...byId.values()], added, conflicts };
}
