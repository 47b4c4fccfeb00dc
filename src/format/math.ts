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
  ll: '≪',
  gg: '≫',
  varnothing: '∅',
  bmod: 'mod',
  succ: '≻',
  succeq: '⪰',
  prec: '≺',
  preceq: '⪯',
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

/** Raised and lowered characters: part of the operand they follow. */
const SCRIPT_CHARS = new Set([...Object.values(SUP), ...Object.values(SUB), '′']);
const isName = (c: string) => /[\p{L}\p{N}\p{M}_^.'*∞]/u.test(c) || SCRIPT_CHARS.has(c);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '|': '|', '‖': '‖' };

/** The index after the bracket group that opens at `i`, or -1 when none does. */
function groupEnd(cs: string[], i: number): number {
  const open = cs[i]!;
  const close = OPENERS[open];
  if (!close) return -1;
  if (open === close) {
    const j = cs.indexOf(close, i + 1);
    return j < 0 ? -1 : j + 1;
  }
  for (let depth = 0, k = i; k < cs.length; k++) {
    if (cs[k] === open) depth++;
    else if (cs[k] === close && --depth === 0) return k + 1;
  }
  return -1;
}

/**
 * True when `t` reads as one operand beside a `/` or after `√`: a name (Greek letters,
 * scripts and primes included: `λ`, `e²`, `2PR`, `∂hₖ`), a call such as `P(x)` or
 * `p_(data)(x)`, or one bracket group. `aᵀ b`, `a+b` and `(a)(b)` are not.
 */
function atomic(t: string): boolean {
  const cs = [...t];
  if (cs.length === 1) return true;
  let i = '∂√∇'.includes(cs[0]!) ? 1 : 0;
  const nameStart = i;
  while (i < cs.length && isName(cs[i]!)) i++;
  const named = i > nameStart;
  let groups = 0;
  while (i < cs.length) {
    i = groupEnd(cs, i);
    if (i < 0) return false;
    groups++;
    while (i < cs.length && SCRIPT_CHARS.has(cs[i]!)) i++;
  }
  return named || groups === 1;
}

const operand = (t: string) => (atomic(t) ? t : `(${t})`);

/**
 * A denominator or a root is read more strictly, as `a/bc` reads as `(a/b)·c`: no number
 * before a name (`2σ²`, `10²¹`) and no sum in a call's brackets (`k(k-1)`); `dx`, `σ(x)`,
 * `Z(θ)` stay bare.
 */
const strictOperand = (t: string) => (atomic(t) && !/^\d+(?:\.\d+)?[^\d.]/.test(t) && !/^[\p{L}\p{N}_^.'′*]+\(.*[+\-−]/u.test(t) ? t : `(${t})`);
/** Under a root only a bare name or number: `√tr(AᵀA)` would leave the root's reach unclear. */
const radicand = (t: string) => (/[([|‖]/.test(t) ? `(${t})` : strictOperand(t));

/*
 * Marks left in the output while a level is built, then resolved by `settle` once what
 * follows is known: where a fraction or a root ends depends on its neighbours. GROUP and
 * END enclose a fraction or a root.
 */
const GROUP = '\u0001';
const END = '\u0002';
/** After a function name that takes the next operand as its argument (log, exp). */
const APPLY = '\u0003';
/** After an operator name (max, min, arg) that only needs a space before its operand. */
const OPNAME = '\u0004';
const FUNCTIONS = new Set(['log', 'ln', 'exp', 'sin', 'cos', 'tanh', 'det', 'tr']);
const OPERATORS = new Set(['max', 'min', 'arg', 'lim', 'sup', 'inf', 'dim', 'bmod']);
/** ∂ and ∇ bind to what follows, as in LaTeX's `\partial f` (∂f). */
const PREFIXES = new Set(['partial', 'nabla']);
const NAMED_NEXT = new RegExp(`^\\s*\\\\(?:${[...FUNCTIONS, ...OPERATORS].join('|')})(?![a-zA-Z])`);

const classOf = (chars: Iterable<string>) => [...chars].join('').replace(/[\\\]^-]/g, '\\$&');
const SCRIPTS = `(?:[${classOf(SCRIPT_CHARS)}]|[_^](?:\\([^()]*\\)|[^\\s(]))*`;
const NO_MORE_SCRIPT = `(?![${classOf(SCRIPT_CHARS)}_^])`;
const APPLIED_FRACTION = new RegExp(`${APPLY}(${SCRIPTS})\\s*${GROUP}([^${GROUP}${END}]*)${END}`, 'gu');
const FRACTION = new RegExp(`${GROUP}([^${GROUP}${END}]*)${END}( *)`, 'g');
const NAME_THEN_OPERAND = new RegExp(`[${APPLY}${OPNAME}](${SCRIPTS})${NO_MORE_SCRIPT}(?=[\\p{L}\\p{N}√∂∇‖])`, 'gu');
/** What may follow a fraction with no doubt about where it ends: closers, punctuation, binary operators, relations. */
const ENDS_OPERAND = /^[)\]},;:.!?/+\-−=<>≤≥≈≠±∓·×÷→←⇒⇐⇔↦∈∉⊂⊆∝~≡⊙⊗⊕∘…⋯⪰≻⪯≺]/u;
/** A big operator or a named function after a fraction takes everything to its right, so the fraction gets parentheses. */
const TAKES_THE_REST = new RegExp(`^(?:[ΣΠ∫]|\\p{L}+[${APPLY}${OPNAME}])`, 'u');

const MARKS = new RegExp(`[${GROUP}${END}${APPLY}${OPNAME}]`, 'g');

/** Bars that open or close an absolute value or norm, not the spaced ` | ` of a conditional. */
const bars = (s: string, bar: string) => s.split(` ${bar} `).join('').split(bar).length - 1;

/**
 * Where a fraction meets what follows, the reader must see where its denominator ends:
 * `1/2‖w‖²` becomes `1/2 ‖w‖²`, `1/nΣᵢ` becomes `(1/n) Σᵢ`.
 */
function settleFraction(match: string, f: string, spaces: string, offset: number, whole: string): string {
  const after = whole.slice(offset + match.length);
  const next = [...after][0] ?? '';
  if (!next || ENDS_OPERAND.test(next)) return f + spaces;
  if ((next === '|' || next === '‖') && bars(whole.slice(0, offset), next) % 2 === 1) return f + spaces;
  return TAKES_THE_REST.test(after) ? `(${f}) ` : `${f} `;
}

/** Resolves the marks of one level: a function applied to a fraction takes it in parentheses (`log(p/(1-p))`). */
function settle(out: string): string {
  return out
    .replace(APPLIED_FRACTION, (_, scripts: string, f: string) => `${APPLY}${scripts}(${f})`)
    .replace(FRACTION, settleFraction)
    .replace(NAME_THEN_OPERAND, '$1 ')
    .replace(MARKS, '');
}

/** Deeper than any real formula; a bank nesting further gets its text as written, not a stack overflow. */
const MAX_NESTING = 40;

export function latexToUnicode(src: string, depth = 0): string {
  if (depth > MAX_NESTING) return src;
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
        out += `C(${latexToUnicode(a, depth + 1)},${latexToUnicode(b, depth + 1)})`;
      } else if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const [a, r1] = takeArg(s);
        const [b, r2] = takeArg(r1);
        s = r2;
        out += `${GROUP}${operand(latexToUnicode(a, depth + 1))}/${strictOperand(latexToUnicode(b, depth + 1))}${END}`;
      } else if (name === 'sqrt') {
        const [a, r] = takeArg(s);
        s = r;
        out += `${GROUP}√${radicand(latexToUnicode(a, depth + 1))}${END}`;
      } else if (['text', 'mathrm', 'mathbf', 'mathit', 'operatorname', 'boldsymbol', 'mathcal', 'mathbb', 'textbf', 'bm', 'mathrel'].includes(name)) {
        const [a, r] = takeArg(s);
        s = r;
        const inner = latexToUnicode(a, depth + 1);
        out += name === 'mathbb' ? (({ R: 'ℝ', E: '𝔼', N: 'ℕ', Z: 'ℤ', P: 'ℙ' } as Record<string, string>)[inner] ?? inner) : inner;
      } else if (['hat', 'bar', 'tilde', 'vec', 'overline', 'widehat'].includes(name)) {
        const [a, r] = takeArg(s);
        s = r;
        const inner = latexToUnicode(a, depth + 1);
        const mark = { hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0304', tilde: '\u0303', vec: '\u20d7' }[name]!;
        out += [...inner].length === 1 ? inner + mark : `${name}(${inner})`;
      } else {
        out += (SYMBOLS[name] ?? name) + (FUNCTIONS.has(name) ? APPLY : OPERATORS.has(name) ? OPNAME : '');
        if (PREFIXES.has(name) && !NAMED_NEXT.test(s)) s = s.replace(/^\s+/, '');
      }
    } else if (c === '^' || c === '_') {
      const [a, r] = takeArg(s.slice(1));
      s = r;
      const inner = latexToUnicode(a, depth + 1);
      out += c === '^' ? script(inner, SUP, '^') : script(inner, SUB, '_');
    } else if (c === '{' || c === '}') {
      s = s.slice(1);
    } else {
      out += c;
      s = s.slice(1);
    }
  }
  return settle(out).replace(/ {2,}/g, ' ');
}

