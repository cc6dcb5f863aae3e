import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';

// What a person was doing on a meeting's entry page (the half-typed opinion, the target, category
// and channel picked) survives a reload: kept per meeting in localStorage. Only this browser
// profile sees it; it is a convenience, not data — nothing is counted from it.
const PREFIX = 'mzsh.entry.';

function storageKey(meetingId: string, field: string): string {
  return `${PREFIX}${meetingId}.${field}`;
}

function read(key: string): string | undefined {
  try {
    return window.localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined; // storage disabled: behave as before, nothing kept
  }
}

function write(key: string, value: string): void {
  try {
    if (value === '') window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the draft is simply not kept.
  }
}

/**
 * A string state kept per meeting across reloads. `initial` decides the first value from what was
 * stored (undefined when nothing was), so callers can prefer a link's choice or check the stored
 * value is still valid.
 */
export function useStoredState(meetingId: string, field: string, initial: (stored: string | undefined) => string): [string, Dispatch<SetStateAction<string>>] {
  const key = storageKey(meetingId, field);
  const [value, setValue] = useState(() => initial(read(key)));
  useEffect(() => write(key, value), [key, value]);
  const set = useCallback<Dispatch<SetStateAction<string>>>((next) => setValue(next), []);
  return [value, set];
}
