/** A refusal with a Chinese message the user can act on; nothing was written. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Throws a UserError listing the problems, when there are any. */
export function refuse(problems: string[], summary?: string): never {
  throw new UserError(summary ?? problems.join('；'), problems);
}
