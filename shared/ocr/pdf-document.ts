// A PDF's cross-reference, enough to find the page images of a scan: classic tables and xref
// streams, object streams, incremental updates through /Prev, and a rebuild by scanning for
// `N G obj` when the table is missing or wrong, as readers do for scanners' slightly broken files.
// Every loop and size is bounded: a hostile file fails with a PdfError in Chinese, never hangs or
// takes unbounded memory.
import { isName, latin1, Lexer, PdfError, PdfRef, PdfStream, type PdfDict, type PdfValue } from './pdf-objects';
import { decodeStreamData } from './pdf-streams';

/** More objects than any scan of 50 pages has (a scanner writes about 5 per page). */
const MAX_OBJECTS = 500_000;
/** Incremental updates followed through /Prev. */
const MAX_SECTIONS = 256;
/** Decoded size of a cross-reference or object stream. */
const MAX_STRUCTURE_BYTES = 32 * 1024 * 1024;

type XrefEntry = { type: 0 } | { type: 1; offset: number } | { type: 2; stream: number };

/** A parsed PDF file: its trailer and every object on demand. */
export class PdfDocument {
  readonly trailer: PdfDict;
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly loading = new Set<number>();
  private readonly objectStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> }>();
  /** Where each `N G obj` header is, found by scanning the file (only when the table fails). */
  private headers: Map<number, number> | undefined;

  constructor(readonly bytes: Uint8Array) {
    if (latin1(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) throw new PdfError('不是 PDF 文件');
    let trailer: PdfDict | undefined;
    try {
      trailer = this.readXrefChain();
    } catch (e) {
      if (!(e instanceof PdfError || e instanceof RangeError)) throw e;
    }
    if (!trailer || !this.rootIsReadable(trailer)) {
      this.xref.clear();
      this.cache.clear();
      trailer = this.rebuildXref();
    }
    this.trailer = trailer;
  }

  /** The value itself, following references (a chain of references is bounded). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let hops = 0; v instanceof PdfRef; hops++) {
      if (hops > 32) throw new PdfError('PDF 文件已损坏（引用循环）');
      v = this.object(v.num);
    }
    return v;
  }

  /** Object number `num`, or null when it is missing or free (as the format says). */
  object(num: number): PdfValue {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    if (this.loading.has(num)) throw new PdfError('PDF 文件已损坏（对象引用自身）');
    const entry = this.xref.get(num);
    if (!entry || entry.type === 0) return null;
    this.loading.add(num);
    try {
      const value = entry.type === 1 ? this.readObjectAtOrFind(entry.offset, num) : this.readFromObjectStream(entry.stream, num);
      this.cache.set(num, value);
      return value;
    } finally {
      this.loading.delete(num);
    }
  }

  /** The object at its table's offset, or, when the offset is wrong (a carelessly written file), where a scan of the file finds its header. */
  private readObjectAtOrFind(offset: number, num: number): PdfValue {
    try {
      return this.readObjectAt(offset, num);
    } catch (e) {
      if (!(e instanceof PdfError)) throw e;
      this.headers ??= scanHeaders(this.bytes);
      const found = this.headers.get(num);
      if (found === undefined || found === offset) throw e;
      return this.readObjectAt(found, num);
    }
  }

  private rootIsReadable(trailer: PdfDict): boolean {
    try {
      return this.resolve(trailer.get('Root')) instanceof Map;
    } catch (e) {
      if (e instanceof PdfError || e instanceof RangeError) return false;
      throw e;
    }
  }

  /** The newest section first; entries already known (newer) win over older ones. */
  private readXrefChain(): PdfDict | undefined {
    const tail = latin1(this.bytes.subarray(Math.max(0, this.bytes.length - 4096)));
    const at = tail.lastIndexOf('startxref');
    if (at < 0) return undefined;
    let offset: number | undefined = Number(/^startxref\s+(\d+)/.exec(tail.slice(at))?.[1]);
    let newest: PdfDict | undefined;
    const seen = new Set<number>();
    while (offset !== undefined && Number.isFinite(offset)) {
      if (seen.has(offset) || seen.size >= MAX_SECTIONS) break;
      seen.add(offset);
      const trailer = this.readXrefSection(offset);
      newest ??= trailer;
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readXrefSection(stm);
      }
      const prev = trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : undefined;
    }
    return newest;
  }

  private setEntry(num: number, entry: XrefEntry): void {
    if (this.xref.has(num)) return;
    if (this.xref.size >= MAX_OBJECTS) throw new PdfError(`PDF 文件的对象过多（超过 ${MAX_OBJECTS} 个），已拒绝`);
    this.xref.set(num, entry);
  }

  /** A classic `xref` table with its trailer, or an xref stream (whose dictionary is the trailer). */
  private readXrefSection(offset: number): PdfDict {
    if (offset < 0 || offset >= this.bytes.length) throw new PdfError('PDF 文件已损坏（交叉引用表位置错误）');
    const lex = new Lexer(this.bytes, offset);
    if (lex.word(true) === 'xref') {
      lex.word();
      for (;;) {
        const w = lex.word();
        if (w === 'trailer') break;
        const count = Number(lex.word());
        const first = Number(w);
        if (!/^\d+$/.test(w) || !Number.isInteger(count) || count < 0 || count > MAX_OBJECTS) throw new PdfError('PDF 文件已损坏（交叉引用表错误）');
        for (let i = 0; i < count; i++) {
          const off = Number(lex.word());
          lex.word();
          const kind = lex.word();
          if (kind !== 'n' && kind !== 'f') throw new PdfError('PDF 文件已损坏（交叉引用表错误）');
          // Object 0 is always free; some writers number a subsection from 1 by mistake and readers cope.
          this.setEntry(first + i, kind === 'n' && off > 0 ? { type: 1, offset: off } : { type: 0 });
        }
      }
      const trailer = lex.value();
      if (!(trailer instanceof Map)) throw new PdfError('PDF 文件已损坏（文件尾错误）');
      return trailer;
    }
    const stream = this.readObjectAt(offset, undefined);
    if (!(stream instanceof PdfStream) || !isName(stream.dict.get('Type'), 'XRef')) throw new PdfError('PDF 文件已损坏（交叉引用表位置错误）');
    this.readXrefStream(stream);
    return stream.dict;
  }

  private readXrefStream(stream: PdfStream): void {
    const dict = stream.dict;
    const w = dict.get('W');
    const size = dict.get('Size');
    if (!Array.isArray(w) || w.length < 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8) || typeof size !== 'number') throw new PdfError('PDF 文件已损坏（交叉引用流错误）');
    const [w1, w2, w3] = w as number[];
    const data = decodeStreamData(stream, MAX_STRUCTURE_BYTES, this);
    const index = dict.get('Index');
    const ranges = Array.isArray(index) ? (index as number[]) : [0, size];
    const width = w1! + w2! + w3!;
    let pos = 0;
    const field = (n: number, fallback: number) => {
      if (n === 0) return fallback;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[pos++]!;
      return v;
    };
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const first = ranges[r]!;
      const count = ranges[r + 1]!;
      if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0 || count > MAX_OBJECTS) throw new PdfError('PDF 文件已损坏（交叉引用流错误）');
      for (let i = 0; i < count; i++) {
        if (pos + width > data.length) throw new PdfError('PDF 文件已损坏（交叉引用流过短）');
        const type = field(w1!, 1);
        const a = field(w2!, 0);
        field(w3!, 0);
        this.setEntry(first + i, type === 1 ? { type: 1, offset: a } : type === 2 ? { type: 2, stream: a } : { type: 0 });
      }
    }
  }

  /** `N G obj … endobj` at an offset; a stream's data is found by /Length, or by `endstream` when the length is wrong. */
  private readObjectAt(offset: number, num: number | undefined): PdfValue {
    const lex = new Lexer(this.bytes, offset);
    const n = lex.word();
    lex.word();
    if (lex.word() !== 'obj' || (num !== undefined && Number(n) !== num)) throw new PdfError('PDF 文件已损坏（对象位置错误）');
    const value = lex.value();
    if (!(value instanceof Map) || lex.word(true) !== 'stream') return value;
    lex.word();
    let start = lex.pos;
    if (this.bytes[start] === 13) start++;
    if (this.bytes[start] === 10) start++;
    const declared = this.resolve(value.get('Length'));
    if (typeof declared === 'number' && declared >= 0 && start + declared <= this.bytes.length) {
      const after = new Lexer(this.bytes, start + declared);
      if (after.word() === 'endstream') return new PdfStream(value, this.bytes.subarray(start, start + declared));
    }
    const end = indexOf(this.bytes, 'endstream', start);
    if (end < 0) throw new PdfError('PDF 文件不完整（数据流被截断）');
    let stop = end;
    if (this.bytes[stop - 1] === 10) stop--;
    if (this.bytes[stop - 1] === 13) stop--;
    return new PdfStream(value, this.bytes.subarray(start, Math.max(start, stop)));
  }

  private readFromObjectStream(streamNum: number, num: number): PdfValue {
    let parsed = this.objectStreams.get(streamNum);
    if (!parsed) {
      const stream = this.object(streamNum);
      if (!(stream instanceof PdfStream)) throw new PdfError('PDF 文件已损坏（对象流缺失）');
      parsed = parseObjectStream(stream, this);
      this.objectStreams.set(streamNum, parsed);
    }
    const at = parsed.offsets.get(num);
    if (at === undefined) return null;
    return new Lexer(parsed.data, at).value();
  }

  /** Finds every `N G obj` in the file (later ones win, as incremental updates do) and the trailer or catalog. */
  private rebuildXref(): PdfDict {
    const text = latin1(this.bytes);
    const found = scanHeaders(this.bytes);
    this.headers = found;
    for (const [num, at] of found) this.xref.set(num, { type: 1, offset: at });
    let trailer: PdfDict | undefined;
    const tAt = text.lastIndexOf('trailer');
    if (tAt >= 0) {
      try {
        const t = new Lexer(this.bytes, tAt + 7).value();
        if (t instanceof Map && t.has('Root')) trailer = t;
      } catch (e) {
        if (!(e instanceof PdfError)) throw e;
      }
    }
    // Objects packed in object streams, and a catalog (or an xref stream's dictionary) as the trailer.
    let catalog: number | undefined;
    for (const num of [...found.keys()]) {
      let value: PdfValue;
      try {
        value = this.object(num);
      } catch (e) {
        if (e instanceof PdfError || e instanceof RangeError) continue;
        throw e;
      }
      if (value instanceof PdfStream && isName(value.dict.get('Type'), 'ObjStm')) {
        const parsed = parseObjectStream(value, this);
        this.objectStreams.set(num, parsed);
        for (const member of parsed.offsets.keys()) if (!found.has(member)) this.xref.set(member, { type: 2, stream: num });
      } else if (value instanceof PdfStream && isName(value.dict.get('Type'), 'XRef') && value.dict.has('Root')) trailer ??= value.dict;
      else if (value instanceof Map && isName(value.get('Type'), 'Catalog')) catalog = num;
    }
    if (!trailer && catalog !== undefined) trailer = new Map([['Root', new PdfRef(catalog, 0)]]);
    if (!trailer) throw new PdfError('PDF 文件已损坏或不完整（找不到文档目录）');
    return trailer;
  }
}

