import { useEffect, useState } from 'react';

// The overview's column groups a supervisor may show or hide. With every group shown the table is
// about 1,550 px wide; the default set fits a 1440 px screen beside the side menu without scrolling
// sideways. The choice is a view preference kept in this browser profile (localStorage, like the
// entry page's draft), not data: nothing is counted from it, backups do not carry it.
export const COLUMN_GROUPS = [
  { key: 'opinions', label: '征求意见' },
  { key: 'coverage', label: '意见回应' },
  { key: 'rectification', label: '整改' },
  { key: 'preparation', label: '会前准备' },
  { key: 'audit', label: '审核' },
] as const;

export type ColumnGroup = (typeof COLUMN_GROUPS)[number]['key'];

/** Shown until the person chooses: the opinions and their answers, and the verdict; 整改 and 会前准备 one click away. */
export const DEFAULT_GROUPS: readonly ColumnGroup[] = ['opinions', 'coverage', 'audit'];

const KEY = 'mzsh.overview.columnGroups';
const isGroup = (v: unknown): v is ColumnGroup => COLUMN_GROUPS.some((g) => g.key === v);

/** The stored choice, or the default when nothing (or something unreadable) is stored. */
export function readGroups(raw: string | null | undefined): ColumnGroup[] {
  if (!raw) return [...DEFAULT_GROUPS];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? COLUMN_GROUPS.map((g) => g.key).filter((k) => parsed.includes(k) && isGroup(k)) : [...DEFAULT_GROUPS];
  } catch {
    return [...DEFAULT_GROUPS];
  }
}

function stored(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the default set, nothing kept
  }
}

/** The column groups shown, kept across visits. */
export function useColumnGroups(): [ColumnGroup[], (groups: ColumnGroup[]) => void] {
  const [groups, setGroups] = useState<ColumnGroup[]>(() => readGroups(stored()));
  useEffect(() => {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(groups));
    } catch {
      // Storage full or disabled: the choice lasts until the page is left.
    }
  }, [groups]);
  return [groups, (next) => setGroups(COLUMN_GROUPS.map((g) => g.key).filter((k) => next.includes(k)))];
}
