// A JPEG reader for what scanners, phone cameras and messaging apps write: Huffman-coded, 8-bit,
// greyscale or YCbCr with any chroma subsampling, restart markers; baseline (sequential) or
// progressive (jpeg-progressive.ts). Same limits as the PNG reader: the size is checked from the
// frame header before pixel memory is taken, and damaged or truncated data is refused with a reason
// instead of looping or guessing. Arithmetic-coded, lossless and 12-bit JPEG are refused by name.
// The EXIF orientation of phone photos is applied.
import { buildHuffman, decodeSymbol, idct, JpegError, ZIGZAG, type Huffman, type JpegComponent } from './jpeg-coding';
import { finishProgressive, readProgressiveScan, type ProgressiveBudget } from './jpeg-progressive';
import { checkDimensions } from './png';
import type { RgbaImage } from './raster';

type ImageRead = { ok: true; image: RgbaImage } | { ok: false; error: string };

/** Whether the bytes start like a JPEG file. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * Reads a baseline JPEG into RGBA, turned upright by its EXIF orientation unless `exif: false`
 * (a JPEG inside a PDF: the page's own matrix and /Rotate say how it is shown, not its EXIF).
 */
export function decodeJpeg(bytes: Uint8Array, options: { exif?: boolean } = {}): ImageRead {
  if (!isJpeg(bytes)) return { ok: false, error: '不是 JPEG 图片' };
  try {
    return { ok: true, image: decode(bytes, options.exif ?? true) };
  } catch (e) {
    if (e instanceof JpegError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: 'JPEG 图片已损坏' };
    throw e;
  }
}

function decode(bytes: Uint8Array, exif: boolean): RgbaImage {
  const quant: Array<Int32Array | undefined> = [];
  const dc: Array<Huffman | undefined> = [];
  const ac: Array<Huffman | undefined> = [];
  let frame: ReturnType<typeof readFrame> | undefined;
  const budget: ProgressiveBudget = { scans: 0, visits: 0 };
  let restart = 0;
  let orientation = 1;
  let pos = 2;
  const u16 = (at: number) => {
    if (at + 1 >= bytes.length) throw new JpegError('JPEG 图片不完整（文件被截断）');
    return (bytes[at]! << 8) | bytes[at + 1]!;
  };
  for (;;) {
    while (pos < bytes.length && bytes[pos] !== 0xff) pos++;
    while (pos < bytes.length && bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) throw new JpegError('JPEG 图片不完整（文件被截断）');
    const marker = bytes[pos++]!;
    if (marker === 0xd9) break;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    const length = u16(pos);
    const end = pos + length;
    if (length < 2 || end > bytes.length) throw new JpegError('JPEG 图片不完整（文件被截断）');
    const body = bytes.subarray(pos + 2, end);
    if (marker === 0xdb) readQuant(body, quant);
    else if (marker === 0xc4) readHuffman(body, dc, ac);
    else if (marker === 0xdd) restart = (body[0]! << 8) | body[1]!;
    else if (marker === 0xe1) orientation = exifOrientation(body) ?? orientation;
    else if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      if (frame) throw new JpegError('JPEG 图片已损坏（有多个图像头）');
      frame = readFrame(body, marker === 0xc2);
    } else if ((marker >= 0xc3 && marker <= 0xcf) && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) throw new JpegError('不支持此种 JPEG 编码（无损、分层或算术编码），请另存为 PNG 或普通 JPEG');
    else if (marker === 0xda) {
      if (!frame) throw new JpegError('JPEG 图片已损坏（缺少图像头）');
      pos = frame.progressive ? readProgressiveScan(bytes, end, body, frame, quant, dc, ac, restart, budget) : readScan(bytes, end, body, frame, quant, dc, ac, restart);
      continue;
    }
    pos = end;
  }
  if (!frame) throw new JpegError('JPEG 图片没有图像数据');
  if (frame.progressive) {
    if (budget.scans === 0) throw new JpegError('JPEG 图片没有图像数据');
    finishProgressive(frame);
  }
  return orient(toRgba(frame), exif ? orientation : 1);
}

function readQuant(body: Uint8Array, quant: Array<Int32Array | undefined>): void {
  let p = 0;
  while (p < body.length) {
    const precision = body[p]! >> 4;
    const id = body[p]! & 15;
    p++;
    const table = new Int32Array(64);
    for (let i = 0; i < 64; i++) {
      table[ZIGZAG[i]!] = precision ? (body[p]! << 8) | body[p + 1]! : body[p]!;
      p += precision ? 2 : 1;
    }
    if (p > body.length || id > 3) throw new JpegError('JPEG 图片已损坏（量化表错误）');
    quant[id] = table;
  }
}

