// A PDF page's scan pictures laid out as the page shows them: one picture turned by its matrix and
// the page's /Rotate (the common case, its pixels given as they are), or several — a page a
// scanner wrote in strips, each with its own matrix — painted into one raster at the resolution of
// the largest, white where no picture is. Stencil masks paint only their black. The raster's size
// is checked like a picture's before any pixel memory is taken; strips are decoded one at a time.
import { PdfError } from './pdf-objects';
import type { PdfPicture } from './pdf-picture';
import { checkDimensions } from './png';
import type { RgbaImage } from './raster';

export type Matrix = [number, number, number, number, number, number];

interface Placed {
  picture: PdfPicture;
  ctm: Matrix;
}

/** The page's raster: its size as shown, and its pixels on demand (throws PdfError). */
export function pageRaster(pieces: Placed[], rotate: number, where: string): { width: number; height: number; decode(): RgbaImage } {
  if (pieces.length === 1) {
    const { picture, ctm } = pieces[0]!;
    const { right, down } = orientation(ctm, rotate);
    const turned = right[0] === 0;
    return { width: turned ? picture.height : picture.width, height: turned ? picture.width : picture.height, decode: () => orient(picture.decode(), right, down) };
  }
  const boxes = pieces.map((p) => displayBox(p.ctm, rotate));
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.right));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  // Pixels per unit of page space, from the largest picture as shown.
  const main = pieces.reduce((a, b) => (b.picture.width * b.picture.height > a.picture.width * a.picture.height ? b : a));
  const mainBox = boxes[pieces.indexOf(main)]!;
  const mainTurned = orientation(main.ctm, rotate).right[0] === 0;
  const dx = (mainTurned ? main.picture.height : main.picture.width) / Math.max(mainBox.right - mainBox.left, 1e-9);
  const dy = (mainTurned ? main.picture.width : main.picture.height) / Math.max(mainBox.bottom - mainBox.top, 1e-9);
  const width = Math.round((right - left) * dx);
  const height = Math.round((bottom - top) * dy);
  const tooBig = checkDimensions(width, height);
  if (tooBig) throw new PdfError(`${where}：${tooBig}`);
  const decode = (): RgbaImage => {
    const out = new Uint8Array(width * height * 4).fill(255);
    pieces.forEach((piece, i) => {
      const box = boxes[i]!;
      const axes = orientation(piece.ctm, rotate);
      const img = orient(piece.picture.decode(), axes.right, axes.down);
      const px0 = Math.max(0, Math.round((box.left - left) * dx));
      const px1 = Math.min(width, Math.round((box.right - left) * dx));
      const py0 = Math.max(0, Math.round((box.top - top) * dy));
      const py1 = Math.min(height, Math.round((box.bottom - top) * dy));
      if (px1 <= px0 || py1 <= py0) return;
      for (let y = py0; y < py1; y++) {
        const sy = Math.min(img.height - 1, Math.floor(((y - py0) * img.height) / (py1 - py0)));
        for (let x = px0; x < px1; x++) {
          const sx = Math.min(img.width - 1, Math.floor(((x - px0) * img.width) / (px1 - px0)));
          const s = (sy * img.width + sx) * 4;
          const o = (y * width + x) * 4;
          if (piece.picture.mask) {
            if (img.data[s]! < 128) out.fill(0, o, o + 3);
          } else {
            out[o] = img.data[s]!;
            out[o + 1] = img.data[s + 1]!;
            out[o + 2] = img.data[s + 2]!;
          }
        }
      }
    });
    return { width, height, data: out };
  };
  return { width, height, decode };
}

/** Where the picture's unit square lands as the page is shown (y downwards, /Rotate applied): its bounding box. */
function displayBox(ctm: Matrix, rotate: number): { left: number; top: number; right: number; bottom: number } {
  const turns = ((Math.round(rotate / 90) % 4) + 4) % 4;
  const points = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ].map(([u, v]) => {
    let p: Axis = [ctm[0] * u! + ctm[2] * v! + ctm[4], -(ctm[1] * u! + ctm[3] * v! + ctm[5])];
    for (let k = 0; k < turns; k++) p = [-p[1], p[0]];
    return p;
  });
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

type Axis = [number, number];

/**
 * Where the picture's rows and columns go as the page is shown: unit axis vectors on the screen
 * (y downwards) for the picture's rightwards and downwards directions. The picture's first row is
 * at the top of its unit square (PDF image space), the CTM places it, /Rotate turns the page
 * clockwise for display.
 */
function orientation(ctm: Matrix, rotate: number): { right: Axis; down: Axis } {
  const turns = ((Math.round(rotate / 90) % 4) + 4) % 4;
  const turn = ([x, y]: Axis): Axis => {
    let v: Axis = [x, y];
    for (let k = 0; k < turns; k++) v = [-v[1], v[0]];
    return v;
  };
  const snap = ([x, y]: Axis): Axis => (Math.abs(x) >= Math.abs(y) ? [Math.sign(x), 0] : [0, Math.sign(y)]);
  const right = snap(turn([ctm[0], -ctm[1]]));
  const down = snap(turn([-ctm[2], ctm[3]]));
  // A degenerate matrix (both axes one way): show the picture as stored.
  if (right[0] === 0 && down[0] === 0) return { right: [1, 0], down: [0, 1] };
  if (right[1] === 0 && down[1] === 0) return { right: [1, 0], down: [0, 1] };
  return { right, down };
}

/** The picture with its columns along `right` and its rows along `down` (turned by 90° steps, or mirrored). */
function orient(img: RgbaImage, right: Axis, down: Axis): RgbaImage {
  if (right[0] === 1 && down[1] === 1) return img;
  const { width: w, height: h, data } = img;
  const turned = right[0] === 0;
  const W = turned ? h : w;
  const H = turned ? w : h;
  const out = new Uint8Array(W * H * 4);
  const pos = (axis: number, dir: Axis, i: number, n: number) => (dir[axis]! > 0 ? i : dir[axis]! < 0 ? n - 1 - i : 0);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const X = pos(0, right, i, w) + pos(0, down, j, h);
      const Y = pos(1, right, i, w) + pos(1, down, j, h);
      out.set(data.subarray((j * w + i) * 4, (j * w + i) * 4 + 4), (Y * W + X) * 4);
    }
  }
  return { width: W, height: H, data: out };
}
