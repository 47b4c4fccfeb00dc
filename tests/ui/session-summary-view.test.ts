import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/ui/session-summary-view.js';

function render(width: number, focused: boolean) {
  let out = '';
  const output = new PassThrough();
  output.on('data', (d) => (out += d));
  renderSummary(
    { input: new PassThrough(), output },
    {
      answered: 7,
      ratings: { Again: 3, Hard: 2, Good: 1, Easy: 1 },
      duration_ms: 754_000,
      weakestTag: { tag: 'llm-finetuning-alignment', missed: 3, answers: 5, weakness: 4 / 7, focused },
      nextDue: [
        { date: '2026-12-03', count: 4 },
        { date: '2026-12-05', count: 2 },
        { date: '2026-12-09', count: 11 },
      ],
    },
    '/home/someone/.local/share/mlquiz/progress.json',
    width,
  );
  return stripVTControlCharacters(out);
}

describe('the session summary', () => {
  it.each([40, 60, 100])('regression: at %i columns it wraps on spaces: every word whole, no line too wide', (width) => {
    const text = render(width, false);
    for (const line of text.split('\n')) if (!line.includes('progress.json')) expect([...line].length).toBeLessThanOrEqual(width);
    const words = new Set(text.split(/\s+/));
    for (const w of ['llm-finetuning-alignment', 'mlquiz', 'run', '--tag', '2026-12-09:', '/home/someone/.local/share/mlquiz/progress.json'])
      expect(words).toContain(w);
  });

  it('does not suggest the command just run when the session was that tag alone', () => {
    expect(render(100, false)).toMatch(/mlquiz\s+run\s+--tag\s+llm-finetuning-alignment/);
    expect(render(100, true)).not.toContain('mlquiz run');
  });
});
