/**
 * The bot scopes Recall asks for, each for a call it makes; slack/manifest.yml lists the same ones
 * (a test keeps them equal), and OAuth installs request exactly these.
 */
export const BOT_SCOPES = [
  'commands', // /recall
  'chat:write', // chat.postMessage, chat.postEphemeral, chat.update
  'chat:write.public', // daily posts in public channels the bot was never invited to
  'reactions:read', // the reaction_added event that reveals answers
  'users:read', // users.info: is this person a workspace admin or owner?
  'usergroups:read', // usergroups.list and usergroups.users.list for SLACK_ADMIN_GROUP
  'im:write', // conversations.open: a private reply by DM where an ephemeral cannot be shown
  'channels:history', // conversations.history: find a daily post a crashed process made, instead of posting it twice
  'groups:history', // the same in private channels
  'files:write', // files.uploadV2: leaderboard and digest pictures (without it they go out as words, with one warning)
] as const;

/** The events Recall subscribes to. */
export const BOT_EVENTS = ['reaction_added', 'app_uninstalled'] as const;
