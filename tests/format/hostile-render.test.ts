import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/format/markdown.js';
import { latexToUnicode, renderInline } from '../../src/format/math.js';
import { wrapHanging } from '../../src/format/text.js';

// Banks come from strangers: what they hold may be odd, but rendering it must neither
// crash nor hang. A generous timeout is the hang guard (the slow path took 20 s); nothing
// here measures speed.
const HANG = 5_000;
describe('rendering hostile bank text', () => {
  it('regression: a formula nested thousands deep rendered into a stack overflow', () => {
    const deep = '$' + '^{'.repeat(5000) + 'x' + '}'.repeat(5000) + '$';
    expect(() => renderMarkdown(deep, 60)).not.toThrow();
    expect(() => renderInline(deep)).not.toThrow();
    expect(latexToUnicode('\\frac{'.repeat(100) + 'x')).toContain('x');
  });

  it(
    'regression: a word of 200,000 characters took twenty seconds to cut into lines',
    () => {
      const word = 'x'.repeat(200_000);
      const lines = wrapHanging(word, 40, '  • ', '    ').split('\n');
      expect(lines).toHaveLength(Math.ceil(200_000 / 36));
      expect(lines.every((l) => [...l].length <= 40)).toBe(true);
      expect(lines.map((l) => l.slice(4)).join('')).toBe(word);
    },
    HANG,
  );

  it('cuts a long styled word without breaking its escape codes, each line closing what it opened', () => {
    const styled = `\x1b[1m${'y'.repeat(10_000)}\x1b[22m`;
    const lines = wrapHanging(styled, 50).split('\n');
    expect(lines).toHaveLength(200);
    for (const l of lines) {
      expect([...stripVTControlCharacters(l)].length).toBeLessThanOrEqual(50);
      expect(l.startsWith('\x1b[1m') && l.endsWith('\x1b[22m')).toBe(true);
    }
  });

  it('a long word at the bank limit renders through Markdown at 40 columns, whole', () => {
    const out = stripVTControlCharacters(renderMarkdown(`- ${'z'.repeat(20_000)}`, 40));
    expect(out.split('\n').every((l) => [...l].length <= 40)).toBe(true);
    expect(out.replace(/[^z]/g, '')).toHaveLength(20_000);
  });
});
