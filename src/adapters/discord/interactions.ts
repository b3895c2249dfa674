import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  GuildMember,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { BankService } from '../../core/bank-service.js';
import type { Engine } from '../../core/engine.js';
import type { Store } from '../../store/store.js';
import type { Logger } from '../../log.js';
import { isAdmin } from './admin.js';
import { suggest } from './autocomplete.js';
import { readModalValues } from './modals.js';
import { readOptions } from './options.js';
import type { DiscordPort } from './port.js';
import { RecentIds } from '../kit/recent-ids.js';
import { channelRef, dmOrigin, userRef } from './refs.js';
import { respond } from './respond.js';

export interface InteractionDeps {
  client: Client;
  engine: Engine;
  bank: BankService;
  store: Store;
  logger: Logger;
  port: DiscordPort;
  adminRole: string | null;
  /** The configured guild: where a DM button with no recorded origin most likely came from. */
  guildId: string | null;
  deferAfterMs: number;
}

const GONE = 'That button belongs to something that no longer exists.';
/**
 * With this many interactions in hand, new ones are deferred at once: Discord's 3 s do not stretch with
 * our queue, and under a burst (a thousand grade presses) the timers that would defer them fire late.
 */
const BUSY = 50;
/** Interactions are replayed after a resume only within minutes; this many ids covers a busy hour. */
const REMEMBERED_INTERACTIONS = 20_000;

/**
 * Slash commands, buttons and autocomplete → the engine. Each interaction is answered once (a replayed
 * delivery is dropped by id), inside Discord's window, and never throws out of the event handler.
 */
export function createInteractionHandler(deps: InteractionDeps): (interaction: Interaction) => Promise<void> {
  const { engine, logger } = deps;
  const seen = new RecentIds(REMEMBERED_INTERACTIONS);
  /** Per command (and subcommand): was its last reply ephemeral? Guides the visibility of a deferral. */
  const wasEphemeral = new Map<string, boolean>();
  let inHand = 0;
  const deferAfter = (): number => (inHand > BUSY ? 0 : deps.deferAfterMs);

  async function command(i: ChatInputCommandInteraction): Promise<void> {
    if (!i.inGuild()) {
      await i.reply({ content: 'Recall works in server channels.', flags: MessageFlags.Ephemeral });
      return;
    }
    const { subcommand, options } = readOptions(i);
    const key = `${i.commandName} ${subcommand ?? ''}`;
    const inv = {
      user: userRef(i.guildId, i.user, nickname(i)),
      channel: channelRef(i.guildId, i.channelId),
      isAdmin: isAdmin(i, deps.adminRole),
      command: i.commandName,
      subcommand,
      options,
    };
    // Most answers are private (confirmations, errors); public ones (boards, quiz starts) are learned.
    const result = await respond(i, () => engine.runCommand(inv), { guessEphemeral: wasEphemeral.get(key) ?? true, deferAfterMs: deferAfter(), logger });
    wasEphemeral.set(key, result.ephemeral);
  }

  async function button(i: ButtonInteraction): Promise<void> {
    const guildId = i.guildId ?? deps.port.recentDmOrigin(i.message.id) ?? (await originOfDm(i));
    if (!guildId) {
      logger.warn({ interactionId: i.id, messageId: i.message.id }, 'discord: a DM button whose server is unknown');
      await i.reply({ content: GONE, flags: MessageFlags.Ephemeral });
      return;
    }
    const inv = {
      action: i.customId,
      user: userRef(guildId, i.user, nickname(i)),
      channel: channelRef(guildId, i.channelId),
      isAdmin: isAdmin(i, deps.adminRole),
      messageId: i.message.id,
    };
    // Every button answer of the core is private; it may take the place of a pressed message only the presser sees.
    const replaceable = i.guildId === null || i.message.flags.has(MessageFlags.Ephemeral);
    await respond(i, () => engine.handleAction(inv), { guessEphemeral: true, deferAfterMs: deferAfter(), logger, replaceable });
  }

  /** A filled form (see Reply.modal): its custom id is the submit action the core gave, its fields the values. */
  async function modalSubmit(i: ModalSubmitInteraction): Promise<void> {
    const messageId = i.message?.id;
    const guildId = i.guildId ?? (messageId ? deps.port.recentDmOrigin(messageId) : undefined) ?? deps.guildId;
    if (!guildId) {
      await i.reply({ content: GONE, flags: MessageFlags.Ephemeral });
      return;
    }
    const inv = {
      action: i.customId,
      user: userRef(guildId, i.user, nickname(i)),
      channel: channelRef(guildId, i.channelId ?? ''),
      isAdmin: isAdmin(i, deps.adminRole),
      values: readModalValues(i),
      ...(messageId ? { messageId } : {}),
    };
    await respond(i, () => engine.handleAction(inv), { guessEphemeral: true, deferAfterMs: deferAfter(), logger });
  }

  async function originOfDm(i: ButtonInteraction): Promise<string | undefined> {
    // The DM may still be being recorded when a quick press arrives; wait for this channel's sends.
    await deps.port.dmSendsSettled(i.channelId);
    const recorded = await dmOrigin(deps.store, i.message.id);
    if (recorded) return recorded;
    if (deps.guildId) return deps.guildId;
    const guilds = [...deps.client.guilds.cache.keys()];
    return guilds.length === 1 ? guilds[0] : undefined;
  }

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    let choices: Awaited<ReturnType<typeof suggest>> = [];
    try {
      choices = await suggest(i, engine, deps.bank);
    } catch (err) {
      logger.error({ err, command: i.commandName }, 'discord: autocomplete failed; offering nothing');
    }
    await i.respond(choices);
  }

  return async (interaction) => {
    if (!seen.add(interaction.id)) {
      logger.debug({ interactionId: interaction.id }, 'discord: interaction delivered twice; answered already');
      return;
    }
    inHand++;
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await command(interaction);
      else if (interaction.isButton()) await button(interaction);
      else if (interaction.isModalSubmit()) await modalSubmit(interaction);
    } catch (err) {
      logger.error({ err, interactionId: interaction.id, type: interaction.type }, 'discord: could not answer an interaction');
    } finally {
      inHand--;
    }
  };
}

/** The server nickname when the member came with the interaction (cached or raw). */
function nickname(i: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction): string | null {
  const member = i.member;
  if (!member) return null;
  if (member instanceof GuildMember) return member.displayName;
  return member.nick ?? null;
}