/** Every `N G obj` header of the file by its object number (the last one wins, as in incremental updates). */
function scanHeaders(bytes: Uint8Array): Map<number, number> {
  const text = latin1(bytes);
  const found = new Map<number, number>();
  const pattern = /(?<![0-9])(\d{1,7})\s+\d{1,5}\s+obj\b/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.set(Number(m[1]), m.index);
    if (found.size > MAX_OBJECTS) throw new PdfError(`PDF 文件的对象过多（超过 ${MAX_OBJECTS} 个），已拒绝`);
  }
  return found;
}

function parseObjectStream(stream: PdfStream, doc: PdfDocument): { data: Uint8Array; offsets: Map<number, number> } {
  const n = stream.dict.get('N');
  const first = stream.dict.get('First');
  if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || n > MAX_OBJECTS) throw new PdfError('PDF 文件已损坏（对象流错误）');
  const data = decodeStreamData(stream, MAX_STRUCTURE_BYTES, doc);
  const lex = new Lexer(data, 0);
  const offsets = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const num = Number(lex.word());
    const off = Number(lex.word());
    if (!Number.isInteger(num) || !Number.isInteger(off) || first + off >= data.length) throw new PdfError('PDF 文件已损坏（对象流错误）');
    if (!offsets.has(num)) offsets.set(num, first + off);
  }
  return { data, offsets };
}

function indexOf(bytes: Uint8Array, word: string, from: number): number {
  const first = word.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < word.length && bytes[i + k] === word.charCodeAt(k)) k++;
    if (k === word.length) return i;
  }
  return -1;
}
