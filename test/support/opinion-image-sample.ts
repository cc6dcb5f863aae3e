// Cell pictures (schema v4's opinionImages) for sample content: the first `perMeeting` opinions of
// every meeting get a real 4-bit grey PNG made by the app's own encoder (a few dark strokes on
// paper), with file, page, row, column and box as a paper-form import writes them.
import { encodeGray4Png } from '#shared/ocr/cell-image';
import type { OpinionImage } from '#shared/model/opinion-images';
import type { PackageContent } from '#shared/package/format';
import { toBase64 } from '#shared/util/base64';
import { fakeUuid } from './sample-content';

/** A small grey picture with `strokes` dark bars, as PNG bytes. */
export function samplePng(width = 120, height = 36, strokes = 3): Uint8Array {
  const data = new Uint8Array(width * height).fill(255);
  for (let s = 0; s < strokes; s++) {
    const x0 = 8 + s * Math.floor((width - 16) / Math.max(1, strokes));
    for (let y = 8; y < height - 8; y++) for (let x = x0; x < x0 + 6 && x < width; x++) data[y * width + x] = 20 + s * 30;
  }
  return encodeGray4Png({ width, height, data });
}

/** The image record of one opinion. */
export function sampleOpinionImage(opinion: { id: string; meetingId: string }, id: string, fields: Partial<OpinionImage> = {}): OpinionImage {
  return {
    id,
    meetingId: opinion.meetingId,
    opinionId: opinion.id,
    file: '意见表.png',
    page: 1,
    row: 3,
    column: 2,
    box: { x: 210, y: 640, width: 980, height: 150 },
    width: 120,
    height: 36,
    png: toBase64(samplePng()),
    createdAt: '2025-12-01T08:00:00.000Z',
    ...fields,
  };
}

/** The content with a picture for the first `perMeeting` opinions of every meeting (a new object). */
export function withOpinionImages(content: PackageContent, perMeeting = 2, firstId = 95_000): PackageContent {
  let n = firstId;
  const out: PackageContent = structuredClone(content);
  for (const meeting of content.meetings) {
    for (const opinion of content.opinions.filter((o) => o.meetingId === meeting.id).slice(0, perMeeting)) {
      out.opinionImages.push(sampleOpinionImage(opinion, fakeUuid(n++), { row: (n % 9) + 1 }));
    }
  }
  return out;
}
