import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { ChannelRef, UserRef } from '../../core/refs.js';
import type { Reply } from '../../core/reply.js';
import { toSlackMessage } from './blocks.js';
import type { SlackPort } from './port.js';

/**
 * A reply to a slash command or button, as Slack takes it in ack() or at the response_url: ephemeral
 * ("only visible to you") when the core says it is personal, in the channel otherwise.
 */
export function toResponse(reply: Reply, opts: { forceEphemeral?: boolean } = {}): RespondArguments & { response_type: 'ephemeral' | 'in_channel' } {
  const message = toSlackMessage(reply);
  return { response_type: opts.forceEphemeral || reply.ephemeral ? 'ephemeral' : 'in_channel', text: message.text, blocks: message.blocks };
}

/**
 * Sends a reply after the ack: to the response_url when the payload had one (it works even where the
 * bot is not a member), else through the Web API as an ephemeral message.
 */
export async function replyLater(
  reply: Reply,
  to: { respond: RespondFn | undefined; port: SlackPort; channel: ChannelRef; user: UserRef; forceEphemeral?: boolean; replaceable?: boolean },
): Promise<void> {
  const forceEphemeral = to.forceEphemeral ?? false;
  if (to.respond && reply.replaceMessage && to.replaceable) {
    // Only a message the presser alone sees is replaced: on a channel post this would change it for everyone.
    await to.respond({ ...toResponse(reply, { forceEphemeral }), replace_original: true });
    return;
  }
  if (to.respond) {
    // replace_original false: a press on an ephemeral message adds an answer rather than replacing the question.
    await to.respond({ ...toResponse(reply, { forceEphemeral }), replace_original: false });
    return;
  }
  if (forceEphemeral || reply.ephemeral) await to.port.sendPrivate(to.channel, to.user, reply);
  else await to.port.post(to.channel, reply);
}
