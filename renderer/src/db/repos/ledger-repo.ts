// The 整改台账 of a meeting: 挂号 (registering problem items with account numbers), status changes
// (the shared status machine; 销号 only with its evidence, date and approver), progress appended and
// never edited, and 回头看 (last year's open items carried into the unit's next meeting). Every rule
// is the shared one (shared/ledger/); every write goes through the one write path, so the change log
// ('ledger-entry', 'progress') and the meeting's summary follow it in the same transaction.
import { carryOver, carryOverCandidates, historyAcrossYears } from '#shared/ledger/carry-over';
import { registerProblems as registerInLedger } from '#shared/ledger/accounts';
import { appendProgress } from '#shared/ledger/progress';
import { changeStatus } from '#shared/ledger/status';
import { carriedOut, carriedOutTo, carriedRefusal, type CarriedTo } from '#shared/ledger/deadlines';
import { LEDGER_STATUS_LABELS, type Closure, type LedgerEntry, type LedgerStatus, type ProgressEntry } from '#shared/model/ledger';
import type { ProblemItem } from '#shared/model/problems';
import type { Meeting, Member } from '#shared/model/types';
import { nowStamp as nowIso } from '#shared/util/clock';
import { newId } from '#shared/util/ids';
import { UserError } from '../../lib/user-error';
import type { WorkbenchDb } from '../database';
import { writeMeetingData } from './meeting-write';
import { loadUnitLedgers } from './summaries-repo';

/** A meeting's ledger records: live problem items, every entry (deleted ones keep their numbers) and every progress entry. */
interface MeetingLedger {
  problems: ProblemItem[];
  entries: LedgerEntry[];
  progress: ProgressEntry[];
  /** The entries of the unit's later meetings: those carrying this one's items on (回头看) make them 已结转 here. */
  laterEntries: LedgerEntry[];
  /** Its entries a later meeting carries (carriedOut): entry id → the account number it carries on under. */
  carriedOut: Map<string, string>;
  /** The same entries with the year of the meeting carrying each (for 已结转至 …，请在 N年度台账中办理). */
  carriedTo: Map<string, CarriedTo>;
}

const short = (s: string) => ([...s].length > 30 ? `${[...s].slice(0, 30).join('')}…` : s);

/** A meeting's problem items (live), ledger entries and progress, for the 整改 tab and the exports. */
export async function listLedger(db: WorkbenchDb, meetingId: string): Promise<MeetingLedger> {
  const [problems, entries, progress, laterEntries] = await Promise.all([
    db.problems.where('meetingId').equals(meetingId).toArray(),
    db.ledgerEntries.where('meetingId').equals(meetingId).toArray(),
    db.progressEntries.where('meetingId').equals(meetingId).toArray(),
    laterLedger(db, meetingId),
  ]);
  // Account-number order, so a carry-over numbers last year's items in last year's order.
  entries.sort((a, b) => a.accountNumber.localeCompare(b.accountNumber, 'zh-Hans-CN', { numeric: true }));
  return { problems: problems.filter((p) => !p.deletedAt), entries, progress, laterEntries, carriedOut: carriedOut(laterEntries), carriedTo: await carriedToOf(db, laterEntries) };
}

/** The later entries' carried items with the year of the meeting carrying each. */
async function carriedToOf(db: WorkbenchDb, laterEntries: readonly LedgerEntry[]): Promise<Map<string, CarriedTo>> {
  const ids = [...new Set(laterEntries.filter((e) => e.carriedFrom && !e.deletedAt).map((e) => e.meetingId))];
  if (ids.length === 0) return new Map();
  const years = new Map((await db.meetings.bulkGet(ids)).flatMap((m) => (m ? [[m.id, m.year] as const] : [])));
  return carriedOutTo(laterEntries, (id) => years.get(id));
}

/** Refuses a write to an item a live later meeting carries on (已结转): it is handled in that year's ledger. */
async function refuseCarried(db: WorkbenchDb, entry: LedgerEntry): Promise<void> {
  const meeting = await liveMeeting(db, entry.meetingId);
  const to = (await carriedToOf(db, (await loadUnitLedgers(db, meeting)).later)).get(entry.id);
  if (to) throw new UserError(carriedRefusal(to));
}

