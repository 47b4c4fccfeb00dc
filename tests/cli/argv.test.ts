import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { reportError } from '../../src/cli/index.js';

/** Parses argv with a dispatcher that records instead of running. */
async function parse(argv: string[]) {
  const calls: { name: string; opts: Record<string, unknown>; args: string[] }[] = [];
  let err = '';
  const stderr = new PassThrough();
  stderr.on('data', (d) => (err += d));
  const program = buildProgram({ stdout: new PassThrough(), stderr }, async (name, opts, args) => {
    calls.push({ name, opts, args });
    return 0;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { call: calls[0], code: 0, err };
  } catch (e) {
    return { call: calls[0], code: reportError(e, { stderr }), err };
  }
}

describe('argv to options', () => {
  it.each([
    // No -n: the command decides (today's share of a goal, else 10), so commander gives no default.
    [['run'], { name: 'run', opts: {} }],
    [['run', '--tag', 'cnn', '-t', 'rnn', '--count', '5', '--seed', 'abc'], { name: 'run', opts: { tag: ['cnn', 'rnn'], count: 5, seed: 'abc' } }],
    [
      ['run', '--difficulty', 'hard', '--deck', 'Regularization', '--data-dir', '/x'],
      { name: 'run', opts: { difficulty: 'hard', deck: 'Regularization', dataDir: '/x' } },
    ],
    [['run', '--bank', 'a', '-b', 'b', '--skip-invalid'], { name: 'run', opts: { bank: ['a', 'b'], skipInvalid: true } }],
    [['run', '--id', 'x', '--id', 'y'], { name: 'run', opts: { id: ['x', 'y'] } }],
    [['run', '--dry-run', '--json', '--new', '0'], { name: 'run', opts: { dryRun: true, json: true, new: 0 } }],
    [['run', '--reviews-only', '--new', '3'], { name: 'run', opts: { reviewsOnly: true, new: 3 } }],
    [['goal'], { name: 'goal', opts: {}, args: [] }],
    [
      ['goal', '2026-12-20', '--tag', 'cnn', '-t', 'rnn', '--minutes', '45'],
      { name: 'goal', opts: { tag: ['cnn', 'rnn'], minutes: 45 }, args: ['2026-12-20'] },
    ],
    [['goal', '-m', '7.5', '--json'], { name: 'goal', opts: { minutes: 7.5, json: true } }],
    [['goal', '--clear'], { name: 'goal', opts: { clear: true } }],
    [['list', '--json', '--tag', 'cnn'], { name: 'list', opts: { json: true, tag: ['cnn'] } }],
    [['tags', '--json'], { name: 'tags', opts: { json: true } }],
    [['validate', 'a.yaml', 'dir', '--json'], { name: 'validate', opts: { json: true }, args: ['a.yaml', 'dir'] }],
    [['mock'], { name: 'mock', opts: {} }],
    [
      ['mock', '-n', '2', '--per-question', '3', '--minutes', '7.5', '--seed', 'x'],
      { name: 'mock', opts: { count: 2, perQuestion: 3, minutes: 7.5, seed: 'x' } },
    ],
    [['mock', '--plan', 'breadth', '--tag', 'cnn'], { name: 'mock', opts: { plan: 'breadth', tag: ['cnn'] } }],
    [['mock', '--list-plans'], { name: 'mock', opts: { listPlans: true } }],
    [
      ['report', '--since', '30d', '--html', 'r.html', '--json', '-t', 'cnn'],
      { name: 'report', opts: { since: '30d', html: 'r.html', json: true, tag: ['cnn'] } },
    ],
  ])('%j', async (argv, want) => {
    const { call, code } = await parse(argv);
    expect(code).toBe(0);
    expect(call).toMatchObject(want);
  });

  it.each([
    [['run', '--count', 'banana'], /option '-n, --count <n>' argument 'banana' is invalid/],
    [['run', '--count', '0'], /Expected a whole number from 1 to 1000/],
    [['run', '--difficulty', 'brutal'], /Allowed choices are easy, medium, hard/],
    [['run', '--colour'], /unknown option '--colour'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['list', 'extra'], /too many arguments/],
    [['mock', '--minutes', '0'], /Expected a number greater than 0/],
    [['mock', '--per-question', 'soon'], /option '--per-question <seconds>' argument 'soon' is invalid/],
    [['report', '--html'], /option '--html <file>' argument missing/],
    [['run', '--new', '-1'], /option '--new <n>' argument '-1' is invalid\. Expected a whole number from 0 to 1000/],
    [['run', '--new', 'some'], /Expected a whole number from 0 to 1000/],
    [['goal', '2026-12-20', '--minutes', '0'], /option '-m, --minutes <n>' argument '0' is invalid\. Expected a number greater than 0/],
    [['goal', '2026-12-20', '--minutes', '-5'], /argument '-5' is invalid/],
    [['goal', '2026-12-20', '--minutes', 'lots'], /argument 'lots' is invalid/],
    [['goal', '2026-12-20', '2026-12-21'], /too many arguments/],
  ])('%j is a usage error: exit 2, naming the option', async (argv, message) => {
    const { call, code, err } = await parse(argv);
    expect(call).toBeUndefined();
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('regression: usage errors begin with "mlquiz:" like every other error, never "error:"', async () => {
    const { err } = await parse(['run', '--colour']);
    expect(err).toMatch(/^mlquiz: unknown option '--colour'/);
    expect(err).not.toMatch(/^error:/m);
  });

  it('--help and --version exit 0', async () => {
    expect((await parse(['--help'])).code).toBe(0);
    expect((await parse(['--version'])).code).toBe(0);
  });
});
