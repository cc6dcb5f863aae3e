/** Exit codes of every command: 0 all ready / done, 1 not ready (check) or rows rejected (import), 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_NOT_READY = 1;
/** import: some rows were rejected (the rest were written). */
export const EXIT_ROWS_REJECTED = 1;
export const EXIT_BAD_INPUT = 2;

/** A refusal the command line prints as it is (in Chinese) before exiting with code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
