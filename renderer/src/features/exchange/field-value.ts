import { formatDateTime } from '../../../../shared/util/dates';
// A record's field value as the merge preview shows it: times in local time, a soft delete in words.
const TIMES = new Set(['createdAt', 'updatedAt', 'deletedAt', 'at']);
const localTime = formatDateTime;

/** `已删除（2025-11-02 08:00:00）`, `（空）`, the text itself … */
export function showField(value: unknown, key: string): string {
  if (value === undefined || value === null || value === '') return key === 'deletedAt' ? '未删除' : '（空）';
  if (key === 'deletedAt') return `已删除（${localTime(String(value))}）`;
  if (TIMES.has(key)) return localTime(String(value));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
