import { newId, nowIso } from '../util/ids';
import type { ChangeLogEntry } from './types';

export type ChangeInput = Omit<ChangeLogEntry, 'id' | 'at'> & { at?: string };

/** A change-log line (the app's repositories and the command line); written by the caller with the change it records. */
export function changeEntry(input: ChangeInput): ChangeLogEntry {
  return { id: newId(), at: input.at ?? nowIso(), ...input };
}
