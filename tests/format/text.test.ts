import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fit, oneLine, shortPrompt, wrap, wrapHanging } from '../../src/format/text.js';

const columns = (line: string) => [...stripVTControlCharacters(line)].length;

describe('one-line prompts', () => {
  it('regression: a ">" inside the text was dropped ("xᵀAx > 0" shown as "xᵀAx 0")', () => {
    expect(oneLine('positive definite when $x^T A x > 0$ for every #1 case')).toBe('positive definite when xᵀ A x > 0 for every #1 case');
  });

  it('drops heading and quote markers at line starts, elides code blocks, joins lines', () => {
    expect(oneLine('## Title\n> context line\n\n```py\nx = 1\n```\nthen **this**')).toBe('Title context line … then this');
  });

  it('cuts to the width with an ellipsis, counting code points', () => {
    expect(fit('αβγδε', 3)).toBe('αβ…');
    expect(shortPrompt('short', 10)).toBe('short');
    expect(wrap('αβ γδ εζ', 5)).toEqual(['αβ γδ', 'εζ']);
  });
});

describe('hanging wrap for choices and bullets', () => {
  const choice = 'Add jitter so that clients retrying after a failure do not stay in lockstep, which keeps the queue stable';

  it('regression: choice lines split mid-word at 60 columns ("jitte/r", "s/table")', () => {
    expect(wrapHanging(choice, 60, '❯ b) ', '     ').split('\n')).toEqual([
      '❯ b) Add jitter so that clients retrying after a failure do',
      '     not stay in lockstep, which keeps the queue stable',
    ]);
  });

  it.each([40, 60, 100])('regression: at %i columns every word stays whole and no line is wider', (width) => {
    const text = `${choice}; run \`mlquiz run --plan daily\` to see it, with σ(x) = 1/(1+e⁻ˣ) and ‖w‖₂² in it.`;
    const out = wrapHanging(text, width, '  • ', '    ');
    const lines = out.split('\n');
    expect(lines.filter((l) => columns(l) > width)).toEqual([]);
    expect(lines[0]!.startsWith('  • ')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('    ') && l[4] !== ' ')).toBe(true);
    expect(out.replace(/^ {2}• /, '').split(/\s+/)).toEqual(text.split(/\s+/));
  });

  it("measures only visible columns and keeps each line's colours to itself", () => {
    const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
    const lines = wrapHanging(`${bold('one two three')} four`, 9, '', '  ').split('\n');
    expect(lines.map((l) => stripVTControlCharacters(l))).toEqual(['one two', '  three', '  four']);
    expect(lines).toEqual(['\x1b[1mone two\x1b[22m', '  \x1b[1mthree\x1b[22m', '  four']);
  });

  it('cuts only a word longer than the line, and counts code points', () => {
    expect(wrapHanging('see https://example.com/path', 12, '- ', '  ').split('\n')).toEqual(['- see', '  https://ex', '  ample.com/', '  path']);
    expect(wrapHanging('αβγ δεζ', 5)).toBe('αβγ\nδεζ');
    expect(wrapHanging('', 10, '❯ ')).toBe('❯ ');
  });
});
