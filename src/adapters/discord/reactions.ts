import type { Client, MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { normalizeReaction } from '../../core/emoji.js';
import type { Engine } from '../../core/engine.js';
import type { Logger } from '../../log.js';
import { channelRef, userRef } from './refs.js';

/**
 * MESSAGE_REACTION_ADD → engine.handleReaction. With the Message/Reaction/User partials, reactions on
 * messages from before a restart (never cached) arrive as partials carrying the ids, which is all the
 * core needs; the message itself is not fetched, since a burst of reactions on one post would otherwise
 * cost a REST call each. Only a partial user with no member in the event is fetched, for the name.
 */
export function createReactionHandler(client: Client, engine: Engine, logger: Logger) {
  return async (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser): Promise<void> => {
    try {
      if (user.id === client.user?.id || user.bot) return;
      const message = reaction.message;
      const emoji = reaction.emoji.name;
      if (!message.guildId || !emoji) return;
      const member = message.guild?.members.cache.get(user.id);
      const full = user.partial && !member ? await user.fetch() : user;
      if (full.partial) return;
      await engine.handleReaction({
        user: userRef(message.guildId, full, member?.displayName),
        channel: channelRef(message.guildId, message.channelId),
        messageId: message.id,
        reaction: normalizeReaction(emoji),
      });
    } catch (err) {
      logger.error({ err, messageId: reaction.message.id, userId: user.id }, 'discord: could not handle a reaction');
    }
  };
}
