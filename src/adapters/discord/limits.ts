/** Discord's size limits for what the adapter sends (the API rejects anything larger). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  /** Every embed of one message together. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  threadName: 100,
  commandDescription: 100,
  choiceName: 100,
  autocompleteChoices: 25,
  attachmentDescription: 1024,
} as const;

/** Cuts to `max` UTF-16 units with an ellipsis, never halving a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}
