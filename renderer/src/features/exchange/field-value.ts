import { LEDGER_STATUS_LABELS, type LedgerStatus } from '#shared/model/ledger';
import { formatDateTime } from '#shared/util/dates';
// A record's field value as the merge preview shows it: times in local time, a soft delete in words.
const TIMES = new Set(['createdAt', 'updatedAt', 'deletedAt', 'at']);
const localTime = formatDateTime;

/** `已删除（2025-11-02 08:00:00）`, `（空）`, the text itself … */
export function showField(value: unknown, key: string): string {
  if (value === undefined || value === null || value === '') return key === 'deletedAt' ? '未删除' : '（空）';
  if (key === 'deletedAt') return `已删除（${localTime(String(value))}）`;
  if (TIMES.has(key)) return localTime(String(value));
  // A ledger entry's status in words (未启动, 整改中 …); a meeting's status values are not among them.
  if (key === 'status' && typeof value === 'string' && Object.hasOwn(LEDGER_STATUS_LABELS, value)) return LEDGER_STATUS_LABELS[value as LedgerStatus];
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
