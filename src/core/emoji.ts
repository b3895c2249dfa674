/**
 * Reactions reach the core as a normalized name (`eyes`) with the raw value kept: Discord sends the
 * character (👀), Slack the short name (`eyes`), custom emoji a name and an id.
 */
export interface Reaction {
  name: string;
  raw: string;
}

const NAMES: Record<string, string> = {
  '👀': 'eyes',
  '✅': 'white_check_mark',
  '👍': '+1',
  '👎': '-1',
  '🤔': 'thinking_face',
  '💡': 'bulb',
  '🧠': 'brain',
  '❓': 'question',
  '🎉': 'tada',
  '🔥': 'fire',
};

const ALIASES: Record<string, string> = { thumbsup: '+1', thumbsdown: '-1', thinking: 'thinking_face' };

export function normalizeReaction(raw: string): Reaction {
  const trimmed = raw.trim();
  // Slack skin tones arrive as `+1::skin-tone-2`; the tone does not change what the reaction means.
  const bare = trimmed.replace(/^:|:$/g, '').replace(/::skin-tone-\d$/, '');
  const withoutVariation = bare.replace(/\ufe0f/g, '');
  const name = NAMES[withoutVariation] ?? ALIASES[bare] ?? bare;
  return { name, raw: trimmed };
}

/** The character to show for a name the core knows (`eyes` → 👀), or `:name:`. */
export function emojiCharacter(name: string): string {
  const hit = Object.entries(NAMES).find(([, n]) => n === name);
  return hit ? hit[0] : `:${name}:`;
}

/**
 * One spelling per reaction, for showing and counting: the character when the core knows the name
 * (`eyes`, `:eyes:` and 👀 are all 👀), an emoji without its variation selector, else `:name:`.
 */
export function reactionCharacter(raw: string): string {
  const { name } = normalizeReaction(raw);
  const known = emojiCharacter(name);
  if (!known.startsWith(':')) return known;
  const bare = name.replace(/\ufe0f/g, '');
  return /\p{Extended_Pictographic}/u.test(bare) ? bare : `:${bare}:`;
}
