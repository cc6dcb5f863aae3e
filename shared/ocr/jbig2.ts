// JBIG2 (ITU-T T.88) as PDF's JBIG2Decode carries it: the embedded organisation (segments one
// after another, no file header), the page information, and generic regions — arithmetic coded
// (the MQ coder, template 0 with its adaptive pixels, typical prediction TPGDON) or MMR coded (the
// fax Group 4 lines of ccitt.ts) — combined into the page by their operators, with the
// JBIG2Globals segments read first. Symbol dictionaries and text regions (the lossy "symbol" mode),
// halftone and refinement regions and generic templates 1–3 are refused by name. The page and
// every region are checked against the picture's size limits before any memory is taken; decoding
// is one pass over the region's pixels, so hostile data ends, never loops. Output is PDF's: 1-bit
// rows padded to bytes, 0 = black.
import { CcittError, decodeCcitt } from './ccitt';
import { checkDimensions } from './png';

export class Jbig2Error extends Error {}

/** Probability estimates of the MQ coder (T.88 Table E.1): Qe, next index after an MPS, after an LPS, and whether an LPS switches the sense. */
const QE = [0x5601, 0x3401, 0x1801, 0x0ac1, 0x0521, 0x0221, 0x5601, 0x5401, 0x4801, 0x3801, 0x3001, 0x2401, 0x1c01, 0x1601, 0x5601, 0x5401, 0x5101, 0x4801, 0x3801, 0x3401, 0x3001, 0x2801, 0x2401, 0x2201, 0x1c01, 0x1801, 0x1601, 0x1401, 0x1201, 0x1101, 0x0ac1, 0x09c1, 0x08a1, 0x0521, 0x0441, 0x02a1, 0x0221, 0x0141, 0x0111, 0x0085, 0x0049, 0x0025, 0x0015, 0x0009, 0x0005, 0x0001, 0x5601];
const NMPS = [1, 2, 3, 4, 5, 38, 7, 8, 9, 10, 11, 12, 13, 29, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 45, 46];
const NLPS = [1, 6, 9, 12, 29, 33, 6, 14, 14, 14, 17, 18, 20, 21, 14, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 46];
const SWITCH = new Set([0, 6, 14]);

/** The MQ arithmetic decoder (T.88 Annex E), C kept as its high and low 16-bit halves. */
class MqDecoder {
  private high: number;
  private low = 0;
  private a = 0x8000;
  private ct = 0;
  private bp: number;

  constructor(
    private readonly data: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.bp = start;
    this.high = start < end ? data[start]! : 0xff;
    this.byteIn();
    this.shift(7);
    this.ct -= 7;
  }

  private byteIn(): void {
    const b = this.bp < this.end ? this.data[this.bp]! : 0xff;
    if (b === 0xff) {
      const next = this.bp + 1 < this.end ? this.data[this.bp + 1]! : 0xff;
      // A marker (or the end of the data): ones from here on.
      if (next > 0x8f) {
        this.low += 0xff00;
        this.ct = 8;
      } else {
        this.bp++;
        this.low += next << 9;
        this.ct = 7;
      }
    } else {
      this.bp++;
      this.low += (this.bp < this.end ? this.data[this.bp]! : 0xff) << 8;
      this.ct = 8;
    }
    if (this.low > 0xffff) {
      this.high += this.low >>> 16;
      this.low &= 0xffff;
    }
  }

  private shift(n: number): void {
    for (let i = 0; i < n; i++) {
      this.high = ((this.high << 1) & 0xffff) | (this.low >>> 15);
      this.low = (this.low << 1) & 0xffff;
    }
  }

  /** One binary decision in context `cx` of `state` (index << 1 | MPS, all starting at 0). */
  decode(state: Uint8Array, cx: number): number {
    const index = state[cx]! >> 1;
    let mps = state[cx]! & 1;
    const qe = QE[index]!;
    let a = this.a - qe;
    let d: number;
    let next: number;
    if (this.high < qe) {
      // The lower sub-interval (size Qe): the LPS, unless the intervals are exchanged.
      if (a < qe) {
        d = mps;
        next = NMPS[index]!;
      } else {
        d = 1 - mps;
        if (SWITCH.has(index)) mps = d;
        next = NLPS[index]!;
      }
      a = qe;
    } else {
      this.high -= qe;
      if (a & 0x8000) {
        this.a = a;
        return mps;
      }
      if (a < qe) {
        d = 1 - mps;
        if (SWITCH.has(index)) mps = d;
        next = NLPS[index]!;
      } else {
        d = mps;
        next = NMPS[index]!;
      }
    }
    do {
      if (this.ct === 0) this.byteIn();
      a <<= 1;
      this.shift(1);
      this.ct--;
    } while ((a & 0x8000) === 0);
    this.a = a;
    state[cx] = (next << 1) | mps;
    return d;
  }
}

