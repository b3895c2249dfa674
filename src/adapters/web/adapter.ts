import { defineAdapter } from '../types.js';
import { webSettings } from './settings.js';
import { startWebAdapter } from './index.js';

/** Always on: the playground when no chat platform is configured, else the dashboard beside them. */
export const webAdapter = defineAdapter({
  name: 'web',
  chat: false,
  settings: webSettings,
  async start(settings, context) {
    const playground = context.chatPlatforms.length === 0;
    const web = await startWebAdapter({ ...context, config: settings, playground });
    // The one line a newcomer needs, on stdout rather than only in the JSON log.
    return { ...web, banner: `Recall ${playground ? 'playground' : 'dashboard'}: ${web.url}` };
  },
});
