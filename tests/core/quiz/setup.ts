import type { ActionInvocation } from '../../../src/core/actions.js';
import { defaultEngineConfig, type EngineConfig } from '../../../src/core/engine-config.js';
import { createQuizService, type RoundRecord } from '../../../src/core/quiz/index.js';
import { activeKey, roundKey } from '../../../src/core/quiz/keys.js';
import type { ActiveRound } from '../../../src/core/quiz/types.js';
import type { ChannelRef, UserRef } from '../../../src/core/refs.js';
import type { Button, Reply } from '../../../src/core/reply.js';
import type { GradeRequest, GradeResult } from '../../../src/core/scoring/types.js';
import { FakePlatform } from '../../fakes/platform.js';
import { createTestWorld } from '../../fakes/world.js';
import { CHANNEL } from '../../helpers/people.js';
import { quizBankService } from './quick-facts.js';

export { ALICE, BOB, CAROL, CHANNEL } from '../../helpers/people.js';
export const OTHER_CHANNEL: ChannelRef = { ...CHANNEL, channelId: 'random' };

/** The real seed bank and Quick Facts (quick-facts.ts), loaded once for the file. */
export const bank = quizBankService();

/** Scoring as the quiz sees it: records every request and answers like a first grade would. */
export class RecordingScoring {
  readonly requests: GradeRequest[] = [];
  async grade(req: GradeRequest): Promise<GradeResult> {
    this.requests.push(req);
    return { grade: req.grade, points: req.points ?? 0, bonus: 0, previous: null, changed: true, late: false };
  }
}

export async function quizWorld(opts: { seed?: number; config?: Partial<EngineConfig['quiz']> } = {}) {
  const world = await createTestWorld({ seed: opts.seed ?? 7 });
  const platform = new FakePlatform();
  const scoring = new RecordingScoring();
  const config: EngineConfig = { ...defaultEngineConfig, quiz: { ...defaultEngineConfig.quiz, ...opts.config } };
  const quiz = createQuizService({ world, config, bank, platform, scoring });
  const press = (user: UserRef, action: string, channel: ChannelRef = CHANNEL): Promise<Reply> => {
    const inv: ActionInvocation = { action, user, channel, isAdmin: false };
    return quiz.handleAction(inv);
  };
  return { world, platform, scoring, config, quiz, press };
}

export type QuizWorld = Awaited<ReturnType<typeof quizWorld>>;

/** The buttons of a posted or updated message. */
export function buttonsOf(reply: Reply): Button[] {
  return reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}

/** The question messages posted so far (not the summary). */
export function questionPosts(platform: FakePlatform, channel: ChannelRef = CHANNEL) {
  return platform.posts(channel.channelId).filter((p) => p.reply.blocks.some((b) => b.type === 'question'));
}

export function lastQuestion(platform: FakePlatform, channel: ChannelRef = CHANNEL) {
  const posts = questionPosts(platform, channel);
  const last = posts[posts.length - 1];
  if (!last) throw new Error('no question has been posted');
  return last;
}

/** The round running in a channel, read from the store as any process would. */
export async function liveRound(w: QuizWorld, channel: ChannelRef = CHANNEL): Promise<RoundRecord> {
  const active = await w.world.store.get<ActiveRound>(activeKey(channel));
  const round = active ? await w.world.store.get<RoundRecord>(roundKey(channel, active.roundId)) : undefined;
  if (!round) throw new Error(`no round is running in ${channel.channelId}`);
  return round;
}

/** The action of the right (or a wrong) button on the question being asked, as shown on its message. */
export async function choice(w: QuizWorld, which: 'right' | 'wrong', channel: ChannelRef = CHANNEL): Promise<string> {
  const round = await liveRound(w, channel);
  const q = round.questions[round.current];
  if (q?.kind !== 'choice') throw new Error('the current question is not multiple choice');
  const letters = ['A', 'B', 'C', 'D'];
  const label = which === 'right' ? letters[q.correct] : letters[(q.correct + 1) % q.choices.length];
  const button = buttonsOf(lastQuestion(w.platform, channel).reply).find((b) => b.label === label);
  if (!button) throw new Error(`no ${which} button on the last question`);
  return button.action;
}
