// The steps both runtimes share around the models: the two PP-OCR sessions as OcrModels (their
// input and output names, the tensor shapes), and one page read into the form's fields and
// opinions. The command line (Node) and the app's worker (browser) each bring their own
// onnxruntime-web build; nothing here imports it, so shared/ stays pure.
import { readForm, type FormReading } from './form';
import { LINE_HEIGHT, recognizePage, type OcrModels } from './page';
import type { RgbaImage } from './raster';
import { findTableBands, type TableBand } from './table-grid';

/** What this needs of an onnxruntime tensor. */
interface TensorLike {
  readonly data: unknown;
  readonly dims: readonly number[];
}

/** What this needs of an onnxruntime InferenceSession. */
interface SessionLike {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>>;
}

/** The detection and recognition sessions as OcrModels; `tensor` makes a float32 tensor of the runtime in use. */
export function modelsFromSessions(detection: SessionLike, recognition: SessionLike, tensor: (data: Float32Array, dims: number[]) => TensorLike): OcrModels {
  const run = async (session: SessionLike, data: Float32Array, dims: number[]): Promise<TensorLike> => {
    const result = await session.run({ [session.inputNames[0]!]: tensor(data, dims) });
    return result[session.outputNames[0]!]!;
  };
  return {
    detect: async (data, height, width) => (await run(detection, data, [1, 3, height, width])).data as Float32Array,
    recognize: async (data, width) => {
      const out = await run(recognition, data, [1, 3, LINE_HEIGHT, width]);
      return { probs: out.data as Float32Array, steps: out.dims[1]!, classes: out.dims[2]! };
    },
  };
}

/** One page through recognition and form reading: the levelled page, its table rows, and what the form says. */
export async function readFormPage(image: RgbaImage, models: OcrModels, classes: readonly string[], progress?: Parameters<typeof recognizePage>[3]) {
  const page = await recognizePage(image, models, classes, progress);
  const bands: TableBand[] = findTableBands(page.page);
  const reading: FormReading = readForm(page.lines, bands);
  return { page, bands, reading };
}
