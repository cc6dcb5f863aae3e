// How the 整改 tab names and colours statuses and the moves between them (the moves themselves are
// the shared status machine's: shared/ledger/status.ts).
import type { LedgerStatus } from '#shared/model/ledger';

export const STATUS_TAG_COLORS: Readonly<Record<LedgerStatus, string>> = {
  'not-started': 'default',
  'in-progress': 'processing',
  'closure-requested': 'gold',
  closed: 'success',
  ongoing: 'purple',
};

/** The button for a move, by where it starts and where it goes. */
export function moveLabel(from: LedgerStatus, to: LedgerStatus): string {
  if (to === 'in-progress') return from === 'closure-requested' ? '退回整改' : from === 'ongoing' ? '恢复整改' : '开始整改';
  if (to === 'closure-requested') return '申请销号';
  if (to === 'closed') return '销号';
  return '转为长期坚持';
}