/** The ledger entries of the unit's live later meetings (回头看 carries from this one into them). */
async function laterLedger(db: WorkbenchDb, meetingId: string): Promise<LedgerEntry[]> {
  const meeting = await db.meetings.get(meetingId);
  return meeting ? (await loadUnitLedgers(db, meeting)).later : [];
}

async function liveMeeting(db: WorkbenchDb, meetingId: string): Promise<Meeting> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting || meeting.deletedAt) throw new UserError('该会议不存在或已删除');
  return meeting;
}

/**
 * 挂号: registers the given problem items of a meeting, in the order given, each with a new account
 * number (`2025-财政局-班子-001`). All or none: one incomplete or already registered item refuses the lot in Chinese.
 */
export async function registerProblems(db: WorkbenchDb, meetingId: string, problemIds: readonly string[], actor: string): Promise<LedgerEntry[]> {
  if (problemIds.length === 0) throw new UserError('请先选择要挂号的问题');
  return writeMeetingData(db, [db.units, db.meetings, db.members, db.problems, db.ledgerEntries], async (w) => {
    const meeting = await liveMeeting(db, meetingId);
    const [unit, members, problems, entries] = await Promise.all([
      db.units.get(meeting.unitId),
      db.members.where('meetingId').equals(meetingId).toArray(),
      db.problems.bulkGet([...problemIds]),
      db.ledgerEntries.where('meetingId').equals(meetingId).toArray(),
    ]);
    if (problems.some((p) => !p)) throw new UserError('所选问题已被删除，请刷新后重试');
    const at = nowIso();
    const result = registerInLedger(problems as ProblemItem[], { unit: unit ?? { name: '未知单位', shortName: '' }, meeting, members, entries }, { at, newId });
    if (!result.ok) throw new UserError(result.error);
    await db.ledgerEntries.bulkAdd(result.value);
    w.log(createdLines(result.value, meetingId, actor, at, (e) => `挂号 ${e.accountNumber}：${short(problems.find((p) => p!.id === e.problemId)!.description)}`));
    return result.value;
  });
}

/** A ledger entry that may be changed: it exists, is not in the recycle bin, and its meeting is live. */
async function liveEntry(db: WorkbenchDb, entryId: string): Promise<LedgerEntry> {
  const entry = await db.ledgerEntries.get(entryId);
  if (!entry || entry.deletedAt) throw new UserError('该台账条目不存在，请刷新后重试');
  await liveMeeting(db, entry.meetingId);
  return entry;
}

/** The change-log lines of ledger entries one write created (挂号, 回头看). */
function createdLines(entries: readonly LedgerEntry[], meetingId: string, actor: string, at: string, summary: (e: LedgerEntry) => string) {
  return entries.map((e) => ({ actor, entity: 'ledger-entry' as const, recordId: e.id, meetingId, action: 'create' as const, summary: summary(e), at }));
}

/** What a status change asks for: the new status, and the reason (退回整改) or the 销号 record (已销号). */
interface StatusChangeRequest {
  to: LedgerStatus;
  reason?: string;
  closure?: Partial<Closure>;
}

/** Moves an entry to a new status by the shared status machine, or refuses in Chinese and changes nothing. */
export async function changeLedgerStatus(db: WorkbenchDb, entryId: string, request: StatusChangeRequest, actor: string): Promise<LedgerEntry> {
  return writeMeetingData(db, [db.meetings, db.ledgerEntries], async (w) => {
    const entry = await liveEntry(db, entryId);
    await refuseCarried(db, entry);
    const at = nowIso();
    const result = changeStatus(entry, { ...request, by: actor }, at);
    if (!result.ok) throw new UserError(result.error);
    await db.ledgerEntries.put(result.value);
    const what = request.to === 'closed' ? '销号' : `状态由“${LEDGER_STATUS_LABELS[entry.status]}”改为“${LEDGER_STATUS_LABELS[request.to]}”`;
    const reason = result.value.history.at(-1)!.reason;
    w.log({ actor, entity: 'ledger-entry', recordId: entry.id, meetingId: entry.meetingId, action: 'update', summary: `${entry.accountNumber} ${what}${reason ? `（${short(reason)}）` : ''}`, at });
    return result.value;
  });
}

