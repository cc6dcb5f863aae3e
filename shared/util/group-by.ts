/** Rows grouped by a key, each group in the rows' order. `groupBy(opinions, (o) => o.meetingId)` */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(row);
  }
  return map;
}

/** Rows grouped by their meeting: how members, opinions and audits are read per meeting in one pass. */
export function groupByMeeting<T extends { meetingId: string }>(rows: readonly T[]): Map<string, T[]> {
  return groupBy(rows, (r) => r.meetingId);
}
