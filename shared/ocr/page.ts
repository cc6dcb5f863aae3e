// One page through recognition: levelled and cleared of the seal, text boxes found by the detection
// model, each line cut out and read by the recognition model. The models sit behind OcrModels, so
// the command line (Node) and the app's worker run the same steps with their own runtime.
import { decodeCtc, type RecognizedChar } from './ctc';
import { deskew } from './deskew';
import { boxesFromProbability, detectionInput, readingOrder, toPage } from './detection';
import { flattenLight } from './flatten';
import { correctPerspective } from './perspective';
import { resizeGray, toGrayWithoutSeal, type GrayImage, type Rect, type RgbaImage } from './raster';

/** What a runtime gives: the two PP-OCR models, run on prepared tensors. */
export interface OcrModels {
  /** The probability map (height × width) for a [1, 3, height, width] detection input. */
  detect(data: Float32Array, height: number, width: number): Promise<Float32Array>;
  /** Per-step class probabilities for a [1, 3, 48, width] line input. */
  recognize(data: Float32Array, width: number): Promise<{ probs: Float32Array; steps: number; classes: number }>;
}

/** The recognition model's line height. */
export const LINE_HEIGHT = 48;
/** A line wider than this (after scaling to 48 high) is read in pieces. */
const MAX_LINE_WIDTH = 1600;

interface RecognizedLine {
  /** Where the line is, in pixels of the levelled page. */
  box: Rect;
  text: string;
  chars: RecognizedChar[];
}

interface RecognizedPage {
  /** The levelled grey page (without the seal) the boxes refer to. */
  page: GrayImage;
  /** The rotation undone, in degrees. */
  angle: number;
  /** Whether a slanted photo's perspective was undone (the table made rectangular). */
  perspective: boolean;
  sealPixels: number;
  lines: RecognizedLine[];
}

type OcrProgress = (done: number, total: number, stage: '检测文字' | '识别文字') => void;

/** The line's input tensor: the box cut out, scaled to 48 high, normalised to −1…1 as PP-OCR's recogniser expects. */
function lineInput(page: GrayImage, box: Rect): { data: Float32Array; width: number } {
  const width = Math.max(8, Math.min(MAX_LINE_WIDTH, Math.round((box.width * LINE_HEIGHT) / Math.max(1, box.height))));
  const line = resizeGray(page, box, width, LINE_HEIGHT);
  const plane = width * LINE_HEIGHT;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const v = line.data[i]! / 127.5 - 1;
    data[i] = v;
    data[plane + i] = v;
    data[2 * plane + i] = v;
  }
  return { data, width };
}

/** A box too long for one pass split into pieces of at most MAX_LINE_WIDTH at 48 high. */
function pieces(box: Rect): Rect[] {
  const scaled = (box.width * LINE_HEIGHT) / Math.max(1, box.height);
  const n = Math.ceil(scaled / MAX_LINE_WIDTH);
  if (n <= 1) return [box];
  const step = box.width / n;
  return Array.from({ length: n }, (_, i) => ({ x: box.x + i * step, y: box.y, width: step, height: box.height }));
}

/** Reads one page: removes the seal, evens its light, undoes a photo's slant, levels it, finds and reads every text line. */
export async function recognizePage(image: RgbaImage, models: OcrModels, classes: readonly string[], progress?: OcrProgress): Promise<RecognizedPage> {
  const { gray, sealPixels } = toGrayWithoutSeal(image);
  const straight = correctPerspective(flattenLight(gray));
  const { page, angle } = deskew(straight.page);
  progress?.(0, 1, '检测文字');
  const input = detectionInput(page);
  const prob = await models.detect(input.data, input.height, input.width);
  const boxes = readingOrder(boxesFromProbability(prob, input.width, input.height).map((b) => toPage(b, input, page))).filter((b) => b.width >= 4 && b.height >= 4);
  progress?.(1, 1, '检测文字');
  const lines: RecognizedLine[] = [];
  for (const [index, box] of boxes.entries()) {
    const chars: RecognizedChar[] = [];
    for (const piece of pieces(box)) {
      const { data, width } = lineInput(page, piece);
      const out = await models.recognize(data, width);
      chars.push(...decodeCtc(out.probs, out.steps, classes));
    }
    if (chars.length > 0) lines.push({ box, text: chars.map((c) => c.char).join(''), chars });
    progress?.(index + 1, boxes.length, '识别文字');
  }
  return { page, angle, perspective: straight.corrected, sealPixels, lines };
}
