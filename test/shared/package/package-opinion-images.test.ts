// Package format 2's optional `opinionImages` list: the cell pictures of opinions read from paper
// forms. Written only when there is a picture (a package without any is byte for byte what a writer
// before pictures wrote, and such packages still open); checked record by record and for their
// references like every other list.
import { describe, expect, it } from 'vitest';
import { buildPackage, contentChecksum, readPackage, selectUnits, sortContent, type PackageContent } from '#shared/package/format';
import { withFollowUp } from '../../support/follow-up-sample';
import { withOpinionImages } from '../../support/opinion-image-sample';
import { fakeUuid, sampleContent } from '../../support/sample-content';

const meta = { appVersion: '0.3.0', exportedAt: '2026-12-06T00:00:00.000Z' };
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const sample = () => withOpinionImages(withFollowUp(sampleContent({ units: 2 })));

function fileOf(content: object, formatVersion = 2) {
  return encode({ format: 'mzsh-exchange', formatVersion, ...meta, checksum: { algorithm: 'SHA-256', value: contentChecksum(content) }, content });
}

const refusal = (content: object, formatVersion = 2) => {
  const r = readPackage(fileOf(content, formatVersion));
  return r.ok ? 'accepted' : r.error;
};

describe('cell pictures in the exchange package', () => {
  it('round-trip with every field, and are selected with their units', () => {
    const content = sample();
    expect(content.opinionImages).toHaveLength(4);
    const r = readPackage(buildPackage(content, meta));
    if (!r.ok) throw new Error(r.error);
    expect(r.package.content.opinionImages).toEqual(sortContent(content).opinionImages);
    const part = selectUnits(content, [content.units[1]!.id]);
    expect(part.opinionImages.map((i) => i.meetingId)).toEqual([content.meetings[1]!.id, content.meetings[1]!.id]);
  });

  it('are left out of a package that has none, which then reads as before pictures', () => {
    const content = withFollowUp(sampleContent({ units: 1 }));
    const text = new TextDecoder().decode(buildPackage(content, meta));
    expect(text).not.toContain('opinionImages');
    // A format-2 file written before pictures existed (no such list) opens, with none.
    const { opinionImages: _none, ...older } = sortContent(content);
    const r = readPackage(fileOf(older));
    expect(r.ok && r.package.content.opinionImages).toEqual([]);
    // An empty list counts as absent in the checksum: the content read has the same checksum as the file.
    expect(r.ok && contentChecksum(r.package.content)).toBe(contentChecksum(older));
  });

  it('refuses a picture whose opinion is not in the package, or of another meeting, or that is not a PNG', () => {
    const base = sample();
    const orphan: PackageContent = structuredClone(base);
    orphan.opinionImages[0]!.opinionId = fakeUuid(999_999);
    expect(refusal(orphan)).toBe(`数据包不完整：意见原件 ${orphan.opinionImages[0]!.id} 的意见不在该会议的意见中`);
    const elsewhere: PackageContent = structuredClone(base);
    elsewhere.opinionImages[0]!.opinionId = base.opinions.find((o) => o.meetingId !== elsewhere.opinionImages[0]!.meetingId)!.id;
    expect(refusal(elsewhere)).toMatch(/^数据包不完整：意见原件 .* 的意见不在该会议的意见中$/);
    const gif: PackageContent = structuredClone(base);
    gif.opinionImages[0]!.png = 'R0lGODlhAQABAAAAACw=';
    expect(refusal(gif)).toBe('数据包内容不正确：意见原件第 1 条：png 原件图像不是 PNG 图像的 base64 文本');
  });

  it('may not appear in a format-1 package', () => {
    const { units, meetings, members, opinions, audits, changeLog, opinionImages } = sample();
    expect(refusal({ units, meetings, members, opinions, audits, changeLog, opinionImages }, 1)).toBe('数据包内容不正确：意见原件是未知字段');
  });
});
