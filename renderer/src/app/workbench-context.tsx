import { Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { getDb, type WorkbenchDb } from '../db/database';
import { loadSettings, type AppSettings } from '../db/repos/settings-repo';
import { describeError } from '../lib/errors';

interface Workbench {
  db: WorkbenchDb;
  settings: AppSettings;
  /** The operator's name, for the change log. */
  actor: string;
  reloadSettings: () => Promise<void>;
}

const WorkbenchContext = createContext<Workbench | undefined>(undefined);

/** Opens the database and loads the settings before anything else renders. */
export function WorkbenchProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<AppSettings>();
  const [error, setError] = useState<string>();
  const db = getDb();

  const reloadSettings = useCallback(async () => {
    setSettings(await loadSettings(db));
  }, [db]);

  useEffect(() => {
    reloadSettings().catch((e: unknown) => setError(describeError(e)));
    // Ask the browser not to evict the data under storage pressure.
    void navigator.storage?.persist?.().catch(() => undefined);
  }, [reloadSettings]);

  if (error) return <div style={{ padding: 48, fontSize: 16 }}>无法打开本机数据：{error}</div>;
  if (!settings) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  return <WorkbenchContext.Provider value={{ db, settings, actor: settings.operatorName, reloadSettings }}>{children}</WorkbenchContext.Provider>;
}

export function useWorkbench(): Workbench {
  const value = useContext(WorkbenchContext);
  if (!value) throw new Error('useWorkbench outside WorkbenchProvider');
  return value;
}
