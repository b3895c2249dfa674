import type { PressedButton } from './payloads.js';

/** Reading Block Kit the way a person would: the words, and the buttons they could press. */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const textOf = (v: unknown): string => (isObject(v) && typeof v['text'] === 'string' ? v['text'] : '');

/** Slack's renderer puts zero-width spaces around bold and italics; nobody sees them. */
export function blocksText(blocks: unknown): string {
  return list(blocks)
    .filter(isObject)
    .map((b) => {
      switch (b['type']) {
        case 'header':
        case 'section':
          return [textOf(b['text']), ...list(b['fields']).map(textOf)].filter(Boolean).join('\n');
        case 'context':
          return list(b['elements']).map(textOf).join(' ');
        case 'actions':
          return list(b['elements'])
            .map((e) => `[${textOf(isObject(e) ? e['text'] : undefined)}]`)
            .join(' ');
        case 'divider':
          return '---';
        default:
          return '';
      }
    })
    .join('\n')
    .replace(/\u200B/g, '');
}

export function buttonsIn(blocks: unknown): (PressedButton & { label: string })[] {
  return list(blocks)
    .filter(isObject)
    .filter((b) => b['type'] === 'actions')
    .flatMap((b) =>
      list(b['elements'])
        .filter(isObject)
        .map((e) => ({
          actionId: String(e['action_id']),
          value: String(e['value']),
          blockId: String(b['block_id']),
          label: textOf(e['text']),
        })),
    );
}

export function buttonIn(blocks: unknown, label: RegExp): PressedButton & { label: string } {
  const hit = buttonsIn(blocks).find((b) => label.test(b.label));
  if (!hit) throw new Error(`no button ${label} in:\n${blocksText(blocks)}`);
  return hit;
}
