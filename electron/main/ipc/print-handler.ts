import type { PrintPageResponse } from '#shared/ipc/contract';
import { IpcFailure } from './dispatch';
import type { FileContext } from './file-handlers';

/** How main prints a window; injected so the handler can be tested without Electron. */
export interface PrintPort {
  /** Opens the system print dialog for the window's page; resolves when it closes. */
  print(window: NonNullable<FileContext['window']>): Promise<{ success: boolean; failureReason: string }>;
}

/** What the user reads when printing fails; Electron's own reason is English and is only logged. */
const PRINT_FAILED_MESSAGE = '打印失败，请检查打印机是否可用后重试。';
const BAD_PRINTER_MESSAGE = '打印失败：找不到所选打印机或打印设置无效，请重新选择打印机后重试。';

/** Electron's failure reasons that say which printer or settings were wrong. */
const BAD_PRINTER_REASONS: ReadonlySet<string> = new Set(['Invalid printer settings', 'Invalid deviceName provided']);

/**
 * Prints the calling window's page through the system dialog. The renderer's @media print CSS
 * decides what is on paper (the print layout of a list). A cancelled dialog is not an error.
 */
export async function printPage(port: PrintPort, context: FileContext): Promise<PrintPageResponse> {
  if (!context.window) throw new IpcFailure('internal', '找不到要打印的窗口');
  const { success, failureReason } = await port.print(context.window);
  if (success) return { printed: true };
  // 'cancelled' from the dialog, 'Print job canceled' from the spooler; an empty reason is a closed dialog.
  if (failureReason === '' || /cancel/i.test(failureReason)) return { printed: false };
  console.warn(`[print] failed: ${failureReason}`);
  throw new IpcFailure('io', BAD_PRINTER_REASONS.has(failureReason) ? BAD_PRINTER_MESSAGE : PRINT_FAILED_MESSAGE);
}
