import { createPortal } from 'react-dom';
import type { OpinionListModel } from '#shared/documents/opinion-list';
import { PrintLayout } from './PrintLayout';

// An internal list carries 内部资料 at the top of every printed page, as the Word header does.
const INTERNAL_PAGE_MARK = `@media print { @page { @top-left { content: '内部资料'; font-family: '黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif; font-size: 16pt; vertical-align: bottom; padding-bottom: 8mm; } } }`;

/**
 * What the printer gets while the export tab is open: the chosen lists, outside the app's layout
 * (print.css hides everything else on paper), so the browser's print, Ctrl+P and Electron's
 * webContents.print() all print the list.
 */
export function PrintPortal({ lists }: { lists: readonly OpinionListModel[] }) {
  const internal = lists.some((l) => l.internal);
  return createPortal(
    <div className="print-root" data-testid="print-root">
      {internal && <style>{INTERNAL_PAGE_MARK}</style>}
      <PrintLayout lists={lists} />
    </div>,
    document.body,
  );
}
