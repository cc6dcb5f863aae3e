// The picture of the paper an opinion was read from: for each opinion imported from a scanned
// 征求意见表, its table cell as a grey PNG (shared/ocr/cell-image.ts), with the file, page, table row,
// column and the cell's place on the levelled page — kept so that anyone can check the opinion
// against the paper later. A record of its own (not a field of the opinion), so that the opinion
// lists, summaries and checks never load pictures. It never changes: it follows its opinion into
// the recycle bin and back (the opinion's `deletedAt` says whether it is live), and travels with it
// in packages and backups. The PNG is held as base64 text: packages and backups are JSON, merge
// bases hash records as canonical JSON, and IndexedDB stores a string as readily as bytes.
import { z } from 'zod';
import type { CellImage } from '../ocr/cell-image';
import { toBase64 } from '../util/base64';
import { newId } from '../util/ids';
import type { Opinion } from './types';
import { zId, zText, zTime } from './zod-fields';

/** A stored picture is at most this long in base64 (about 1.5 MB of PNG; a cell is typically 5–20 KB). */
const MAX_PNG_TEXT = 2_000_000;
/** The base64 of every PNG starts with its signature. */
const PNG_BASE64_START = 'iVBORw0KGgo';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}应不小于 ${min}` })
    .max(max, { error: `${label}应不大于 ${max}` });

export const opinionImageSchema = z.strictObject(
  {
    id: zId('编号'),
    meetingId: zId('会议编号'),
    /** The opinion read from this cell. */
    opinionId: zId('意见编号'),
    /** The scan's file name, as chosen. */
    file: zText('文件名', 255, true),
    /** The page of the file (1 for a picture). */
    page: count('页码', 1, 100_000),
    /** The table row, 1-based as the opinion's origin counts it. */
    row: count('表格行', 1, 100_000),
    /** The cell's column, 1-based (第 N 栏). */
    column: count('栏', 1, 1000),
    /** The cell on the levelled page, in that page's pixels. */
    box: z.strictObject(
      { x: count('位置', 0, 100_000), y: count('位置', 0, 100_000), width: count('宽度', 1, 100_000), height: count('高度', 1, 100_000) },
      { error: '单元格位置应为对象' },
    ),
    /** The picture's size in pixels. */
    width: count('图像宽度', 1, 10_000),
    height: count('图像高度', 1, 10_000),
    /** The PNG, base64. */
    png: z
      .string({ error: '原件图像应为文本' })
      .max(MAX_PNG_TEXT, { error: '原件图像过大' })
      .refine((s) => s.startsWith(PNG_BASE64_START) && s.length % 4 === 0 && BASE64.test(s), { error: '原件图像不是 PNG 图像的 base64 文本' }),
    createdAt: zTime('创建时间'),
  },
  { error: '意见原件应为对象' },
);
export type OpinionImage = z.infer<typeof opinionImageSchema>;

/** Where an imported row was read on paper, with its cell's picture: what the opinion's image record is made of. */
export interface ScanCell {
  page: number;
  /** 1-based. */
  column: number;
  image: CellImage;
}

/**
 * The image records of imported opinions: one per opinion whose row came with a cell picture.
 * `rows[i]` is the row `prepared[i]` was made from; `opinions` are those an import keeps (some
 * prepared records may be left out as repeats). The app's commit and the command line both call this.
 */
export function opinionImagesOf(
  opinions: readonly Opinion[],
  prepared: readonly Pick<Opinion, 'id'>[],
  rows: ReadonlyArray<{ file?: string; row: number; scan?: ScanCell }>,
  meta: { file: string; now: string },
): OpinionImage[] {
  const rowOf = new Map(prepared.map((p, i) => [p.id, rows[i]]));
  const out: OpinionImage[] = [];
  for (const o of opinions) {
    const row = rowOf.get(o.id);
    if (!row?.scan) continue;
    const { page, column, image } = row.scan;
    out.push({
      id: newId(),
      meetingId: o.meetingId,
      opinionId: o.id,
      file: row.file ?? meta.file,
      page,
      row: row.row,
      column,
      box: { x: Math.round(image.box.x), y: Math.round(image.box.y), width: Math.round(image.box.width), height: Math.round(image.box.height) },
      width: image.width,
      height: image.height,
      png: toBase64(image.png),
      createdAt: meta.now,
    });
  }
  return out;
}
