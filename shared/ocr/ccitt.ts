// CCITT fax decoding (PDF's CCITTFaxDecode), the black-and-white coding of office scanners' PDFs:
// Group 4 (T.6, K < 0), Group 3 one-dimensional (T.4 MH, K = 0) and Group 3 two-dimensional (MR,
// K > 0, a tag bit after each line's EOL saying which coding it uses), with EOLs and fill bits,
// EncodedByteAlign, BlackIs1 and Columns/Rows; the end of the data (EOFB, RTC) is recognised
// whatever EndOfBlock says, and decoding stops at the picture's height either way. The output is PDF's: rows
// of 1-bit samples padded to whole bytes, 0 = black unless BlackIs1. Every step consumes input or
// moves along the line, and every run is checked against the line's width, so damaged data ends in
// a CcittError (Chinese), never a loop; the rows are capped by the picture's own height.
import { BLACK_RUNS, EXTENSION, HORIZONTAL, MODES, PASS, WHITE_RUNS, type CodeMap } from './ccitt-codes';

export class CcittError extends Error {}

export interface CcittParams {
  /** < 0: Group 4; 0: Group 3 1-D; > 0: Group 3 2-D. */
  k: number;
  columns: number;
  /** Rows to decode (the picture's height). */
  rows: number;
  encodedByteAlign: boolean;
  blackIs1: boolean;
}

class Bits {
  private pos = 0;
  private readonly total: number;

  constructor(private readonly data: Uint8Array) {
    this.total = data.length * 8;
  }

  bit(): number {
    if (this.pos >= this.total) throw new CcittError('黑白传真（CCITT）图像数据不完整（被截断）');
    const b = (this.data[this.pos >> 3]! >> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return b;
  }

  /** The next n bits without consuming them (zeros past the end). */
  peek(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const p = this.pos + i;
      v = (v << 1) | (p < this.total ? (this.data[p >> 3]! >> (7 - (p & 7))) & 1 : 0);
    }
    return v;
  }

  skip(n: number): void {
    this.pos += n;
  }

  align(): void {
    this.pos = (this.pos + 7) & ~7;
  }

  /** A value of the prefix code; at most 13 bits (the longest fax code). */
  code(map: CodeMap): number {
    let code = 0;
    for (let length = 1; length <= 13; length++) {
      code = (code << 1) | this.bit();
      const v = map.get((length << 16) | code);
      if (v !== undefined) return v;
    }
    throw new CcittError('黑白传真（CCITT）图像数据已损坏（无效编码）');
  }

  /**
   * An EOL here (eleven or more zeros, the fill, then a 1): consumed, true. Valid line data never
   * holds eleven zeros in a row, so this cannot mistake data for an EOL.
   */
  eol(): boolean {
    if (this.peek(11) !== 0 || this.pos + 12 > this.total) return false;
    this.pos += 11;
    while (this.pos < this.total && this.peek(1) === 0) this.pos++;
    if (this.pos >= this.total) return false;
    this.pos++;
    return true;
  }
}

/**
 * Decodes CCITT fax data into PDF's 1-bit rows (stride ⌈columns / 8⌉). Group 3 2-D data
 * without EOLs is read with a tag bit before each line, as the standard has it; Ghostscript writes
 * it without tags (one 1-D line, then K − 1 2-D lines), so that reading is tried when the first fails.
 */
export function decodeCcitt(data: Uint8Array, p: CcittParams): Uint8Array {
  try {
    return decode(data, p, true);
  } catch (e) {
    if (!(e instanceof CcittError) || p.k <= 0) throw e;
    try {
      return decode(data, p, false);
    } catch {
      throw e;
    }
  }
}

