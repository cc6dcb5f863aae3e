import { useEffect, useState } from 'react';

// Hash routes (app://bundle/index.html#/meetings/…/entry): no server involved, so they work the
// same in Electron and in the web build. App.tsx maps the first segment to a page.

export interface Route {
  /** Path segments, decoded: `#/meetings/abc/entry` → `['meetings', 'abc', 'entry']`. */
  parts: string[];
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const search = q < 0 ? '' : raw.slice(q + 1);
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, query: new URLSearchParams(search) };
}

/** Goes to a route, e.g. `navigate('/meetings/' + id + '/entry')`. */
export function navigate(path: string): void {
  window.location.hash = path;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}
