import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/index.js';
import { isMlquizError, MlquizError, UsageError } from '../../src/errors.js';

// Each command is bundled on its own (scripts/build.mjs), with its own copy of errors.ts.
// A query string makes the module loader give a second, separate copy, as the bundles have.
// @ts-expect-error: TypeScript knows no module by a name with a query string; the loader does.
const copy = (await import('../../src/errors.js?another-copy')) as typeof import('../../src/errors.js');

describe('errors thrown from a command bundle', () => {
  it('are two classes apart: instanceof cannot tell them', () => {
    expect(copy.UsageError).not.toBe(UsageError);
    expect(new copy.UsageError('x') instanceof MlquizError).toBe(false);
  });

  it('regression: an error from another copy of errors.ts is reported as known (one line, its exit code), not as a bug', () => {
    const lines: string[] = [];
    const code = reportError(new copy.UsageError('unknown tag "nope"', ['a detail']), { stderr: { write: (s: string) => lines.push(s) } as never });
    expect(code).toBe(2);
    expect(lines.join('')).toBe('a detail\nmlquiz: unknown tag "nope"\n');
    expect(isMlquizError(new copy.Interrupted())).toBe(true);
  });

  it('knows only its own errors by the mark', () => {
    expect(isMlquizError(new Error('x'))).toBe(false);
    expect(isMlquizError({ message: 'x', exitCode: 2 })).toBe(false);
    expect(isMlquizError(null)).toBe(false);
    expect(isMlquizError(new UsageError('x'))).toBe(true);
  });
});
