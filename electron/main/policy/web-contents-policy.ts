import { isTrustedAppUrl } from './trusted-url';

// The decisions main applies to every web page; pure so they are tested without Electron.

/** Navigating the window anywhere but the app's own pages is refused. */
export function allowNavigation(url: string, devOrigin?: string): boolean {
  return isTrustedAppUrl(url, devOrigin);
}

/** No page may open a new window; links never leave the app. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** No permission (camera, notifications, geolocation, clipboard-read, …) is ever granted. */
export function allowPermission(_permission: string): boolean {
  return false;
}

/** Webviews are never attached. */
export function allowWebview(): boolean {
  return false;
}

// In-memory URLs only. `devtools:` and `chrome-extension:` are not the app: a packaged build has
// no developer tools and loads no extensions, so nothing of theirs may load either.
const LOCAL_SCHEMES = new Set(['data:', 'blob:']);

/**
 * The request filter: the app makes no network request of any kind. Only its own origin and
 * in-memory URLs load; in development, the local dev server and the developer tools too.
 */
export function allowRequest(url: string, devOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'app:') return isTrustedAppUrl(url);
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (devOrigin) {
    if (parsed.protocol === 'devtools:') return true;
    const dev = new URL(devOrigin);
    if ((parsed.protocol === 'http:' || parsed.protocol === 'ws:') && parsed.host === dev.host) return true;
  }
  return false;
}
