import type { App } from '@slack/bolt';
import { describeError } from './describe-error.js';
import { type HandlerContext, tokenFor } from './context.js';
import { field, readBlockAction, slackChannel, slackUser } from './payloads.js';
import { openModal } from './modals.js';
import { replyLater } from './replies.js';

/**
 * Button presses. Acked at once (Slack shows an error after 3 seconds otherwise); the engine's answer
 * goes to the presser only, at the response_url, and takes the pressed message's place when the core
 * asks (replaceMessage) and that message was the presser's alone. A press delivered twice is harmless: the core's grades
 * are idempotent, and a redelivered trigger_id never gets this far (see redelivery.ts).
 */
export function registerActions(app: App, ctx: HandlerContext): void {
  app.action({ type: 'block_actions' }, async ({ body, action, ack, respond, context, client }) => {
    await ack();
    const press = readBlockAction(body, action);
    if (!press) {
      ctx.logger.warn({ actionId: field(action, 'action_id') }, 'a button press without team, channel, user or value; ignored');
      return;
    }
    const user = slackUser(press.teamId, press.userId, press.userName);
    const channel = slackChannel(press.teamId, press.channelId);
    let isAdmin = false;
    try {
      isAdmin = await ctx.admins.isAdmin(press.teamId, press.userId, await tokenFor(ctx, context.botToken, press.teamId));
    } catch (err) {
      ctx.logger.warn({ err: describeError(err), team: press.teamId }, 'no token to check a presser against; treating them as not an admin');
    }
    const reply = await ctx.engine.handleAction({ action: press.action, user, channel, isAdmin, ...(press.messageId ? { messageId: press.messageId } : {}) });
    const origin = { channelId: press.channelId, ...(press.messageId ? { messageId: press.messageId } : {}) };
    if (reply.modal && (await openModal(client, press.triggerId, reply.modal, origin, ctx.logger))) return;
    await replyLater(reply, { respond, port: ctx.port, channel, user, forceEphemeral: true, replaceable: press.onPrivateMessage });
  });
}
