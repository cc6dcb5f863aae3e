import { Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useBackupResponder } from '../backup-engine/use-backup-responder';
import { makeBackupFile } from '../backup-engine/backup-file';
import { openWorkbenchDatabase, type DatabaseState } from '../db/open-database';
import { repositories, type Repositories } from '../db/repositories';
import { loadSettings, type AppSettings } from '../db/repos/settings-repo';
import { desktop } from '../desktop';
import { describeError } from '../lib/errors';

interface Workbench {
  /** The repositories, bound to the open database: features read and write only through these. */
  repos: Repositories;
  settings: AppSettings;
  /** The operator's name, for the change log. */
  actor: string;
  /** Why the data cannot be changed, when the database was opened read-only. */
  readOnlyReason: string | undefined;
  reloadSettings: () => Promise<void>;
}

const WorkbenchContext = createContext<Workbench | undefined>(undefined);

// One open per page load, shared by StrictMode's double effects.
let opening: Promise<DatabaseState> | undefined;

function openOnce(): Promise<DatabaseState> {
  opening ??= openWorkbenchDatabase({
    // Before Dexie upgrades an older database, main keeps a copy in the backups folder (desktop
    // only; a browser has no folder to keep it in).
    beforeUpgrade: async ({ schemaVersion, tables }) => {
      const api = desktop();
      if (api.kind !== 'electron') return;
      const made = await makeBackupFile(tables, { schemaVersion, appVersion: __APP_VERSION__, reason: 'before-upgrade' });
      const stored = await api.storeBackup({ reason: 'before-upgrade', data: made.bytes });
      if (!stored.ok) throw new Error(stored.error.message);
    },
  });
  return opening;
}

/** Opens the database (read-only when it is newer than the app) and loads the settings before anything else renders. */
export function WorkbenchProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DatabaseState>();
  const [settings, setSettings] = useState<AppSettings>();
  const [error, setError] = useState<string>();
  const db = state?.db;

  const reloadSettings = useCallback(async () => {
    if (db) setSettings(await loadSettings(db));
  }, [db]);

  useEffect(() => {
    openOnce().then(setState, (e: unknown) => setError(describeError(e)));
    // Ask the browser not to evict the data under storage pressure.
    void navigator.storage?.persist?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    reloadSettings().catch((e: unknown) => setError(describeError(e)));
  }, [reloadSettings]);

  useBackupResponder(db);
  const repos = useMemo(() => (db ? repositories(db) : undefined), [db]);

  if (error) return <div style={{ padding: 48, fontSize: 16 }}>无法打开本机数据：{error}</div>;
  if (!state || !settings || !repos) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  const readOnlyReason = state.mode === 'read-only' ? state.reason : undefined;
  return (
    <WorkbenchContext.Provider value={{ repos, settings, actor: settings.operatorName, readOnlyReason, reloadSettings }}>{children}</WorkbenchContext.Provider>
  );
}

export function useWorkbench(): Workbench {
  const value = useContext(WorkbenchContext);
  if (!value) throw new Error('useWorkbench outside WorkbenchProvider');
  return value;
}
