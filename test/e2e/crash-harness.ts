// Crash safety: start a large write in the app, kill the whole browser with SIGKILL while it runs,
// start the browser again on the same profile, and count what reached the disk. Chromium is
// started here (not by playwright) so the test owns its process group and can kill it outright;
// playwright attaches over the DevTools protocol.
//
// When to kill: Chromium writes a large IndexedDB transaction's rows to its LevelDB log as they
// come, before the commit (and rolls them back on the next start if the commit never happened).
// So the harness watches the profile's IndexedDB folder grow and kills when a chosen share of
// the batch's bytes is on disk — a kill that is known to land in the middle of the write, not
// merely some milliseconds after a click.
//
// A scenario says how to set up the data once, how to arm the write (bring the UI to the click
// that starts it), how to count a batch's rows on disk, and (optionally) how to check that the
// data as a whole still agrees with itself after the restart (crash-probes.ts: every meeting's
// summary against its rows). After every kill, whatever the scenario, the whole database is
// compared with a snapshot taken just before the batch started (every row's key and content
// hash, test/support/db-snapshot.ts): what was committed before must all be there, unchanged, so
// an emptied database cannot pass for a rolled-back batch. Scenarios: the opinion paste (crash.e2e.ts), the spreadsheet import
// (crash-import.e2e.ts) and the package merge (crash-merge.e2e.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { lostOrChanged, snapshotRows, type SnapshotRules } from '../support/db-snapshot';
import { snapshotDatabase } from './crash-probes';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';

export interface CrashScenario {
  /** Once, on a fresh profile: whatever the batch is written into. */
  setup(page: Page, baseUrl: string): Promise<void>;
  /** Brings the app to the moment before batch `run` is written; returns what starts the write (a click). */
  arm(page: Page, baseUrl: string, run: number): Promise<() => Promise<void>>;
  /**
   * The rows of batch `run` on disk, per table, read with raw IndexedDB. `probe` is a second tab
   * on a static file of the app's origin (same database, no app code), so counting never
   * disturbs the app's tab.
   */
  count(probe: Page, run: number): Promise<Record<string, number>>;
  /** The rows per table a complete batch has. */
  complete: Record<string, number>;
  /** Resolves once the app shows batch `run` saved, by state that stays (never a toast, which closes by itself). */
  saved(page: Page, run: number): Promise<void>;
  /** What no longer agrees in the data as a whole, read in the probe tab after the restart; none expected. */
  check?(probe: Page): Promise<string[]>;
  /** Existing rows a complete batch rewrites besides the meetings' summaries, as `store` or `store/key` (test/support/db-snapshot.ts). */
  rewrites?: string[];
}

export interface CrashOutcome {
  run: number;
  /** The share of the batch's bytes that had reached the IndexedDB folder when the kill was sent; 'saved' after the app said so. */
  share: number | 'saved';
  bytesAtKill: number;
  counts: Record<string, number>;
  state: 'absent' | 'complete' | 'PARTIAL';
  /** Rows in the database just before the batch started, every one of which must survive the kill. */
  committedRows: number;
  /** What scenario.check found and what of the rows committed before the batch is gone or changed; empty when all is well. */
  problems: string[];
}

/**
 * What of the data before a batch may differ after the kill: nothing when the batch is absent; its
 * meetings' summaries (and the scenario's `rewrites`) when it is complete. Copy findings are a
 * cache rebuilt as a whole, outside any batch, and are not compared.
 */
function snapshotRules(scenario: CrashScenario, state: CrashOutcome['state']): SnapshotRules {
  return { rewritten: state === 'absent' ? [] : ['meetingSummaries', ...(scenario.rewrites ?? [])], derived: ['copyFindings'] };
}

interface OwnedBrowser {
  browser: Browser;
  page: Page;
  probe: Page;
  process: ChildProcess;
}

/** A step of the harness (not of the app under test) that gave no answer in time. */
class HarnessStall extends Error {}

/** Starts Debian's Chromium on `profile` in its own process group and attaches to it. */
async function launch(profile: string, baseUrl: string): Promise<OwnedBrowser> {
  const logging = process.env['CRASH_VERBOSE'] ? ['--enable-logging=stderr', '--v=0'] : [];
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, ...logging, '--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=1440,900', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new HarnessStall(`Chromium did not start in 20 s: ${buffer.slice(-300)}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    // With CRASH_VERBOSE, what Chromium says about its storage (e.g. a database it found corrupt).
    if (logging.length > 0) {
      child.stderr!.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (/indexed_?db|leveldb|quota|corrupt|bucket/i.test(line)) console.error(`[chromium] ${line.slice(0, 300)}`);
      });
    }
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${buffer}`)));
  });
  try {
    const browser = await chromium.connectOverCDP(endpoint, { timeout: 30_000 });
    const context = browser.contexts()[0]!;
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const probe = await context.newPage();
    await probe.goto(`${baseUrl}favicon.svg`);
    return { browser, page, probe, process: child };
  } catch (e) {
    process.kill(-child.pid!, 'SIGKILL');
    throw e;
  }
}

