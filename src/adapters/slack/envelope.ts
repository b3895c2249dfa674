import { parse as parseForm } from 'node:querystring';
import { z } from 'zod';
import { SLASH_COMMAND } from './commands.js';
import { BOT_EVENTS } from './scopes.js';

/**
 * What a signed request to the events URL may carry before Bolt sees it. Bolt reads its bodies as if
 * Slack could only send well-formed ones (`body.ssl_check` on a JSON `null` throws outside any catch and
 * ends the process), so every body is checked here against the shapes Recall handles, and anything else
 * is answered 400. The schemas name exactly the fields Bolt dereferences while routing, so a body that
 * passes cannot make Bolt throw on the way to Recall's handlers, which read fields through payloads.ts.
 */
export type Envelope =
  /** Slack's unsigned SSL probe (a form with `ssl_check=1`): answered 200, nothing runs. */
  | { kind: 'ssl_check' }
  /** Slack telling the app it is over its event rate limit: acknowledged, nothing runs. */
  | { kind: 'rate_limited'; team: string | undefined }
  | { kind: 'bolt'; type: string; team: string | undefined };

export type Decoded = { ok: true; envelope: Envelope } | { ok: false; reason: string };

/** Bolt parses a form only for this exact content type, and everything else as JSON; so does this. */
export const FORM_TYPE = 'application/x-www-form-urlencoded';

/** An object that is neither null nor an array, with any further keys. */
const record = z.looseObject({});
const text = z.string().min(1);

/**
 * Events API event: one Recall subscribes to (another, such as a `function_executed` with no execution
 * id, makes Bolt throw), with the fields Bolt's getTypeAndConversation and buildSource walk into.
 */
const event = z.looseObject({
  type: z.enum(BOT_EVENTS),
  channel: z.union([z.string(), record]).optional(),
  item: record.optional(),
  user: z.union([z.string(), record]).optional(),
  subteam: record.optional(),
});

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event,
  team_id: z.string().optional(),
  enterprise_id: z.string().nullable().optional(),
  authorizations: z.array(record).optional(),
});

const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string() });
const rateLimited = z.looseObject({ type: z.literal('app_rate_limited'), team_id: z.string().optional() });

/** Keys Bolt routes on before `type` (`event`, then `command`, then `name`): present, they would make it read the body as another kind. */
const absent = z.never().optional();

/** What every interactivity payload carries for Bolt: its type, none of the keys Bolt routes on first, the person. */
const interactive = <T extends string>(type: T) => ({
  type: z.literal(type),
  event: absent,
  command: absent,
  name: absent,
  user: z.looseObject({ id: text }),
  enterprise: z.looseObject({}).nullable().optional(),
});

/** Button presses; `team` is null for an org-wide install. */
const blockActions = z.looseObject({
  ...interactive('block_actions'),
  team: z.looseObject({ id: z.string().optional() }).nullable().optional(),
  channel: record.optional(),
  actions: z.array(record).min(1),
  function_data: record.optional(),
});

/** A filled form (see modals.ts): Bolt reads `view` (its callback_id, app_installed_team_id), `user.id`, `team`, `enterprise`. */
const viewSubmission = z.looseObject({
  ...interactive('view_submission'),
  team: z.looseObject({ id: z.string().optional(), enterprise_id: z.string().optional() }).nullable().optional(),
  view: z.looseObject({ callback_id: z.string(), app_installed_team_id: z.string().optional() }),
});

/** `/recall …`: every field a single string (a repeated key would arrive as an array). */
const slashCommand = z.object({ command: z.literal(SLASH_COMMAND), team_id: text, channel_id: text, user_id: text, event: absent }).catchall(z.string());

/** The body Bolt would parse from these bytes, checked; never throws. */
export function decodeSlackBody(contentType: string | undefined, raw: string): Decoded {
  if (contentType === FORM_TYPE) return decodeForm(raw);
  const body = parseJson(raw);
  if (!body.ok) return body;
  return decodeEvents(body.value);
}

/** Slack's unsigned SSL probe, read the way Bolt reads it: a form whose `ssl_check` is `1`. */
export function isSslCheck(contentType: string | undefined, raw: string): boolean {
  return contentType === FORM_TYPE && parseForm(raw)['ssl_check'] === '1';
}

function decodeForm(raw: string): Decoded {
  const form = parseForm(raw);
  if (form['ssl_check'] === '1') return { ok: true, envelope: { kind: 'ssl_check' } };
  const payload = form['payload'];
  if (payload !== undefined) {
    if (typeof payload !== 'string') return refuse('more than one `payload` field');
    const parsed = parseJson(payload);
    if (!parsed.ok) return refuse('`payload` is not JSON');
    return decodeInteractive(parsed.value);
  }
  return decodeCommand(form);
}

/**
 * The same rules for a body that arrives already parsed: Socket Mode's envelopes (an Events API body,
 * an interactivity payload, or a slash command's fields) come over a socket Slack authenticated, but
 * Bolt reads them just as carelessly.
 */
export function checkParsedBody(body: unknown): Decoded {
  if (typeof body === 'object' && body !== null && 'command' in body) return decodeCommand(body);
  if (typeof body === 'object' && body !== null && ('actions' in body || (body as { type?: unknown }).type === 'view_submission')) return decodeInteractive(body);
  return decodeEvents(body);
}

function decodeInteractive(payload: unknown): Decoded {
  if (typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'view_submission') {
    const view = viewSubmission.safeParse(payload);
    if (!view.success) return refuse(`not a view_submission payload (${issue(view.error)})`);
    return bolt('view_submission', view.data.team?.id ?? field(view.data.user, 'team_id'));
  }
  const action = blockActions.safeParse(payload);
  if (!action.success) return refuse(`not a block_actions payload (${issue(action.error)})`);
  return bolt('block_actions', action.data.team?.id ?? field(action.data.user, 'team_id'));
}

function decodeCommand(fields: unknown): Decoded {
  const command = slashCommand.safeParse(fields);
  if (!command.success) return refuse(`not a ${SLASH_COMMAND} command (${issue(command.error)})`);
  return bolt(SLASH_COMMAND, command.data.team_id);
}

function decodeEvents(body: unknown): Decoded {
  const type = z.looseObject({ type: text }).safeParse(body);
  if (!type.success) return refuse('no `type`');
  switch (type.data.type) {
    case 'url_verification': {
      const check = urlVerification.safeParse(body);
      return check.success ? bolt('url_verification', undefined) : refuse(`bad url_verification (${issue(check.error)})`);
    }
    case 'event_callback': {
      const check = eventCallback.safeParse(body);
      return check.success ? bolt(check.data.event.type, check.data.team_id) : refuse(`bad event_callback (${issue(check.error)})`);
    }
    case 'app_rate_limited': {
      const check = rateLimited.safeParse(body);
      return check.success ? { ok: true, envelope: { kind: 'rate_limited', team: check.data.team_id } } : refuse('bad app_rate_limited');
    }
    default:
      return refuse(`type \`${type.data.type.slice(0, 40)}\` is not one Recall handles`);
  }
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return refuse('the body is not JSON');
  }
}

function bolt(type: string, team: string | undefined): Decoded {
  return { ok: true, envelope: { kind: 'bolt', type, team } };
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** The first problem's path, never the value: a refusal is logged, and bodies are not. */
function issue(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'body'}: ${first.code}` : 'invalid';
}

function field(obj: Record<string, unknown>, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' ? value : undefined;
}
