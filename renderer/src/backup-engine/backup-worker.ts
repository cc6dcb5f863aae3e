// Makes a backup in a worker, so that an automatic backup of county-scale data (about 5 s of
// reading, JSON and gzip for 100,000 opinions) never freezes the page. The worker opens the same
// database by name, without declaring a schema, and reads it in one transaction.
import Dexie from 'dexie';
import { snapshotTables } from '../db/repos/backup-repo';
import { describeError } from '../lib/errors';
import { makeBackupFile } from './backup-file';
import type { BackupJob, BackupJobResult } from './off-thread';

interface WorkerScope {
  onmessage: ((event: MessageEvent<BackupJob>) => void) | null;
  postMessage(message: BackupJobResult, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const job = event.data;
  const db = new Dexie(job.dbName);
  void (async () => {
    try {
      await db.open();
      const tables = await snapshotTables(db);
      const made = await makeBackupFile(tables, { schemaVersion: db.verno, appVersion: job.appVersion, reason: job.reason, password: job.password });
      scope.postMessage({ ok: true, bytes: made.bytes, manifest: made.manifest }, [made.bytes.buffer as ArrayBuffer]);
    } catch (e) {
      scope.postMessage({ ok: false, error: describeError(e) });
    } finally {
      db.close();
    }
  })();
};
