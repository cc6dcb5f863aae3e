// A PDF stream's filters undone, each with an output limit (a decompression bomb stops there):
// Flate (zlib, or raw deflate as some writers leave it) with the TIFF and PNG predictors, LZW,
// ASCIIHex, ASCII85 and RunLength. The image codecs (DCT, CCITT, JBIG2, JPX) are left to the caller.
import { Inflate, Unzlib } from 'fflate';
import { unfilter } from './png';
import { PdfError, PdfName, type PdfDict, type PdfStream, type PdfValue } from './pdf-objects';

interface Resolver {
  resolve(value: PdfValue | undefined): PdfValue | undefined;
}

interface Filter {
  name: string;
  parms: PdfDict | undefined;
}

/** The stream's filters in order, with their parameters. */
export function filterChain(stream: PdfStream, doc: Resolver): Filter[] {
  const f = doc.resolve(stream.dict.get('Filter'));
  const p = doc.resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'));
  const names = f === undefined || f === null ? [] : Array.isArray(f) ? f.map((x) => doc.resolve(x)) : [f];
  const parms = Array.isArray(p) ? p.map((x) => doc.resolve(x)) : [p];
  return names.map((n, i) => {
    if (!(n instanceof PdfName)) throw new PdfError('PDF 文件已损坏（数据流的压缩方式错误）');
    const parm = parms[i];
    return { name: ABBREVIATIONS[n.name] ?? n.name, parms: parm instanceof Map ? parm : undefined };
  });
}

const ABBREVIATIONS: Record<string, string> = { Fl: 'FlateDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', LZW: 'LZWDecode', RL: 'RunLengthDecode', DCT: 'DCTDecode', CCF: 'CCITTFaxDecode' };

/** Every filter of the stream undone, at most `limit` bytes out; a codec filter is an error here. */
export function decodeStreamData(stream: PdfStream, limit: number, doc: Resolver): Uint8Array {
  return applyFilters(stream.data, filterChain(stream, doc), limit);
}

/** The given filters undone in order, at most `limit` bytes out of each. */
export function applyFilters(data: Uint8Array, chain: readonly Filter[], limit: number): Uint8Array {
  let out = data;
  for (const { name, parms } of chain) {
    if (name === 'FlateDecode') out = predict(inflateAtMost(out, limit), parms);
    else if (name === 'LZWDecode') out = predict(lzw(out, limit, numberOf(parms, 'EarlyChange', 1)), parms);
    else if (name === 'ASCIIHexDecode') out = asciiHex(out);
    else if (name === 'ASCII85Decode') out = ascii85(out);
    else if (name === 'RunLengthDecode') out = runLength(out, limit);
    // A name of letters and digits is a filter we do not read; anything else is a damaged file, not a name to show.
    else throw new PdfError(/^[A-Za-z0-9]{1,40}$/.test(name) ? `不支持 PDF 中 ${name} 压缩的数据` : 'PDF 文件已损坏（无法识别的压缩方式）');
    if (out.length > limit) throw new PdfError('PDF 中的数据解压后过大（疑似“压缩炸弹”），已拒绝');
  }
  return out;
}

function numberOf(parms: PdfDict | undefined, key: string, fallback: number): number {
  const v = parms?.get(key);
  return typeof v === 'number' ? v : fallback;
}

