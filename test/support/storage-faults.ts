// Injected storage failures for tests: a DBCore middleware that makes a chosen write fail the way
// IndexedDB fails (QuotaExceededError, an AbortError wrapping one, …). Register it on a database
// before its first use, seed data, then arm it. Import (issue 4) and merge (issue 5) tests can use
// the same helper to show a failed batch leaves the data as it was.
import type Dexie from 'dexie';
import type { DBCoreMutateRequest } from 'dexie';

export interface StorageFault {
  /** Only writes to this table fail (any table when omitted). */
  table?: string;
  /** How many matching write calls succeed before the failing one (default 0: the first fails). */
  after?: number;
  /** The error the write rejects with. */
  error: () => unknown;
}

export interface FaultSwitch {
  arm(fault: StorageFault): void;
  disarm(): void;
  /** Write calls seen while armed, as `table:type` (put/add/delete/deleteRange). */
  readonly writes: string[];
}

export function injectStorageFaults(db: Dexie): FaultSwitch {
  let fault: StorageFault | undefined;
  let seen = 0;
  const writes: string[] = [];
  db.use({
    stack: 'dbcore',
    name: 'test-storage-faults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (fault && (fault.table === undefined || fault.table === name)) {
              writes.push(`${name}:${req.type}`);
              if (seen++ >= (fault.after ?? 0)) return Promise.reject(fault.error());
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return {
    arm(next) {
      fault = next;
      seen = 0;
      writes.length = 0;
    },
    disarm() {
      fault = undefined;
    },
    writes,
  };
}

/** A QuotaExceededError as Chromium raises it. */
export function quotaExceeded(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}