/** A bitmap, one byte a pixel (1 = black), as JBIG2 regions are combined. */
interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

function bitmap(width: number, height: number, where: string): Bitmap {
  const problem = width === 0 || height === 0 ? undefined : checkDimensions(width, height);
  if (problem) throw new Jbig2Error(`JBIG2 图像${where}过大：${problem}`);
  return { width, height, data: new Uint8Array(width * height) };
}

/** The default adaptive pixels of template 0, and the context of TPGDON's "same as the line above" bit. */
const SLTP_CONTEXT_0 = 0x9b25;

/** A generic region coded arithmetically with template 0 (6.2.5). */
function genericArithmetic(data: Uint8Array, start: number, end: number, width: number, height: number, tpgdon: boolean, at: number[]): Bitmap {
  const out = bitmap(width, height, '区域');
  const px = out.data;
  const mq = new MqDecoder(data, start, end);
  const state = new Uint8Array(1 << 16);
  const get = (x: number, y: number) => (x >= 0 && x < width && y >= 0 ? px[y * width + x]! : 0);
  let ltp = 0;
  for (let y = 0; y < height; y++) {
    if (tpgdon) {
      ltp ^= mq.decode(state, SLTP_CONTEXT_0);
      if (ltp) {
        if (y > 0) px.copyWithin(y * width, (y - 1) * width, y * width);
        continue;
      }
    }
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const cx =
        get(x - 1, y) |
        (get(x - 2, y) << 1) |
        (get(x - 3, y) << 2) |
        (get(x - 4, y) << 3) |
        (get(x + at[0]!, y + at[1]!) << 4) |
        (get(x + 2, y - 1) << 5) |
        (get(x + 1, y - 1) << 6) |
        (get(x, y - 1) << 7) |
        (get(x - 1, y - 1) << 8) |
        (get(x - 2, y - 1) << 9) |
        (get(x + at[2]!, y + at[3]!) << 10) |
        (get(x + at[4]!, y + at[5]!) << 11) |
        (get(x + 1, y - 2) << 12) |
        (get(x, y - 2) << 13) |
        (get(x - 1, y - 2) << 14) |
        (get(x + at[6]!, y + at[7]!) << 15);
      px[row + x] = mq.decode(state, cx);
    }
  }
  return out;
}

