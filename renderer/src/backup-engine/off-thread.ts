import type { BackupManifest, BackupReason } from '#shared/backup/format';
import type { WorkbenchDb } from '../db/database';
import { createBackup } from '../db/repos/backup-repo';
import { settleSummaries } from '../db/repos/summaries-repo';
import { UserError } from '../lib/user-error';
import type { MadeBackup } from './backup-file';

export interface BackupJob {
  dbName: string;
  appVersion: string;
  reason: BackupReason;
  password?: string;
}

export type BackupJobResult = { ok: true; bytes: Uint8Array; manifest: BackupManifest } | { ok: false; error: string };

/**
 * A backup of the whole database made in a worker (backup-worker.ts), leaving the page responsive;
 * where workers are missing or fail to start, made on the page instead.
 */
export function createBackupOffThread(db: WorkbenchDb, options: { appVersion: string; reason: BackupReason; password?: string }): Promise<MadeBackup> {
  if (typeof Worker === 'undefined') return createBackup(db, options);
  // The worker reads the rows as they are: summaries a write left pending are computed first, here.
  const settled = db.summaryCache ? settleSummaries(db) : Promise.resolve();
  return settled.then(() => inWorker(db, options));
}

function inWorker(db: WorkbenchDb, options: { appVersion: string; reason: BackupReason; password?: string }): Promise<MadeBackup> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module', name: 'backup' });
    } catch {
      createBackup(db, options).then(resolve, reject);
      return;
    }
    worker.onmessage = (event: MessageEvent<BackupJobResult>) => {
      worker.terminate();
      const result = event.data;
      if (result.ok) resolve({ bytes: result.bytes, manifest: result.manifest });
      else reject(new UserError(result.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      createBackup(db, options).then(resolve, reject);
    };
    worker.postMessage({ dbName: db.name, ...options } satisfies BackupJob);
  });
}