/** Phase timings on stderr with CRASH_VERBOSE=1, for a scenario that is slower than expected. */
const trace = process.env['CRASH_VERBOSE'] ? (what: string) => console.error(`[crash ${new Date().toISOString().slice(11, 23)}] ${what}`) : () => undefined;

/** `step`, or a HarnessStall naming it after `ms`: no step may hang the scenario past its cleanup. */
async function within<T>(ms: number, what: string, step: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stall = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessStall(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([step, stall]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long a count of the rows on disk (a read-only IndexedDB transaction in the probe tab) may take. */
const COUNT_MS = 60_000;

/** SIGKILL to the browser's whole process group: no shutdown, no flush, like a power cut to the app. */
async function killHard(owned: OwnedBrowser, profile: string): Promise<void> {
  const exited = new Promise<void>((resolve) => owned.process.once('exit', () => resolve()));
  process.kill(-owned.process.pid!, 'SIGKILL');
  await exited;
  await groupGone(owned.process.pid!);
  await profileReleased(profile);
}

/**
 * Waits until no process holds a file of the profile open. Chromium's zygote and its children leave
 * the browser's process group, so the group's end does not prove the database files are free; a
 * browser that opened them while a dying process still held them once found the origin's IndexedDB
 * unusable and replaced it with an empty one (on a busy machine).
 */
async function profileReleased(profile: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (holdsProfile(profile)) {
    if (Date.now() > deadline) throw new Error(`files of ${profile} still open 10 s after SIGKILL`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function holdsProfile(profile: string): boolean {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(profile)) return true;
      } catch {
        // closed meanwhile
      }
    }
  }
  return false;
}

/**
 * Waits until no process of the group is left. The main process exits first; its storage and
 * renderer processes can take a moment longer to die, and a browser started on the profile while
 * one of them still holds the database's files is something no power cut produces (under load it
 * made the next start find the origin's IndexedDB unusable and replace it with an empty one).
 */
async function groupGone(pgid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`processes of group ${pgid} still alive 10 s after SIGKILL`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function closeGently(owned: OwnedBrowser): Promise<void> {
  const exited = new Promise<void>((resolve) => owned.process.once('exit', () => resolve()));
  await within(15_000, 'closing the browser', owned.browser.close()).catch(() => undefined);
  process.kill(-owned.process.pid!, 'SIGTERM');
  await within(15_000, 'the browser exiting after SIGTERM', exited);
}

/** The bytes in the profile's IndexedDB folder. */
function idbBytes(profile: string): number {
  const walk = (dir: string): number => {
    let total = 0;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      try {
        const info = statSync(join(dir, name));
        total += info.isDirectory() ? walk(join(dir, name)) : info.size;
      } catch {
        // A file LevelDB removed while we looked.
      }
    }
    return total;
  };
  return walk(join(profile, 'Default', 'IndexedDB'));
}

/** Resolves with the growth seen once the folder has grown by `bytes` since `from` (or the most seen, after `timeoutMs`). */
async function waitForGrowth(profile: string, from: number, bytes: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let most = 0;
  while (Date.now() < deadline) {
    most = Math.max(most, idbBytes(profile) - from);
    if (most >= bytes) return most;
    await new Promise((r) => setTimeout(r, 1));
  }
  return most;
}

/** One uninterrupted write: how long from the click to the batch on disk, and how many bytes the folder grew by then. */
async function measureWrite(scenario: CrashScenario, baseUrl: string, profile: string, owned: OwnedBrowser): Promise<{ ms: number; bytes: number }> {
  const start = await within(180_000, 'arming the uninterrupted write', scenario.arm(owned.page, baseUrl, 0));
  const base = idbBytes(profile);
  const t0 = Date.now();
  await within(60_000, 'starting the uninterrupted write', start());
  for (;;) {
    // A read waits for the write transaction to commit, so this sees all or nothing too.
    const counts = await within(COUNT_MS, 'counting the uninterrupted write', scenario.count(owned.probe, 0));
    if (Object.entries(scenario.complete).every(([t, n]) => counts[t] === n)) return { ms: Date.now() - t0, bytes: idbBytes(profile) - base };
    if (Date.now() - t0 > 120_000) throw new Error('the write did not finish in 120 s');
    await owned.probe.waitForTimeout(10);
  }
}

/**
 * Sets up a profile, measures one uninterrupted write, then for each share: arms a new batch,
 * starts it, kills the browser when that share of the batch's bytes is on disk (or, for 'saved',
 * right after the app said the batch was saved), relaunches, and counts the batch.
 */
export async function runCrashScenario(
  scenario: CrashScenario,
  baseUrl: string,
  shares: Array<number | 'saved'>,
): Promise<{ write: { ms: number; bytes: number }; outcomes: CrashOutcome[] }> {
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt(scenario, baseUrl, shares);
    } catch (e) {
      // A harness step that stalled (a DevTools call, a count in the probe tab) or Chromium failing
      // to open its storage says nothing about the app's writes: the scenario runs again on a
      // fresh profile, twice more at most, and says so. A wrong outcome (PARTIAL, lost rows) is
      // never retried — the caller's assertions see it.
      if (!(e instanceof HarnessStall) || attempts === 3) throw e;
      console.warn(`crash scenario: ${e.message}; running it again on a fresh profile`);
    }
  }
}

