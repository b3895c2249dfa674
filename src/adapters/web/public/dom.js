// Small DOM helpers. Text always goes in as text; the only HTML the page inserts is what the server
// rendered from escaped Markdown, and even that passes through an allow-list of tags and attributes.

/** el('button', { class: 'btn', onclick }, 'Label', child…) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const TAGS = new Set([
  'P',
  'STRONG',
  'EM',
  'DEL',
  'CODE',
  'PRE',
  'BR',
  'HR',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'A',
  'SPAN',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'DIV',
  'SUP',
  'TIME',
]);
const ATTRS = { TIME: ['datetime', 'class'], A: ['href', 'rel', 'target'], OL: ['start'], PRE: ['data-lang'], SPAN: ['class'], DIV: ['class'], P: ['class'] };
// Formulas arrive as MathML (temml on the server); these elements keep their lower-case names in the DOM.
const MATHML = 'http://www.w3.org/1998/Math/MathML';
const MATH_TAGS = new Set([
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'msub',
  'msup',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'mmultiscripts',
  'mprescripts',
  'none',
  'merror',
]);
const MATH_ATTRS = [
  'display',
  'mathvariant',
  'stretchy',
  'fence',
  'form',
  'separator',
  'lspace',
  'rspace',
  'accent',
  'accentunder',
  'largeop',
  'movablelimits',
  'symmetric',
  'minsize',
  'maxsize',
  'columnalign',
  'rowspacing',
  'columnspacing',
  'width',
  'height',
  'depth',
  'voffset',
  'linethickness',
  'scriptlevel',
  'displaystyle',
  'notation',
];

/** Server-rendered Markdown HTML into `node`, keeping only known tags, attributes and http(s) links. */
export function setSafeHtml(node, html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  clean(template.content);
  node.replaceChildren(template.content);
  return node;
}

function clean(root) {
  for (const child of [...root.childNodes]) {
    if (child.nodeType === Node.TEXT_NODE) continue;
    const math = child.nodeType === Node.ELEMENT_NODE && child.namespaceURI === MATHML && MATH_TAGS.has(child.tagName);
    if (child.nodeType !== Node.ELEMENT_NODE || !(TAGS.has(child.tagName) || math)) {
      // Unknown markup is shown as the text it holds, never run.
      child.replaceWith(document.createTextNode(child.nodeType === Node.ELEMENT_NODE ? child.textContent : ''));
      continue;
    }
    const allowed = math ? MATH_ATTRS : (ATTRS[child.tagName] ?? []);
    for (const attr of [...child.attributes]) {
      if (!allowed.includes(attr.name)) child.removeAttribute(attr.name);
    }
    if (child.tagName === 'A' && !/^(https?:|mailto:)/i.test(child.getAttribute('href') ?? '')) child.removeAttribute('href');
    clean(child);
  }
}

/** Text where `backticks` mark commands: those parts become <code>, the rest stays text. */
export function withCode(text) {
  return text.split(/(`[^`]+`)/).map((part) => (/^`[^`]+`$/.test(part) ? el('code', {}, part.slice(1, -1)) : part));
}

let toastTimer = 0;
/** A short message at the bottom of the page, read out by screen readers. */
export function toast(message, kind = 'info') {
  const node = document.getElementById('toast');
  node.textContent = message;
  node.dataset.kind = kind;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (node.hidden = true), 5000);
}

/**
 * A calendar date in the viewer's own locale and zone, with the fields every Recall date has (day,
 * short month name, year: src/core/dates.ts), so `12/3/2026` never leaves a reader guessing.
 */
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDate(iso) {
  return DATE_FORMAT.format(new Date(iso));
}

/**
 * A calendar day (`2026-12-03`, the day the server meant) in the viewer's own locale. Read at noon UTC and
 * written in UTC, so it is that day whatever the viewer's zone.
 */
const DAY_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDay(day) {
  const at = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : DAY_FORMAT.format(at);
}

export function formatTime(iso) {
  const date = new Date(iso);
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The same-origin JSON API; errors carry the server's message. */
export async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(path, { credentials: 'same-origin', ...init });
  const data = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
