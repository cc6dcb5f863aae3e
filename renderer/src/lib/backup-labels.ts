import type { BackupReason } from '#shared/backup/format';
import { RECORD_TABLES, recordLabel } from '#shared/model/record-kinds';

/** How a table is called where a backup's contents are shown: its name in the record registry. */
export function tableLabel(name: string): string {
  return recordLabel(name);
}

/** A backup's row counts as `单位 3，会议 3，…`: the known tables in the order people think of them, then any others. */
export function describeCounts(tables: Record<string, number>): string {
  const known: readonly string[] = RECORD_TABLES;
  const rank = (name: string) => (known.includes(name) ? known.indexOf(name) : known.length);
  return Object.entries(tables)
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([name, count]) => `${tableLabel(name)} ${count}`)
    .join('，');
}

export const REASON_LABELS: Record<BackupReason, string> = {
  manual: '手动备份',
  scheduled: '定时自动备份',
  quit: '关闭时自动备份',
  'before-upgrade': '升级数据格式前',
  'before-restore': '恢复备份前',
};

/** An ISO time as local `YYYY-MM-DD HH:mm:ss`. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** `YYYYMMDD-HHmmss` in local time, for file names. */
export function fileStamp(now: Date = new Date()): string {
  return localTime(now.toISOString()).replace(/-/g, '').replace(' ', '-').replace(/:/g, '');
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