/** The fence language that marks a display formula, already in Unicode, for the Markdown renderer. */
export const DISPLAY_MATH = 'mlquiz-display-math';

/**
 * Replaces every `$...$` and `$$...$$` outside code spans and fences with its Unicode form.
 * A display formula becomes a fenced block of its own (language `DISPLAY_MATH`): as an
 * indented code block its Markdown escapes (`\|`, `\_`) were printed as they stand.
 */
export function renderMathInMarkdown(md: string): string {
  const parts = md.split(/(```[\s\S]*?```|`[^`\n]*`)/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\$\$([\s\S]+?)\$\$/g, (_, m: string, at: number) => displayBlock(latexToUnicode(m.replace(/\s+/g, ' ').trim()), indentAt(part, at)))
            .replace(/(^|[^\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)/g, (_, pre: string, m: string) => pre + escapeMd(latexToUnicode(m))),
    )
    .join('');
}

const displayBlock = (formula: string, indent: string) => `\n\n${indent}\`\`\`${DISPLAY_MATH}\n${indent}${formula}\n${indent}\`\`\`\n\n`;

/** The indent of the text on the line holding `at`, so that a formula in a list item stays in the item. */
function indentAt(text: string, at: number): string {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  const lead = /^(\s*)(?:(?:[-*+]|\d+[.)])(\s+))?/.exec(line)!;
  return lead[2] === undefined ? lead[1]! : ' '.repeat(lead[0].length);
}

/** For one-line texts shown inside prompts (choices, key points): formulas to Unicode, code marks dropped. */
export function renderInline(text: string): string {
  return text
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, m: string) => latexToUnicode(m.replace(/\s+/g, ' ').trim()))
    .replace(/(^|[^\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)/g, (_, pre: string, m: string) => pre + latexToUnicode(m))
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1');
}

/** Math output must not be read as emphasis or links by the Markdown renderer. */
function escapeMd(s: string): string {
  return s.replace(/([*_[\]<>`\\|])/g, '\\$1');
}
