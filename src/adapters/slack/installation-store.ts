import { randomBytes } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore, InstallURLOptions, StateStore } from '@slack/bolt';
import type { Store } from '../../store/store.js';

/**
 * Slack installations (one per workspace, or one per Enterprise Grid org for org-wide installs) kept in
 * Recall's own store, so a second process or a restart sees every workspace that added the app. The
 * values hold bot tokens: the store is as secret as the tokens, and nothing here logs them.
 */
export const installationKey = (q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string => {
  if (q.isEnterpriseInstall && q.enterpriseId) return `slack:install:enterprise:${q.enterpriseId}`;
  if (q.teamId) return `slack:install:team:${q.teamId}`;
  throw new Error('a Slack installation needs a team id, or an enterprise id for an org-wide install');
};

/** Which org-wide install covers a workspace, learned from requests, for posts the core starts itself. */
export const teamEnterpriseKey = (teamId: string): string => `slack:install:team-enterprise:${teamId}`;

export function storeInstallationStore(store: Store): InstallationStore {
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      await store.set(installationKey({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall }), installation);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await store.get<Installation>(installationKey(query));
      if (!found) throw new Error(`no Slack installation for ${query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`}`);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.delete(installationKey(query));
    },
  };
}

const STATE_TTL_MS = 10 * 60_000;

/**
 * OAuth `state` values kept in the store, used once and gone after ten minutes, for set-ups without
 * SLACK_STATE_SECRET (with it, Bolt signs the state instead).
 */
export function storeStateStore(store: Store): StateStore {
  return {
    async generateStateParam(installOptions: InstallURLOptions) {
      const state = randomBytes(24).toString('base64url');
      await store.set(`slack:oauth-state:${state}`, installOptions, STATE_TTL_MS);
      return state;
    },
    async verifyStateParam(_now: Date, state: string) {
      const key = `slack:oauth-state:${state}`;
      const options = await store.get<InstallURLOptions>(key);
      // Deleting first makes a replayed callback fail even if the first one is still running.
      if (!options || !(await store.delete(key))) throw new Error('the install link has expired or was already used; start again from /slack/install');
      return options;
    },
  };
}
