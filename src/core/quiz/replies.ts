import type { Button, Reply, ReplyBlock } from '../reply.js';
import { GRADE_LABELS, GRADES } from '../scoring/grades.js';
import { LETTERS, choiceAction, gradeAction, revealAction, typeAction } from './action-ids.js';
import type { RoundQuestion, RoundRecord, RoundScore } from './types.js';

/** Gists and names are plain text; in Markdown a stray `*` or `_` would turn into emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~|[\]<>]/g, '\\$&');
}

export function scopeText(round: RoundRecord): string {
  return round.categories && round.categories.length > 0 ? round.categories.join(', ') : 'the whole bank';
}

export function announceReply(round: RoundRecord, timeLimitMs: number, note: string | null): Reply {
  const n = round.questions.length;
  const who = round.solo ? `Solo quiz for ${escapeMarkdown(round.starter.name ?? round.starter.userId)}` : 'Quiz time';
  const pace = round.solo ? 'the next one comes as soon as you answer' : 'quicker right answers score more';
  const lines = [`**${who}!** ${n} question${n === 1 ? '' : 's'} from ${escapeMarkdown(scopeText(round))}, ${seconds(timeLimitMs)} each; ${pace}.`];
  if (note) lines.push(note);
  return { blocks: [{ type: 'text', markdown: lines.join('\n') }] };
}

export function questionReply(round: RoundRecord, index: number, timeLimitMs: number): Reply {
  const q = round.questions[index] as RoundQuestion;
  const buttons: Button[] =
    q.kind === 'choice'
      ? q.choices.map((_, i) => ({ action: choiceAction(round.id, index, i), label: LETTERS[i] ?? String(i), style: 'primary' }))
      : q.kind === 'typed'
        ? [{ action: typeAction(round.id, index), label: 'Type your answer', style: 'primary' }]
        : [{ action: revealAction(round.id, index), label: 'Reveal answer', style: 'secondary' }];
  const how =
    q.kind === 'choice'
      ? `${seconds(timeLimitMs)} to answer`
      : q.kind === 'typed'
        ? `type your answer · ${seconds(timeLimitMs)}`
        : `reveal, then grade yourself · ${seconds(timeLimitMs)}`;
  // The closing time counts down where the platform can (a relative timestamp, the reader's clock, a live countdown).
  const time: ReplyBlock = q.deadline === null ? { type: 'context', markdown: how } : { type: 'deadline', markdown: `${how} · closes`, at: q.deadline };
  return { blocks: [questionBlock(round, index, null), { type: 'buttons', buttons }, time] };
}

/** The question once its time is up: buttons off, the right answer shown, and how many got it. */
export function closedQuestionReply(round: RoundRecord, index: number): Reply {
  const q = round.questions[index] as RoundQuestion;
  const answers = Object.values(q.answers);
  const right = answers.filter((a) => a.right).length;
  const blocks: ReplyBlock[] = [questionBlock(round, index, q.kind === 'choice' ? q.correct : null)];
  if (q.kind === 'choice') {
    const letter = `**Answer: ${LETTERS[q.correct] ?? '?'}**`;
    const choice = q.choices[q.correct] ?? '';
    // The choice was the short form; now that nobody can answer, the whole answer as the bank has it, the option named once.
    const full = letters(q.answer);
    const short = letters(choice);
    const explained = explanationAfterKey(q.answer, choice);
    if (full === short) blocks.push({ type: 'text', markdown: `${letter} — ${escapeMarkdown(choice)}` });
    // A bank's own key (`**B.** Paris`, then any explanation): the option once, with the button's letter, then the explanation.
    else if (explained !== null)
      blocks.push({ type: 'text', markdown: `${letter} — ${escapeMarkdown(choice)}` }, ...(explained ? [{ type: 'text' as const, markdown: explained }] : []));
    // An answer that opens with the choice (the sentence it was made from) says it anyway; one that does not keeps it.
    else if (short !== '' && full.startsWith(short)) blocks.push({ type: 'text', markdown: letter }, { type: 'text', markdown: q.answer });
    else blocks.push({ type: 'text', markdown: `${letter} — ${escapeMarkdown(choice)}` }, { type: 'text', markdown: q.answer });
    blocks.push({
      type: 'buttons',
      buttons: q.choices.map((_, i) => ({
        action: choiceAction(round.id, index, i),
        label: LETTERS[i] ?? String(i),
        style: i === q.correct ? 'success' : 'secondary',
        disabled: true,
      })),
    });
  } else {
    blocks.push({ type: 'text', markdown: q.answer });
    const off: Button =
      q.kind === 'typed'
        ? { action: typeAction(round.id, index), label: 'Type your answer', style: 'secondary', disabled: true }
        : { action: revealAction(round.id, index), label: 'Reveal answer', style: 'secondary', disabled: true };
    blocks.push({ type: 'buttons', buttons: [off] });
  }
  const tally = answers.length === 0 ? 'Nobody answered.' : `${right} of ${answers.length} ${q.kind === 'flashcard' ? 'said they got it' : 'got it'}.`;
  blocks.push({ type: 'context', markdown: tally });
  return { blocks };
}

