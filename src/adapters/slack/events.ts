import type { App, InstallationStore } from '@slack/bolt';
import { normalizeReaction } from '../../core/emoji.js';
import type { HandlerContext } from './context.js';
import { field, readReaction, slackChannel, slackUser } from './payloads.js';

/**
 * Events API: reactions reveal answers; an uninstall forgets the workspace's token. Events are acked
 * by Bolt before these run, so a slow reveal never makes Slack retry.
 */
export function registerEvents(app: App, ctx: HandlerContext, installations: InstallationStore | null): void {
  app.event('reaction_added', async ({ body, context }) => {
    const reaction = readReaction(body);
    if (!reaction) return;
    // Bolt's ignoreSelf already drops these; kept so a misconfigured middleware cannot make the bot reveal to itself.
    if (context.botUserId !== undefined && reaction.userId === context.botUserId) return;
    await ctx.engine.handleReaction({
      user: slackUser(reaction.teamId, reaction.userId),
      channel: slackChannel(reaction.teamId, reaction.channelId),
      messageId: reaction.messageTs,
      reaction: normalizeReaction(reaction.reaction),
    });
  });

  app.event('app_uninstalled', async ({ body, context }) => {
    const teamId = context.teamId ?? field(body, 'team_id');
    ctx.logger.info({ team: teamId, enterprise: context.enterpriseId }, 'Recall was uninstalled from a Slack workspace');
    if (!installations?.deleteInstallation) return;
    if (context.isEnterpriseInstall && context.enterpriseId) {
      await installations.deleteInstallation({ teamId: undefined, enterpriseId: context.enterpriseId, isEnterpriseInstall: true });
    } else if (teamId) {
      await installations.deleteInstallation({ teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: false });
    }
  });
}
