// The values of a PDF and the lexer that reads them from bytes. Nesting is bounded: a hostile file
// fails with a PdfError in Chinese, never overflows the stack.
/** A bad or unreadable file; the message is Chinese and shown as is. */
export class PdfError extends Error {}

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The raw (still encoded) bytes between `stream` and `endstream`. */
    readonly data: Uint8Array,
  ) {}
}
export type PdfDict = Map<string, PdfValue>;
/** A PDF value; strings are their bytes. */
export type PdfValue = null | boolean | number | Uint8Array | PdfName | PdfRef | PdfStream | PdfDict | PdfValue[];

/** Nesting of arrays and dictionaries. */
const MAX_DEPTH = 64;

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITER = new Set([40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);
const isRegular = (c: number | undefined) => c !== undefined && !WHITE.has(c) && !DELIMITER.has(c);
export const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

/** Reads PDF values from bytes at a position. */
export class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WHITE.has(c)) this.pos++;
      else if (c === 37) while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      else break;
    }
  }

  /** The next run of regular characters (a number or a keyword), without moving past it when `peek`. */
  word(peek = false): string {
    this.skipSpace();
    let end = this.pos;
    while (isRegular(this.bytes[end])) end++;
    const w = latin1(this.bytes.subarray(this.pos, end));
    if (!peek) this.pos = end;
    return w;
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfError('PDF 文件已损坏（对象嵌套过深）');
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw new PdfError('PDF 文件不完整（文件被截断）');
    if (c === 47) return this.name();
    if (c === 40) return this.literal();
    if (c === 60 && b[this.pos + 1] === 60) {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skipSpace();
        if (this.pos >= b.length) throw new PdfError('PDF 文件不完整（文件被截断）');
        if (b[this.pos] === 62 && b[this.pos + 1] === 62) {
          this.pos += 2;
          return dict;
        }
        const key = this.value(depth + 1);
        if (!(key instanceof PdfName)) throw new PdfError('PDF 文件已损坏（字典的键不是名称）');
        dict.set(key.name, this.value(depth + 1));
      }
    }
    if (c === 60) return this.hex();
    if (c === 91) {
      this.pos++;
      const list: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= b.length) throw new PdfError('PDF 文件不完整（文件被截断）');
        if (b[this.pos] === 93) {
          this.pos++;
          return list;
        }
        list.push(this.value(depth + 1));
      }
    }
    const w = this.word();
    if (w === '') throw new PdfError('PDF 文件已损坏（无法识别的内容）');
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === 'null') return null;
    const n = Number(w);
    if (!Number.isFinite(n)) throw new PdfError('PDF 文件已损坏（无法识别的内容）');
    // `N G R` is a reference: look ahead without consuming when it is not.
    if (/^\d+$/.test(w)) {
      const save = this.pos;
      const gen = this.word();
      if (/^\d+$/.test(gen) && this.word() === 'R') return new PdfRef(n, Number(gen));
      this.pos = save;
    }
    return n;
  }

  private name(): PdfName {
    this.pos++;
    const start = this.pos;
    while (isRegular(this.bytes[this.pos])) this.pos++;
    const raw = latin1(this.bytes.subarray(start, this.pos));
    return new PdfName(raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }

  private literal(): Uint8Array {
    const b = this.bytes;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    for (;;) {
      const c = b[this.pos++];
      if (c === undefined) throw new PdfError('PDF 文件不完整（文件被截断）');
      if (c === 41 && depth === 0) return Uint8Array.from(out);
      if (c === 40) depth++;
      if (c === 41) depth--;
      if (c !== 92) {
        out.push(c);
        continue;
      }
      const e = b[this.pos++];
      if (e === undefined) throw new PdfError('PDF 文件不完整（文件被截断）');
      const simple: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
      if (simple[e] !== undefined) out.push(simple[e]);
      else if (e >= 48 && e <= 55) {
        let v = e - 48;
        for (let k = 0; k < 2 && b[this.pos]! >= 48 && b[this.pos]! <= 55; k++) v = v * 8 + b[this.pos++]! - 48;
        out.push(v & 255);
      } else if (e === 13) {
        if (b[this.pos] === 10) this.pos++;
      } else if (e !== 10) out.push(e);
    }
  }

  private hex(): Uint8Array {
    const end = this.bytes.indexOf(62, this.pos);
    if (end < 0) throw new PdfError('PDF 文件不完整（文件被截断）');
    const digits = latin1(this.bytes.subarray(this.pos + 1, end)).replace(/[^0-9a-fA-F]/g, '');
    this.pos = end + 1;
    const padded = digits.length % 2 ? `${digits}0` : digits;
    return Uint8Array.from({ length: padded.length / 2 }, (_, i) => parseInt(padded.slice(2 * i, 2 * i + 2), 16));
  }
}

/** Whether a value is the name `/name`. */
export function isName(value: PdfValue | undefined, name: string): boolean {
  return value instanceof PdfName && value.name === name;
}

