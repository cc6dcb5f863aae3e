// The pictures of the paper that opinions read from scanned forms came from (schema v4). Read one
// at a time, by opinion, when someone opens an opinion to check it: never by the lists or summaries.
import type { OpinionImage } from '#shared/model/opinion-images';
import type { WorkbenchDb } from '../database';

/** The picture of an opinion's cell on its paper form, or undefined for an opinion not read from paper (or read before pictures were kept). */
export async function getOpinionImage(db: WorkbenchDb, opinionId: string): Promise<OpinionImage | undefined> {
  // A database opened read-only at an older schema has no such table.
  if (!db.tables.some((t) => t.name === 'opinionImages')) return undefined;
  return db.opinionImages.where('opinionId').equals(opinionId).first();
}
