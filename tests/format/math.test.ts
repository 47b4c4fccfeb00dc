import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/format/markdown.js';
import { latexToUnicode, renderInline, renderMathInMarkdown } from '../../src/format/math.js';

describe('formulas in a terminal', () => {
  it.each([
    ['\\frac{TP}{TP+FP}', 'TP/(TP+FP)'],
    ['\\frac{2PR}{P+R}', '2PR/(P+R)'],
    ['\\frac{a+b}{2}', '(a+b)/2'],
    ['\\sqrt{\\sigma^2+\\epsilon}', '√(σ²+ε)'],
    ['x_i^2', 'xᵢ²'],
    ['\\sum_{i=1}^{n} w_i x_i', 'Σᵢ₌₁ⁿ wᵢ xᵢ'],
    ['\\hat{y} = \\sigma(Xw)', 'y\u0302 = σ(Xw)'],
    ['(X^TX+\\lambda I)^{-1}X^Ty', '(XᵀX+λ I)⁻¹Xᵀy'],
    ['\\|w\\|_2^2', '‖w‖₂²'],
    ['\\binom{10}{8} 0.5^{10}', 'C(10,8) 0.5¹⁰'],
    ['\\mathbb{E}[x] \\le \\infty', '𝔼[x] ≤ ∞'],
    ['P(y \\mid x) \\propto P(x \\mid y) P(y)', 'P(y | x) ∝ P(x | y) P(y)'],
    ['e^{-x}', 'e⁻ˣ'],
    ['h_{t-1}', 'hₜ₋₁'],
    ['W_{hh}', 'Wₕₕ'],
    ['x^{ab+}', 'xᵃᵇ⁺'],
    ['y_{\\text{pred}}', 'y_(pred)'],
  ])('%s → %s', (tex, want) => {
    expect(latexToUnicode(tex)).toBe(want);
  });

  it('regression: x^\\top z rendered a stray caret ("x^ᵀ z")', () => {
    expect(latexToUnicode('x^\\top z')).toBe('xᵀ z');
  });

  it('leaves prices, code spans and fenced code alone', () => {
    expect(renderMathInMarkdown('costs $5 and $10; `a $x$ b`; then $a_1$')).toBe('costs $5 and $10; `a $x$ b`; then a₁');
    expect(renderMathInMarkdown('```\n$x_1$\n```')).toBe('```\n$x_1$\n```');
  });

  it('keeps subscripts from being read as Markdown emphasis', () => {
    const out = renderMarkdown('The loss $w_i x_i$ and $a_j b_j$ matter.', 80);
    expect(out).toContain('wᵢ xᵢ');
    expect(out).toContain('aⱼ bⱼ');
    expect(out).not.toContain('$');
  });

  it('renders inline text for choices and key points', () => {
    expect(renderInline('**L1** adds $\\lambda\\sum_i |w_i|$ via `np.abs`')).toBe('L1 adds λΣᵢ |wᵢ| via np.abs');
  });

  it('renders Markdown lists, code and tables without raw markers', () => {
    const out = renderMarkdown('**Bold** text\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nx = 1\n```', 60);
    expect(out).not.toMatch(/\*\*|\|---/);
    expect(out).toMatch(/one[\s\S]*two/);
    expect(out).toContain('x = 1');
  });
});
