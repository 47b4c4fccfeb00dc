import { describe, expect, it } from 'vitest';
import { fit, oneLine, shortPrompt, wrap } from '../../src/format/text.js';

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
