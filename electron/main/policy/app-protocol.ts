import { realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './trusted-url';

export type AppRequestResolution = { kind: 'file'; path: string; mimeType: string } | { kind: 'error'; status: 403 | 404 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // The paper-form reader's models (build assets of the renderer).
  '.onnx': 'application/octet-stream',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Maps an app:// request to a file inside the renderer folder. Only the app host is served, and
 * no path may leave the folder (`..`, encoded slashes, absolute paths).
 */
export function resolveAppRequest(url: string, rootDir: string): AppRequestResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'error', status: 404 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'error', status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'error', status: 404 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'error', status: 403 };
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rootDir);
  const target = resolve(root, `.${pathname}`);
  if (target !== root && !target.startsWith(root + sep)) return { kind: 'error', status: 403 };
  const mimeType = MIME[extname(target).toLowerCase()];
  if (!mimeType) return { kind: 'error', status: 404 };
  return { kind: 'file', path: target, mimeType };
}

/**
 * The real path of a file the request resolved to, if it is really inside the folder: a symbolic
 * link (or junction) inside the bundle that leads outside it is refused (undefined), as is a
 * file that does not exist.
 */
export async function confineToRoot(path: string, rootDir: string): Promise<string | undefined> {
  try {
    const [real, root] = await Promise.all([realpath(path), realpath(rootDir)]);
    return real.startsWith(root + sep) ? real : undefined;
  } catch {
    return undefined;
  }
}
