// The parts of JPEG's entropy coding that the baseline and the progressive readers share: the error
// type whose message is the Chinese reason, the zigzag order, Huffman tables decoded by the
// canonical-code limits (no map lookups per bit), the entropy-coded data's bit reader (byte
// stuffing, markers, restarts) and the 8×8 inverse DCT.

export class JpegError extends Error {}

/** ZIGZAG[k]: the natural (row-major) index of the k-th coefficient in zigzag order. */
export const ZIGZAG = [0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63];

/** A canonical Huffman table: for each code length, the largest code and where its values start. */
/** A frame component as the baseline and progressive readers keep it. */
export interface JpegComponent {
  id: number;
  h: number;
  v: number;
  tq: number;
  td: number;
  ta: number;
  /** Blocks per line and lines of blocks, padded to whole MCUs. */
  bw: number;
  bh: number;
  pixels: Uint8Array;
  pred: number;
  /** A progressive frame's coefficients until its last scan: 64 a block, natural order, blocks row by row (bw per row). */
  coefs?: Int16Array;
  /** The quantization table, latched at the component's first scan. */
  quant?: Int32Array;
}

export interface Huffman {
  maxcode: Int32Array;
  mincode: Int32Array;
  valptr: Int32Array;
  values: Uint8Array;
}

/** The table of a DHT segment: 16 counts of codes by length, then the values in code order. */
export function buildHuffman(counts: Uint8Array, values: Uint8Array): Huffman {
  const maxcode = new Int32Array(17).fill(-1);
  const mincode = new Int32Array(17);
  const valptr = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const n = counts[length - 1]!;
    valptr[length] = k;
    mincode[length] = code;
    code += n;
    k += n;
    // More codes of a length than the length can hold: not a prefix code.
    if (n > 0) {
      if (code > 1 << length) throw new JpegError('JPEG 图片已损坏（霍夫曼表错误）');
      maxcode[length] = code - 1;
    }
    code <<= 1;
  }
  return { maxcode, mincode, valptr, values };
}

/** The next Huffman-coded value. */
export function decodeSymbol(h: Huffman, reader: { bit(): number }): number {
  let code = 0;
  for (let length = 1; length <= 16; length++) {
    code = (code << 1) | reader.bit();
    if (code <= h.maxcode[length]!) {
      const v = h.values[h.valptr[length]! + code - h.mincode[length]!];
      if (v === undefined) break;
      return v;
    }
  }
  throw new JpegError('JPEG 图片已损坏（霍夫曼编码错误）');
}

/**
 * Bits of one scan's entropy-coded data. A marker inside the data means the scan ended early
 * (damaged or truncated): zeros are given from there on and `ended` is set, for the caller to stop.
 */
export class BitReader {
  private bits = 0;
  private count = 0;
  ended = false;

  constructor(
    private readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  bit(): number {
    if (this.count === 0) {
      let b = 0;
      if (!this.ended) {
        if (this.pos >= this.bytes.length) {
          this.ended = true;
        } else {
          b = this.bytes[this.pos]!;
          if (b === 0xff) {
            if (this.bytes[this.pos + 1] === 0) this.pos += 2;
            else {
              this.ended = true;
              b = 0;
            }
          } else this.pos++;
        }
      }
      this.bits = b;
      this.count = 8;
    }
    this.count--;
    return (this.bits >> this.count) & 1;
  }

  /** `s` bits as an unsigned number. */
  unsigned(s: number): number {
    let v = 0;
    for (let i = 0; i < s; i++) v = (v << 1) | this.bit();
    return v;
  }

  /** `s` bits as a signed coefficient (JPEG's EXTEND). */
  receive(s: number): number {
    const v = this.unsigned(s);
    return s === 0 ? 0 : v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
  }

  /** At a restart interval: byte-aligns and moves past the RSTn marker. */
  restart(): void {
    this.count = 0;
    this.ended = false;
    const b = this.bytes;
    while (this.pos + 1 < b.length && !(b[this.pos] === 0xff && b[this.pos + 1]! >= 0xd0 && b[this.pos + 1]! <= 0xd7)) this.pos++;
    this.pos += 2;
  }
}

/** cos((2x+1)uπ/16) · c(u)/2, for the 8×8 inverse DCT. */
const COS = (() => {
  const t = new Float64Array(64);
  for (let x = 0; x < 8; x++) for (let u = 0; u < 8; u++) t[x * 8 + u] = ((u === 0 ? Math.SQRT1_2 : 1) * Math.cos(((2 * x + 1) * u * Math.PI) / 16)) / 2;
  return t;
})();

const tmp = new Float64Array(64);

/** 8×8 inverse DCT of dequantized `coef` (natural order) into `out` at `offset` with row `stride`, level-shifted and clamped. */
export function idct(coef: Float64Array, out: Uint8Array, offset: number, stride: number): void {
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      let s = 0;
      for (let u = 0; u < 8; u++) s += COS[x * 8 + u]! * coef[y * 8 + u]!;
      tmp[y * 8 + x] = s;
    }
  }
  for (let x = 0; x < 8; x++) {
    for (let y = 0; y < 8; y++) {
      let s = 0;
      for (let v = 0; v < 8; v++) s += COS[y * 8 + v]! * tmp[v * 8 + x]!;
      const value = Math.round(s + 128);
      out[offset + y * stride + x] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
}
