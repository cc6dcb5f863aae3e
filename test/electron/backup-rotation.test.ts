import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../electron/main/backup/backup-names';
import { backupsToDelete, type BackupEntry } from '../../electron/main/backup/rotation';
import type { BackupReason } from '#shared/backup/format';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-03-31T12:00:00.000Z');
const utcDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Backups `hoursAgo` before NOW, named by their age so the expectations read easily. */
function entries(spec: Array<[hoursAgo: number, reason?: BackupReason]>): BackupEntry[] {
  return spec.map(([h, reason = 'scheduled']) => ({ name: `${h}h`, time: NOW - h * HOUR, reason }));
}

describe('backup rotation', () => {
  it.each<[string, Array<[number, BackupReason?]>, string[]]>([
    ['keeps everything when there are ten or fewer', [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]], []],
    ['keeps the newest ten of one day and nothing older from that day', [[0], [0.5], [1], [1.5], [2], [2.5], [3], [3.5], [4], [4.5], [5], [5.5]], ['5h', '5.5h']],
    // Half-hourly backups over three days: the newest ten, plus the newest of each earlier day.
    [
      'keeps the newest of each earlier day',
      [[0], [0.5], [1], [1.5], [2], [2.5], [3], [3.5], [4], [4.5], [5], [13], [14], [30], [37], [38], [60], [61]],
      // 5h is on today (kept: 0h), 13h is the newest of the 30th, 37h of the 29th, 61h of the 28th.
      ['5h', '14h', '30h', '38h', '60h'],
    ],
    ['forgets daily backups after thirty days', [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9], [29 * 24], [31 * 24], [40 * 24]], ['744h', '960h']],
    [
      'keeps backups taken before an upgrade or a restore for thirty days',
      [[0], [0.5], [1], [1.5], [2], [2.5], [3], [3.5], [4], [4.5], [5, 'before-restore'], [5.5], [6, 'before-upgrade'], [40 * 24, 'before-upgrade']],
      ['5.5h', '960h'],
    ],
    ['keeps a lone old backup when it is among the newest ten', [[45 * 24], [90 * 24]], []],
    ['deletes nothing when there is nothing', [], []],
  ])('%s', (_label, spec, deleted) => {
    expect(backupsToDelete(entries(spec), NOW, utcDay).sort()).toEqual(deleted.sort());
  });

  it('follows the calendar days it is given (local days in the app)', () => {
    const spec = entries([[0], [1], [2], [3], [4], [5], [6], [7], [8], [9], [10], [11], [13]]);
    // In UTC, 10h and 11h ago (02:00 and 01:00 on the 31st) share a day with the newest ten and
    // go; 13h ago is 23:00 on the 30th, the newest of its day, and stays.
    expect(backupsToDelete(spec, NOW, utcDay).sort()).toEqual(['10h', '11h']);
    // In UTC+8, 13h ago is 07:00 on the 31st local time: the same day as the newest ten, so it goes too.
    const plus8 = (t: number) => utcDay(t + 8 * HOUR);
    expect(backupsToDelete(spec, NOW, plus8).sort()).toEqual(['10h', '11h', '13h'].sort());
  });

  it('keeps the newest ten by time, whatever order the folder lists them in', () => {
    const spec = entries(Array.from({ length: 15 }, (_, i): [number] => [i])).reverse();
    expect(backupsToDelete(spec, NOW, () => 'same-day').sort()).toEqual(['10h', '11h', '12h', '13h', '14h']);
  });
});

describe('backup file names', () => {
  it('round-trips time and reason', () => {
    const time = new Date('2025-11-21T06:30:00.123Z');
    const name = backupFileName(time, 'before-restore');
    expect(name).toBe('mzsh-2025-11-21T06-30-00-123Z-before-restore.mzsh-backup');
    expect(parseBackupFileName(name)).toEqual({ name, time: time.getTime(), reason: 'before-restore' });
  });
  it.each(['notes.txt', 'mzsh-2025-11-21T06-30-00-123Z-evil.mzsh-backup', '../mzsh-2025-11-21T06-30-00-123Z-manual.mzsh-backup', 'mzsh-2025-13-45T06-30-00-123Z-manual.mzsh-backup', 'mzsh-2025-11-21T06-30-00-123Z-manual.mzsh-backup.tmp'])(
    'ignores %s',
    (name) => {
      expect(parseBackupFileName(name)).toBeUndefined();
    },
  );
  it('sorts by name in time order', () => {
    const names = [DAY, 0, 3 * HOUR].map((ms) => backupFileName(new Date(NOW - ms), 'scheduled'));
    expect([...names].sort()).toEqual([names[0], names[2], names[1]]);
  });
});
