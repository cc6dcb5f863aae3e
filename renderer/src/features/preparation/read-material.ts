import { PARSE_TIMEOUT_MS } from '#shared/import/limits';
import type { MaterialDocument } from '#shared/materials/structure';

export type MaterialRead = { ok: true; doc: MaterialDocument } | { ok: false; error: string };

/** Reads a material's .docx in a Web Worker, stopped after the import's time limit; never rejects. */
export function readMaterialInWorker(bytes: Uint8Array, fileName: string, timeoutMs = PARSE_TIMEOUT_MS): Promise<MaterialRead> {
  const crashed: MaterialRead = { ok: false, error: `无法读取“${fileName}”：文件可能已损坏，请在 Word 中另存为 .docx 后重试` };
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./material-worker.ts', import.meta.url), { type: 'module', name: 'material' });
    } catch {
      resolve(crashed);
      return;
    }
    const finish = (result: MaterialRead) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, error: `读取“${fileName}”超过 ${Math.round(timeoutMs / 1000)} 秒，已停止` }), timeoutMs);
    worker.onmessage = (event: MessageEvent<MaterialRead>) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      finish(crashed);
    };
    try {
      worker.postMessage({ bytes }, [bytes.buffer]);
    } catch {
      finish(crashed);
    }
  });
}
