import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../../src/adapters/discord/markdown-flavour.js';
import { renderSlack } from '../../../src/adapters/slack/mrkdwn-flavour.js';
import { markdownToHtml } from '../../../src/adapters/web/render/markdown-html.js';
import { renderPlain } from '../../../src/bank/render/index.js';
import { mathToUnicode } from '../../../src/bank/render/math.js';

const chat = { discord: renderDiscord, slack: renderSlack, plain: renderPlain };

describe('mathToUnicode', () => {
  it('writes scripts, Greek and operators in Unicode, fractions as a/b and roots with √', () => {
    expect(mathToUnicode('O(N^2)')).toBe('O(N²)');
    expect(mathToUnicode('x_{1i} + \\beta_i')).toBe('x₁ᵢ + βᵢ');
    expect(mathToUnicode('\\Delta W = A \\cdot B^T')).toBe('ΔW = A ⋅ Bᵀ');
    expect(mathToUnicode('\\frac{1}{2}')).toBe('1/2');
    expect(mathToUnicode('\\frac{a+b}{\\sqrt{d_k}}')).toBe('(a+b)/√dₖ');
    expect(mathToUnicode('\\sqrt{x + 1}')).toBe('√(x + 1)');
  });

  it('reads \\text, \\left and \\right as what they show, not as symbols', () => {
    expect(mathToUnicode('\\text{softmax}\\left(\\frac{x}{2}\\right)')).toBe('softmax(x/2)');
  });

  it('keeps a script with no Unicode form readable instead of half converted', () => {
    // There is no subscript w: unicodeit alone gives `Wₙₑ_w`.
    expect(mathToUnicode('W_{new}')).toBe('W_new');
    expect(mathToUnicode('x_{i,w}')).toBe('x_(i,w)');
  });

  it('shows unknown commands by name and survives hostile nesting', () => {
    expect(mathToUnicode('\\log p(x)')).toBe('log p(x)');
    expect(() => mathToUnicode('{'.repeat(20_000))).not.toThrow();
    expect(() => mathToUnicode('\\sqrt'.repeat(5000))).not.toThrow();
  });
});

describe('math in questions, on every chat target', () => {
  for (const [name, render] of Object.entries(chat)) {
    it(`${name}: inline and display formulas become Unicode text`, () => {
      expect(render('Ideally $W_{new} = W_{old} + \\Delta W$, and $T=0$ is greedy.')).toBe('Ideally W_new = W_old + ΔW, and T=0 is greedy.');
      expect(render('$$ \\text{Attention}(Q, K, V) = \\text{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)V $$')).toBe('Attention(Q, K, V) = softmax(QKᵀ/√dₖ)V');
    });

    it(`${name}: prices, escaped dollars, code and link addresses are not math`, () => {
      expect(render('It costs $5 and $10, or $ per 1K tokens.')).toBe('It costs $5 and $10, or $ per 1K tokens.');
      expect(render('Escaped: \\$x$ stays')).toBe('Escaped: $x$ stays');
      expect(render('Run `echo $HOME$` now')).toContain('$HOME$');
      expect(render('```sh\necho $a_b$\n```')).toContain('echo $a_b$');
      expect(render('[the sum](https://example.com/$x_1$)')).toContain('https://example.com/$x_1$');
    });
  }

  it('a formula with a bar inside a table cell stays in its cell', () => {
    expect(renderPlain('| a | b |\n|---|---|\n| $P(Y|X)$ | 2 |')).toContain('P(Y|X) | 2');
  });
});

describe('math in the playground and dashboard (MathML)', () => {
  it('draws formulas as MathML and prices as text', () => {
    const html = markdownToHtml('Cost $5 and $10; $x^2$ and $$\\frac{a}{b}$$');
    expect(html).toContain('Cost $5 and $10; <math>');
    expect(html).toMatch(/<msup><mi>x<\/mi><mn[^>]*>2<\/mn><\/msup>/);
    expect(html).toContain('<math display="block"');
    expect(html).toContain('<mfrac>');
  });

  it("never puts markup into an attribute, and a formula's own input cannot add links or scripts", () => {
    const html = markdownToHtml('[x](https://example.com/$\\frac{a}{b}$) and $\\href{javascript:alert(1)}{y} <script>$');
    expect(html).toContain('href="https://example.com/$\\frac{a}{b}$"');
    expect(html).not.toMatch(/<script|href="javascript/);
  });

  it('drops stand-in marks already in the input, so they cannot pull in a formula', () => {
    expect(markdownToHtml('\uE0200\uE021 and $x$')).toBe(markdownToHtml('0 and $x$'));
  });
});

describe('a link whose address has a space', () => {
  const source = '> **See**: [the diagram (v2)](https://example.com/img/abc DEF.png) here';

  it('shows its text and its address as plain text, with no half link or escapes', () => {
    const discord = renderDiscord(source);
    expect(discord).toBe('> **See**: the diagram (v2) (`https://example.com/img/abc DEF.png`) here');
    const slack = renderSlack(source);
    expect(slack).toContain('the diagram (v2) (`https://example.com/img/abc DEF.png`) here');
    expect(slack).not.toContain('<https://');
    expect(renderPlain(source)).toBe('│ See: the diagram (v2) (https://example.com/img/abc DEF.png) here');
    expect(markdownToHtml(source)).toContain('the diagram (v2) (<code>https://example.com/img/abc DEF.png</code>) here');
  });

  it('leaves a link with a title, or an address in angle brackets, as a link', () => {
    expect(renderDiscord('[docs](https://example.com/a "The docs")')).toBe('[docs](https://example.com/a)');
    expect(renderDiscord('[docs](<https://example.com/a b>)')).toContain('[docs](');
  });
});
