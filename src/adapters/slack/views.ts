import type { App } from '@slack/bolt';
import { type Reply, textReply } from '../../core/reply.js';
import { replyOrDefer } from '../kit/reply-or-defer.js';
import { type HandlerContext, tokenFor } from './context.js';
import { describeError } from './describe-error.js';
import { readViewSubmission } from './modals.js';
import { slackChannel, slackUser } from './payloads.js';

const FAILED = 'Something went wrong with that form; it has been logged for the admins.';

/**
 * Filled forms (view_submission). The engine's answer decides the ack: refused values keep the form open
 * with the messages under their fields (`response_action: errors`); anything else closes it and the
 * answer goes to the channel the form was opened from (privately when the core says so). An answer
 * slower than the ack window closes the form first and follows as a private message.
 */
export function registerViews(app: App, ctx: HandlerContext): void {
  app.view({ type: 'view_submission' }, async ({ body, ack, context }) => {
    const submission = readViewSubmission(body);
    if (!submission) {
      ctx.logger.warn({}, 'a view_submission without team, user, callback_id or origin; closed');
      await ack();
      return;
    }
    const user = slackUser(submission.teamId, submission.userId, submission.userName);
    const channel = slackChannel(submission.teamId, submission.origin.channelId);
    const work = (async (): Promise<Reply> => {
      try {
        const isAdmin = await ctx.admins.isAdmin(submission.teamId, submission.userId, await tokenFor(ctx, context.botToken, submission.teamId));
        const messageId = submission.origin.messageId;
        return await ctx.engine.handleAction({ action: submission.action, user, channel, isAdmin, values: submission.values, ...(messageId ? { messageId } : {}) });
      } catch (err) {
        ctx.logger.error({ err: describeError(err), team: submission.teamId, action: submission.action }, 'slack form submission failed');
        return textReply(FAILED, { ephemeral: true });
      }
    })();
    const deliver = async (reply: Reply) => {
      if (reply.blocks.length === 0) return;
      if (reply.ephemeral || reply.fieldErrors) await ctx.port.sendPrivate(channel, user, reply);
      else await ctx.port.post(channel, reply);
    };
    await replyOrDefer(work, ctx.ackWithinMs, {
      ready: async (reply) => {
        if (reply.fieldErrors && Object.keys(reply.fieldErrors).length > 0) {
          await ack({ response_action: 'errors', errors: reply.fieldErrors });
          return;
        }
        await ack();
        await deliver(reply);
      },
      defer: () => ack(),
      late: deliver,
    });
  });
}
