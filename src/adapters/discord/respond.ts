import { type ButtonInteraction, type ChatInputCommandInteraction, type InteractionReplyOptions, MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { type Modal, type Reply, textReply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { replyOrDefer } from '../kit/reply-or-defer.js';
import { toDiscordModal } from './modals.js';
import { type DiscordMessage, renderReply } from './render.js';

export type Repliable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

export interface RespondOptions {
  /** Whether the reply will probably be ephemeral: a deferral has to choose before the work is done. */
  guessEphemeral: boolean;
  /** Work still running after this long is deferred (0: defer at once); Discord drops an interaction unanswered after 3 s. */
  deferAfterMs: number;
  logger: Logger;
  /**
   * A press on a message only the presser sees (an ephemeral reply, a DM): a Reply with replaceMessage
   * updates that message instead of adding one. On a channel message it never does: that would change
   * the post for everyone.
   */
  replaceable?: boolean;
}

const FAILED = 'Something went wrong on my side; it has been logged for the admins.';
const NO_MENTIONS = { parse: [] };

/**
 * Answers an interaction with the engine's Reply inside Discord's 3-second window. Fast work (nearly all
 * of it) is sent as the interaction's own reply, in one round trip. Slow work is deferred first (with the
 * guessed visibility) and then edited in; when the guess was wrong the placeholder is deleted and the
 * reply sent as a follow-up with the right visibility, so nothing private is ever shown to the channel.
 * Returns whether the reply was ephemeral, so the caller can guess better next time.
 */
export async function respond(interaction: Repliable, work: () => Promise<Reply>, opts: RespondOptions): Promise<{ ephemeral: boolean }> {
  const pending = work().catch((err: unknown) => {
    opts.logger.error({ err, interactionId: interaction.id }, 'discord: handling an interaction failed');
    return textReply(FAILED, { ephemeral: true });
  });
  if (opts.replaceable && interaction.isButton()) {
    const press = interaction;
    return replyOrDefer(pending, opts.deferAfterMs, {
      ready: async (reply) => (reply.modal ? showModal(press, reply.modal) : replaceOrAdd(press, reply, true)),
      // Deferred as an update (no new "thinking" message), so the answer can still take the pressed message's place.
      defer: async () => void (await press.deferUpdate()),
      late: (reply) => replaceOrAdd(press, reply, false),
    });
  }
  return replyOrDefer(pending, opts.deferAfterMs, {
    ready: async (reply) => {
      if (reply.modal && !interaction.isModalSubmit()) return showModal(interaction, reply.modal);
      const ephemeral = reply.ephemeral === true;
      const [head, ...rest] = renderReply(reply);
      await interaction.reply(asReply(head, ephemeral));
      for (const m of rest) await interaction.followUp(asReply(m, ephemeral));
      return { ephemeral };
    },
    defer: async () => void (await interaction.deferReply(opts.guessEphemeral ? { flags: MessageFlags.Ephemeral } : {})),
    late: (reply) => editDeferred(interaction, reply, opts.guessEphemeral),
  });
}

/**
 * A form is the interaction's whole answer (callback 9), possible only as the first one: a deferred
 * answer shows the reply's blocks instead, which say how to do the same without the form.
 */
async function showModal(interaction: ChatInputCommandInteraction | ButtonInteraction, modal: Modal): Promise<{ ephemeral: boolean }> {
  await interaction.showModal(toDiscordModal(modal));
  return { ephemeral: true };
}

/** The deferred placeholder becomes the answer; when its visibility was guessed wrong it is deleted and the answer follows. */
async function editDeferred(interaction: Repliable, reply: Reply, guessEphemeral: boolean): Promise<{ ephemeral: boolean }> {
  const ephemeral = reply.ephemeral === true;
  const [head, ...rest] = renderReply(reply);
  if (ephemeral === guessEphemeral) {
    await interaction.editReply({
      content: head?.content ?? null,
      embeds: head?.embeds ?? [],
      components: head?.components ?? [],
      allowedMentions: NO_MENTIONS,
      ...attachments(head),
    });
  } else {
    await interaction.deleteReply();
    if (head) rest.unshift(head);
  }
  for (const m of rest) await interaction.followUp(asReply(m, ephemeral));
  return { ephemeral };
}

/**
 * A press on a private message. A late answer was deferred as an update, so whatever it turns out to be
 * can still take the pressed message's place; one that does not replace it follows as a new message.
 */
async function replaceOrAdd(interaction: ButtonInteraction, reply: Reply, ready: boolean): Promise<{ ephemeral: boolean }> {
  const ephemeral = reply.ephemeral === true;
  const [head, ...rest] = renderReply(reply);
  if (reply.replaceMessage && head) {
    const update = { content: head.content ?? null, embeds: head.embeds, components: head.components, allowedMentions: NO_MENTIONS, ...attachments(head) };
    if (ready) await interaction.update(update);
    else await interaction.editReply(update);
  } else if (ready) {
    await interaction.reply(asReply(head, ephemeral));
  } else if (head) {
    rest.unshift(head);
  }
  for (const m of rest) await interaction.followUp(asReply(m, ephemeral));
  return { ephemeral };
}

/** A new message needs no empty lists; leaving them out spares discord.js resolving them on every reply. */
function asReply(m: DiscordMessage | undefined, ephemeral: boolean): InteractionReplyOptions & { flags?: MessageFlags.Ephemeral } {
  return {
    ...(m?.content !== undefined ? { content: m.content } : {}),
    ...(m && m.embeds.length > 0 ? { embeds: m.embeds } : {}),
    ...(m && m.components.length > 0 ? { components: m.components } : {}),
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    ...attachments(m),
  };
}

/** Pictures go up with the message (discord.js sends it as multipart); the embed shows them by name. */
function attachments(m: DiscordMessage | undefined): { files?: { attachment: Buffer; name: string; description: string }[] } {
  return m?.files ? { files: m.files.map((f) => ({ attachment: f.data, name: f.name, description: f.description })) } : {};
}
