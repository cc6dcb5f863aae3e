// Runs a reader in a child process, so that a hang or a blow-up is a test failure with the input
// saved, not a frozen or killed test run. A synchronous loop cannot be interrupted by a timer in
// its own thread, and a V8 fatal error ("invalid array length", out of memory) ends the whole
// process — which is exactly what the importer fuzz test found SheetJS doing on mutated files.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface IsolatedOptions {
  /** A case that takes longer is a hang. */
  timeoutMs: number;
  /** The child's heap limit: a case that needs more is a blow-up. */
  memoryMb: number;
  /** Names the saved inputs. */
  label: string;
  /** The file name the reader is told (it appears in the refusals). */
  fileName: string;
}

export type ChildAnswer = { id: number; error?: string } | { id: number; crash: string };

const SAVED = resolve(__dirname, '../../test-results/fuzz');

export class IsolatedReader {
  private child: Promise<ChildProcess> | undefined;
  private stderr = '';
  private seq = 0;

  /** `entry`: a TypeScript module that answers `{ id, bytes }` messages with a ChildAnswer. */
  constructor(
    private readonly entry: string,
    private readonly options: IsolatedOptions,
  ) {}

  private start(): Promise<ChildProcess> {
    return new Promise((resolveChild, reject) => {
      const child = fork(this.entry, [], {
        execArgv: ['--import', 'tsx', `--max-old-space-size=${this.options.memoryMb}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      this.stderr = '';
      // SheetJS logs unknown records to stderr; keep only the end, for a crash report.
      child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-2000)));
      child.once('message', () => resolveChild(child));
      child.once('exit', (code) => reject(new Error(`the reader process did not start (${code}): ${this.stderr}`)));
    });
  }

  /** The reader's answer for `bytes`; rejects on a hang, a crash or an exception, saving the input. */
  async read(bytes: Uint8Array): Promise<string | undefined> {
    const child = await (this.child ??= this.start());
    const id = ++this.seq;
    return new Promise((resolveAnswer, reject) => {
      const finish = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const fail = (what: string) => {
        finish();
        this.child = undefined;
        child.kill('SIGKILL');
        reject(new Error(`${what}; the input is saved as ${this.save(bytes, id)}`));
      };
      const onMessage = (answer: ChildAnswer) => {
        if (answer.id !== id) return;
        finish();
        if ('crash' in answer) reject(new Error(`${answer.crash}; the input is saved as ${this.save(bytes, id)}`));
        else resolveAnswer(answer.error);
      };
      const onExit = (code: number | null, signal: string | null) => fail(`crash: the reader process died (${signal ?? code}): ${this.stderr.slice(-600)}`);
      const timer = setTimeout(() => fail(`hang: no answer in ${this.options.timeoutMs} ms`), this.options.timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, bytes, fileName: this.options.fileName });
    });
  }

  async close(): Promise<void> {
    const child = await this.child?.catch(() => undefined);
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill();
    await exited;
  }

  private save(bytes: Uint8Array, id: number): string {
    mkdirSync(SAVED, { recursive: true });
    const file = resolve(SAVED, `${this.options.label}-${process.pid}-${id}.bin`);
    writeFileSync(file, bytes);
    return file;
  }
}
