// Progressive JPEG (SOF2), as phones, WeChat and web tools write photos: the picture comes in
// several scans — spectral selection (the DC coefficients first, then bands of AC coefficients) and
// successive approximation (high bits first, then one refinement bit per scan) — so every
// coefficient is kept until the last scan, then dequantized and turned into pixels. Bounded on
// hostile input: at most MAX_SCANS scans, and the work of refinement scans (the only ones that can
// visit coefficients without reading data) capped at a few passes over the picture.
import { BitReader, decodeSymbol, idct, JpegError, ZIGZAG, type Huffman, type JpegComponent } from './jpeg-coding';

interface Frame {
  width: number;
  height: number;
  components: JpegComponent[];
  mcuX: number;
  mcuY: number;
  hmax: number;
  vmax: number;
}

/** Real encoders write about 10 scans (libjpeg) to a few dozen (mozjpeg). */
const MAX_SCANS = 200;
/** Refinement passes over every coefficient allowed in total (a real file makes 2–3). */
const MAX_REFINE_PASSES = 12;

/** Counts what a file's scans cost, to stop a hostile file that repeats cheap scans. */
export interface ProgressiveBudget {
  scans: number;
  visits: number;
}

/** Decodes one progressive scan into the components' coefficients; returns the position after its data. */
export function readProgressiveScan(bytes: Uint8Array, start: number, header: Uint8Array, frame: Frame, quant: Array<Int32Array | undefined>, dcs: Array<Huffman | undefined>, acs: Array<Huffman | undefined>, restart: number, budget: ProgressiveBudget): number {
  if (++budget.scans > MAX_SCANS) throw new JpegError('JPEG 图片已损坏（扫描段过多）');
  const n = header[0]!;
  if (n < 1 || n > 4 || header.length < 4 + 2 * n) throw new JpegError('JPEG 图片已损坏（扫描头错误）');
  const ss = header[1 + 2 * n]!;
  const se = header[2 + 2 * n]!;
  const ah = header[3 + 2 * n]! >> 4;
  const al = header[3 + 2 * n]! & 15;
  const dcScan = ss === 0;
  if (se > 63 || ss > se || (dcScan && se !== 0) || (!dcScan && n !== 1) || al > 13 || ah > 13) throw new JpegError('JPEG 图片已损坏（渐进式扫描参数错误）');
  const scan: JpegComponent[] = [];
  for (let i = 0; i < n; i++) {
    const c = frame.components.find((x) => x.id === header[1 + i * 2]);
    if (!c || !c.coefs) throw new JpegError('JPEG 图片已损坏（扫描头错误）');
    c.td = header[2 + i * 2]! >> 4;
    c.ta = header[2 + i * 2]! & 15;
    if (dcScan && ah === 0 && !dcs[c.td]) throw new JpegError('JPEG 图片已损坏（缺少霍夫曼表）');
    if (!dcScan && !acs[c.ta]) throw new JpegError('JPEG 图片已损坏（缺少霍夫曼表）');
    c.quant ??= quant[c.tq];
    if (!c.quant) throw new JpegError('JPEG 图片已损坏（缺少量化表）');
    c.pred = 0;
    scan.push(c);
  }
  const reader = new BitReader(bytes, start);
  let eobrun = 0;
  const p1 = 1 << al;
  const m1 = -1 << al;

  const dcFirst = (c: JpegComponent, at: number) => {
    const t = decodeSymbol(dcs[c.td]!, reader);
    if (t > 16) throw new JpegError('JPEG 图片已损坏（霍夫曼编码错误）');
    c.pred += reader.receive(t);
    c.coefs![at] = c.pred * p1;
  };
  const dcRefine = (c: JpegComponent, at: number) => {
    if (reader.bit()) c.coefs![at] = c.coefs![at]! | p1;
  };
  const acFirst = (c: JpegComponent, at: number) => {
    if (eobrun > 0) {
      eobrun--;
      return;
    }
    const coefs = c.coefs!;
    const table = acs[c.ta]!;
    for (let k = ss; k <= se; ) {
      const rs = decodeSymbol(table, reader);
      const s = rs & 15;
      const r = rs >> 4;
      if (s === 0) {
        if (r < 15) {
          eobrun = (1 << r) - 1 + (r > 0 ? reader.unsigned(r) : 0);
          break;
        }
        k += 16;
        continue;
      }
      k += r;
      if (k > 63) throw new JpegError('JPEG 图片已损坏（系数越界）');
      coefs[at + ZIGZAG[k]!] = reader.receive(s) * p1;
      k++;
    }
  };
  /** One correction bit for a coefficient already non-zero: adds the bit's weight away from zero. */
  const correct = (coefs: Int16Array, z: number) => {
    if (reader.bit() && (coefs[z]! & p1) === 0) coefs[z] = coefs[z]! + (coefs[z]! >= 0 ? p1 : m1);
  };
  const acRefine = (c: JpegComponent, at: number) => {
    const coefs = c.coefs!;
    const table = acs[c.ta]!;
    let k = ss;
    if (eobrun === 0) {
      for (; k <= se; k++) {
        const rs = decodeSymbol(table, reader);
        let r = rs >> 4;
        const s = rs & 15;
        let value = 0;
        if (s !== 0) {
          if (s !== 1) throw new JpegError('JPEG 图片已损坏（渐进式细化数据错误）');
          value = reader.bit() ? p1 : m1;
        } else if (r !== 15) {
          eobrun = (1 << r) + (r > 0 ? reader.unsigned(r) : 0);
          break;
        }
        // Past r zero coefficients (correcting the non-zero ones met on the way), to the new one's place.
        for (; k <= se; k++) {
          const z = at + ZIGZAG[k]!;
          if (coefs[z] !== 0) correct(coefs, z);
          else if (--r < 0) break;
        }
        if (value !== 0) {
          if (k > se) throw new JpegError('JPEG 图片已损坏（系数越界）');
          coefs[at + ZIGZAG[k]!] = value;
        }
      }
    }
    if (eobrun > 0) {
      for (; k <= se; k++) {
        const z = at + ZIGZAG[k]!;
        if (coefs[z] !== 0) correct(coefs, z);
      }
      eobrun--;
    }
  };
  const decodeBlock = dcScan ? (ah === 0 ? dcFirst : dcRefine) : ah === 0 ? acFirst : acRefine;

  const single = scan.length === 1;
  const first = scan[0]!;
  const perLine = single ? Math.ceil(Math.ceil((frame.width * first.h) / frame.hmax) / 8) : frame.mcuX;
  const lines = single ? Math.ceil(Math.ceil((frame.height * first.v) / frame.vmax) / 8) : frame.mcuY;
  const units = perLine * lines;
  if (!dcScan && ah > 0) {
    budget.visits += units * (se - ss + 1);
    const allowed = MAX_REFINE_PASSES * 64 * frame.components.reduce((sum, c) => sum + c.bw * c.bh, 0);
    if (budget.visits > allowed) throw new JpegError('JPEG 图片已损坏（渐进式细化扫描过多）');
  }
  for (let m = 0; m < units; m++) {
    if (restart > 0 && m > 0 && m % restart === 0) {
      reader.restart();
      eobrun = 0;
      for (const c of scan) c.pred = 0;
    }
    const mx = m % perLine;
    const my = (m - mx) / perLine;
    if (single) decodeBlock(first, (my * first.bw + mx) * 64);
    else for (const c of scan) for (let v = 0; v < c.v; v++) for (let h = 0; h < c.h; h++) decodeBlock(c, ((my * c.v + v) * c.bw + mx * c.h + h) * 64);
    if (reader.ended) throw new JpegError('JPEG 图片不完整（图像数据被截断）');
  }
  return reader.pos;
}

/** After the last scan: every component's coefficients dequantized and turned into its pixels. */
export function finishProgressive(frame: Frame): void {
  const coef = new Float64Array(64);
  for (const c of frame.components) {
    const coefs = c.coefs;
    // A component no scan reached stays mid-grey (its coefficients are all zero).
    const q = c.quant ?? new Int32Array(64);
    if (!coefs) continue;
    c.pixels = new Uint8Array(c.bw * c.bh * 64);
    const stride = c.bw * 8;
    for (let by = 0; by < c.bh; by++) {
      for (let bx = 0; bx < c.bw; bx++) {
        const at = (by * c.bw + bx) * 64;
        for (let i = 0; i < 64; i++) coef[i] = coefs[at + i]! * q[i]!;
        idct(coef, c.pixels, by * 8 * stride + bx * 8, stride);
      }
    }
    c.coefs = undefined;
  }
}
