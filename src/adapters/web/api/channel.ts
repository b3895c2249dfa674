import { normalizeReaction } from '../../../core/emoji.js';
import { type Reply, textReply } from '../../../core/reply.js';
import type { WebMessage } from '../channel-log.js';
import { checkValues } from '../modals.js';
import { readJsonBody } from '../http/body.js';
import { HttpError, notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { PLAYGROUND } from '../refs.js';
import { buttonsOf, safeMessageView, safeReplyView } from '../render/reply-view.js';
import type { ApiDeps } from './deps.js';
import { flag, text, userOf } from './input.js';

export const MAX_COMMAND_LENGTH = 2000;

/** The playground channel: what a person sees, and what they type, press and react. */
export function channelRoutes(deps: ApiDeps): Route[] {
  const { engine, log, logger, modals } = deps;

  /** A message the person can see (public, or meant for them), or 404. */
  async function visible(messageId: string, userId: string): Promise<WebMessage> {
    const message = await log.find(PLAYGROUND, messageId);
    if (!message || message.pending || (message.forUser !== undefined && message.forUser !== userId)) throw notFound('That message is not in the channel (any more).');
    return message;
  }

  return [
    {
      method: 'GET',
      path: '/api/session',
      handler: async (ctx) => ({
        json: {
          playground: deps.playground,
          admin: ctx.admin,
          tokenRequired: deps.tokenRequired,
          channel: PLAYGROUND.channelId,
          revealEmoji: deps.revealEmoji,
          commands: engine.commands.map((c) => ({ name: c.name, description: c.description, admin: c.permission === 'admin' })),
        },
      }),
    },
    {
      method: 'GET',
      path: '/api/messages',
      async handler(ctx) {
        const user = userOf(ctx.url.searchParams.get('user'));
        const version = log.currentVersion();
        const messages = await log.visibleTo(PLAYGROUND, user.userId);
        const views = messages.map((m) =>
          safeMessageView(m, user.userId, (err) => logger.error({ err, messageId: m.id }, 'could not render a playground message; showing a notice instead')),
        );
        // The server's time, so the page's countdowns run on its clock rather than the viewer's.
        return { json: { version, now: deps.now().toISOString(), messages: views } };
      },
    },
    {
      method: 'POST',
      path: '/api/command',
      async handler(ctx) {
        const body = await readJsonBody(ctx.req);
        const user = userOf(body['user']);
        const line = text(body, 'text', MAX_COMMAND_LENGTH);
        // The reply's place is kept before the command runs, so `quiz` reads before the question it posts.
        const slot = await log.append(PLAYGROUND, {
          kind: 'private',
          forUser: user.userId,
          pending: true,
          reply: { blocks: [] },
          invokedBy: { userId: user.userId, name: user.name ?? user.userId, text: line },
        });
        let reply: Reply;
        try {
          reply = await engine.runText(line, { user, channel: PLAYGROUND, isAdmin: ctx.admin });
        } catch (err) {
          logger.error({ err, user: user.userId, text: line }, 'playground command failed');
          reply = textReply('Something went wrong running that command; it has been logged.', { ephemeral: true });
        }
        // A form opens over the page and says nothing in the channel until it is sent.
        if (reply.modal) {
          await log.remove(PLAYGROUND, slot.id);
          return { json: { modal: modals.add(user.userId, reply.modal) } };
        }
        await log.replace(PLAYGROUND, slot.id, reply, reply.ephemeral ? {} : { kind: 'post' });
        return {
          json: {
            messageId: slot.id,
            ephemeral: reply.ephemeral === true,
            blocks: safeReplyView(reply, (err) => logger.error({ err, messageId: slot.id }, 'could not render a command reply')),
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/action',
      async handler(ctx) {
        const body = await readJsonBody(ctx.req);
        const user = userOf(body['user']);
        const action = text(body, 'action', 100);
        const messageId = text(body, 'messageId', 200);
        const message = await visible(messageId, user.userId);
        const button = buttonsOf(message.reply).find((b) => b.action === action);
        if (!button) throw new HttpError(400, 'That button is not on this message.');
        if (button.disabled) throw new HttpError(409, 'That button is switched off.');
        // As with commands, the answer's place is kept first: "Right! +5" reads before the summary it may trigger.
        const slot = await log.append(PLAYGROUND, { kind: 'private', forUser: user.userId, parentId: messageId, pending: true, reply: { blocks: [] } });
        let reply: Reply;
        try {
          reply = await engine.handleAction({ action, user, channel: PLAYGROUND, isAdmin: ctx.admin, messageId });
        } catch (err) {
          await log.remove(PLAYGROUND, slot.id);
          throw err;
        }
        if (reply.modal) {
          await log.remove(PLAYGROUND, slot.id);
          return { json: { modal: modals.add(user.userId, reply.modal, messageId) } };
        }
        const blocks = safeReplyView(reply, (err) => logger.error({ err, messageId }, 'could not render a button reply'));
        // The pressed message gives way only where it was the presser's alone; a channel post stays for everyone.
        // (When it is gone meanwhile, pushed out of the kept history, the answer fills its own slot instead.)
        if (reply.replaceMessage && reply.blocks.length > 0 && message.forUser === user.userId && (await log.replace(PLAYGROUND, messageId, reply))) {
          await log.remove(PLAYGROUND, slot.id);
          return { json: { replaced: messageId, blocks } };
        }
        // Button answers are for the presser alone, whatever the platform (a Slack ephemeral, a Discord ephemeral reply).
        if (reply.blocks.length > 0) await log.replace(PLAYGROUND, slot.id, reply);
        else await log.remove(PLAYGROUND, slot.id);
        return { json: { blocks } };
      },
    },
    {
      method: 'POST',
      path: '/api/modal',
      async handler(ctx) {
        const body = await readJsonBody(ctx.req);
        const user = userOf(body['user']);
        const modalId = text(body, 'modalId', 100);
        const opened = modals.get(modalId, user.userId);
        if (!opened) throw notFound('That form is closed (it was sent, or left open too long); open it again.');
        const checked = checkValues(opened.modal, body['values']);
        if ('errors' in checked) return { json: { errors: checked.errors } };
        const messageId = opened.messageId;
        const reply = await engine.handleAction({
          action: opened.modal.submit,
          user,
          channel: PLAYGROUND,
          isAdmin: ctx.admin,
          values: checked.values,
          ...(messageId ? { messageId } : {}),
        });
        if (reply.fieldErrors && Object.keys(reply.fieldErrors).length > 0) return { json: { errors: reply.fieldErrors } };
        modals.close(modalId);
        if (reply.blocks.length === 0) return { json: { blocks: [] } };
        const slot = await log.append(PLAYGROUND, reply.ephemeral ? { kind: 'private', forUser: user.userId, reply } : { kind: 'post', reply });
        return { json: { messageId: slot.id, blocks: safeReplyView(reply, (err) => logger.error({ err, messageId: slot.id }, 'could not render a form reply')) } };
      },
    },
    {
      method: 'POST',
      path: '/api/reaction',
      async handler(ctx) {
        const body = await readJsonBody(ctx.req);
        const user = userOf(body['user']);
        const messageId = text(body, 'messageId', 200);
        const emoji = text(body, 'emoji', 32);
        const remove = flag(body, 'remove');
        const message = await visible(messageId, user.userId);
        if (message.kind === 'private') throw new HttpError(400, 'Reactions go on channel messages.');
        const added = await log.react(PLAYGROUND, messageId, emoji, user.userId, !remove);
        if (added) await engine.handleReaction({ user, channel: PLAYGROUND, messageId, reaction: normalizeReaction(emoji) });
        return { json: { ok: true, added } };
      },
    },
    {
      method: 'GET',
      path: '/api/events',
      async handler(ctx) {
        const { req, res } = ctx;
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
        res.write(`retry: 2000\nevent: change\ndata: ${JSON.stringify({ version: log.currentVersion() })}\n\n`);
        const unsubscribe = log.subscribe((version) => res.write(`event: change\ndata: ${JSON.stringify({ version })}\n\n`));
        const heartbeat = setInterval(() => res.write(': still here\n\n'), 20_000);
        heartbeat.unref();
        const close = () => {
          clearInterval(heartbeat);
          unsubscribe();
        };
        req.on('close', close);
        res.on('close', close);
        return { streaming: true };
      },
    },
  ];
}
