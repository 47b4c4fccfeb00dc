/**
 * Typed errors carry their exit code so that only the entry point decides how the
 * process ends. Anything that is not an MlquizError is a bug and gets a stack trace.
 */
export class MlquizError extends Error {
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
