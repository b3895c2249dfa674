import { defineAdapter } from '../types.js';
import { slackSettings } from './settings.js';
import { startSlackAdapter } from './index.js';

/** On when SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for installs, are set. */
export const slackAdapter = defineAdapter({
  name: 'slack',
  chat: true,
  settings: slackSettings,
  start: (settings, context) => startSlackAdapter({ ...context, config: settings }),
});
