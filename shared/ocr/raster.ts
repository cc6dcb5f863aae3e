// Pixels for recognition: an RGBA picture as decoded, and the one-channel grey page that every later
// step reads. Pure arithmetic on typed arrays (no canvas), so the command line and a worker share it.

/** A decoded picture, 4 bytes per pixel (R, G, B, A), rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** One byte per pixel, 0 black … 255 white. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An axis-aligned rectangle in pixels (x, y of the top-left corner). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Whether a pixel is seal ink: clearly red, not dark. Black text under a seal stays dark (its red
 * channel is low too), so it survives; a light-red seal stroke is lifted to white.
 * `isSealRed(220, 60, 60) === true`, `isSealRed(40, 20, 20) === false`
 */
export function isSealRed(r: number, g: number, b: number): boolean {
  return r >= 110 && r - Math.max(g, b) >= 50 && r - (g + b) / 2 >= 60;
}

/**
 * The grey page of a picture with the red seal taken out: seal-red pixels become white, the rest
 * luminance (ITU-R 601 weights). Transparent pixels count as paper (white).
 */
export function toGrayWithoutSeal(image: RgbaImage): { gray: GrayImage; sealPixels: number } {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  let sealPixels = 0;
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    const r = data[p]!;
    const g = data[p + 1]!;
    const b = data[p + 2]!;
    const a = data[p + 3]!;
    if (isSealRed(r, g, b)) {
      out[i] = 255;
      sealPixels++;
      continue;
    }
    const y = (299 * r + 587 * g + 114 * b) / 1000;
    out[i] = Math.round(255 - ((255 - y) * a) / 255);
  }
  return { gray: { width, height, data: out }, sealPixels };
}

/** The grey value at a real position, bilinear; outside the picture is paper (255). */
function sample(img: GrayImage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= img.width || yy >= img.height ? 255 : img.data[yy * img.width + xx]!);
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** The page turned by `degrees` (positive: counter-clockwise content turns clockwise back) about its centre; same size, corners white. */
export function rotateGray(img: GrayImage, degrees: number): GrayImage {
  if (degrees === 0) return img;
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (img.width - 1) / 2;
  const cy = (img.height - 1) / 2;
  const out = new Uint8Array(img.width * img.height);
  const { width, height, data } = img;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      // Inside the picture with a neighbour on each side: bilinear inline (this runs over whole pages).
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
        const fx = sx - x0;
        const fy = sy - y0;
        const i = y0 * width + x0;
        const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
        const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
        out[y * width + x] = Math.round(top + (bottom - top) * fy);
      } else out[y * width + x] = Math.round(sample(img, sx, sy));
    }
  }
  return { width: img.width, height: img.height, data: out };
}

/** A region resized to `width` × `height` (area average when shrinking, bilinear when enlarging). */
export function resizeGray(img: GrayImage, region: Rect, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = region.width / width;
  const sy = region.height / height;
  const shrink = sx > 1 || sy > 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v: number;
      if (shrink) {
        // The average of the source pixels under the output pixel (read directly: this runs over
        // whole pages, and a bilinear sample per source pixel cost seconds).
        const x0 = region.x + x * sx;
        const y0 = region.y + y * sy;
        const nx = Math.max(1, Math.round(sx));
        const ny = Math.max(1, Math.round(sy));
        let sum = 0;
        for (let j = 0; j < ny; j++) {
          const yy = Math.floor(y0 + (j + 0.5) * (sy / ny));
          for (let i = 0; i < nx; i++) {
            const xx = Math.floor(x0 + (i + 0.5) * (sx / nx));
            sum += xx < 0 || yy < 0 || xx >= img.width || yy >= img.height ? 255 : img.data[yy * img.width + xx]!;
          }
        }
        v = sum / (nx * ny);
      } else {
        v = sample(img, region.x + (x + 0.5) * sx - 0.5, region.y + (y + 0.5) * sy - 0.5);
      }
      out[y * width + x] = Math.round(v);
    }
  }
  return { width, height, data: out };
}

/** Otsu's threshold of a grey page: the value that best separates ink from paper. */
function otsuThreshold(img: GrayImage): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of img.data) hist[v]!++;
  const total = img.data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Ink mask: 1 where the page is darker than the threshold. */
export function inkMask(img: GrayImage, threshold = otsuThreshold(img)): Uint8Array {
  const mask = new Uint8Array(img.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = img.data[i]! <= threshold ? 1 : 0;
  return mask;
}
