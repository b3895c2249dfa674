export { createSuggestionsService, type SuggestionsDeps } from './create.js';
export type { Moderator, SuggestionsService } from './service.js';
export type { Suggestion, SuggestionFields, SuggestionLimits, SuggestionState } from './types.js';
export { DEFAULT_SUGGESTION_LIMITS } from './types.js';
export { fieldsFromText, SUGGEST_TEXT_USAGE } from './input.js';
export { mineReply, pendingListReply, pendingReply, decidedLine } from './replies.js';
