import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/index.js';
import { buildProgram } from '../../src/cli/program.js';
import { registry } from '../../src/cli/registry.js';

/** What a program built with `only` (or with every command) makes of argv: the call, the output, the exit code. */
async function outcome(argv: string[], only?: string) {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const calls: unknown[] = [];
  const program = buildProgram(
    { stdout, stderr },
    async (name, opts, args) => {
      calls.push({ name, opts, args });
      return 0;
    },
    only,
  );
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    code = reportError(e, { stderr });
  }
  return { calls, out, err, code };
}

describe('a program declaring only the command argv names', () => {
  const cases = registry.flatMap((s) => [
    [s.name],
    [s.name, '--help'],
    [s.name, '-V'],
    [s.name, '--bogus'],
    [s.name, '--jso'],
    [s.name, '--json', '--bank', 'x', 'extra', 'args'],
    [s.name, '--tag'],
  ]);
  it.each(cases)('parses and answers as the whole program does: %s %s', async (...argv) => {
    expect(await outcome(argv, argv[0])).toEqual(await outcome(argv));
  });
});