/** Appends a progress report to an entry (never edited afterwards), or refuses in Chinese. */
export async function addLedgerProgress(db: WorkbenchDb, entryId: string, input: { date: string; text: string; by?: string }, actor: string): Promise<ProgressEntry> {
  return writeMeetingData(db, [db.meetings, db.ledgerEntries, db.progressEntries], async (w) => {
    const entry = await liveEntry(db, entryId);
    await refuseCarried(db, entry);
    const at = nowIso();
    const result = appendProgress(entry, { date: input.date, text: input.text, by: input.by?.trim() || actor }, { at, newId });
    if (!result.ok) throw new UserError(result.error);
    await db.progressEntries.add(result.value);
    w.log({ actor, entity: 'progress', recordId: result.value.id, meetingId: entry.meetingId, action: 'create', summary: `${entry.accountNumber} 填报进展（${result.value.date}）：${short(result.value.text)}`, at });
    return result.value;
  });
}

/** The unit's meeting before this one: the live meeting of the latest earlier year, or undefined. */
export async function previousMeeting(db: WorkbenchDb, meetingId: string): Promise<Meeting | undefined> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return undefined;
  return previousOf(db, meeting.unitId, meeting.year);
}

async function previousOf(db: WorkbenchDb, unitId: string, year: number): Promise<Meeting | undefined> {
  const earlier = (await db.meetings.where('unitId').equals(unitId).toArray()).filter((m) => !m.deletedAt && m.year < year);
  return earlier.sort((a, b) => b.year - a.year || (a.createdAt < b.createdAt ? 1 : -1))[0];
}

/** 回头看: what last year's meeting offers this one — its open entries (not 已销号, 长期坚持 included) not carried yet. */
interface CarryOverOffer {
  from: Meeting;
  /** Last year's open entries not carried into this meeting yet, with their problems. */
  candidates: Array<{ entry: LedgerEntry; problem: ProblemItem; member: Member | undefined }>;
  /** How many of last year's open entries this meeting already carries. */
  carried: number;
}

/** What 回头看 offers a meeting (by id), or the meeting about to be created (by unit and year); undefined without an earlier meeting. */
export async function carryOverOffer(db: WorkbenchDb, to: { meetingId: string } | { unitId: string; year: number }): Promise<CarryOverOffer | undefined> {
  const target = 'meetingId' in to ? await db.meetings.get(to.meetingId) : undefined;
  const from = 'meetingId' in to ? (target ? await previousOf(db, target.unitId, target.year) : undefined) : await previousOf(db, to.unitId, to.year);
  if (!from) return undefined;
  const [old, members, ours] = await Promise.all([
    listLedger(db, from.id),
    db.members.where('meetingId').equals(from.id).toArray(),
    target ? db.ledgerEntries.where('meetingId').equals(target.id).toArray() : Promise.resolve([]),
  ]);
  const done = new Set(ours.filter((e) => !e.deletedAt && e.carriedFrom).map((e) => e.carriedFrom!.entryId));
  const open = carryOverCandidates({ meeting: from, members, problems: old.problems, entries: old.entries });
  const problems = new Map(old.problems.map((p) => [p.id, p]));
  return {
    from,
    candidates: open.filter((e) => !done.has(e.id)).map((entry) => ({ entry, problem: problems.get(entry.problemId)!, member: members.find((m) => m.id === entry.targetId) })),
    carried: open.filter((e) => done.has(e.id)).length,
  };
}

/**
 * 回头看: carries last year's open entries (the chosen ids, or every candidate) into this meeting as
 * new problem items and entries linked to their origin, in one transaction. Returns how many were
 * carried and, in Chinese, those left behind (already carried, or no matching member).
 */
