import { useCallback, useMemo, useState } from 'react';
import type { Proposal } from './ProposalList';

const key = (p: Pick<Proposal, 'opinionIds' | 'joinId'>) => `${p.joinId ?? ''}|${[...p.opinionIds].sort().join(',')}`;

/**
 * The proposals staff refused (不合并), kept per meeting in this browser profile: a refusal is a
 * working note, not meeting data; a proposal that changes (another opinion joins it) is shown again.
 */
export function useRefusedProposals(meetingId: string) {
  const storageKey = `mzsh.refused-proposals.${meetingId}`;
  const [keys, setKeys] = useState<string[]>(() => {
    try {
      const v: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  });
  const store = useCallback(
    (next: string[]) => {
      setKeys(next);
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // A full or blocked localStorage only loses the note; the proposal shows again.
      }
    },
    [storageKey],
  );
  return useMemo(() => {
    const set = new Set(keys);
    return {
      size: keys.length,
      has: (p: Proposal) => set.has(key(p)),
      add: (p: Proposal) => store([...keys, key(p)]),
      clear: () => store([]),
    };
  }, [keys, store]);
}
