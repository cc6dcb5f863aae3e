// A PDF picture's raw samples as RGBA: grey, RGB, CMYK (a plain conversion: forms are black and
// red on white), ICC-based and calibrated spaces by their number of components, indexed colours,
// one-ink separations and stencil masks; 1–16 bits per sample and the /Decode array.
import type { PdfDocument } from './pdf-document';
import { PdfError, PdfName, PdfStream, type PdfValue } from './pdf-objects';
import { decodeStreamData } from './pdf-streams';
import type { RgbaImage } from './raster';

interface ColorSpace {
  kind: 'gray' | 'rgb' | 'cmyk' | 'indexed' | 'ink' | 'mask';
  components: number;
  /** Indexed colours: RGB triples, (hival + 1) of them. */
  palette?: Uint8Array;
}

const DEVICE: Record<string, ColorSpace> = {
  DeviceGray: { kind: 'gray', components: 1 },
  G: { kind: 'gray', components: 1 },
  CalGray: { kind: 'gray', components: 1 },
  DeviceRGB: { kind: 'rgb', components: 3 },
  RGB: { kind: 'rgb', components: 3 },
  CalRGB: { kind: 'rgb', components: 3 },
  DeviceCMYK: { kind: 'cmyk', components: 4 },
  CMYK: { kind: 'cmyk', components: 4 },
};

/** The picture's colour space, or a PdfError naming the page when it is not one read here. */
export function pdfColorSpace(doc: PdfDocument, stream: PdfStream, where = ''): ColorSpace {
  if (stream.dict.get('ImageMask') === true) return { kind: 'mask', components: 1 };
  const cs = doc.resolve(stream.dict.get('ColorSpace'));
  if (cs === undefined || cs === null) return { kind: 'gray', components: 1 };
  return space(doc, cs, where, 0);
}

function space(doc: PdfDocument, value: PdfValue, where: string, depth: number): ColorSpace {
  const unsupported = (what: string) => new PdfError(`${where}的扫描图像颜色空间（${what}）暂不支持，请另存为 PNG/JPEG 图片`);
  if (value instanceof PdfName) {
    const known = DEVICE[value.name];
    if (!known) throw unsupported(value.name);
    return known;
  }
  if (!Array.isArray(value) || !(value[0] instanceof PdfName) || depth > 2) throw unsupported('未知');
  const family = value[0].name;
  if (family === 'CalGray' || family === 'CalRGB') return DEVICE[family]!;
  if (family === 'ICCBased') {
    const profile = doc.resolve(value[1]);
    const n = profile instanceof PdfStream ? doc.resolve(profile.dict.get('N')) : undefined;
    if (n === 1) return DEVICE.DeviceGray!;
    if (n === 3) return DEVICE.DeviceRGB!;
    if (n === 4) return DEVICE.DeviceCMYK!;
    throw unsupported('ICC');
  }
  if (family === 'Separation') return { kind: 'ink', components: 1 };
  if (family === 'Indexed' || family === 'I') {
    const base = space(doc, doc.resolve(value[1]) ?? null, where, depth + 1);
    const hival = doc.resolve(value[2]);
    if (base.kind === 'indexed' || base.kind === 'mask' || typeof hival !== 'number' || hival < 0 || hival > 255) throw unsupported('Indexed');
    const lookupValue = doc.resolve(value[3]);
    const lookup = lookupValue instanceof PdfStream ? decodeStreamData(lookupValue, 4096, doc) : lookupValue instanceof Uint8Array ? lookupValue : undefined;
    if (!lookup) throw unsupported('Indexed');
    const palette = new Uint8Array((hival + 1) * 3);
    for (let i = 0; i <= hival; i++) {
      const px = toRgbaSamples(lookup.subarray(i * base.components, (i + 1) * base.components), 1, 1, 8, base, undefined).data;
      palette.set(px.subarray(0, 3), i * 3);
    }
    return { kind: 'indexed', components: 1, palette };
  }
  throw unsupported(family);
}

/** Raw samples (rows padded to whole bytes) as RGBA, white paper where a mask paints nothing. */
export function toRgbaSamples(data: Uint8Array, width: number, height: number, bpc: number, cs: ColorSpace, decode: number[] | undefined): RgbaImage {
  const n = cs.components;
  const out = new Uint8Array(width * height * 4);
  const stride = Math.ceil((width * n * bpc) / 8);
  const max = 2 ** bpc - 1;
  // The /Decode array maps a sample to a component value (0–1), or to an index for indexed colours.
  const lo = (k: number) => decode?.[2 * k] ?? 0;
  const hi = (k: number) => decode?.[2 * k + 1] ?? (cs.kind === 'indexed' ? max : 1);
  const plain = decode === undefined && bpc === 8;
  const sample = (row: number, index: number): number => {
    if (bpc === 8) return data[row + index]!;
    if (bpc === 16) return (data[row + 2 * index]! << 8) | data[row + 2 * index + 1]!;
    const bit = index * bpc;
    return (data[row + (bit >> 3)]! >> (8 - bpc - (bit & 7))) & max;
  };
  const unit = (v: number, k: number) => Math.min(1, Math.max(0, lo(k) + (v * (hi(k) - lo(k))) / max));
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      let r: number;
      let g: number;
      let b: number;
      if (cs.kind === 'indexed') {
        const v = sample(row, x);
        const index = Math.max(0, Math.min(cs.palette!.length / 3 - 1, Math.round(lo(0) + (v * (hi(0) - lo(0))) / max)));
        r = cs.palette![index * 3]!;
        g = cs.palette![index * 3 + 1]!;
        b = cs.palette![index * 3 + 2]!;
      } else if (cs.kind === 'gray' || cs.kind === 'ink' || cs.kind === 'mask') {
        const v = plain ? data[row + x]! / 255 : unit(sample(row, x), 0);
        // A mask paints black where its sample decodes to 0; an ink's tint 1 is full ink.
        r = g = b = Math.round((cs.kind === 'ink' ? 1 - v : v) * 255);
      } else if (cs.kind === 'rgb') {
        r = Math.round((plain ? data[row + x * 3]! / 255 : unit(sample(row, x * 3), 0)) * 255);
        g = Math.round((plain ? data[row + x * 3 + 1]! / 255 : unit(sample(row, x * 3 + 1), 1)) * 255);
        b = Math.round((plain ? data[row + x * 3 + 2]! / 255 : unit(sample(row, x * 3 + 2), 2)) * 255);
      } else {
        const [c, m, ye, k] = [0, 1, 2, 3].map((i) => unit(sample(row, x * 4 + i), i)) as [number, number, number, number];
        r = Math.round(255 * (1 - c) * (1 - k));
        g = Math.round(255 * (1 - m) * (1 - k));
        b = Math.round(255 * (1 - ye) * (1 - k));
      }
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

