/** Button and form ids of the suggestions service: `suggest:<what>:<suggestion id>`, well under 100 characters. */
export const SUGGEST_SERVICE = 'suggest';

export type SuggestAction = { kind: 'new' } | { kind: 'approve' | 'reject' | 'edit' | 'reason' | 'save' | 'open'; id: string };

export function suggestActionId(action: SuggestAction): string {
  return action.kind === 'new' ? `${SUGGEST_SERVICE}:new` : `${SUGGEST_SERVICE}:${action.kind}:${action.id}`;
}

export function parseSuggestAction(action: string): SuggestAction | null {
  const [service, kind, id] = action.split(':');
  if (service !== SUGGEST_SERVICE) return null;
  if (kind === 'new') return { kind };
  if ((kind === 'approve' || kind === 'reject' || kind === 'edit' || kind === 'reason' || kind === 'save' || kind === 'open') && id && /^s\d{1,9}$/.test(id)) return { kind, id };
  return null;
}