async function attempt(
  scenario: CrashScenario,
  baseUrl: string,
  shares: Array<number | 'saved'>,
): Promise<{ write: { ms: number; bytes: number }; outcomes: CrashOutcome[] }> {
  const profile = mkdtempSync(join(tmpdir(), 'crash-profile-'));
  let owned: OwnedBrowser | undefined;
  try {
    owned = await launch(profile, baseUrl);
    await within(180_000, 'setting up the data', scenario.setup(owned.page, baseUrl));
    const write = await measureWrite(scenario, baseUrl, profile, owned);
    const outcomes: CrashOutcome[] = [];
    let run = 1;
    trace(`measured: ${write.ms} ms, ${write.bytes} bytes`);
    for (const share of shares) {
      trace(`run ${run}: arming`);
      const start = await within(180_000, `arming batch ${run}`, scenario.arm(owned.page, baseUrl, run));
      const before = await within(COUNT_MS, `reading the database before batch ${run}`, snapshotDatabase(owned.probe));
      trace(`run ${run}: writing, kill at ${share} (${snapshotRows(before)} rows before)`);
      const base = idbBytes(profile);
      await within(60_000, `starting batch ${run}`, start());
      let bytesAtKill: number;
      if (share === 'saved') {
        await within(180_000, `waiting for batch ${run} to be saved`, scenario.saved(owned.page, run));
        bytesAtKill = idbBytes(profile) - base;
      } else {
        // A write that has not grown by then has finished (LevelDB compaction can shrink the folder).
        bytesAtKill = await waitForGrowth(profile, base, Math.max(1, Math.round(write.bytes * share)), Math.max(15_000, write.ms * 3));
      }
      trace(`run ${run}: killing (${bytesAtKill} bytes)`);
      await killHard(owned, profile);
      owned = await launch(profile, baseUrl);
      trace(`run ${run}: relaunched, counting`);
      let counts: Record<string, number>;
      try {
        counts = await within(COUNT_MS, `counting batch ${run} after the restart`, scenario.count(owned.probe, run));
      } catch (e) {
        // Chromium itself sometimes cannot open the origin's IndexedDB right after a SIGKILL (an
        // "Internal error opening backing store", not a half-written batch: the batch's rows are
        // never read). It then marks the store corrupt and deletes the whole database at its next
        // start, so starting it again on this profile can only find the database gone — seen on a
        // busy CI machine. That says nothing about the app's transactions: the scenario runs
        // again on a fresh profile, and says so.
        const reason = e instanceof Error ? e.message : String(e);
        if (/opening backing store/i.test(reason)) throw new HarnessStall(`Chromium could not open its IndexedDB after the restart of batch ${run}: ${reason}`);
        throw e;
      }
      const values = Object.entries(scenario.complete).map(([t, n]) => [counts[t] ?? 0, n] as const);
      const state = values.every(([c]) => c === 0) ? 'absent' : values.every(([c, n]) => c === n) ? 'complete' : 'PARTIAL';
      const problems = await within(COUNT_MS, `checking the data after batch ${run}`, scenario.check?.(owned.probe) ?? Promise.resolve([]));
      const after = await within(COUNT_MS, `reading the database after batch ${run}`, snapshotDatabase(owned.probe));
      problems.push(...lostOrChanged(before, after, snapshotRules(scenario, state)));
      outcomes.push({ run, share, bytesAtKill, counts, state, committedRows: snapshotRows(before), problems });
      run++;
    }
    await closeGently(owned);
    owned = undefined;
    return { write, outcomes };
  } finally {
    // A failed step must not leave the browser running (it has its own process group).
    if (owned && owned.process.exitCode === null && owned.process.signalCode === null) await killHard(owned, profile).catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}