function decode(data: Uint8Array, p: CcittParams, tags: boolean): Uint8Array {
  const width = p.columns;
  const stride = Math.ceil(width / 8);
  // Rows start white (all bits 1 when white is 1); black runs are painted in.
  const white = p.blackIs1 ? 0 : 255;
  const out = new Uint8Array(stride * p.rows).fill(white);
  const bits = new Bits(data);
  let ref = new Int32Array(width + 2);
  let refCount = 0;
  let cur = new Int32Array(width + 2);
  for (let row = 0; row < p.rows; row++) {
    let twoD = p.k < 0;
    if (p.k >= 0) {
      let eols = 0;
      while (bits.eol()) eols++;
      // Two EOLs in a row end the page (RTC is six; in 2-D coding each is followed by the tag bit 1).
      if (eols >= 2 || (eols === 1 && p.k > 0 && bits.peek(12) === 0x800)) break;
      if (eols === 0 && p.encodedByteAlign) bits.align();
      if (p.k > 0) twoD = tags || eols > 0 ? bits.bit() === 0 : row % p.k !== 0;
    } else {
      if (p.encodedByteAlign) bits.align();
      // EOFB: two EOLs. Data that simply stops before the last row is truncated, not ended (refused
      // below), so a cut-off file never reads as a page whose lower part is blank.
      if (bits.peek(24) === 0x001001) break;
      if (bits.peek(12) === 1) {
        bits.skip(12);
        row--;
        continue;
      }
    }
    const count = twoD ? line2d(bits, ref, refCount, cur, width) : line1d(bits, cur, width);
    paint(out, row * stride, cur, count, width, !p.blackIs1);
    [ref, cur] = [cur, ref];
    refCount = count;
  }
  return out;
}

/** Reads a run of one colour: make-up codes then a terminating code. */
function run(bits: Bits, black: boolean, room: number): number {
  let total = 0;
  for (;;) {
    const n = bits.code(black ? BLACK_RUNS : WHITE_RUNS);
    total += n;
    if (total > room) throw new CcittError('黑白传真（CCITT）图像数据已损坏（行长度错误）');
    if (n < 64) return total;
  }
}

/** A one-dimensional (Modified Huffman) line: runs alternate white, black, … to the width. */
function line1d(bits: Bits, changes: Int32Array, width: number): number {
  let count = 0;
  let pos = 0;
  let black = false;
  while (pos < width) {
    pos += run(bits, black, width - pos);
    if (count >= changes.length) throw new CcittError('黑白传真（CCITT）图像数据已损坏');
    changes[count++] = pos;
    black = !black;
  }
  return count;
}

/** A two-dimensional (MR/MMR) line coded against the reference line's changing elements. */
function line2d(bits: Bits, ref: Int32Array, refCount: number, changes: Int32Array, width: number): number {
  let count = 0;
  let a0 = -1;
  let black = false;
  let j = 0;
  const push = (x: number) => {
    if (count >= changes.length) throw new CcittError('黑白传真（CCITT）图像数据已损坏');
    changes[count++] = x;
  };
  while (a0 < width) {
    // b1: the first change on the reference line right of a0 to the colour opposite a0's
    // (changes at even indices turn black, odd ones white); b2 the change after it.
    j = Math.max(0, j - 2);
    if ((j & 1) !== (black ? 1 : 0)) j++;
    while (j < refCount && ref[j]! <= a0) j += 2;
    const b1 = j < refCount ? ref[j]! : width;
    const b2 = j + 1 < refCount ? ref[j + 1]! : width;
    const mode = bits.code(MODES);
    if (mode === PASS) {
      a0 = b2;
    } else if (mode === HORIZONTAL) {
      const start = Math.max(a0, 0);
      const a1 = start + run(bits, black, width - start);
      const a2 = a1 + run(bits, !black, width - a1);
      push(a1);
      push(a2);
      a0 = a2;
    } else if (mode === EXTENSION) {
      throw new CcittError('黑白传真（CCITT）图像使用了未压缩扩展模式，暂不支持');
    } else {
      const a1 = b1 + mode;
      if (a1 < Math.max(a0, 0) || a1 > width) throw new CcittError('黑白传真（CCITT）图像数据已损坏（位置错误）');
      push(a1);
      a0 = a1;
      black = !black;
    }
  }
  return count;
}

/** Paints the black spans of one line (between changes 0–1, 2–3, …) into its packed row. */
function paint(out: Uint8Array, offset: number, changes: Int32Array, count: number, width: number, blackIsZero: boolean): void {
  for (let i = 0; i < count; i += 2) {
    const from = Math.min(changes[i]!, width);
    const to = Math.min(i + 1 < count ? changes[i + 1]! : width, width);
    for (let x = from; x < to; x++) {
      const byte = offset + (x >> 3);
      const mask = 0x80 >> (x & 7);
      out[byte] = blackIsZero ? out[byte]! & ~mask : out[byte]! | mask;
    }
  }
}
