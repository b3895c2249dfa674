import { askedMarkdown } from '../../../bank/asked.js';
import type { Question } from '../../../bank/types.js';
import { renderQuestionCard } from '../../../bank/render/index.js';
import { discordFlavour } from '../../discord/markdown-flavour.js';
import { slackFlavour } from '../../slack/mrkdwn-flavour.js';
import type { QuestionFilter } from '../../../core/bank-service.js';
import type { BankEntry } from '../../../core/bank-overlay/types.js';
import { notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { markdownToHtml } from '../render/markdown-html.js';
import { slackToHtml } from '../render/slack-html.js';
import type { ApiDeps } from './deps.js';
import { choice, integer, query } from './input.js';

const ANSWERED = ['all', 'yes', 'no'] as const;
/** `edited`, `hidden`, `added`: only the questions the team changed that way (admins; hidden ones only here). */
const CHANGES = ['all', 'edited', 'hidden', 'added'] as const;

/** The question bank as the loader read it: every question with its source lines, the warnings, previews. */
export function bankRoutes(deps: ApiDeps): Route[] {
  const { bank } = deps;
  return [
    {
      method: 'GET',
      path: '/api/bank',
      async handler(ctx) {
        const q = query(ctx.url, 'q');
        const category = query(ctx.url, 'category');
        const tag = query(ctx.url, 'tag');
        const answered = choice(ctx.url, 'answered', ANSWERED, 'all');
        const offset = integer(ctx.url, 'offset', 0, 1_000_000, 0);
        const limit = integer(ctx.url, 'limit', 1, 200, 50);
        const changes = ctx.admin ? choice(ctx.url, 'changes', CHANGES, 'all') : 'all';
        // Another process may have edited or hidden questions since this one last looked.
        await bank.refresh();
        const filter: QuestionFilter = { ...(category ? { categories: [category] } : {}), ...(tag ? { tags: [tag] } : {}), answeredOnly: answered === 'yes' };
        // The filter box searches as people type: the same full-text index as `bank search`, the last word taken as a prefix.
        let hits = q ? await bank.suggest(q, filter, bank.all().length) : bank.filter(filter);
        const byId = q ? bank.find(q) : undefined;
        if (byId && !hits.includes(byId)) hits = [byId, ...hits];
        if (answered === 'no') hits = hits.filter((h) => h.answer === null);
        if (changes !== 'all') hits = changedQuestions(bank.overlayEntries(), changes);
        const overlay = bank.overlay();
        const marks = (q: Question) => ({
          edited: Object.hasOwn(overlay.overrides, q.id),
          hidden: Object.hasOwn(overlay.hidden, q.id),
          suggestedBy: q.suggestedBy ?? null,
        });
        return {
          json: {
            version: bank.version(),
            admin: ctx.admin,
            total: hits.length,
            offset,
            limit,
            questions: hits.slice(offset, offset + limit).map((q) => ({ ...questionView(q), ...marks(q) })),
            categories: bank.categories(),
            tags: tagCounts(bank.all()),
            warnings: bank.warnings().map((w) => ({ file: w.file, line: w.line, message: w.message })),
          },
        };
      },
    },
    {
      method: 'GET',
      path: /^\/api\/bank\/(?<id>[0-9a-z]{4,64})\/preview$/,
      async handler(ctx) {
        // Admins preview hidden questions too (the bank browser lists them under Changes).
        const question = bank.find(ctx.params['id'] ?? '') ?? (ctx.admin ? bank.lookup(ctx.params['id'] ?? '')?.question : undefined);
        if (!question) throw notFound('No question has that id.');
        return {
          json: {
            ...questionView(question),
            discord: renderQuestionCard(question, discordFlavour).map((text) => ({ text, html: markdownToHtml(text, { spoilers: true }) })),
            slack: renderQuestionCard(question, slackFlavour).map((text) => ({ text, html: slackToHtml(text) })),
          },
        };
      },
    },
  ];
}

function changedQuestions(entries: readonly BankEntry[], kind: (typeof CHANGES)[number]): Question[] {
  const wanted = entries.filter((e) => (kind === 'edited' ? e.override !== null : kind === 'hidden' ? e.hidden !== null : e.added !== null));
  return wanted.map((e) => e.question);
}

/** A question's list entry; rendering its Markdown once per loaded question (lazily, a page at a time) keeps the list quick. */
const views = new WeakMap<Question, ReturnType<typeof buildView>>();

function questionView(q: Question) {
  let view = views.get(q);
  if (!view) {
    view = buildView(q);
    views.set(q, view);
  }
  return view;
}

function buildView(q: Question) {
  return {
    id: q.id,
    html: markdownToHtml(askedMarkdown(q)),
    /** Folded away on the page until asked for; null for a discussion question. */
    answerHtml: q.answer === null ? null : markdownToHtml(q.answer),
    category: q.category,
    tags: q.tags,
    answered: q.answer !== null,
    hints: q.hints.length,
    sources: q.sources.map((s) => ({ file: s.file, line: s.line })),
  };
}

function tagCounts(questions: readonly Question[]): { name: string; questions: number }[] {
  const counts = new Map<string, number>();
  for (const q of questions) for (const t of q.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].map(([name, n]) => ({ name, questions: n })).sort((a, b) => a.name.localeCompare(b.name));
}
