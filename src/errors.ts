/** The mark every MlquizError carries: `Symbol.for`, so that every copy of this module shares it. */
const MARK = Symbol.for('mlquiz.error');

/**
 * Typed errors carry their exit code so that only the entry point decides how the
 * process ends. Anything that is not an MlquizError is a bug and gets a stack trace.
 */
export class MlquizError extends Error {
  readonly [MARK] = true;
  constructor(
    message: string,
    readonly exitCode: number,
    /** Lines printed before the message, e.g. one diagnostic per line. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad options or arguments. */
export class UsageError extends MlquizError {
  constructor(message: string, details: string[] = []) {
    super(message, 2, details);
  }
}

/** Invalid input files: banks, progress, plans. */
export class InputError extends MlquizError {
  constructor(message: string, details: string[] = []) {
    super(message, 2, details);
  }
}

/** Something failed at run time that is not the user's input (I/O, lock timeout). */
export class RuntimeFailure extends MlquizError {
  constructor(message: string, details: string[] = []) {
    super(message, 1, details);
  }
}

/** Ctrl+C: everything graded so far is already saved. */
export class Interrupted extends MlquizError {
  constructor(message = 'Interrupted; every graded answer is saved.') {
    super(message, 130);
  }
}

/**
 * Whether `e` is an MlquizError from any copy of this module. Each command is bundled on
 * its own (scripts/build.mjs), with its own copy of these classes, so the entry cannot
 * ask `instanceof` of the errors a command throws.
 */
export function isMlquizError(e: unknown): e is MlquizError {
  return typeof e === 'object' && e !== null && (e as { [MARK]?: unknown })[MARK] === true;
}