function readHuffman(body: Uint8Array, dc: Array<Huffman | undefined>, ac: Array<Huffman | undefined>): void {
  let p = 0;
  while (p < body.length) {
    const cls = body[p]! >> 4;
    const id = body[p]! & 15;
    const counts = body.subarray(p + 1, p + 17);
    const total = counts.reduce((n, c) => n + c, 0);
    p += 17;
    if (counts.length < 16 || p + total > body.length || id > 3 || total > 256) throw new JpegError('JPEG 图片已损坏（霍夫曼表错误）');
    (cls === 0 ? dc : ac)[id] = buildHuffman(counts, body.slice(p, p + total));
    p += total;
  }
}

function readFrame(body: Uint8Array, progressive: boolean) {
  if (body[0] !== 8) throw new JpegError('只支持 8 位 JPEG 图片');
  const height = (body[1]! << 8) | body[2]!;
  const width = (body[3]! << 8) | body[4]!;
  const problem = height === 0 ? 'JPEG 图片缺少高度（不支持）' : checkDimensions(width, height);
  if (problem) throw new JpegError(problem);
  const n = body[5]!;
  if (n !== 1 && n !== 3) throw new JpegError('只支持灰度或彩色（YCbCr）JPEG 图片，不支持 CMYK');
  const raw = Array.from({ length: n }, (_, i) => ({ id: body[6 + i * 3]!, h: body[7 + i * 3]! >> 4, v: body[7 + i * 3]! & 15, tq: body[8 + i * 3]! }));
  if (raw.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4)) throw new JpegError('JPEG 图片已损坏（采样因子错误）');
  const hmax = Math.max(...raw.map((c) => c.h));
  const vmax = Math.max(...raw.map((c) => c.v));
  const mcuX = Math.ceil(width / (8 * hmax));
  const mcuY = Math.ceil(height / (8 * vmax));
  const components: JpegComponent[] = raw.map((c) => {
    const bw = mcuX * c.h;
    const bh = mcuY * c.v;
    // A progressive frame keeps coefficients (2 bytes each) until its last scan; pixels come after.
    return { ...c, td: 0, ta: 0, bw, bh, pixels: new Uint8Array(progressive ? 0 : bw * bh * 64), pred: 0, ...(progressive ? { coefs: new Int16Array(bw * bh * 64) } : {}) };
  });
  return { width, height, components, mcuX, mcuY, hmax, vmax, progressive };
}

/** Decodes one (interleaved or single-component) scan; returns the position after its data. */
function readScan(bytes: Uint8Array, start: number, header: Uint8Array, frame: NonNullable<ReturnType<typeof readFrame>>, quant: Array<Int32Array | undefined>, dcs: Array<Huffman | undefined>, acs: Array<Huffman | undefined>, restart: number): number {
  const n = header[0]!;
  const scan: JpegComponent[] = [];
  for (let i = 0; i < n; i++) {
    const c = frame.components.find((x) => x.id === header[1 + i * 2]);
    if (!c) throw new JpegError('JPEG 图片已损坏（扫描头错误）');
    c.td = header[2 + i * 2]! >> 4;
    c.ta = header[2 + i * 2]! & 15;
    if (!dcs[c.td] || !acs[c.ta] || !quant[c.tq]) throw new JpegError('JPEG 图片已损坏（缺少霍夫曼表或量化表）');
    scan.push(c);
  }
  let pos = start;
  let bits = 0;
  let count = 0;
  let ended = false;
  const bit = (): number => {
    if (count === 0) {
      if (pos >= bytes.length) throw new JpegError('JPEG 图片不完整（图像数据被截断）');
      let b = bytes[pos]!;
      if (b === 0xff) {
        const next = bytes[pos + 1];
        if (next === 0) pos++;
        else {
          // A marker inside the data: the scan ended early (damaged or truncated).
          ended = true;
          b = 0;
          pos--;
        }
      }
      if (ended) b = 0;
      pos++;
      bits = b;
      count = 8;
    }
    count--;
    return (bits >> count) & 1;
  };
  let budget = 0;
  const reader = { bit };
  const decodeHuffman = (h: Huffman): number => decodeSymbol(h, reader);
  const receive = (s: number): number => {
    let v = 0;
    for (let i = 0; i < s; i++) v = (v << 1) | bit();
    return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
  };
  const coef = new Float64Array(64);
  const block = (c: JpegComponent, bx: number, by: number) => {
    if (++budget % 4096 === 0 && ended) throw new JpegError('JPEG 图片不完整（图像数据被截断）');
    coef.fill(0);
    const q = quant[c.tq]!;
    const t = decodeHuffman(dcs[c.td]!);
    if (t > 16) throw new JpegError('JPEG 图片已损坏（霍夫曼编码错误）');
    c.pred += t === 0 ? 0 : receive(t);
    coef[0] = c.pred * q[0]!;
    for (let k = 1; k < 64; ) {
      const rs = decodeHuffman(acs[c.ta]!);
      const s = rs & 15;
      const r = rs >> 4;
      if (s === 0) {
        if (r !== 15) break;
        k += 16;
        continue;
      }
      k += r;
      if (k > 63) throw new JpegError('JPEG 图片已损坏（系数越界）');
      coef[ZIGZAG[k]!] = receive(s) * q[ZIGZAG[k]!]!;
      k++;
    }
    idct(coef, c.pixels, (by * 8) * (c.bw * 8) + bx * 8, c.bw * 8);
  };
  const single = scan.length === 1;
  const units = single ? Math.ceil(Math.ceil((frame.width * scan[0]!.h) / frame.hmax) / 8) * Math.ceil(Math.ceil((frame.height * scan[0]!.v) / frame.vmax) / 8) : frame.mcuX * frame.mcuY;
  const perLine = single ? Math.ceil(Math.ceil((frame.width * scan[0]!.h) / frame.hmax) / 8) : frame.mcuX;
  for (let m = 0; m < units; m++) {
    if (restart > 0 && m > 0 && m % restart === 0) {
      // Restart: byte-align, skip the RSTn marker, reset the predictions.
      count = 0;
      ended = false;
      while (pos + 1 < bytes.length && !(bytes[pos] === 0xff && bytes[pos + 1]! >= 0xd0 && bytes[pos + 1]! <= 0xd7)) pos++;
      pos += 2;
      for (const c of scan) c.pred = 0;
    }
    const mx = m % perLine;
    const my = Math.floor(m / perLine);
    if (single) block(scan[0]!, mx, my);
    else for (const c of scan) for (let v = 0; v < c.v; v++) for (let h = 0; h < c.h; h++) block(c, mx * c.h + h, my * c.v + v);
  }
  if (ended) throw new JpegError('JPEG 图片不完整（图像数据被截断）');
  return pos;
}

