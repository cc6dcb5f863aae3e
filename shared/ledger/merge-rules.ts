// How one ledger entry from another machine meets the local one (the package merge will call this):
// parents and the account number never change; a status history that only grew on one side is taken
// from that side; status changes made on both sides are a conflict shown to the user, never resolved
// silently. Progress entries merge as a union by id (progress.ts).
import { LEDGER_STATUS_LABELS, type LedgerEntry, type StatusChange } from '../model/ledger';
import { canonicalJson } from '../util/canonical-json';

type EntryMerge =
  | { kind: 'same' }
  | { kind: 'keep-local' }
  | { kind: 'take-remote'; value: LedgerEntry }
  | { kind: 'conflict'; message: string };

const sameChange = (a: StatusChange, b: StatusChange) => a.at === b.at && a.from === b.from && a.to === b.to && a.by === b.by && a.reason === b.reason;
const isPrefix = (a: readonly StatusChange[], b: readonly StatusChange[]) => a.length <= b.length && a.every((c, i) => sameChange(c, b[i]!));
// Key order differs between a record built here and one parsed from a package: compare canonically.
const comparable = (e: LedgerEntry) => canonicalJson({ ...e, updatedAt: undefined });

/** Decides the merge of one entry present on both machines (same id). */
export function mergeLedgerEntry(local: LedgerEntry, remote: LedgerEntry): EntryMerge {
  const who = `台账 ${local.accountNumber}`;
  if (local.meetingId !== remote.meetingId || local.problemId !== remote.problemId || local.targetId !== remote.targetId) {
    return { kind: 'conflict', message: `${who}：两边所属的会议、问题或责任对象不同，不能合并` };
  }
  if (local.accountNumber !== remote.accountNumber) return { kind: 'conflict', message: `${who}：两边的账号不同（${local.accountNumber} / ${remote.accountNumber}）` };
  if (comparable(local) === comparable(remote)) return { kind: 'same' };
  const localGrew = isPrefix(remote.history, local.history);
  const remoteGrew = isPrefix(local.history, remote.history);
  if (localGrew && remoteGrew) {
    // Same history, other fields differ (a delete on one side): the later write wins only for the delete mark.
    if (Boolean(local.deletedAt) !== Boolean(remote.deletedAt)) return { kind: 'conflict', message: `${who}：一边已删除，另一边未删除` };
    return remote.updatedAt > local.updatedAt ? { kind: 'take-remote', value: remote } : { kind: 'keep-local' };
  }
  if (remoteGrew) return { kind: 'take-remote', value: remote };
  if (localGrew) return { kind: 'keep-local' };
  return {
    kind: 'conflict',
    message: `${who}：两边都改变了状态（本机为“${LEDGER_STATUS_LABELS[local.status]}”，导入数据为“${LEDGER_STATUS_LABELS[remote.status]}”），请核对后选择`,
  };
}
