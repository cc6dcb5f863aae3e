// A byte-level zip writer that lays out an archive the ways real writers do: sizes in the local
// header; a data descriptor after the data with zero local sizes (Java's ZipOutputStream, streaming
// writers); a ZIP64 local field with placeholder sizes and a 64-bit descriptor (writers that stream a
// package of unknown size); a ZIP64 local field holding the real sizes behind 0xFFFFFFFF (.NET's
// packaging library); ZIP64 central records and end record; stored or deflated parts. Used by the
// corpus generator (scripts/make-import-corpus.mts) and by the container property test.
import { deflateSync } from 'fflate';

export interface ZipPart {
  name: string;
  data: Uint8Array;
}

export type SizeStyle = 'local' | 'descriptor' | 'zip64-placeholder' | 'zip64-real';

export interface ZipStyle {
  method: 'deflate' | 'store';
  sizes: SizeStyle;
  /** The data descriptor's optional signature (PK\x07\x08); most writers write it. */
  descriptorSignature: boolean;
  /** Central records with 0xFFFFFFFF sizes and offset, the values in a ZIP64 field. */
  zip64Central: boolean;
  /** A ZIP64 end record and locator before the classic end record (with 0xFFFF/0xFFFFFFFF in it). */
  zip64End: boolean;
}

export const PLAIN_ZIP: ZipStyle = { method: 'deflate', sizes: 'local', descriptorSignature: true, zip64Central: false, zip64End: false };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of data) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

class Out {
  private chunks: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array | number[]): void {
    const u = b instanceof Uint8Array ? b : Uint8Array.from(b);
    this.chunks.push(u);
    this.length += u.length;
  }
  u16(v: number): void {
    this.bytes([v & 0xff, (v >>> 8) & 0xff]);
  }
  u32(v: number): void {
    this.bytes([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]);
  }
  u64(v: number): void {
    this.u32(v % 2 ** 32);
    this.u32(Math.floor(v / 2 ** 32));
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

const MAX32 = 0xffffffff;
const DOS_TIME = 0x4000; // 08:00:00
const DOS_DATE = ((2025 - 1980) << 9) | (11 << 5) | 20; // 2025-11-20

/** The archive of `parts`, in their order, laid out in `style`. */
export function writeZip(parts: readonly ZipPart[], style: ZipStyle = PLAIN_ZIP): Uint8Array {
  const out = new Out();
  const central: Array<{ name: Uint8Array; crc: number; csize: number; size: number; offset: number; flags: number; method: number; version: number }> = [];
  for (const part of parts) {
    const name = new TextEncoder().encode(part.name);
    const method = style.method === 'deflate' ? 8 : 0;
    const body = method === 8 ? deflateSync(part.data, { level: 6 }) : part.data;
    const crc = crc32(part.data);
    const described = style.sizes === 'descriptor' || style.sizes === 'zip64-placeholder';
    const zip64Local = style.sizes === 'zip64-placeholder' || style.sizes === 'zip64-real';
    const flags = (described ? 8 : 0) | ([...part.name].some((ch) => ch.charCodeAt(0) > 0x7f) ? 0x800 : 0);
    const version = zip64Local || style.zip64Central ? 45 : 20;
    const offset = out.length;
    out.u32(0x04034b50);
    out.u16(version);
    out.u16(flags);
    out.u16(method);
    out.u16(DOS_TIME);
    out.u16(DOS_DATE);
    out.u32(described ? 0 : crc);
    const local32 = style.sizes === 'local' ? [body.length, part.data.length] : style.sizes === 'descriptor' ? [0, 0] : [MAX32, MAX32];
    out.u32(local32[0]!);
    out.u32(local32[1]!);
    out.u16(name.length);
    out.u16(zip64Local ? 20 : 0);
    out.bytes(name);
    if (zip64Local) {
      out.u16(0x0001);
      out.u16(16);
      out.u64(style.sizes === 'zip64-real' ? part.data.length : 0);
      out.u64(style.sizes === 'zip64-real' ? body.length : 0);
    }
    out.bytes(body);
    if (described) {
      if (style.descriptorSignature) out.u32(0x08074b50);
      out.u32(crc);
      if (style.sizes === 'zip64-placeholder') {
        out.u64(body.length);
        out.u64(part.data.length);
      } else {
        out.u32(body.length);
        out.u32(part.data.length);
      }
    }
    central.push({ name, crc, csize: body.length, size: part.data.length, offset, flags, method, version });
  }
  const dirOffset = out.length;
  for (const e of central) {
    out.u32(0x02014b50);
    out.u16(0x0300 | e.version);
    out.u16(e.version);
    out.u16(e.flags);
    out.u16(e.method);
    out.u16(DOS_TIME);
    out.u16(DOS_DATE);
    out.u32(e.crc);
    out.u32(style.zip64Central ? MAX32 : e.csize);
    out.u32(style.zip64Central ? MAX32 : e.size);
    out.u16(e.name.length);
    out.u16(style.zip64Central ? 28 : 0);
    out.u16(0);
    out.u16(0);
    out.u16(0);
    out.u32(0);
    out.u32(style.zip64Central ? MAX32 : e.offset);
    out.bytes(e.name);
    if (style.zip64Central) {
      // In the order the spec gives: uncompressed size, compressed size, local header offset.
      out.u16(0x0001);
      out.u16(24);
      out.u64(e.size);
      out.u64(e.csize);
      out.u64(e.offset);
    }
  }
  const dirSize = out.length - dirOffset;
  if (style.zip64End) {
    const end64 = out.length;
    out.u32(0x06064b50);
    out.u64(44);
    out.u16(45);
    out.u16(45);
    out.u32(0);
    out.u32(0);
    out.u64(central.length);
    out.u64(central.length);
    out.u64(dirSize);
    out.u64(dirOffset);
    out.u32(0x07064b50);
    out.u32(0);
    out.u64(end64);
    out.u32(1);
  }
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(style.zip64End ? 0xffff : central.length);
  out.u16(style.zip64End ? 0xffff : central.length);
  out.u32(style.zip64End ? MAX32 : dirSize);
  out.u32(style.zip64End ? MAX32 : dirOffset);
  out.u16(0);
  return out.result();
}