/** A generic region coded MMR (Group 4 lines, 1 = black). */
function genericMmr(data: Uint8Array, width: number, height: number): Bitmap {
  const out = bitmap(width, height, '区域');
  let rows: Uint8Array;
  try {
    rows = decodeCcitt(data, { k: -1, columns: width, rows: height, encodedByteAlign: false, blackIs1: true });
  } catch (e) {
    if (e instanceof CcittError) throw new Jbig2Error(`JBIG2 图像（MMR 编码）${e.message.replace(/^黑白传真（CCITT）图像/, '')}`);
    throw e;
  }
  const stride = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out.data[y * width + x] = (rows[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1;
  return out;
}

const REFUSED: Record<number, string> = {
  0: '符号字典（有损“符号”压缩）',
  4: '文本区域（有损“符号”压缩）',
  6: '文本区域（有损“符号”压缩）',
  7: '文本区域（有损“符号”压缩）',
  16: '图案字典（半色调）',
  20: '半色调区域',
  22: '半色调区域',
  23: '半色调区域',
  40: '细化区域',
  42: '细化区域',
  43: '细化区域',
};

/** Segments at most (a scanner's page has a handful). */
const MAX_SEGMENTS = 10_000;

/**
 * Decodes a PDF JBIG2 stream (with its JBIG2Globals stream, if any) into PDF's 1-bit rows of
 * `width` × `height` (0 = black).
 */
export function decodeJbig2(data: Uint8Array, globals: Uint8Array | undefined, width: number, height: number): Uint8Array {
  let page: Bitmap | undefined;
  // A stream cut off between two segments must not read as a blank page: a region or the end of
  // the page must have been seen.
  let complete = false;
  const read = (bytes: Uint8Array) => {
    let pos = 0;
    const u32 = (at: number) => {
      if (at + 4 > bytes.length) throw new Jbig2Error('JBIG2 图像数据不完整（被截断）');
      return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    };
    for (let count = 0; pos < bytes.length; count++) {
      if (count >= MAX_SEGMENTS) throw new Jbig2Error('JBIG2 图像的数据段过多，已拒绝');
      const number = u32(pos);
      const flags = bytes[pos + 4];
      if (flags === undefined) throw new Jbig2Error('JBIG2 图像数据不完整（被截断）');
      const type = flags & 63;
      pos += 5;
      // Referred-to segments: a count and retention bits, then their numbers.
      let referred = (bytes[pos] ?? 0) >> 5;
      if (referred === 7) {
        referred = u32(pos) & 0x1fffffff;
        if (referred > MAX_SEGMENTS) throw new Jbig2Error('JBIG2 图像已损坏（段头错误）');
        pos += 4 + Math.ceil((referred + 1) / 8);
      } else pos += 1;
      pos += referred * (number <= 256 ? 1 : number <= 65536 ? 2 : 4);
      pos += flags & 64 ? 4 : 1;
      const length = u32(pos);
      pos += 4;
      if (length === 0xffffffff) throw new Jbig2Error('JBIG2 图像使用了未知长度的数据段，暂不支持');
      const start = pos;
      const end = start + length;
      if (end > bytes.length) throw new Jbig2Error('JBIG2 图像数据不完整（被截断）');
      pos = end;
      if (REFUSED[type]) throw new Jbig2Error(`JBIG2 图像使用了${REFUSED[type]}，暂不支持`);
      if (type === 48) {
        const w = u32(start);
        const h = u32(start + 4);
        // A striped page of unknown height: the picture's own height.
        page = bitmap(w, h === 0xffffffff ? height : h, '页面');
        if (((bytes[start + 16] ?? 0) >> 2) & 1) page.data.fill(1);
      } else if (type === 36 || type === 38 || type === 39) {
        if (!page) throw new Jbig2Error('JBIG2 图像已损坏（区域在页面信息之前）');
        if (type === 36) continue; // an intermediate region only a refinement would use
        const rw = u32(start);
        const rh = u32(start + 4);
        const rx = u32(start + 8);
        const ry = u32(start + 12);
        const op = (bytes[start + 16] ?? 0) & 7;
        const gflags = bytes[start + 17] ?? 0;
        const mmr = gflags & 1;
        const template = (gflags >> 1) & 3;
        const tpgdon = ((gflags >> 3) & 1) === 1;
        let region: Bitmap;
        if (mmr) region = genericMmr(bytes.subarray(start + 18, end), rw, rh);
        else {
          if (template !== 0) throw new Jbig2Error(`JBIG2 图像使用了通用区域模板 ${template}，暂不支持`);
          const at = Array.from(bytes.subarray(start + 18, start + 26), (b) => (b << 24) >> 24);
          if (at.length < 8) throw new Jbig2Error('JBIG2 图像数据不完整（被截断）');
          // Adaptive pixels must lie before the pixel being decoded.
          for (let k = 0; k < 8; k += 2) if (at[k + 1]! > 0 || (at[k + 1] === 0 && at[k]! >= 0)) throw new Jbig2Error('JBIG2 图像已损坏（自适应像素位置错误）');
          // An immediate region of unknown height is not written by PDF producers (the length is known).
          region = genericArithmetic(bytes, start + 26, end, rw, rh, tpgdon, at);
        }
        combine(page, region, rx, ry, op);
        complete = true;
      } else if (type === 49) complete = true;
      // Page end, stripe end, end of file, profiles, tables and extensions change nothing here.
    }
  };
  if (globals) read(globals);
  read(data);
  if (!page) throw new Jbig2Error('JBIG2 图像没有页面信息');
  if (!complete) throw new Jbig2Error('JBIG2 图像数据不完整（没有图像区域）');
  const stride = Math.ceil(width / 8);
  const out = new Uint8Array(stride * height).fill(255);
  for (let y = 0; y < Math.min(height, page.height); y++) {
    for (let x = 0; x < Math.min(width, page.width); x++) {
      if (page.data[y * page.width + x]) out[y * stride + (x >> 3)] = out[y * stride + (x >> 3)]! & ~(0x80 >> (x & 7));
    }
  }
  return out;
}

/** Puts a region on the page by its combination operator (OR, AND, XOR, XNOR, REPLACE). */
function combine(page: Bitmap, region: Bitmap, rx: number, ry: number, op: number): void {
  for (let y = 0; y < region.height; y++) {
    const py = ry + y;
    if (py >= page.height) break;
    for (let x = 0; x < region.width; x++) {
      const px = rx + x;
      if (px >= page.width) break;
      const i = py * page.width + px;
      const v = region.data[y * region.width + x]!;
      const p = page.data[i]!;
      page.data[i] = op === 0 ? p | v : op === 1 ? p & v : op === 2 ? p ^ v : op === 3 ? 1 - (p ^ v) : v;
    }
  }
}