function toRgba(frame: NonNullable<ReturnType<typeof readFrame>>): RgbaImage {
  const { width, height, components, hmax, vmax } = frame;
  const out = new Uint8Array(width * height * 4);
  const at = (c: JpegComponent, x: number, y: number) => c.pixels[Math.floor((y * c.v) / vmax) * c.bw * 8 + Math.floor((x * c.h) / hmax)]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const Y = at(components[0]!, x, y);
      if (components.length === 1) {
        out[o] = out[o + 1] = out[o + 2] = Y;
      } else {
        const cb = at(components[1]!, x, y) - 128;
        const cr = at(components[2]!, x, y) - 128;
        out[o] = clamp(Y + 1.402 * cr);
        out[o + 1] = clamp(Y - 0.344136 * cb - 0.714136 * cr);
        out[o + 2] = clamp(Y + 1.772 * cb);
      }
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** The EXIF orientation (1–8) from an APP1 segment, if it holds one. */
function exifOrientation(body: Uint8Array): number | undefined {
  if (String.fromCharCode(...body.subarray(0, 4)) !== 'Exif') return undefined;
  const tiff = body.subarray(6);
  if (tiff.length < 8) return undefined;
  const little = tiff[0] === 0x49;
  const u16 = (p: number) => (p + 1 < tiff.length ? (little ? tiff[p]! | (tiff[p + 1]! << 8) : (tiff[p]! << 8) | tiff[p + 1]!) : 0);
  const u32 = (p: number) => (u16(little ? p + 2 : p) * 65536 + u16(little ? p : p + 2)) >>> 0;
  const ifd = u32(4);
  const entries = u16(ifd);
  for (let i = 0; i < entries && i < 256; i++) {
    const e = ifd + 2 + i * 12;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : undefined;
    }
  }
  return undefined;
}

/** The picture turned upright for EXIF orientations 3 (180°), 6 (90° clockwise) and 8 (90° anticlockwise); mirrored ones are left. */
function orient(image: RgbaImage, orientation: number): RgbaImage {
  if (orientation !== 3 && orientation !== 6 && orientation !== 8) return image;
  const { width: w, height: h, data } = image;
  const turned = orientation !== 3;
  const out = new Uint8Array(data.length);
  const W = turned ? h : w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = orientation === 3 ? [w - 1 - x, h - 1 - y] : orientation === 6 ? [h - 1 - y, x] : [y, w - 1 - x];
      out.set(data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (ny * W + nx) * 4);
    }
  }
  return { width: W, height: turned ? w : h, data: out };
}
