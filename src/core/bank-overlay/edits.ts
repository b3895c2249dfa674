import { questionId } from '../../bank/ids.js';
import type { Question } from '../../bank/types.js';
import { UserError } from '../errors.js';
import { type OverlayChange, withAdded, withHidden, withOverride, withoutAdded, withoutHidden, withoutOverride } from './record.js';
import { type OverlaySource, OverlayUnreadable } from './source.js';
import type { BankEntry, ChangeMeta, NewQuestion, OverlayRecord, QuestionFields } from './types.js';
import { cleanFields, cleanNew } from './validate.js';

/**
 * What admins (and approved suggestions) change on top of the files. Every change is one atomic write
 * to the store, idempotent (hiding a hidden question, or approving the same addition twice, changes
 * nothing), and seen by this process at once and by the others before they next serve (see refresh).
 */
export interface BankEdits {
  /** Adds a question (an approved suggestion); the same words (or id) added again is the same question. */
  add(question: NewQuestion, meta: ChangeMeta): Promise<Question>;
  /** Overrides fields of a question, files' or added; fields left out keep their value. */
  edit(idOrPrefix: string, fields: QuestionFields, meta: ChangeMeta): Promise<BankEntry>;
  /** Drops a question's override: it is served as its file has it again. */
  revert(idOrPrefix: string): Promise<BankEntry>;
  hide(idOrPrefix: string, meta: ChangeMeta): Promise<BankEntry>;
  unhide(idOrPrefix: string): Promise<BankEntry>;
  /** Takes an added question out of the store (with its override and hide); false when there was none. */
  remove(id: string): Promise<boolean>;
}

/** What the edits need of the bank service they belong to. */
export interface EditsHost {
  source: OverlaySource;
  /** A question by id or unique prefix, hidden ones included. */
  lookup(idOrPrefix: string): BankEntry | undefined;
  /** Makes a record just written the one this process serves. */
  install(record: OverlayRecord): void;
}

export function createBankEdits(host: EditsHost): BankEdits {
  const entry = (idOrPrefix: string): BankEntry => {
    const found = host.lookup(idOrPrefix.trim());
    if (!found) throw new UserError('not-found', `No question has the id \`${idOrPrefix}\`; \`bank search <words>\` finds ids.`);
    return found;
  };
  const apply = async (change: OverlayChange): Promise<void> => {
    try {
      host.install(await host.source.change(change));
    } catch (err) {
      // Shown to the admin rather than logged as a bug: the record needs a newer Recall or a look by hand.
      if (err instanceof OverlayUnreadable) throw new UserError('conflict', `Nothing was changed: ${err.message}.`);
      throw err;
    }
  };
  const after = (id: string): BankEntry => entry(id);
  return {
    async add(input, meta) {
      const q = cleanNew(input);
      const id = q.id ?? questionId(q.question);
      const existing = host.lookup(id);
      if (existing && existing.question.id === id && !existing.added) {
        throw new UserError('conflict', `The bank already has this question (\`${id}\`); edit that one instead.`);
      }
      const at = meta.at.toISOString();
      await apply(
        withAdded({
          id,
          question: q.question,
          answer: q.answer,
          hints: q.hints,
          category: q.category,
          tags: q.tags,
          difficulty: q.difficulty,
          suggestedBy: q.suggestedBy,
          by: meta.by,
          at,
        }),
      );
      return after(id).question;
    },
    async edit(idOrPrefix, fields, meta) {
      const id = entry(idOrPrefix).question.id;
      const clean = cleanFields(fields);
      if (Object.keys(clean).length === 0) throw new UserError('bad-input', 'Say what to change: the question, answer, category, tags or difficulty.');
      await apply(withOverride(id, clean, meta.by, meta.at.toISOString()));
      return after(id);
    },
    async revert(idOrPrefix) {
      const id = entry(idOrPrefix).question.id;
      await apply(withoutOverride(id));
      return after(id);
    },
    async hide(idOrPrefix, meta) {
      const id = entry(idOrPrefix).question.id;
      await apply(withHidden(id, meta.by, meta.at.toISOString()));
      return after(id);
    },
    async unhide(idOrPrefix) {
      const id = entry(idOrPrefix).question.id;
      await apply(withoutHidden(id));
      return after(id);
    },
    async remove(id) {
      let had = false;
      await apply((r) => {
        had = r.added.some((a) => a.id === id);
        if (!had) return r;
        return withoutHidden(id)(withoutOverride(id)(withoutAdded(id)(r)));
      });
      return had;
    },
  };
}
