// Text detection around the PP-OCR DB model: the page scaled and normalised as the model was
// trained (ImageNet mean and deviation, sides a multiple of 32), and its probability map turned
// into text boxes — threshold, connected regions, a score per region, the region grown back by
// the "unclip" ratio (the model predicts shrunk text kernels).
import { resizeGray, type GrayImage, type Rect } from './raster';

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/** The model's input: a [1, 3, height, width] tensor and the factors back to page pixels. */
interface DetectionInput {
  data: Float32Array;
  width: number;
  height: number;
  scaleX: number;
  scaleY: number;
}

/** The page scaled so its longer side is at most `maxSide` (and both sides multiples of 32), as a normalised tensor. */
export function detectionInput(page: GrayImage, maxSide = 1280): DetectionInput {
  const ratio = Math.min(1, maxSide / Math.max(page.width, page.height));
  const width = Math.max(32, Math.round((page.width * ratio) / 32) * 32);
  const height = Math.max(32, Math.round((page.height * ratio) / 32) * 32);
  const small = resizeGray(page, { x: 0, y: 0, width: page.width, height: page.height }, width, height);
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const v = small.data[i]! / 255;
    for (let c = 0; c < 3; c++) data[c * plane + i] = (v - MEAN[c]!) / STD[c]!;
  }
  return { data, width, height, scaleX: page.width / width, scaleY: page.height / height };
}

interface BoxOptions {
  /** A pixel is text when its probability is above this (PaddleOCR's det_db_thresh). */
  threshold: number;
  /** A region is kept when its mean probability is at least this (det_db_box_thresh). */
  boxThreshold: number;
  /** How far a region is grown back: area × ratio / perimeter (det_db_unclip_ratio). */
  unclipRatio: number;
  /** Regions with a side shorter than this (model pixels) are noise. */
  minSide: number;
}

const DEFAULT_BOX_OPTIONS: BoxOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.6, minSide: 3 };

interface TextBox extends Rect {
  /** Mean probability inside the region. */
  score: number;
}

/**
 * Text boxes from a probability map of `width` × `height` (model pixels), in model pixels. The
 * page was levelled first, so boxes are axis-aligned rectangles.
 */
export function boxesFromProbability(prob: Float32Array, width: number, height: number, options: BoxOptions = DEFAULT_BOX_OPTIONS): TextBox[] {
  const labels = new Int32Array(width * height).fill(-1);
  const boxes: TextBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (labels[start] !== -1 || prob[start]! <= options.threshold) continue;
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    let sum = 0;
    let count = 0;
    labels[start] = boxes.length;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      sum += prob[i]!;
      count++;
      const visit = (j: number) => {
        if (labels[j] === -1 && prob[j]! > options.threshold) {
          labels[j] = boxes.length;
          stack.push(j);
        }
      };
      if (x > 0) visit(i - 1);
      if (x < width - 1) visit(i + 1);
      if (y > 0) visit(i - width);
      if (y < height - 1) visit(i + width);
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    const score = sum / count;
    // The label is pushed even for a dropped region so the labels stay one per region.
    boxes.push({ x: minX, y: minY, width: w, height: h, score: Math.min(w, h) < options.minSide ? -1 : score });
  }
  return boxes.filter((b) => b.score >= options.boxThreshold).map((b) => unclip(b, options.unclipRatio, width, height));
}

/** The region grown on every side by area × ratio / perimeter, kept inside the map. */
function unclip(box: TextBox, ratio: number, width: number, height: number): TextBox {
  const d = (box.width * box.height * ratio) / (2 * (box.width + box.height));
  const x = Math.max(0, box.x - d);
  const y = Math.max(0, box.y - d);
  const right = Math.min(width, box.x + box.width + d);
  const bottom = Math.min(height, box.y + box.height + d);
  return { x, y, width: right - x, height: bottom - y, score: box.score };
}

/** A box in model pixels mapped back to page pixels (whole pixels, inside the page). */
export function toPage(box: TextBox, input: Pick<DetectionInput, 'scaleX' | 'scaleY'>, page: Pick<GrayImage, 'width' | 'height'>): TextBox {
  const x = Math.max(0, Math.floor(box.x * input.scaleX));
  const y = Math.max(0, Math.floor(box.y * input.scaleY));
  const right = Math.min(page.width, Math.ceil((box.x + box.width) * input.scaleX));
  const bottom = Math.min(page.height, Math.ceil((box.y + box.height) * input.scaleY));
  return { x, y, width: right - x, height: bottom - y, score: box.score };
}

/** Boxes in reading order: top to bottom by line (boxes whose middles share a line), then left to right. */
export function readingOrder<T extends Rect>(boxes: readonly T[]): T[] {
  const sorted = [...boxes].sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2));
  const lines: T[][] = [];
  for (const box of sorted) {
    const mid = box.y + box.height / 2;
    const line = lines.find((l) => {
      const first = l[0]!;
      return Math.abs(first.y + first.height / 2 - mid) < Math.min(first.height, box.height) / 2;
    });
    if (line) line.push(box);
    else lines.push([box]);
  }
  return lines.flatMap((l) => l.sort((a, b) => a.x - b.x));
}
