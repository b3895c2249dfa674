import { replace as unicodeit } from 'unicodeit';

/**
 * TeX as readable Unicode for chat and plain text: `W_{new}` → `W_new`, `O(N^2)` → `O(N²)`,
 * `\frac{QK^T}{\sqrt{d_k}}` → `QKᵀ/√dₖ`, `\Delta` → `Δ`. Symbols, Greek, scripts and accents come from
 * unicodeit; this file only adds what it lacks: fractions, roots, `\text{…}`, `\left`/`\right`, spacing,
 * and a fallback for scripts with no Unicode form (unicodeit would write `W_{new}` as `Wₙₑ_w`).
 */
export function mathToUnicode(tex: string): string {
  return new TexReader(tex)
    .sequence(false)
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const MAX_GROUP_DEPTH = 50;

const TEXT_COMMANDS = new Set(['text', 'textrm', 'textnormal', 'textbf', 'textit', 'textsf', 'texttt', 'mbox', 'operatorname']);
const STYLE_COMMANDS = new Set(['mathrm', 'mathit', 'mathsf', 'mathtt', 'mathbf', 'boldsymbol', 'bm', 'displaystyle', 'textstyle', 'mathnormal']);
const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
const SIZES = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'middle']);
/** Commands that take one argument and that unicodeit draws for a single letter (`\hat{y}` → ŷ, `\mathbb{R}` → ℝ). */
const ONE_LETTER = new Set(['mathbb', 'mathcal', 'mathfrak', 'hat', 'bar', 'vec', 'tilde', 'dot', 'ddot', 'overline', 'check', 'breve']);
const SPACES: Record<string, string> = { ',': ' ', ';': ' ', ':': ' ', ' ': ' ', '!': '', quad: ' ', qquad: ' ' };
const ENVIRONMENT = new Set(['begin', 'end']);
// Operators and spaces: a fraction's part or a root's argument containing one needs parentheses.
const COMPOUND = /[\s+\-−±∓*/=≠<>≤≥≪≫⋅·×÷,;]/u;

class TexReader {
  private at = 0;
  private depth = 0;

  constructor(private readonly tex: string) {}

  /** Reads to the end, or to the `}` closing the current group when `inGroup`. */
  sequence(inGroup: boolean): string {
    let out = '';
    while (this.at < this.tex.length) {
      const c = this.tex[this.at] as string;
      if (c === '}') {
        this.at++;
        if (inGroup) return out;
        continue;
      }
      if (c === '_' || c === '^') {
        this.at++;
        out += script(this.argument(), c);
      } else {
        out += this.atom();
      }
    }
    return out;
  }

  /** One group, command, or character. Every nested read passes here, so this is where depth is bounded. */
  private atom(): string {
    if (this.depth >= MAX_GROUP_DEPTH) {
      const rest = this.tex.slice(this.at);
      this.at = this.tex.length;
      return rest;
    }
    this.depth++;
    try {
      return this.atomInside();
    } finally {
      this.depth--;
    }
  }

  private atomInside(): string {
    const c = this.tex[this.at] as string;
    if (c === '{') {
      this.at++;
      return this.sequence(true);
    }
    if (c === '\\') return this.command();
    this.at++;
    if (c === '~') return ' ';
    if (c === '&') return ' ';
    if (c === "'") return '′';
    return c;
  }

  private argument(): string {
    while (this.tex[this.at] === ' ') this.at++;
    if (this.at >= this.tex.length) return '';
    return this.atom();
  }

