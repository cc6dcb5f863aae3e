// Drives Debian's Chromium with playwright-core against the built web page. One browser per test
// file; a fresh context (so a fresh, empty IndexedDB) per test. Page errors fail the test.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';

export { CHROMIUM, CHROMIUM_ARGS };
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results/screenshots');

export interface AppSession {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Errors the page threw or logged; checked empty when the session closes. */
  errors: string[];
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

let browser: Browser | undefined;

/** Registers the per-file browser; call at the top of an e2e file. */
export function useBrowser(): void {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

/** Opens the app in a new, empty browser profile. `beforeLoad` sees the context before the first request (and is awaited). */
export async function openApp(prefix: string, options: { acceptDownloads?: boolean; beforeLoad?: (context: BrowserContext) => void | Promise<void> } = {}): Promise<AppSession> {
  if (!browser) throw new Error('call useBrowser() in the test file');
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: options.acceptDownloads ?? true });
  await options.beforeLoad?.(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // A failed test leaves what the page showed and what it logged, so a failure in CI can be read.
  onTestFailed(async () => {
    const path = resolve(SCREENSHOT_DIR, `${prefix}-FAILED.png`);
    const shot = await page.screenshot({ path, fullPage: true, timeout: 5_000 }).then(
      () => path,
      (e: unknown) => `none (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    );
    console.error(`[${prefix}] failed; screenshot: ${shot}; the page logged ${errors.length ? errors.join(' | ') : 'no errors'}`);
  });
  await page.goto(baseUrl);
  await page.getByText('单位与会议').first().waitFor();
  let n = 0;
  return {
    context,
    page,
    baseUrl,
    errors,
    screenshot: async (name) => {
      const path = resolve(SCREENSHOT_DIR, `${prefix}-${String(++n).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      return path;
    },
    close: async () => {
      await context.close();
      expect(errors, 'the page logged errors').toEqual([]);
    },
  };
}

/** Pastes text into an element the way a user's Ctrl+V does (a real paste event with clipboard data). */
export async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Waits until a dialog or drawer has finished opening and returns it. antd zooms a dialog in from
 * the last click (and slides a drawer in); Playwright can click a button while it still moves, and
 * such a click was seen to be lost in CI. The motion is on the element or on one of its ancestors.
 */
export async function opened(dialog: Locator): Promise<Locator> {
  await dialog.waitFor();
  const moving = (el: Element) => {
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (/-(enter|appear)\b/.test(node.getAttribute('class') ?? '') || node.getAnimations().some((a) => a.playState === 'running')) return true;
    }
    return false;
  };
  await expect.poll(() => dialog.evaluate(moving), { timeout: 10_000 }).toBe(false);
  return dialog;
}

/** Opens an antd Select and picks the option with this title once its drop-down has finished opening. */
export async function pickOption(page: Page, select: Locator, title: string): Promise<void> {
  await select.click();
  const dropdown = await opened(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])'));
  await dropdown.getByTitle(title, { exact: true }).click();
}

/** Confirms an antd Popconfirm with its button once the pop-up has finished opening. */
export async function confirmPopup(page: Page, button: string): Promise<void> {
  const popup = await opened(page.locator('.ant-popconfirm:not(.ant-popover-hidden):not([class*="-leave"])'));
  await popup.getByRole('button', { name: button, exact: true }).click();
}

/**
 * Keeps every toast (antd message) the page shows from now on, and returns a reader of their
 * texts. A toast closes by itself and may be gone on a busy machine before a test looks for it:
 * where the toast itself is what is tested (a refusal's reason), read this record, never wait for
 * the toast. Until the page reloads.
 */
export async function recordToasts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __toasts?: Element[] };
    if (w.__toasts) return;
    const seen: Element[] = (w.__toasts = []);
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n instanceof Element) seen.push(...(n.matches('.ant-message-notice') ? [n] : n.querySelectorAll('.ant-message-notice')));
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  // Read when asked: a notice keeps its text after it is removed, and may get it after it is added.
  return () => page.evaluate(() => ((window as unknown as { __toasts?: Element[] }).__toasts ?? []).map((el) => el.textContent ?? ''));
}
