// Which URLs the app trusts: its own pages under app://bundle, and in development the dev server.
// Everything else (file:, http:, javascript:, other hosts, credentials in the URL) is untrusted.

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Whether a URL is one of the app's own pages. `devOrigin` is the dev server's origin, only in development. */
export function isTrustedAppUrl(url: string, devOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (devOrigin !== undefined && devOrigin !== '') {
    let dev: URL;
    try {
      dev = new URL(devOrigin);
    } catch {
      return false;
    }
    const local = dev.hostname === 'localhost' || dev.hostname === '127.0.0.1';
    return local && dev.protocol === 'http:' && parsed.origin === dev.origin;
  }
  return false;
}