  /** The raw text of a `{…}` argument, for `\text{…}`, which is words rather than math. */
  private rawArgument(): string {
    while (this.tex[this.at] === ' ') this.at++;
    if (this.tex[this.at] !== '{') return this.argument();
    let depth = 0;
    const start = this.at + 1;
    for (; this.at < this.tex.length; this.at++) {
      const c = this.tex[this.at];
      if (c === '\\') this.at++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    const raw = this.tex.slice(start, this.at);
    this.at++;
    return raw.replace(/\\([{}%$&#_ ])/g, '$1');
  }

  private command(): string {
    const match = /^\\([A-Za-z]+|.?)/.exec(this.tex.slice(this.at, this.at + 40));
    const name = match?.[1] ?? '';
    this.at += 1 + name.length;
    if (name === '') return '\\';
    if (name in SPACES) return SPACES[name] ?? ' ';
    if (!/^[A-Za-z]/.test(name)) return name === '\\' ? ' ' : name;
    if (TEXT_COMMANDS.has(name)) return this.rawArgument();
    if (STYLE_COMMANDS.has(name)) return name.endsWith('style') ? '' : this.argument();
    if (FRACTIONS.has(name)) {
      const numerator = this.argument();
      return `${grouped(numerator)}/${grouped(this.argument())}`;
    }
    if (name === 'sqrt') return this.root();
    if (SIZES.has(name)) {
      // `\left.` draws nothing; any other delimiter is read as usual.
      while (this.tex[this.at] === ' ') this.at++;
      if (this.tex[this.at] === '.') this.at++;
      return '';
    }
    if (ENVIRONMENT.has(name)) {
      this.rawArgument();
      return ' ';
    }
    if (ONE_LETTER.has(name)) return accent(name, this.argument());
    const drawn = symbol(name);
    // TeX drops the space after a command word: `\Delta W` is ΔW; `A \cdot B` keeps its spaced operator.
    if (/^\p{L}$/u.test(drawn)) this.skipSpaceBeforeLetter();
    return drawn;
  }

  private skipSpaceBeforeLetter(): void {
    let next = this.at;
    while (this.tex[next] === ' ') next++;
    if (next > this.at && /[\p{L}\d]/u.test(this.tex[next] ?? '')) this.at = next;
  }

  private root(): string {
    let index = '';
    if (this.tex[this.at] === '[') {
      const close = this.tex.indexOf(']', this.at);
      if (close !== -1) {
        index = script(new TexReader(this.tex.slice(this.at + 1, close)).sequence(false), '^');
        this.at = close + 1;
      }
    }
    return `${index}√${grouped(this.argument())}`;
  }
}

/** `a+b` as a fraction's part or a root's argument reads as `(a+b)`; `x` or `(a+b)` stay as they are. */
function grouped(value: string): string {
  const trimmed = value.trim();
  if (!COMPOUND.test(trimmed)) return trimmed;
  if (/^\(.*\)$/.test(trimmed) && balanced(trimmed.slice(1, -1))) return trimmed;
  return `(${trimmed})`;
}

function balanced(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

const scriptCache = new Map<string, string | null>();

/** One character as a sub- or superscript, or null when Unicode has none (there is no subscript w). */
function scriptChar(c: string, mark: '_' | '^'): string | null {
  const key = mark + c;
  let hit = scriptCache.get(key);
  if (hit === undefined) {
    const out = /[\\{}_^]/.test(c) ? c : unicodeit(`${mark}{${c}}`);
    hit = out !== c && [...out].length === 1 && !/[_^{}]/.test(out) ? out : null;
    scriptCache.set(key, hit);
  }
  return hit;
}

/** All in Unicode scripts when every character has one; else `W_new`, `x_(i,j)`, `e^(−x+1)`. */
function script(value: string, mark: '_' | '^'): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const converted = [...trimmed].map((c) => scriptChar(c, mark));
  if (converted.every((c) => c !== null)) return converted.join('');
  return `${mark}${COMPOUND.test(trimmed) ? `(${trimmed})` : trimmed}`;
}

function accent(name: string, value: string): string {
  if ([...value].length !== 1) return value;
  const out = unicodeit(`\\${name}{${value}}`);
  return out.includes('\\') || out.includes('{') ? value : out;
}

const symbolCache = new Map<string, string>();

/** A symbol unicodeit knows (`\Delta` → Δ); otherwise the command's name, which reads well for `\log`, `\max`, `\softmax`. */
function symbol(name: string): string {
  let hit = symbolCache.get(name);
  if (hit === undefined) {
    const out = unicodeit(`\\${name}`);
    // unicodeit also matches a known prefix (`\left` came out as `≤ft`): only a whole, short result counts.
    hit = out !== `\\${name}` && [...out].length <= 2 && !/[A-Za-z\\]/.test(out) ? out : name;
    symbolCache.set(name, hit);
  }
  return hit;
}
