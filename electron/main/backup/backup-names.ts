// The file names of automatic backups: the UTC time and the reason, so the folder sorts by time
// and a person can read it: `mzsh-2025-11-21T06-30-00-123Z-scheduled.mzsh-backup`.
import { BACKUP_EXTENSION, BACKUP_REASONS, type BackupReason } from '#shared/backup/format';
import type { BackupEntry } from './rotation';

const NAME = new RegExp(`^mzsh-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(${BACKUP_REASONS.join('|')})\\${BACKUP_EXTENSION}$`);

/** The file name of a backup taken at `time` for `reason`. */
export function backupFileName(time: Date, reason: BackupReason): string {
  const iso = time.toISOString(); // 2025-11-21T06:30:00.123Z
  return `mzsh-${iso.slice(0, 10)}T${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}-${iso.slice(20, 23)}Z-${reason}${BACKUP_EXTENSION}`;
}

/** The time and reason of a backup file name, or undefined for any other file (never touched). */
export function parseBackupFileName(name: string): BackupEntry | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const time = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  if (Number.isNaN(time)) return undefined;
  return { name, time, reason: m[6] as BackupReason };
}
