import type { BankService } from '../bank-service.js';
import { UserError, isUserError } from '../errors.js';
import { type PlatformPort, isPlatformRefusal } from '../platform.js';
import { type UserRef, type WorkspaceRef, channelKey, workspaceKey, workspaceOf } from '../refs.js';
import { SUGGEST_WORKSPACES_KEY } from './keys.js';
import type { World } from '../world.js';
import { handleSuggestAction } from './handle-action.js';
import { cleanSuggestion, errorsInWords } from './input.js';
import { FORM_FALLBACK, approvedNotice, modChannelNote, moderationPost, rejectedNotice, suggestionForm } from './replies.js';
import type { SuggestionsService } from './service.js';
import { changeBook, findSuggestion, readBook, readSettings, saveSettings } from './store.js';
import { DEFAULT_SUGGESTION_LIMITS, type Suggestion, type SuggestionLimits } from './types.js';

export interface SuggestionsDeps {
  world: World;
  bank: BankService;
  platform: PlatformPort;
  limits?: SuggestionLimits;
}

const nameOf = (u: UserRef): string => u.name ?? u.userId;

function mustBeAdmin(isAdmin: boolean): void {
  if (!isAdmin) throw new UserError('not-allowed', 'Only admins can review suggestions.');
}

export function createSuggestionsService(deps: SuggestionsDeps): SuggestionsService {
  const { world, bank, platform } = deps;
  const { store, logger } = world;
  const limits = deps.limits ?? DEFAULT_SUGGESTION_LIMITS;
  const categories = () => bank.categories().map((c) => c.name);

  /** Best effort: the decision is stored already; a post that cannot be changed or a closed DM is logged, not fatal. */
  async function tell(what: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      logger.warn({ err, what }, 'suggestions: could not tell the channel or the author');
    }
  }

  async function decided(s: Suggestion): Promise<void> {
    const post = s.modPost;
    if (post) await tell('moderation post update', () => platform.update(post.channel, post.messageId, moderationPost(s)));
    await tell('author notice', () => platform.sendPrivate(s.channel, s.author, s.state === 'approved' ? approvedNotice(s) : rejectedNotice(s)));
  }

  /** A pending suggestion of this workspace, or a clear error. */
  async function pendingOne(ws: WorkspaceRef, id: string): Promise<Suggestion> {
    const s = findSuggestion(await readBook(store, ws), id);
    if (!s) throw new UserError('not-found', `No suggestion ${id} here.`);
    return s;
  }

  const service: SuggestionsService = {
    form: () => ({ blocks: [{ type: 'text', markdown: FORM_FALLBACK }], ephemeral: true, modal: suggestionForm(limits, categories()) }),

    async create(raw, who, now) {
      const cleaned = cleanSuggestion(raw, limits, categories());
      if ('errors' in cleaned) throw new UserError('bad-input', errorsInWords(cleaned.errors));
      const ws = workspaceOf(who.channel);
      const since = now.getTime() - limits.rate.windowMs;
      const created = await changeBook<Suggestion | UserError>(store, ws, (book) => {
        const theirs = book.items.filter((s) => s.author.userId === who.user.userId);
        if (theirs.filter((s) => s.state === 'pending').length >= limits.pendingPerPerson) {
          return {
            book,
            result: new UserError('conflict', `You have ${limits.pendingPerPerson} suggestions waiting already; wait until the admins get to them (\`suggest mine\`).`),
          };
        }
        if (theirs.filter((s) => Date.parse(s.createdAt) > since).length >= limits.rate.count) {
          return {
            book,
            result: new UserError('conflict', `That is ${limits.rate.count} suggestions in ${Math.round(limits.rate.windowMs / 60_000)} minutes; try again a little later.`),
          };
        }
        const seq = book.seq + 1;
        const s: Suggestion = {
          id: `s${seq}`,
          ...cleaned.fields,
          author: { ...who.user },
          authorName: nameOf(who.user).slice(0, 100),
          channel: { ...who.channel },
          state: 'pending',
          createdAt: now.toISOString(),
        };
        return { book: { ...book, seq, items: [...book.items, s] }, result: s };
      });
      if (created instanceof UserError) throw created;
      await store.update<Record<string, WorkspaceRef>>(SUGGEST_WORKSPACES_KEY, (all) => ({ ...all, [workspaceKey(ws)]: ws }));
      const { modChannel } = await readSettings(store, ws);
      if (modChannel) {
        try {
          const { messageId } = await platform.post(modChannel, moderationPost(created));
          await changeBook(store, ws, (book) => {
            const s = findSuggestion(book, created.id);
            if (s) s.modPost = { channel: modChannel, messageId };
            return { book, result: null };
          });
          created.modPost = { channel: modChannel, messageId };
        } catch (err) {
          logger.error({ err, suggestion: created.id }, 'suggestions: could not post to the moderation channel; it waits in `suggest pending` and the dashboard');
        }
      }
      return created;
    },

    async mine(user) {
      return (await readBook(store, workspaceOf(user))).items.filter((s) => s.author.userId === user.userId);
    },
    async pending(ws, isAdmin) {
      mustBeAdmin(isAdmin);
      return (await readBook(store, ws)).items.filter((s) => s.state === 'pending');
    },
    async all(ws, isAdmin) {
      mustBeAdmin(isAdmin);
      return (await readBook(store, ws)).items;
    },

    async approve(ws, id, admin, now) {
      mustBeAdmin(admin.isAdmin);
      const s = await pendingOne(ws, id);
      if (s.state !== 'pending') throw new UserError('conflict', `Suggestion ${id} was ${s.state} already${s.decidedBy ? ` by ${s.decidedBy}` : ''}.`);
      // The bank first, idempotently (the same words are the same question): a crash between the two
      // steps leaves it pending and in the bank, and approving again finishes the job without a double.
      let questionId: string;
      try {
        const q = await bank.edits.add(
          { question: s.question, answer: s.answer, category: s.category, tags: s.tags, difficulty: s.difficulty, suggestedBy: s.authorName },
          { by: nameOf(admin.user), at: now },
        );
        questionId = q.id;
      } catch (err) {
        if (isUserError(err)) throw new UserError(err.code, `Suggestion ${id} stays pending: ${err.message}`);
        throw err;
      }
      const result = await changeBook(store, ws, (book) => {
        const current = findSuggestion(book, id);
        if (current?.state !== 'pending') return { book, result: current ?? null };
        Object.assign(current, { state: 'approved', decidedAt: now.toISOString(), decidedBy: nameOf(admin.user), questionId });
        const c = book.contributed[current.author.userId] ?? { name: current.authorName, count: 0 };
        book.contributed[current.author.userId] = { name: current.authorName, count: c.count + 1 };
        return { book, result: { ...current, fresh: true } };
      });
      if (!result) throw new UserError('not-found', `No suggestion ${id} here.`);
      if (!('fresh' in result)) throw new UserError('conflict', `Suggestion ${id} was ${result.state} already.`);
      const { fresh: _fresh, ...approved } = result;
      await decided(approved);
      return approved;
    },

    async reject(ws, id, reason, admin, now) {
      mustBeAdmin(admin.isAdmin);
      const why = reason.trim();
      if (why === '') throw new UserError('bad-input', 'Say why: the author is told (privately).');
      if (why.length > limits.reason) throw new UserError('bad-input', `The reason may be at most ${limits.reason} characters.`);
      const result = await changeBook(store, ws, (book) => {
        const current = findSuggestion(book, id);
        if (current?.state !== 'pending') return { book, result: current ?? null };
        Object.assign(current, { state: 'rejected', decidedAt: now.toISOString(), decidedBy: nameOf(admin.user), reason: why });
        return { book, result: { ...current, fresh: true } };
      });
      if (!result) throw new UserError('not-found', `No suggestion ${id} here.`);
      if (!('fresh' in result)) throw new UserError('conflict', `Suggestion ${id} was ${result.state} already.`);
      const { fresh: _fresh, ...rejected } = result;
      await decided(rejected);
      return rejected;
    },

    async edit(ws, id, raw, admin) {
      mustBeAdmin(admin.isAdmin);
      const cleaned = cleanSuggestion(raw, limits, categories());
      if ('errors' in cleaned) throw new UserError('bad-input', errorsInWords(cleaned.errors));
      const result = await changeBook(store, ws, (book) => {
        const current = findSuggestion(book, id);
        if (current?.state !== 'pending') return { book, result: current ?? null };
        Object.assign(current, cleaned.fields);
        return { book, result: { ...current, fresh: true } };
      });
      if (!result) throw new UserError('not-found', `No suggestion ${id} here.`);
      if (!('fresh' in result)) throw new UserError('conflict', `Suggestion ${id} was ${result.state} already; edit the question with \`bank edit\`.`);
      const { fresh: _fresh, ...edited } = result;
      const post = edited.modPost;
      if (post) await tell('moderation post update', () => platform.update(post.channel, post.messageId, moderationPost(edited)));
      return edited;
    },

    settings: (ws) => readSettings(store, ws),
    async workspaces() {
      return Object.values((await store.get<Record<string, WorkspaceRef>>(SUGGEST_WORKSPACES_KEY)) ?? {});
    },
    async setModChannel(channel, isAdmin, ws, from) {
      mustBeAdmin(isAdmin);
      if (channel && from && channelKey(channel) !== channelKey(from.channel)) {
        if (workspaceKey(channel) !== workspaceKey(ws)) throw new UserError('bad-input', 'The moderation channel must be in this workspace.');
        try {
          await platform.post(channel, modChannelNote(nameOf(from.by)));
        } catch (err) {
          logger.warn({ err, channel }, 'suggestions: the named moderation channel refused a post');
          throw new UserError('bad-input', `I cannot post in that channel${isPlatformRefusal(err) ? ` (${err.message})` : ''}, so nothing changed. Pick a channel I can write in.`);
        }
      }
      await saveSettings(store, ws, { modChannel: channel });
    },
    async contributed(user) {
      return (await readBook(store, workspaceOf(user))).contributed[user.userId]?.count ?? 0;
    },
    async topContributors(ws, n) {
      const { contributed } = await readBook(store, ws);
      return Object.entries(contributed)
        .map(([userId, c]) => ({ userId, name: c.name, count: c.count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
        .slice(0, n);
    },
    handleAction: (inv) => handleSuggestAction(inv, { service, limits, categories, now: () => world.clock.now(), pendingOne }),
  };
  return service;
}
