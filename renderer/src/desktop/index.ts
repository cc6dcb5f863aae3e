import type { DesktopApi } from '#shared/ipc/contract';
import { webDesktop } from './web-desktop';

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
  const __APP_VERSION__: string;
}

/** The desktop API: the preload's in Electron, the browser implementation in a plain page. */
export function desktop(): DesktopApi {
  return window.desktop ?? webDesktop;
}
