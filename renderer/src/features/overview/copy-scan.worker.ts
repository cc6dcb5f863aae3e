// Runs the cross-unit copy detection off the UI thread: seconds of work at county scale.
import { detectCopies, type CopyCandidate, type CopyWarning } from '#shared/checks/copy-detection';

export type CopyScanReply = { ok: true; warnings: CopyWarning[] } | { ok: false };

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ candidates: CopyCandidate[] }>) => void) | null; postMessage: (reply: CopyScanReply) => void };

scope.onmessage = (e) => {
  try {
    scope.postMessage({ ok: true, warnings: detectCopies(e.data.candidates, { kinds: ['cross-unit'] }) });
  } catch {
    scope.postMessage({ ok: false });
  }
};
