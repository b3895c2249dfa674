import { randomUUID } from 'node:crypto';
import { MODAL_LIMITS, type Modal } from '../../core/reply.js';

/** A form as the page draws it: everything shown as text; `id` is what the filled form comes back with. */
export interface ModalView {
  id: string;
  title: string;
  submitLabel: string;
  fields: {
    id: string;
    label: string;
    style: 'short' | 'long' | 'select';
    optional: boolean;
    placeholder: string;
    maxLength: number;
    value: string;
    choices: { label: string; value: string }[];
  }[];
}

interface Opened {
  userId: string;
  modal: Modal;
  messageId: string | undefined;
  at: number;
}

/** A form left open longer than this is forgotten; Discord's and Slack's expire too. */
const OPEN_FOR_MS = 60 * 60_000;
const MAX_OPEN = 2_000;

/**
 * The forms the page has open, by an id the server chose. A submission names its form, and only that
 * form's action and fields reach the core, only for the person it was opened for: as on Discord and
 * Slack, where the platform remembers the form, a request cannot make up an action or a field.
 */
export class OpenModals {
  private readonly open = new Map<string, Opened>();

  constructor(private readonly now: () => number) {}

  add(userId: string, modal: Modal, messageId?: string): ModalView {
    this.prune();
    const id = randomUUID();
    this.open.set(id, { userId, modal, messageId, at: this.now() });
    return {
      id,
      title: modal.title,
      submitLabel: modal.submitLabel ?? 'Submit',
      fields: modal.fields.map((f) => ({
        id: f.id,
        label: f.label,
        style: f.style,
        optional: f.optional === true,
        placeholder: f.placeholder ?? '',
        maxLength: f.maxLength ?? MODAL_LIMITS.maxLength,
        value: f.value ?? '',
        choices: f.choices ?? [],
      })),
    };
  }

  /** The form `id` opened for this person, or undefined (unknown, expired, someone else's). */
  get(id: string, userId: string): Opened | undefined {
    const opened = this.open.get(id);
    if (!opened || opened.userId !== userId || this.now() - opened.at > OPEN_FOR_MS) return undefined;
    return opened;
  }

  close(id: string): void {
    this.open.delete(id);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, o] of this.open) if (now - o.at > OPEN_FOR_MS) this.open.delete(id);
    // Oldest first (a Map keeps insertion order): a page that opens forms in a loop cannot grow this without end.
    while (this.open.size >= MAX_OPEN) {
      const oldest = this.open.keys().next().value;
      if (oldest === undefined) break;
      this.open.delete(oldest);
    }
  }
}

/**
 * A submission's values, checked the way Discord and Slack check theirs before the core sees them: only
 * the form's fields, each a string within its length, required ones filled, a select one of its choices.
 * Returns the values or field id → problem.
 */
export function checkValues(modal: Modal, raw: unknown): { values: Record<string, string> } | { errors: Record<string, string> } {
  const given = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const f of modal.fields) {
    const value = given[f.id];
    const text = typeof value === 'string' ? value.trim() : '';
    const max = f.maxLength ?? MODAL_LIMITS.maxLength;
    if (value !== undefined && typeof value !== 'string') errors[f.id] = 'Must be text.';
    else if (text === '' && f.optional !== true) errors[f.id] = 'Please fill this in.';
    else if (text.length > max) errors[f.id] = `At most ${max} characters.`;
    else if (f.style === 'select' && text !== '' && !(f.choices ?? []).some((c) => c.value === text)) errors[f.id] = 'Pick one of the choices.';
    else values[f.id] = text;
  }
  return Object.keys(errors).length > 0 ? { errors } : { values };
}
