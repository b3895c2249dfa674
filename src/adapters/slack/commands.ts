import type { App } from '@slack/bolt';
import { type Reply, textReply } from '../../core/reply.js';
import { replyOrDefer } from '../kit/reply-or-defer.js';
import { describeError } from './describe-error.js';
import { type HandlerContext, tokenFor } from './context.js';
import { type CommandPayload, readCommand, slackChannel, slackUser } from './payloads.js';
import { openModal } from './modals.js';
import { replyLater, toResponse } from './replies.js';

/** The one slash command; `/recall quiz ai 5` runs the same command list Discord and the playground use. */
export const SLASH_COMMAND = '/recall';

const FAILED = 'Something went wrong running that command; it has been logged for the admins.';

/**
 * Slack wants an answer within 3 seconds. A reply that is ready by `ackWithinMs` travels in the ack
 * (one round trip, nothing else to go wrong); a slower one is acked with a short note and follows at
 * the response_url.
 */
export function registerCommand(app: App, ctx: HandlerContext): void {
  app.command(SLASH_COMMAND, async ({ body, ack, respond, context, client }) => {
    const command = readCommand(body);
    if (!command) {
      ctx.logger.warn({ keys: Object.keys(body) }, 'a /recall payload without team, channel or user; ignored');
      await ack();
      return;
    }
    const channel = slackChannel(command.teamId, command.channelId);
    // A reply in the channel brings its pictures after it; a private one cannot (a shared file is public), so it keeps their words.
    const pictures = (reply: Reply) => (reply.ephemeral ? undefined : ctx.port.files.upload(channel, reply));
    // A form opens in its own window; the command's ack then says nothing. Where it cannot open, the reply's words go instead.
    const opened = (reply: Reply) => (reply.modal ? openModal(client, command.triggerId, reply.modal, { channelId: command.channelId }, ctx.logger) : false);
    await replyOrDefer(runCommand(ctx, command, context.botToken), ctx.ackWithinMs, {
      ready: async (reply) => {
        if (reply.modal && command.triggerId) {
          await ack();
          if (!(await opened(reply))) await replyLater(reply, { respond, port: ctx.port, channel, user: slackUser(command.teamId, command.userId) });
          return;
        }
        await ack(toResponse(reply));
        await pictures(reply);
      },
      defer: () => ack({ response_type: 'ephemeral', text: 'Working on it…' }),
      late: async (reply) => {
        if (await opened(reply)) return;
        await replyLater(reply, { respond, port: ctx.port, channel, user: slackUser(command.teamId, command.userId) });
        await pictures(reply);
      },
    });
  });
}

async function runCommand(ctx: HandlerContext, command: CommandPayload, authorizedToken: string | undefined): Promise<Reply> {
  const user = slackUser(command.teamId, command.userId, command.userName);
  const channel = slackChannel(command.teamId, command.channelId);
  try {
    const token = await tokenFor(ctx, authorizedToken, command.teamId);
    const isAdmin = await ctx.admins.isAdmin(command.teamId, command.userId, token);
    const text = command.text.trim() === '' ? 'help' : command.text;
    return await ctx.engine.runText(text, { user, channel, isAdmin });
  } catch (err) {
    ctx.logger.error({ err: describeError(err), team: command.teamId, channel: command.channelId, user: command.userId, text: command.text }, 'slack command failed');
    return textReply(FAILED, { ephemeral: true });
  }
}
