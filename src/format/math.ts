/** LaTeX in `$...$` to readable Unicode for a terminal. Pure and forgiving: unknown commands keep their name. */

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  sum: 'Σ',
  prod: 'Π',
  int: '∫',
  partial: '∂',
  nabla: '∇',
  infty: '∞',
  cdot: '·',
  times: '×',
  div: '÷',
  pm: '±',
  mp: '∓',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '~',
  propto: '∝',
  equiv: '≡',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  iff: '⇔',
  implies: '⇒',
  mapsto: '↦',
  in: '∈',
  notin: '∉',
  subset: '⊂',
  subseteq: '⊆',
  cup: '∪',
  cap: '∩',
  emptyset: '∅',
  forall: '∀',
  exists: '∃',
  neg: '¬',
  land: '∧',
  lor: '∨',
  odot: '⊙',
  otimes: '⊗',
  oplus: '⊕',
  circ: '∘',
  ell: 'ℓ',
  top: 'ᵀ',
  perp: '⊥',
  ldots: '…',
  cdots: '⋯',
  dots: '…',
  lvert: '|',
  rvert: '|',
  lVert: '‖',
  rVert: '‖',
  Vert: '‖',
  mid: '|',
  langle: '⟨',
  rangle: '⟩',
  lfloor: '⌊',
  rfloor: '⌋',
  lceil: '⌈',
  rceil: '⌉',
  max: 'max',
  min: 'min',
  log: 'log',
  ln: 'ln',
  exp: 'exp',
  sin: 'sin',
  cos: 'cos',
  tanh: 'tanh',
  arg: 'arg',
  det: 'det',
  tr: 'tr',
  quad: '  ',
  qquad: '    ',
  ',': ' ',
  ';': ' ',
  '!': '',
  ' ': ' ',
  '{': '{',
  '}': '}',
  '%': '%',
  _: '_',
  '&': '&',
  '#': '#',
  '\\': ' ',
  '|': '‖',
  left: '',
  right: '',
  big: '',
  Big: '',
  bigg: '',
  Bigg: '',
  displaystyle: '',
  limits: '',
  nolimits: '',
};
const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
  T: 'ᵀ',
  t: 'ᵗ',
  k: 'ᵏ',
  d: 'ᵈ',
  p: 'ᵖ',
  x: 'ˣ',
  '*': '*',
  "'": '′',
  a: 'ᵃ',
  b: 'ᵇ',
  c: 'ᶜ',
  e: 'ᵉ',
  m: 'ᵐ',
  j: 'ʲ',
  l: 'ˡ',
  r: 'ʳ',
  s: 'ˢ',
  u: 'ᵘ',
  v: 'ᵛ',
  w: 'ʷ',
  y: 'ʸ',
  z: 'ᶻ',
  h: 'ʰ',
  o: 'ᵒ',
  f: 'ᶠ',
  g: 'ᵍ',
};
const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
  β: 'ᵦ',
  γ: 'ᵧ',
  ρ: 'ᵨ',
  φ: 'ᵩ',
  χ: 'ᵪ',
};

/** Reads one argument: `{...}` (balanced) or a single command or character. Returns [text, rest]. */
function takeArg(s: string): [string, string] {
  s = s.replace(/^\s+/, '');
  if (s.startsWith('{')) {
    let depth = 0;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}' && --depth === 0) return [s.slice(1, i), s.slice(i + 1)];
    }
    return [s.slice(1), ''];
  }
  const cmd = /^\\([a-zA-Z]+|.)/.exec(s);
  if (cmd) return [cmd[0], s.slice(cmd[0].length)];
  return [s.slice(0, 1), s.slice(1)];
}

/** Characters that are already raised, such as ᵀ from \top, stay as they are in a superscript. */
const RAISED = new Set(Object.values(SUP));

function script(text: string, table: Record<string, string>, mark: string): string {
  const chars = [...text];
  if (table === SUP && chars.every((c) => RAISED.has(c) || table[c])) return chars.map((c) => table[c] ?? c).join('');
  if (chars.every((c) => table[c])) return chars.map((c) => table[c]).join('');
  return chars.length === 1 ? `${mark}${text}` : `${mark}(${text})`;
}

const group = (t: string) => (/^[\w.′']+$/u.test(t) || /^\(.*\)$/.test(t) ? t : `(${t})`);

export function latexToUnicode(src: string): string {
  let out = '';
  let s = src;
  while (s.length) {
    const c = s[0]!;
    if (c === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(s)!;
      const name = m[1]!;
      s = s.slice(m[0].length);
      if (name === 'binom' || name === 'tbinom') {
        const [a, r1] = takeArg(s);
        const [b, r2] = takeArg(r1);
        s = r2;
        out += `C(${latexToUnicode(a)},${latexToUnicode(b)})`;
      } else if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const [a, r1] = takeArg(s);
        const [b, r2] = takeArg(r1);
        s = r2;
        out += `${group(latexToUnicode(a))}/${group(latexToUnicode(b))}`;
      } else if (name === 'sqrt') {
        const [a, r] = takeArg(s);
        s = r;
        const inner = latexToUnicode(a);
        out += inner.length === 1 ? `√${inner}` : `√(${inner})`;
      } else if (['text', 'mathrm', 'mathbf', 'mathit', 'operatorname', 'boldsymbol', 'mathcal', 'mathbb', 'textbf', 'bm'].includes(name)) {
        const [a, r] = takeArg(s);
        s = r;
        const inner = latexToUnicode(a);
        out += name === 'mathbb' ? (({ R: 'ℝ', E: '𝔼', N: 'ℕ', Z: 'ℤ', P: 'ℙ' } as Record<string, string>)[inner] ?? inner) : inner;
      } else if (['hat', 'bar', 'tilde', 'vec', 'overline', 'widehat'].includes(name)) {
        const [a, r] = takeArg(s);
        s = r;
        const inner = latexToUnicode(a);
        const mark = { hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0304', tilde: '\u0303', vec: '\u20d7' }[name]!;
        out += [...inner].length === 1 ? inner + mark : `${name}(${inner})`;
      } else out += SYMBOLS[name] ?? name;
    } else if (c === '^' || c === '_') {
      const [a, r] = takeArg(s.slice(1));
      s = r;
      const inner = latexToUnicode(a);
      out += c === '^' ? script(inner, SUP, '^') : script(inner, SUB, '_');
    } else if (c === '{' || c === '}') {
      s = s.slice(1);
    } else {
      out += c;
      s = s.slice(1);
    }
  }
  return out.replace(/ {2,}/g, ' ');
}

/** Replaces every `$...$` and `$$...$$` outside code spans and fences with its Unicode form. */
export function renderMathInMarkdown(md: string): string {
  const parts = md.split(/(```[\s\S]*?```|`[^`\n]*`)/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\$\$([\s\S]+?)\$\$/g, (_, m: string) => `\n\n    ${escapeMd(latexToUnicode(m.trim()))}\n\n`)
            .replace(/(^|[^\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)/g, (_, pre: string, m: string) => pre + escapeMd(latexToUnicode(m))),
    )
    .join('');
}

/** For one-line texts shown inside prompts (choices, key points): formulas to Unicode, code marks dropped. */
export function renderInline(text: string): string {
  return text
    .replace(/(^|[^\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)/g, (_, pre: string, m: string) => pre + latexToUnicode(m))
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1');
}

/** Math output must not be read as emphasis or links by the Markdown renderer. */
function escapeMd(s: string): string {
  return s.replace(/([*_[\]<>`\\|])/g, '\\$1');
}
