import { detectCopies, type CopyCandidate, type CopyWarning } from '#shared/checks/copy-detection';
import { describeCopy } from '#shared/supervision/warnings';
import type { Repositories } from '../../db/repositories';
import { UserError } from '../../lib/user-error';
import type { CopyScanReply } from './copy-scan.worker';

export type ScanPhase = '读取意见' | '比对' | '保存';

function detectInWorker(candidates: CopyCandidate[]): Promise<CopyWarning[]> {
  if (typeof Worker === 'undefined') return Promise.resolve(detectCopies(candidates, { kinds: ['cross-unit'] }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./copy-scan.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<CopyScanReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.warnings);
      else reject(new UserError('雷同检测未能完成，数据未改动'));
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new UserError('雷同检测未能完成，数据未改动'));
    };
    worker.postMessage({ candidates });
  });
}

/**
 * The cross-unit copy scan (疑似抄袭): reads every live opinion, compares them off the UI thread
 * with MinHash/LSH, and stores what it found per meeting. Returns how many were compared and found.
 */
export async function runCopyScan(repos: Pick<Repositories, 'loadCopyScanInput' | 'saveCopyFindings'>, onPhase: (phase: ScanPhase) => void): Promise<{ opinions: number; warnings: number; units: number }> {
  onPhase('读取意见');
  const input = await repos.loadCopyScanInput();
  onPhase('比对');
  const found = await detectInWorker(input.candidates);
  onPhase('保存');
  const warnings = found.map((w) => ({ ...w, message: describeCopy(w, input.labels) }));
  await repos.saveCopyFindings(input, warnings, input.candidates.length);
  return { opinions: input.candidates.length, warnings: warnings.length, units: new Set(warnings.map((w) => w.a.unitId)).size };
}