/** Inflates in 64 KB steps and stops past `limit`; a damaged stream keeps what came out before the damage. */
function inflateAtMost(data: Uint8Array, limit: number): Uint8Array {
  const raw = !(data.length >= 2 && (data[0]! & 15) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const take = (chunk: Uint8Array) => {
    if (total + chunk.length > limit) over = true;
    else chunks.push(chunk);
    total += chunk.length;
  };
  const inflater = raw ? new Inflate(take) : new Unzlib(take);
  try {
    const STEP = 65536;
    for (let i = 0; i < data.length && !over; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch {
    if (chunks.length === 0) throw new PdfError('PDF 中的数据已损坏（无法解压）');
  }
  if (over) throw new PdfError('PDF 中的数据解压后过大（疑似“压缩炸弹”），已拒绝');
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Undoes a TIFF (2) or PNG (10–15) predictor. */
function predict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const predictor = numberOf(parms, 'Predictor', 1);
  if (predictor === 1) return data;
  const colors = numberOf(parms, 'Colors', 1);
  const bpc = numberOf(parms, 'BitsPerComponent', 8);
  const columns = numberOf(parms, 'Columns', 1);
  if (![1, 2, 4, 8, 16].includes(bpc) || colors < 1 || colors > 32 || columns < 1 || columns > 1_000_000) throw new PdfError('PDF 文件已损坏（预测参数错误）');
  const stride = Math.ceil((colors * bpc * columns) / 8);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  if (predictor === 2) {
    if (bpc !== 8) throw new PdfError('不支持 PDF 中此种 TIFF 预测的数据');
    const out = data.slice();
    for (let row = 0; row + stride <= out.length; row += stride) for (let x = colors; x < stride; x++) out[row + x] = (out[row + x]! + out[row + x - colors]!) & 255;
    return out;
  }
  if (predictor < 10) throw new PdfError('PDF 文件已损坏（预测参数错误）');
  const rows = Math.floor(data.length / (stride + 1));
  const raw = data.slice(0, rows * (stride + 1));
  unfilter(raw, stride, rows, bpp);
  const out = new Uint8Array(rows * stride);
  for (let y = 0; y < rows; y++) out.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  return out;
}

function lzw(data: Uint8Array, limit: number, earlyChange: number): Uint8Array {
  const out: Uint8Array[] = [];
  let total = 0;
  let dict: Uint8Array[] = [];
  const reset = () => {
    dict = Array.from({ length: 258 }, (_, i) => Uint8Array.of(i));
  };
  reset();
  let width = 9;
  let bitPos = 0;
  let prev: Uint8Array | undefined;
  while (bitPos + width <= data.length * 8) {
    let code = 0;
    for (let k = 0; k < width; k++, bitPos++) code = (code << 1) | ((data[bitPos >> 3]! >> (7 - (bitPos & 7))) & 1);
    if (code === 256) {
      reset();
      width = 9;
      prev = undefined;
      continue;
    }
    if (code === 257) break;
    let entry = dict[code];
    if (!entry) {
      if (!prev || code !== dict.length) throw new PdfError('PDF 中的数据已损坏（LZW 编码错误）');
      entry = concat([prev, prev.subarray(0, 1)]);
    }
    if (prev && dict.length < 4096) dict.push(concat([prev, entry.subarray(0, 1)]));
    prev = entry;
    total += entry.length;
    if (total > limit) throw new PdfError('PDF 中的数据解压后过大（疑似“压缩炸弹”），已拒绝');
    out.push(entry);
    const next = dict.length + earlyChange;
    width = next >= 2048 ? 12 : next >= 1024 ? 11 : next >= 512 ? 10 : 9;
  }
  return concat(out);
}

function asciiHex(data: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(data);
  const end = text.indexOf('>');
  const digits = (end >= 0 ? text.slice(0, end) : text).replace(/[^0-9a-fA-F]/g, '');
  const padded = digits.length % 2 ? `${digits}0` : digits;
  return Uint8Array.from({ length: padded.length / 2 }, (_, i) => parseInt(padded.slice(2 * i, 2 * i + 2), 16));
}

function ascii85(data: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(data).replace(/\s/g, '');
  const end = text.indexOf('~>');
  const body = (end >= 0 ? text.slice(0, end) : text).replace(/^<~/, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    const v = group.reduce((acc, d) => acc * 85 + d, 0);
    for (let k = 0; k < n; k++) out.push(Math.floor(v / 256 ** (3 - k)) & 255);
    group = [];
  };
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const d = ch.charCodeAt(0) - 33;
    if (d < 0 || d > 84) throw new PdfError('PDF 中的数据已损坏（ASCII85 编码错误）');
    group.push(d);
    if (group.length === 5) flush(4);
  }
  if (group.length > 0) flush(group.length - 1);
  return Uint8Array.from(out);
}

function runLength(data: Uint8Array, limit: number): Uint8Array {
  const out: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < data.length; ) {
    const n = data[i++]!;
    if (n === 128) break;
    const piece = n < 128 ? data.subarray(i, i + n + 1) : new Uint8Array(257 - n).fill(data[i] ?? 0);
    i += n < 128 ? n + 1 : 1;
    total += piece.length;
    if (total > limit) throw new PdfError('PDF 中的数据解压后过大（疑似“压缩炸弹”），已拒绝');
    out.push(piece);
  }
  return concat(out);
}

