import type { PrintPageResponse } from '../../../shared/ipc/contract';
import { IpcFailure } from './dispatch';
import type { FileContext } from './file-handlers';

/** How main prints a window; injected so the handler can be tested without Electron. */
export interface PrintPort {
  /** Opens the system print dialog for the window's page; resolves when it closes. */
  print(window: NonNullable<FileContext['window']>): Promise<{ success: boolean; failureReason: string }>;
}

/**
 * Prints the calling window's page through the system dialog. The renderer's @media print CSS
 * decides what is on paper (the print layout of a list). A cancelled dialog is not an error.
 */
export async function printPage(port: PrintPort, context: FileContext): Promise<PrintPageResponse> {
  if (!context.window) throw new IpcFailure('internal', '找不到要打印的窗口');
  const { success, failureReason } = await port.print(context.window);
  if (success) return { printed: true };
  if (failureReason === '' || /cancel/i.test(failureReason)) return { printed: false };
  throw new IpcFailure('io', `打印失败：${failureReason}。请检查打印机后重试。`);
}
