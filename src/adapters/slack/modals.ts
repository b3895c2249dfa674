import type { types } from '@slack/bolt';
import type { Modal, ModalField } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { describeError } from './describe-error.js';
import { child, field, isObject } from './payloads.js';

/** Where a form was opened: a view_submission does not say the channel, so the view carries it. */
export interface ModalOrigin {
  channelId: string;
  messageId?: string;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** A core Modal as a Slack view for `views.open`: its submit id is the callback_id, each field an input block. */
export function toSlackView(modal: Modal, origin: ModalOrigin): types.ModalView {
  return {
    type: 'modal',
    callback_id: modal.submit,
    title: plain(modal.title),
    submit: plain(modal.submitLabel ?? 'Submit'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify({ c: origin.channelId, ...(origin.messageId ? { m: origin.messageId } : {}) }),
    blocks: modal.fields.map(inputBlock),
  };
}

function inputBlock(f: ModalField): types.KnownBlock {
  const base = { type: 'input' as const, block_id: f.id, label: plain(f.label), optional: f.optional === true };
  if (f.style === 'select') {
    const options: types.PlainTextOption[] = (f.choices ?? []).map((c) => ({ text: plain(c.label), value: c.value }));
    const initial = options.find((o) => o.value === f.value);
    return {
      ...base,
      element: {
        type: 'static_select',
        action_id: f.id,
        options,
        ...(initial ? { initial_option: initial } : {}),
        ...(f.placeholder ? { placeholder: plain(f.placeholder) } : {}),
      },
    };
  }
  return {
    ...base,
    element: {
      type: 'plain_text_input',
      action_id: f.id,
      multiline: f.style === 'long',
      ...(f.maxLength ? { max_length: f.maxLength } : {}),
      ...(f.placeholder ? { placeholder: plain(f.placeholder) } : {}),
      ...(f.value ? { initial_value: f.value } : {}),
    },
  };
}

export interface ViewSubmission {
  teamId: string;
  userId: string;
  userName?: string;
  /** The modal's submit action (its callback_id). */
  action: string;
  origin: ModalOrigin;
  values: Record<string, string>;
}

/** A view_submission body, narrowed: null when something Recall needs is missing (not our view, a broken body). */
export function readViewSubmission(body: unknown): ViewSubmission | null {
  if (field(body, 'type') !== 'view_submission') return null;
  const user = child(body, 'user');
  const view = child(body, 'view');
  const userId = field(user, 'id');
  const teamId = field(child(body, 'team'), 'id') ?? field(user, 'team_id');
  const action = field(view, 'callback_id');
  const origin = readOrigin(field(view, 'private_metadata'));
  if (!userId || !teamId || !action || !origin) return null;
  const userName = field(user, 'name') ?? field(user, 'username');
  return { teamId, userId, ...(userName ? { userName } : {}), action, origin, values: readValues(child(child(view, 'state'), 'values')) };
}

function readOrigin(metadata: string | undefined): ModalOrigin | null {
  if (!metadata) return null;
  try {
    const parsed: unknown = JSON.parse(metadata);
    const channelId = field(parsed, 'c');
    if (!channelId) return null;
    const messageId = field(parsed, 'm');
    return { channelId, ...(messageId ? { messageId } : {}) };
  } catch {
    return null;
  }
}

/** state.values is block id → action id → element state; Recall uses the field id for both. */
function readValues(state: Record<string, unknown> | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  if (!state) return values;
  for (const [blockId, actions] of Object.entries(state)) {
    if (!isObject(actions)) continue;
    const element = child(actions, blockId) ?? Object.values(actions).find(isObject);
    if (!element) continue;
    values[blockId] = field(element, 'value') ?? field(child(element, 'selected_option'), 'value') ?? '';
  }
  return values;
}

/** The part of Bolt's client that opens forms. */
export interface ViewsClient {
  views: { open(args: { trigger_id: string; view: types.ModalView }): Promise<unknown> };
}

/**
 * Opens the reply's form with the event's trigger_id (valid for 3 seconds). False when it could not be
 * opened (no trigger, expired, refused): the caller shows the reply's blocks instead, which say how to
 * do the same without the form.
 */
export async function openModal(client: ViewsClient, triggerId: string | undefined, modal: Modal, origin: ModalOrigin, logger: Logger): Promise<boolean> {
  if (!triggerId) return false;
  try {
    await client.views.open({ trigger_id: triggerId, view: toSlackView(modal, origin) });
    return true;
  } catch (err) {
    logger.warn({ err: describeError(err), submit: modal.submit }, 'could not open a Slack modal; showing the reply in words instead');
    return false;
  }
}
