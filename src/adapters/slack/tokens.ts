import type { AnyMiddlewareArgs, InstallationStore, Middleware } from '@slack/bolt';
import type { Store } from '../../store/store.js';
import { teamEnterpriseKey } from './installation-store.js';

/**
 * The bot token to speak in a workspace with. Inside a request Bolt authorizes for us; the core also
 * speaks first (daily posts, quiz timers), and then only the team id is known.
 */
export interface TokenSource {
  botToken(teamId: string): Promise<string>;
}

/** One workspace, one token from SLACK_BOT_TOKEN. */
export function singleToken(token: string): TokenSource {
  return { botToken: async () => token };
}

/** Many workspaces through OAuth: the workspace's own install, or the org-wide one that covers it. */
export function installedTokens(installations: InstallationStore, store: Store): TokenSource {
  return {
    async botToken(teamId) {
      const byTeam = await installations.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }).catch(() => undefined);
      if (byTeam?.bot?.token) return byTeam.bot.token;
      const enterpriseId = await store.get<string>(teamEnterpriseKey(teamId));
      if (enterpriseId) {
        const org = await installations.fetchInstallation({ teamId: undefined, enterpriseId, isEnterpriseInstall: true }).catch(() => undefined);
        if (org?.bot?.token) return org.bot.token;
      }
      throw new Error(`Recall is not installed in Slack workspace ${teamId}; add it again from /slack/install`);
    },
  };
}

/**
 * Remembers which Enterprise Grid org-wide install covers a workspace, as requests reveal it, so posts
 * the core starts later (with only a team id) find the org's token. Written once per team per process.
 */
export function rememberOrgTeams(store: Store): Middleware<AnyMiddlewareArgs> {
  const known = new Set<string>();
  return async ({ context, next }) => {
    const { teamId, enterpriseId, isEnterpriseInstall } = context;
    if (isEnterpriseInstall && teamId && enterpriseId && !known.has(teamId)) {
      await store.set(teamEnterpriseKey(teamId), enterpriseId);
      known.add(teamId);
    }
    await next();
  };
}
