/** `digest:answer:<postId>`: shows the most-missed question's answer to whoever presses it. */
const ANSWER = 'digest:answer:';

export const answerAction = (postId: string): string => `${ANSWER}${postId}`;

/** The postId of an answer button, or undefined for any other action. */
export function parseDigestAction(action: string): { kind: 'answer'; postId: string } | undefined {
  if (!action.startsWith(ANSWER)) return undefined;
  const postId = action.slice(ANSWER.length);
  return postId === '' ? undefined : { kind: 'answer', postId };
}
