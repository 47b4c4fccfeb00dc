import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBankFile } from '../../src/bank/parse-file.js';
import { createRng } from '../../src/engine/rng.js';

/*
 * Seeded mutations of the shipped banks: whatever a stranger's editor or a hostile hand
 * makes of a bank, parsing returns diagnostics with a place and a message. It never
 * throws (a stack trace) and never hangs (the test's time bound).
 */
const DIR = resolve(import.meta.dirname, '../../questions');
const FILES = readdirSync(DIR)
  .filter((f) => /\.(ya?ml|md)$/.test(f))
  .sort();
const SNIPPETS = [
  '---js\n',
  '---\n',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  '&a ',
  '*a',
  '!!js/function ',
  '"',
  "'",
  '\t',
  '\u001b[2J',
  '\u0000',
  '\uFEFF',
  '<!--',
  '-->',
  '## ',
  '```',
  '|',
  '>',
  '#',
  '\\',
  'correct: 99',
  'type: numeric',
  'tags: [X Y]',
  'time_limit: 1e300',
  '__proto__: {}',
  '\n',
  '   ',
];

type Mutation = (lines: string[], rng: () => number) => string[];
const pick = <T>(xs: readonly T[], rng: () => number): T => xs[Math.floor(rng() * xs.length)]!;
const at = (lines: string[], rng: () => number) => Math.floor(rng() * lines.length);
const MUTATIONS: Mutation[] = [
  (l, r) => l.filter((_, i) => i !== at(l, r)),
  (l, r) => {
    const i = at(l, r);
    return [...l.slice(0, i), l[i]!, ...l.slice(i)];
  },
  (l, r) => {
    const i = at(l, r);
    const s = l[i]!;
    const c = Math.floor(r() * (s.length + 1));
    return l.map((x, j) => (j === i ? s.slice(0, c) + pick(SNIPPETS, r) + s.slice(c) : x));
  },
  (l, r) => l.slice(0, at(l, r)),
  (l, r) => {
    const i = at(l, r);
    const j = at(l, r);
    const out = [...l];
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  },
  (l, r) => {
    const i = at(l, r);
    return l.map((x, j) => (j === i ? (r() < 0.5 ? ' ' + x : x.replace(/^ /, '')) : x));
  },
  (l, r) => {
    const i = at(l, r);
    return l.map((x, j) => (j === i ? x.slice(0, Math.floor(r() * x.length)) : x));
  },
];

describe('fuzzed shipped banks', () => {
  it('300 seeded mutations: no throw, every problem located with a message', () => {
    const rng = createRng('fuzz-banks');
    const texts = new Map(FILES.map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));
    const failures: string[] = [];
    for (let n = 0; n < 300; n++) {
      const file = pick(FILES, rng);
      let lines = texts.get(file)!.split('\n');
      // Work on a window of the file so that each case stays small and fast.
      const start = Math.floor(rng() * Math.max(1, lines.length - 120));
      lines = lines.slice(0, 8).concat(lines.slice(start, start + 120));
      const steps = 1 + Math.floor(rng() * 3);
      for (let s = 0; s < steps; s++) lines = pick(MUTATIONS, rng)(lines, rng);
      const bytes = new TextEncoder().encode(lines.join('\n'));
      try {
        const r = parseBankFile(file, bytes);
        for (const d of r.diagnostics)
          if (!(d.file === file && d.line >= 1 && d.column >= 1 && d.message.trim() && !/call stack|undefined|\[object/i.test(d.message)))
            failures.push(`case ${n} ${file}: ${JSON.stringify(d)}`);
        for (const q of r.questions)
          if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(q.prompt + q.answer + q.key_points.join('') + (q.choices ?? []).join('')))
            failures.push(`case ${n}: control characters reached ${q.id}`);
      } catch (e) {
        failures.push(`case ${n} ${file}: threw ${(e as Error).stack}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
