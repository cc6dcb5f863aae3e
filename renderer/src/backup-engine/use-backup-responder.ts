import { useEffect } from 'react';
import type { WorkbenchDb } from '../db/database';
import { desktop } from '../desktop';
import { describeError } from '../lib/errors';
import { createBackupOffThread } from './off-thread';

/**
 * Answers main's requests for an automatic backup (on its schedule and when the window closes):
 * main cannot read IndexedDB, so the page takes the snapshot (in a worker) and hands main the bytes.
 */
export function useBackupResponder(db: WorkbenchDb | undefined): void {
  useEffect(() => {
    if (!db) return undefined;
    const api = desktop();
    return api.onBackupRequest((request) => {
      void createBackupOffThread(db, { appVersion: __APP_VERSION__, reason: request.reason }).then(
        (made) => api.submitBackup({ requestId: request.requestId, data: made.bytes }),
        (e: unknown) => {
          console.error('[backup] automatic backup failed', e);
          return api.submitBackup({ requestId: request.requestId, error: describeError(e) });
        },
      );
    });
  }, [db]);
}
