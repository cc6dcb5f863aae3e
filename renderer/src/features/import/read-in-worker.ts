import { PARSE_TIMEOUT_MS } from '../../../../shared/import/limits';
import type { ReadResult } from '../../../../shared/import/read-workbook';

/**
 * Reads a spreadsheet in a Web Worker, stopped after a time limit; a refusal, a crash or a
 * timeout is a Chinese message, and the page keeps working either way.
 */
export function readInWorker(bytes: Uint8Array, fileName: string, timeoutMs = PARSE_TIMEOUT_MS): Promise<ReadResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
    const finish = (result: ReadResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, error: `读取“${fileName}”超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。文件可能过大或结构异常，请在 Excel 或 WPS 中另存为 .xlsx 后再试` }),
      timeoutMs,
    );
    worker.onmessage = (event: MessageEvent<ReadResult>) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: `读取“${fileName}”失败：文件过大或已损坏，未导入任何内容` });
    };
    // The bytes are handed over, not copied.
    worker.postMessage({ bytes, fileName }, [bytes.buffer]);
  });
}