/** The private answer behind a flashcard's Reveal button, with the self-grade buttons. */
export function revealReply(round: RoundRecord, index: number, alreadyGraded: boolean): Reply {
  const q = round.questions[index] as RoundQuestion;
  const blocks: ReplyBlock[] = [{ type: 'text', markdown: q.answer }];
  if (alreadyGraded) {
    blocks.push({ type: 'context', markdown: 'You graded this one already.' });
  } else {
    blocks.push({ type: 'context', markdown: 'How did you do? Be honest: it only helps you.' });
    blocks.push({
      type: 'buttons',
      buttons: GRADES.map((g) => ({ action: gradeAction(round.id, index, g), label: GRADE_LABELS[g], style: g === 'got' ? 'success' : g === 'missed' ? 'danger' : 'secondary' })),
    });
  }
  return { blocks, ephemeral: true };
}

export function summaryReply(round: RoundRecord, maxRows = 10): Reply {
  const n = round.questions.length;
  const ranked = rankScores(round.scores);
  const blocks: ReplyBlock[] = [{ type: 'text', markdown: `**Quiz over!** ${n} question${n === 1 ? '' : 's'} from ${escapeMarkdown(scopeText(round))}.` }];
  const top = ranked[0];
  if (!top) {
    blocks.push({ type: 'text', markdown: 'Nobody answered this time. `quiz` starts another round.' });
    return { blocks };
  }
  const winners = ranked.filter((s) => s.points === top.points).map((s) => `**${escapeMarkdown(s.name)}**`);
  const head = winners.length === 1 ? `🏆 ${winners[0]} wins with ${pts(top.points)}.` : `🏆 ${winners.join(', ')} share the top with ${pts(top.points)}.`;
  const rows = ranked.slice(0, maxRows).map((s, i) => `${i + 1}. ${escapeMarkdown(s.name)} — ${pts(s.points)} · ${s.right} of ${n} right`);
  if (ranked.length > maxRows) rows.push(`…and ${ranked.length - maxRows} more.`);
  blocks.push({ type: 'text', markdown: `${head}\n${rows.join('\n')}` });
  return { blocks };
}

/** Points first, then right answers, then name, so the order never depends on who answered first. */
export function rankScores(scores: Record<string, RoundScore>): RoundScore[] {
  return Object.values(scores).sort((a, b) => b.points - a.points || b.right - a.right || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function questionBlock(round: RoundRecord, index: number, reveal: number | null): ReplyBlock {
  const q = round.questions[index] as RoundQuestion;
  const choices = q.choices.map((c, i) => {
    const line = `**${LETTERS[i] ?? i}.** ${escapeMarkdown(c)}`;
    return i === reveal ? `✅ ${line}` : line;
  });
  const markdown = choices.length > 0 ? `${q.question}\n\n${choices.join('\n')}` : q.question;
  const footer = [q.category, round.solo ? `solo round for ${round.starter.name ?? round.starter.userId}` : null].filter(Boolean).join(' · ');
  return { type: 'question', title: `Question ${index + 1} of ${round.questions.length}`, markdown, ...(footer ? { footer } : {}) };
}

/**
 * What a bank's own key says beyond the option: its answer is `**B.** <the option>`, then, after a blank line,
 * any explanation (bank/parse/choices.ts). The explanation ('' when none), or null when the answer is not
 * such a key. The author's letter is dropped with the line: when a long list was cut to four buttons it
 * need not be the button's letter any more.
 */
function explanationAfterKey(answer: string, choice: string): string | null {
  const key = /^\*\*[A-Za-z]\.\*\*[ \t]*([^\n]*)(?:\n+([\s\S]*))?$/.exec(answer);
  if (!key || letters(key[1] ?? '') !== letters(choice) || letters(choice) === '') return null;
  return (key[2] ?? '').trim();
}

/** Only letters and digits, lower-cased: Markdown, math and spacing aside, is it the same words? */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`;
}

function pts(points: number): string {
  return `${points} point${points === 1 ? '' : 's'}`;
}
