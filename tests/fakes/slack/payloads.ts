import { randomUUID } from 'node:crypto';
import { FAKE_TEAM } from './server.js';

/** Request bodies shaped like Slack's, with only what Recall and Bolt read plus the usual noise. */

export interface Who {
  userId: string;
  userName: string;
  teamId?: string;
}

export function slashCommand(who: Who, channelId: string, text: string, responseUrl: string, opts: { triggerId?: string } = {}): Record<string, string> {
  const teamId = who.teamId ?? FAKE_TEAM;
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    team_domain: 'fake',
    channel_id: channelId,
    channel_name: 'study',
    user_id: who.userId,
    user_name: who.userName,
    command: '/recall',
    text,
    api_app_id: 'A-RECALL',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: opts.triggerId ?? `trig-${randomUUID()}`,
  };
}

export function reactionAdded(who: Who, channelId: string, messageTs: string, reaction: string, opts: { eventId?: string } = {}): Record<string, unknown> {
  const teamId = who.teamId ?? FAKE_TEAM;
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A-RECALL',
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'U-RECALL', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event: {
      type: 'reaction_added',
      user: who.userId,
      reaction,
      item_user: 'U-RECALL',
      item: { type: 'message', channel: channelId, ts: messageTs },
      event_ts: `${Math.floor(Date.now() / 1000)}.000200`,
    },
  };
}

export interface PressedButton {
  actionId: string;
  value: string;
  blockId?: string;
  label?: string;
}

export function blockAction(
  who: Who,
  channelId: string,
  button: PressedButton,
  responseUrl: string,
  opts: { messageTs?: string; ephemeral?: boolean; triggerId?: string } = {},
): Record<string, unknown> {
  const teamId = who.teamId ?? FAKE_TEAM;
  const messageTs = opts.messageTs ?? '1764000000.000001';
  return {
    type: 'block_actions',
    token: 'legacy-verification-token',
    api_app_id: 'A-RECALL',
    trigger_id: opts.triggerId ?? `trig-${randomUUID()}`,
    team: { id: teamId, domain: 'fake' },
    user: { id: who.userId, username: who.userName, name: who.userName, team_id: teamId },
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: opts.ephemeral ?? false },
    channel: { id: channelId, name: 'study' },
    ...(opts.ephemeral ? {} : { message: { type: 'message', ts: messageTs, user: 'U-RECALL' } }),
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.actionId,
        block_id: button.blockId ?? 'recall-1',
        value: button.value,
        text: { type: 'plain_text', text: button.label ?? button.value, emoji: true },
        action_ts: `${Math.floor(Date.now() / 1000)}.000300`,
      },
    ],
  };
}

/**
 * A view_submission for a modal the app opened (`view` as views.open got it): `values` by field id,
 * laid out as Slack's state.values (block id → action id → element state).
 */
export function viewSubmission(who: Who, opened: { id: string; view: Record<string, unknown> }, values: Record<string, string>): Record<string, unknown> {
  const teamId = who.teamId ?? FAKE_TEAM;
  const blocks = Array.isArray(opened.view['blocks']) ? (opened.view['blocks'] as Record<string, unknown>[]) : [];
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of blocks) {
    if (b['type'] !== 'input') continue;
    const blockId = String(b['block_id']);
    const element = b['element'] as Record<string, unknown>;
    const actionId = String(element['action_id']);
    const value = values[blockId];
    if (element['type'] === 'static_select') {
      const options = (element['options'] as { text: unknown; value: string }[]) ?? [];
      const chosen = options.find((o) => o.value === value);
      if (value && !chosen) throw new Error(`select ${blockId} has no option ${value}`);
      state[blockId] = { [actionId]: { type: 'static_select', selected_option: chosen ?? null } };
    } else {
      state[blockId] = { [actionId]: { type: 'plain_text_input', value: value === undefined || value === '' ? null : value } };
    }
  }
  for (const id of Object.keys(values)) if (!(id in state)) throw new Error(`the view has no field ${id}`);
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'fake' },
    user: { id: who.userId, username: who.userName, name: who.userName, team_id: teamId },
    api_app_id: 'A-RECALL',
    token: 'legacy-verification-token',
    trigger_id: `trig-${randomUUID()}`,
    view: { ...opened.view, id: opened.id, team_id: teamId, state: { values: state }, hash: 'h1', app_id: 'A-RECALL', bot_id: 'B-RECALL' },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/**
 * What a view shows before the person types (each input's `initial_value`, a select's `initial_option`),
 * by block id: Slack submits these for every field left as it was, so a test edits on top of them.
 */
export function viewPrefill(view: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const blocks = Array.isArray(view['blocks']) ? (view['blocks'] as Record<string, unknown>[]) : [];
  for (const b of blocks) {
    if (b['type'] !== 'input') continue;
    const element = b['element'] as Record<string, unknown>;
    const initial = element['initial_option'] as { value?: string } | undefined;
    const value = typeof element['initial_value'] === 'string' ? element['initial_value'] : initial?.value;
    if (value !== undefined && value !== '') out[String(b['block_id'])] = value;
  }
  return out;
}
