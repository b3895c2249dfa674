import type { ActionInvocation } from '../../src/core/actions.js';
import type { Engine } from '../../src/core/engine.js';
import { type Modal, type Reply, textReply } from '../../src/core/reply.js';

/*
 * The core's side of an adapter test, stood in for by hand: a real engine whose command and button
 * handlers are replaced, so an adapter test pins what the real adapter sends and reads over its wire
 * fake (Discord, Slack, the page's HTTP API) for one kind of Reply. The wire tests of the real
 * commands (suggest, practice) drive the same paths end to end.
 */

/** What a test replaces on the real engine; the adapter still calls it as it would the core. */
export type StandInEngine = Pick<Engine, 'runCommand' | 'runText' | 'handleAction'>;

/** A form with one field of each style, within every platform's limits (`modalProblems`). */
export const TEST_FORM: Modal = {
  submit: 'test:filled',
  title: 'A form',
  submitLabel: 'Send',
  fields: [
    { id: 'words', label: 'Words', style: 'long', maxLength: 50, placeholder: 'Say something' },
    { id: 'note', label: 'Note', style: 'short', optional: true, value: 'prefilled' },
    {
      id: 'kind',
      label: 'Kind',
      style: 'select',
      choices: [
        { label: 'One', value: 'one' },
        { label: 'Two <b>', value: 'two' },
      ],
      value: 'one',
    },
  ],
};

/** The form, with the words a platform that cannot open it (a deferred answer, an expired trigger) shows instead. */
export const FORM_REPLY: Reply = { blocks: [{ type: 'text', markdown: 'Type `form <words>` instead.' }], ephemeral: true, modal: TEST_FORM };

/** What the stand-in answers a submission whose words are `bad` with: the form stays open with this under the field. */
export const REFUSED_WORDS = 'that is not allowed';

/** A filled form taken: `Got <words> (<kind>)`, privately. Words `bad` are refused with `REFUSED_WORDS`. */
export function answerForm(inv: ActionInvocation): Reply {
  if (inv.values?.['words'] === 'bad') return { ...textReply(`**Words**: ${REFUSED_WORDS}.`, { ephemeral: true }), fieldErrors: { words: REFUSED_WORDS } };
  return textReply(`Got ${inv.values?.['words']} (${inv.values?.['kind']})`, { ephemeral: true });
}

/**
 * Every command (slash or typed) and the `test:open` button answer with `FORM_REPLY`; any other action
 * is a submission, kept in the returned list and answered by `answer` (default `answerForm`).
 * `commandDelayMs` holds the command's answer back, past a platform's deferral.
 */
export function standInForm(engine: StandInEngine, opts: { answer?: (inv: ActionInvocation) => Reply; commandDelayMs?: number } = {}): ActionInvocation[] {
  const { answer = answerForm, commandDelayMs } = opts;
  const submitted: ActionInvocation[] = [];
  const command = async (): Promise<Reply> => {
    if (commandDelayMs) await new Promise((r) => setTimeout(r, commandDelayMs));
    return FORM_REPLY;
  };
  engine.runCommand = command;
  engine.runText = command;
  engine.handleAction = async (inv) => {
    if (inv.action === 'test:open') return FORM_REPLY;
    submitted.push(inv);
    return answer(inv);
  };
  return submitted;
}

/** Card `n`: its text and a Next button (`test:next:<n>`). */
export const card = (n: number, opts: Partial<Reply> = {}): Reply => ({
  blocks: [
    { type: 'text', markdown: `Card ${n}` },
    { type: 'buttons', buttons: [{ action: `test:next:${n}`, label: 'Next', style: 'primary' }] },
  ],
  ...opts,
});

/** Every command (slash or typed) answers with card 1, privately; every press with `answer`. */
export function standInCards(engine: StandInEngine, answer: (inv: ActionInvocation) => Promise<Reply> | Reply): void {
  engine.runCommand = async () => card(1, { ephemeral: true });
  engine.runText = async () => card(1, { ephemeral: true });
  engine.handleAction = async (inv) => answer(inv);
}
