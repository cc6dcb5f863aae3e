// Automatic backups while the app runs: every 30 minutes, and once more when the window closes.
// Main cannot read IndexedDB, so it asks the page for a snapshot (a BackupRequest event) and
// writes what the page answers through `backup:submit`. Ports are injected, so this is tested
// without Electron.
import type { BackupRequest, SubmitBackupRequest } from '#shared/ipc/contract';
import type { WriteOutcome } from './backup-folder';

export interface SchedulerPorts {
  /** Sends the request to the page; false when there is no page to ask. */
  ask(request: BackupRequest): boolean;
  /** Writes the page's answer into the backups folder. */
  store(data: Uint8Array, reason: BackupRequest['reason']): Promise<WriteOutcome>;
  newId(): string;
  log(message: string, error?: unknown): void;
}

export interface SchedulerOptions {
  intervalMs: number;
  /** How long to wait for the page's answer. */
  timeoutMs: number;
}

export const DEFAULT_SCHEDULE: SchedulerOptions = { intervalMs: 30 * 60 * 1000, timeoutMs: 2 * 60 * 1000 };

export type RunOutcome = 'written' | 'unchanged' | 'no-page' | 'timeout' | 'failed';

export class BackupScheduler {
  private readonly pending = new Map<string, (answer: SubmitBackupRequest) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<RunOutcome> | undefined;

  constructor(
    private readonly ports: SchedulerPorts,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULE,
  ) {}

  start(): void {
    this.stop();
    this.timer = setInterval(() => void this.run('scheduled'), this.options.intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Takes one automatic backup now; a run already under way is joined rather than doubled. */
  run(reason: BackupRequest['reason'], timeoutMs: number = this.options.timeoutMs): Promise<RunOutcome> {
    this.running ??= this.once(reason, timeoutMs).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The page's answer to a request; false when no request with that id is waiting (late, or never sent). */
  receive(answer: SubmitBackupRequest): boolean {
    const resolve = this.pending.get(answer.requestId);
    if (!resolve) return false;
    this.pending.delete(answer.requestId);
    resolve(answer);
    return true;
  }

  private async once(reason: BackupRequest['reason'], timeoutMs: number): Promise<RunOutcome> {
    const requestId = this.ports.newId();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = new Promise<SubmitBackupRequest | undefined>((resolve) => {
      this.pending.set(requestId, resolve);
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    if (!this.ports.ask({ requestId, reason })) {
      this.pending.delete(requestId);
      clearTimeout(timer);
      return 'no-page';
    }
    const answer = await answered;
    clearTimeout(timer);
    this.pending.delete(requestId);
    if (!answer) {
      this.ports.log(`automatic backup (${reason}): the page did not answer in ${timeoutMs} ms`);
      return 'timeout';
    }
    if (!answer.data) {
      this.ports.log(`automatic backup (${reason}) failed in the page: ${answer.error ?? 'no data'}`);
      return 'failed';
    }
    try {
      const outcome = await this.ports.store(answer.data, reason);
      return outcome.written ? 'written' : 'unchanged';
    } catch (e) {
      this.ports.log(`automatic backup (${reason}) could not be written`, e);
      return 'failed';
    }
  }
}
