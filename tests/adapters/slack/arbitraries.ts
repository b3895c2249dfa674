import fc from 'fast-check';

/** Every property runs this many cases from this seed, in CI and locally alike. */
export const FUZZ = { seed: 20_261_203, numRuns: 2_000 } as const;

export const JSON_TYPE = 'application/json';
export const FORM_TYPE = 'application/x-www-form-urlencoded';

const anyJson = fc.jsonValue({ maxDepth: 2, depthSize: 'small' });
/** Anything at all, or nothing: a field that may be missing, null, the wrong type or right. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 8 }, { arbitrary: anyJson, weight: 1 }, { arbitrary: fc.constant(null), weight: 1 });

/** Events API bodies, right and wrong in every field Bolt or Recall reads. */
export const eventBody = fc.record(
  {
    type: maybe(fc.constantFrom('event_callback', 'url_verification', 'app_rate_limited', 'view_submission')),
    team_id: maybe(fc.constant('T1')),
    challenge: maybe(fc.string()),
    event_id: maybe(fc.string()),
    authorizations: maybe(
      fc.array(maybe(fc.record({ team_id: maybe(fc.constant('T1')), enterprise_id: maybe(fc.constant('E1')), is_enterprise_install: maybe(fc.boolean()) })), { maxLength: 2 }),
    ),
    event: maybe(
      fc.record(
        {
          type: maybe(fc.constantFrom('reaction_added', 'app_uninstalled', 'message', 'function_executed')),
          user: maybe(fc.oneof(fc.constant('U1'), fc.record({ id: maybe(fc.constant('U1')) }))),
          reaction: maybe(fc.constant('eyes')),
          channel: maybe(fc.oneof(fc.constant('C1'), fc.record({ id: maybe(fc.constant('C1')), creator: maybe(fc.constant('U1')) }))),
          item: maybe(fc.record({ type: maybe(fc.constant('message')), channel: maybe(fc.constant('C1')), ts: maybe(fc.constant('1.2')) })),
          subteam: maybe(fc.record({ created_by: maybe(fc.constant('U1')) })),
          function_execution_id: maybe(fc.constant('Fx1')),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Interactivity payloads (the JSON inside `payload=`), right and wrong likewise. */
export const actionPayload = fc.record(
  {
    type: maybe(fc.constantFrom('block_actions', 'view_submission', 'shortcut', 'block_suggestion')),
    trigger_id: maybe(fc.string()),
    user: maybe(fc.record({ id: maybe(fc.constant('U1')), team_id: maybe(fc.constant('T1')), name: maybe(fc.string()) }, { requiredKeys: [] })),
    team: maybe(fc.record({ id: maybe(fc.constant('T1')), enterprise_id: maybe(fc.constant('E1')) }, { requiredKeys: [] })),
    enterprise: maybe(fc.record({ id: maybe(fc.constant('E1')) })),
    channel: maybe(fc.record({ id: maybe(fc.constant('C1')) })),
    container: maybe(fc.record({ channel_id: maybe(fc.constant('C1')), message_ts: maybe(fc.constant('1.2')) }, { requiredKeys: [] })),
    actions: maybe(fc.array(maybe(fc.record({ action_id: maybe(fc.string()), value: maybe(fc.string()), block_id: maybe(fc.string()) }, { requiredKeys: [] })), { maxLength: 2 })),
    view: maybe(fc.record({ app_installed_team_id: maybe(fc.constant('T1')) })),
    name: maybe(fc.string()),
    function_data: maybe(fc.record({ execution_id: maybe(fc.string()) })),
    response_url: maybe(fc.constant('http://127.0.0.1:9/respond/r1')),
  },
  { requiredKeys: [] },
);

const formKey = fc.oneof(
  fc.constantFrom('command', 'team_id', 'channel_id', 'user_id', 'text', 'payload', 'ssl_check', 'user_name', 'is_enterprise_install'),
  fc.string({ maxLength: 8 }),
);
const formValue = fc.oneof(
  fc.constantFrom('/recall', 'T1', 'C1', 'U1', '1', 'help', ''),
  fc.string(),
  anyJson.map((v) => JSON.stringify(v)),
);

/** Form bodies: slash commands and `payload=` fields, repeated keys included, as Slack would encode them. */
export const formBody = fc.oneof(
  fc.array(fc.tuple(formKey, formValue), { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs).toString()),
  actionPayload.map((payload) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString()),
  fc.string(),
);

/** JSON bodies: any JSON value, Slack-shaped or not, and text that is not JSON at all. */
export const jsonBody = fc.oneof(
  eventBody.map((b) => JSON.stringify(b)),
  anyJson.map((v) => JSON.stringify(v)),
  fc.string(),
  fc.string({ unit: 'binary' }),
);

/** A body with the content type it is sent under, including the wrong one for it. */
export const slackRequest = fc.oneof(
  fc.tuple(jsonBody, fc.constant(JSON_TYPE)),
  fc.tuple(formBody, fc.constant(FORM_TYPE)),
  fc.tuple(fc.oneof(jsonBody, formBody), fc.constantFrom(`${FORM_TYPE}; charset=utf-8`, 'text/plain', '')),
);

const REACTION_EVENT = {
  type: 'event_callback',
  team_id: 'T1',
  event_id: 'Ev1',
  authorizations: [{ team_id: 'T1', enterprise_id: null, is_enterprise_install: false }],
  event: { type: 'reaction_added', user: 'U1', reaction: 'eyes', item: { type: 'message', channel: 'C1', ts: '1.2' } },
};
const BUTTON_PRESS = {
  type: 'block_actions',
  trigger_id: 'trig-1',
  user: { id: 'U1', team_id: 'T1', name: 'ann' },
  team: { id: 'T1' },
  channel: { id: 'C1' },
  container: { channel_id: 'C1', message_ts: '1.2' },
  actions: [{ action_id: 'daily:reveal:abc', value: 'daily:reveal:abc', block_id: 'b1' }],
  response_url: 'http://127.0.0.1:9/respond/r1',
};

/** A real body with one or two fields, at any depth, replaced by any JSON or removed. */
function mutated(base: Record<string, unknown>, paths: readonly string[]): fc.Arbitrary<unknown> {
  const change = fc.tuple(fc.constantFrom(...paths), fc.oneof(anyJson, fc.constant(undefined)));
  return fc.array(change, { minLength: 0, maxLength: 2 }).map((changes) => {
    const body = structuredClone(base);
    for (const [path, value] of changes) {
      const keys = path.split('.');
      let at: unknown = body;
      for (const key of keys.slice(0, -1)) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
      if (typeof at === 'object' && at !== null) (at as Record<string, unknown>)[keys.at(-1) ?? ''] = value;
    }
    return body;
  });
}

export const mutatedEvent = mutated(REACTION_EVENT, [
  'type',
  'team_id',
  'authorizations',
  'authorizations.0',
  'authorizations.0.team_id',
  'event',
  'event.type',
  'event.user',
  'event.item',
  'event.item.channel',
  'event.channel',
  'event.subteam',
]);
export const mutatedPress = mutated(BUTTON_PRESS, [
  'type',
  'user',
  'user.id',
  'team',
  'team.id',
  'channel',
  'channel.id',
  'container',
  'actions',
  'actions.0',
  'actions.0.value',
  'enterprise',
  'function_data',
  'view',
]);