export async function carryOverLedger(db: WorkbenchDb, meetingId: string, actor: string, entryIds?: readonly string[]): Promise<{ carried: LedgerEntry[]; skipped: string[]; undated: string[] }> {
  return writeMeetingData(db, [db.units, db.meetings, db.members, db.problems, db.ledgerEntries, db.progressEntries], async (w) => {
    const meeting = await liveMeeting(db, meetingId);
    const from = await previousOf(db, meeting.unitId, meeting.year);
    if (!from) throw new UserError('本单位没有更早年度的会议，无可结转的整改事项');
    const [unit, oldLedger, oldMembers, members, problems, entries] = await Promise.all([
      db.units.get(meeting.unitId),
      listLedger(db, from.id),
      db.members.where('meetingId').equals(from.id).toArray(),
      db.members.where('meetingId').equals(meetingId).toArray(),
      db.problems.where('meetingId').equals(meetingId).toArray(),
      db.ledgerEntries.where('meetingId').equals(meetingId).toArray(),
    ]);
    const at = nowIso();
    const result = carryOver(
      { meeting: from, members: oldMembers, problems: oldLedger.problems, entries: oldLedger.entries },
      { meeting, members, problems, entries, unit: unit ?? { name: '未知单位', shortName: '' } },
      entryIds ? { entryIds } : {},
      { at, newId },
    );
    if (!result.ok) throw new UserError(result.error);
    if (result.entries.length === 0 && result.skipped.length === 0) throw new UserError(`${from.title}没有未销号的整改事项可结转`);
    await db.problems.bulkAdd(result.problems);
    await db.ledgerEntries.bulkAdd(result.entries);
    w.log(createdLines(result.entries, meetingId, actor, at, (e) => `回头看：结转上年度 ${e.carriedFrom!.accountNumber} 为 ${e.accountNumber}（${LEDGER_STATUS_LABELS[e.status]}）`));
    return { carried: result.entries, skipped: result.skipped, undated: result.undated };
  });
}

/** A meeting's records for its problem and ledger documents, with last year's (回头看, 问题反复出现) when the unit has an earlier meeting. */
export async function ledgerDocsInput(db: WorkbenchDb, meetingId: string) {
  const meeting = await liveMeeting(db, meetingId);
  const records = async (id: string) => {
    const [ledger, consolidated] = await Promise.all([listLedger(db, id), db.consolidatedOpinions.where('meetingId').equals(id).toArray()]);
    return { ...ledger, consolidated: consolidated.filter((c) => !c.deletedAt) };
  };
  const from = await previousOf(db, meeting.unitId, meeting.year);
  const previous = from
    ? await Promise.all([db.units.get(from.unitId), db.members.where('meetingId').equals(from.id).toArray(), db.opinions.where('meetingId').equals(from.id).toArray(), records(from.id)]).then(
        ([unit, members, opinions, r]) => ({ meeting: from, unit, members: members.filter((m) => !m.deletedAt), opinions: opinions.filter((o) => !o.deletedAt), ...r }),
      )
    : undefined;
  return { ...(await records(meetingId)), previous };
}

/** The live problem items of the unit's meeting before this one (for 问题反复出现), empty without one. */
export async function previousProblems(db: WorkbenchDb, meetingId: string): Promise<ProblemItem[]> {
  const from = await previousMeeting(db, meetingId);
  if (!from) return [];
  return (await db.problems.where('meetingId').equals(from.id).toArray()).filter((p) => !p.deletedAt);
}

/** An entry with the entries it was carried from (回头看), oldest first, each with its progress log — the item's history across years. */
export async function ledgerHistory(db: WorkbenchDb, entryId: string) {
  const entries: LedgerEntry[] = [];
  const seen = new Set<string>();
  for (let e = await db.ledgerEntries.get(entryId); e && !seen.has(e.id); e = e.carriedFrom ? await db.ledgerEntries.get(e.carriedFrom.entryId) : undefined) {
    seen.add(e.id);
    entries.push(e);
  }
  const progress = await db.progressEntries.where('entryId').anyOf([...seen]).toArray();
  return historyAcrossYears(entryId, entries, progress);
}
