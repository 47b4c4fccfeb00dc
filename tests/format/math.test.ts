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

  // Item 8 of issue 10: formulas as they occur in the shipped banks, one row per shape.
  it.each([
    // a fraction followed directly by a symbol: a space, or parentheses before a big operator or a function
    ['\\frac{\\lambda}{2}\\|w\\|^2', 'λ/2 ‖w‖²'],
    ['\\frac{1}{n}\\sum_i (w x_i - y_i)^2', '(1/n) Σᵢ (w xᵢ - yᵢ)²'],
    ['\\frac{1}{2} \\sum_{f=1}^{k} x_f', '(1/2) Σ_(f=1)ᵏ x_f'],
    ['-\\frac{1}{N}\\sum_{t=1}^{N} \\log p_\\theta(x_t \\mid x_{<t})', '-(1/N) Σₜ₌₁^N log p_θ(xₜ | x_(<t))'],
    ['\\frac{1}{Z}\\prod_C \\psi_C(x_C)', '(1/Z) Π_C ψ_C(x_C)'],
    ['\\frac{d}{dz}\\log\\sigma(z) = 1-\\sigma(z)', '(d/dz) log σ(z) = 1-σ(z)'],
    ['\\frac{2}{n}X^\\top X \\succeq 0', '2/n Xᵀ X ⪰ 0'],
    ['L = \\frac{1}{2}(\\hat y - t)^2', 'L = 1/2 (y\u0302 - t)²'],
    ['\\frac{8}{3}d', '8/3 d'],
    ['W_0 + \\frac{\\alpha}{r}BA', 'W₀ + α/r BA'],
    ['\\frac{n_L}{n} G_L + \\frac{n_R}{n} G_R', 'n_L/n G_L + n_R/n G_R'],
    ['\\frac{2(N-1)}{N}\\frac{S}{B}', '2(N-1)/N S/B'],
    ['\\frac{1}{2}, \\frac{1}{4}, \\dots, \\frac{1}{256}', '1/2, 1/4, …, 1/256'],
    ['\\frac{k}{i} \\cdot \\frac{i}{n} = \\frac{k}{n}', 'k/i · i/n = k/n'],
    ['(h - \\frac{1}{2\\tau})^2', '(h - 1/(2τ))²'],
    // a single-token numerator or denominator stays bare: Greek letters, scripts, calls
    ['L(w) + \\frac{\\lambda}{2}w^2', 'L(w) + λ/2 w²'],
    ['\\frac{e^2}{e^2 + e^1} = \\frac{1}{1 + e^{-1}}', 'e²/(e² + e¹) = 1/(1 + e⁻¹)'],
    ['\\frac{1}{C_{out}} + \\frac{1}{k^2}', '1/Cₒᵤₜ + 1/k²'],
    ['KL(P \\| Q) = \\sum_x P(x) \\log\\frac{P(x)}{Q(x)}', 'KL(P ‖ Q) = Σₓ P(x) log(P(x)/Q(x))'],
    ['\\text{odds}(y) = \\frac{p(y)}{1 - p(y)}', 'odds(y) = p(y)/(1 - p(y))'],
    ['D^*(x) = \\frac{p_{data}(x)}{p_{data}(x) + p_g(x)}', 'D*(x) = p_(data)(x)/(p_(data)(x) + p_g(x))'],
    ['K = \\frac{P^-}{P^- + R}', 'K = P⁻/(P⁻ + R)'],
    ['\\frac{\\beta}{|y|} \\log \\pi_\\theta(y \\mid x)', '(β/|y|) log π_θ(y | x)'],
    [
      '\\frac{\\partial L}{\\partial h_l} = \\frac{\\partial L}{\\partial h_L}\\prod_{k=l+1}^{L} \\frac{\\partial h_k}{\\partial h_{k-1}}',
      '∂L/∂hₗ = (∂L/∂h_L) Πₖ₌ₗ₊₁^L ∂hₖ/∂hₖ₋₁',
    ],
    ['\\frac{\\partial}{\\partial a}\\log(1 - \\sigma(a))', '(∂/∂a) log(1 - σ(a))'],
    ['\\frac{df}{dx} = \\frac{\\partial f}{\\partial a}\\frac{da}{dx}', 'df/dx = ∂f/∂a da/dx'],
    ['\\frac{d}{dx} f(g(x))', 'd/dx f(g(x))'],
    ['\\frac{(4+1+0+1+4)}{5} = 2', '(4+1+0+1+4)/5 = 2'],
    // a product or sum is grouped; a product of groups is one group more, not `(a)(b)/(c)(d)`
    ['\\frac{2PR}{P+R} = \\frac{2TP}{2TP + FP + FN}', '2PR/(P+R) = 2TP/(2TP + FP + FN)'],
    ['\\frac{(1+\\beta^2) P R}{\\beta^2 P + R}', '((1+β²) P R)/(β² P + R)'],
    [
      '\\frac{(2\\mu_x\\mu_y + C_1)(2\\sigma_{xy} + C_2)}{(\\mu_x^2 + \\mu_y^2 + C_1)(\\sigma_x^2 + \\sigma_y^2 + C_2)}',
      '((2μₓμ_y + C₁)(2σ_(xy) + C₂))/((μₓ² + μ_y² + C₁)(σₓ² + σ_y² + C₂))',
    ],
    ['b = \\frac{(-1)(-4/3) + 0 + (1)(5/3)}{1 + 0 + 1}', 'b = ((-1)(-4/3) + 0 + (1)(5/3))/(1 + 0 + 1)'],
    ['\\frac{1-\\alpha^{\\gamma+1}}{(1-\\alpha)(\\gamma c + 1)}', '(1-α^(γ+1))/((1-α)(γ c + 1))'],
    ['\\frac{a^\\top b}{\\|a\\|\\|b\\|}', '(aᵀ b)/(‖a‖‖b‖)'],
    // a number before a name, or a sum in a call, in the denominator: `1/2σ²` would read as (1/2)σ²
    ['\\frac{1}{2\\sigma^2}\\sum_i (y_i - w^T x_i)^2', '(1/(2σ²)) Σᵢ (yᵢ - wᵀ xᵢ)²'],
    ['ILD = \\frac{2}{k(k-1)} \\sum_{i<j} d_{ij}', 'ILD = (2/(k(k-1))) Σ_(i<j) dᵢⱼ'],
    ['-\\log p(y \\mid x) = \\frac{(y - f(x))^2}{2\\sigma^2}', '-log p(y | x) = (y - f(x))²/(2σ²)'],
    // a function applied to a fraction takes it in parentheses
    ['\\log\\frac{p}{1-p} = w^\\top x + b', 'log(p/(1-p)) = wᵀ x + b'],
    ['PSNR = 10\\log_{10}\\frac{MAX^2}{MSE}', 'PSNR = 10log₁₀(MAX²/MSE)'],
    ['\\alpha = \\frac{1}{2}\\ln\\frac{1-\\varepsilon}{\\varepsilon}', 'α = (1/2) ln((1-ε)/ε)'],
    ['\\beta \\log \\frac{\\pi_\\theta(y \\mid x)}{\\pi_{ref}(y \\mid x)}', 'β log(π_θ(y | x)/π_(ref)(y | x))'],
    ['\\sigma = \\exp(\\frac{1}{2}\\log \\sigma^2)', 'σ = exp((1/2) log σ²)'],
    // roots: bare over one name or number, grouped otherwise, set off from what follows
    ['\\hat{x}_i = \\frac{x_i - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}', 'x̂ᵢ = (xᵢ - μ_B)/√(σ_B² + ε)'],
    ['\\mathrm{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)V', 'softmax(QKᵀ/√dₖ)V'],
    ['x_t = \\sqrt{\\bar\\alpha_t}x_0 + \\sqrt{1-\\bar\\alpha_t}\\epsilon', 'xₜ = √α\u0304ₜ x₀ + √(1-α\u0304ₜ) ε'],
    ['\\phi(x) = (x_1^2, \\sqrt{2}x_1x_2, x_2^2)', 'φ(x) = (x₁², √2 x₁x₂, x₂²)'],
    ['\\|\\nabla f\\| = \\sqrt{32} = 4\\sqrt{2}', '‖∇f‖ = √32 = 4√2'],
    ['1/\\sqrt{2L}', '1/√(2L)'],
    ['\\sqrt{\\mathrm{tr}(A^\\top A)}', '√(tr(Aᵀ A))'],
    ['y = \\frac{x}{\\sqrt{\\frac{1}{d}\\sum_i x_i^2 + \\epsilon}} \\odot \\gamma', 'y = x/√((1/d) Σᵢ xᵢ² + ε) ⊙ γ'],
    // sub- and superscripts, hats, bars, blackboard letters, norms, sums and named operators
    ['\\mathbb E_D[(\\hat f_D(x) - \\mathbb E_D[\\hat f_D(x)])^2]', '𝔼_D[(f̂_D(x) - 𝔼_D[f̂_D(x)])²]'],
    ['\\bar\\alpha_t = \\prod_{s \\le t}(1 - \\beta_s)', 'α\u0304ₜ = Π_(s ≤ t)(1 - βₛ)'],
    ['W \\in \\mathbb{R}^{C \\times d}', 'W ∈ ℝ^(C × d)'],
    ['\\min_w \\frac{1}{2}\\|y - Xw\\|^2 + \\lambda\\|w\\|_1', 'min_w 1/2 ‖y - Xw‖² + λ‖w‖₁'],
    ['\\hat{y} = \\arg\\max_c \\left[\\log P(c) + \\sum_j \\log P(x_j \\mid c)\\right]', 'y\u0302 = arg max_c [log P(c) + Σⱼ log P(xⱼ | c)]'],
    ['\\log\\det\\Sigma', 'log det Σ'],
    ['\\dim\\mathrm{null}(A) = n - \\mathrm{rank}(A)', 'dim null(A) = n - rank(A)'],
    ['\\partial \\log L/\\partial W = (Y - P)^\\top X', '∂ log L/∂W = (Y - P)ᵀ X'],
    ['r \\ll \\min(d, k)', 'r ≪ min(d, k)'],
    ['\\epsilon(x_t, \\varnothing)', 'ε(xₜ, ∅)'],
    ['i \\bmod W', 'i mod W'],
    ['\\bar{x} \\mathrel{+}= \\delta/n', 'x̄ += δ/n'],
    ['P(i \\succ j) = 1/(1 + 10^{(R_j - R_i)/400})', 'P(i ≻ j) = 1/(1 + 10^((Rⱼ - Rᵢ)/400))'],
    ['\\lfloor (H + 2p - d(k-1) - 1)/s \\rfloor + 1', '⌊ (H + 2p - d(k-1) - 1)/s ⌋ + 1'],
  ])('regression: fractions and formulas read unambiguously: %s → %s', (tex, want) => {
    expect(latexToUnicode(tex)).toBe(want);
  });

  it('renders display formulas in one-line texts too', () => {
    expect(renderInline('Bayes: $$P(\\theta \\mid D) \\propto P(D \\mid \\theta)$$')).toBe('Bayes: P(θ | D) ∝ P(D | θ)');
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
