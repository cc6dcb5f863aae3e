// Reads paper forms off the page's thread: the same steps as the command line (shared/ocr:
// readScan (a picture, or each page of a scanned PDF), then readFormPage — recognizePage → findTableBands → readForm) with the PP-OCR models on
// onnxruntime-web's browser build, WASM, one thread (no SharedArrayBuffer, so the page needs no
// cross-origin isolation). The models, the dictionary and the runtime's .wasm are build assets of
// the app, served from its own origin: nothing is fetched from anywhere else. One page at a time:
// a PDF page's picture is decoded only when its turn comes, and dropped before the next.
import * as ort from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import detectionUrl from '@ocr-models/ch_PP-OCRv4_det_infer.onnx?url';
import recognitionUrl from '@ocr-models/ch_PP-OCRv4_rec_infer.onnx?url';
import dictionary from '@ocr-models/ppocr_keys_v1.txt?raw';
import { classesFromDictionary } from '#shared/ocr/ctc';
import { readScan } from '#shared/ocr/image-file';
import type { OcrModels } from '#shared/ocr/page';
import { cellImagesOf } from '#shared/ocr/preview-rows';
import { modelsFromSessions, readFormPage } from '#shared/ocr/read-page';
import type { CellPicture, OcrStage, ReadRequest, WorkerReply } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage: (message: WorkerReply) => void;
}

const scope = self as unknown as WorkerScope;

interface Engine {
  models: OcrModels;
  classes: string[];
}

let engine: Promise<Engine> | undefined;

async function fetchModel(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Both models loaded once per worker (about 2 s); the worker lives for one batch of files. */
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    ort.env.wasm.wasmPaths = { wasm: wasmUrl };
    ort.env.logLevel = 'error';
    const detection = await ort.InferenceSession.create(await fetchModel(detectionUrl));
    const recognition = await ort.InferenceSession.create(await fetchModel(recognitionUrl));
    const models = modelsFromSessions(detection, recognition, (data, dims) => new ort.Tensor('float32', data, dims));
    return { models, classes: classesFromDictionary(dictionary) };
  })();
  return engine;
}

async function read({ id, bytes }: ReadRequest): Promise<WorkerReply> {
  const post = (reply: WorkerReply) => scope.postMessage(reply);
  // The file is checked before the models load: a wrong file is refused at once.
  post({ id, kind: 'progress', stage: '读取图片', done: 0, total: 1, pageNumber: 1, pageCount: 1 });
  const scan = readScan(bytes);
  if (!scan.ok) return { id, kind: 'refused', error: scan.error };
  const pageCount = scan.pages.length;
  for (const scanPage of scan.pages) {
    const pageNumber = scanPage.page ?? 1;
    const progress = (stage: OcrStage, done: number, total: number) => post({ id, kind: 'progress', stage, done, total, pageNumber, pageCount });
    progress('读取图片', 0, 1);
    const decoded = scanPage.decode();
    if (!decoded.ok) {
      if (pageCount === 1) return { id, kind: 'refused', error: decoded.error };
      post({ id, kind: 'page-refused', pageNumber, error: decoded.error });
      continue;
    }
    if (!engine) progress('加载识别模型', 0, 1);
    let loaded: Engine;
    try {
      loaded = await loadEngine();
    } catch (e) {
      engine = undefined;
      console.error(e);
      return { id, kind: 'failed', error: '识别模型加载失败，请重新安装本软件后再试' };
    }
    const { page, bands, reading } = await readFormPage(decoded.image, loaded.models, loaded.classes, (done, total, stage) => progress(stage, done, total));
    // Each opinion's cell as the grey PNG the commit stores (the command line cuts the same ones).
    const cells: CellPicture[] = [...cellImagesOf(page.page, page.lines.map((l) => l.box.height), reading)].map(([key, image]) => {
      const [row, column] = key.split(':').map(Number);
      return { row: row!, column: column!, image };
    });
    post({
      id,
      kind: 'page',
      pageNumber,
      page: { width: decoded.image.width, height: decoded.image.height, angle: page.angle, sealRemoved: page.sealPixels > 0, tableFound: bands.length > 0, reading, cells },
    });
  }
  return { id, kind: 'done' };
}

scope.onmessage = (event) => {
  read(event.data).then(
    (reply) => scope.postMessage(reply),
    (e: unknown) => {
      console.error(e);
      scope.postMessage({ id: event.data.id, kind: 'failed', error: '识别时出错，这一页未能读出；其余文件不受影响' });
    },
  );
};
