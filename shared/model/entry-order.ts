// Opinions are listed in the order they were entered (created time, then id). A batch written at
// one instant (a paste, an import) would share one time and fall back to the random id, so a pasted
// pair could come out reversed in the list, the print view and Word. Each record of a batch is
// therefore stamped one millisecond after the one before it.

/** The created time of the `index`-th record of a batch begun at `start` (ISO). `batchTime('…00.000Z', 2)` ends `00.002Z`. */
export function batchTime(start: string, index: number): string {
  if (index === 0) return start;
  return new Date(Date.parse(start) + index).toISOString();
}
