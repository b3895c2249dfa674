import { createBankService, type BankService } from '../../src/core/bank-service.js';
import type { Command, CommandInvocation } from '../../src/core/commands/types.js';
import { dispatchCommand } from '../../src/core/commands/dispatch.js';
import type { ChannelRef, UserRef } from '../../src/core/refs.js';
import type { Services } from '../../src/core/services.js';
import { RecordingLogger } from '../fakes/world.js';
import { loadSeeds } from './bank.js';

export const CHANNEL: ChannelRef = { platform: 'web', workspaceId: 'team-a', channelId: 'general' };
export const ALICE: UserRef = { platform: 'web', workspaceId: 'team-a', userId: 'alice', name: 'Alice' };

export function seedBankService(): BankService {
  const bank = loadSeeds();
  return createBankService(bank, async () => bank);
}

/** Runs a command through the real dispatcher, with the given services filled in and the rest absent. */
export function commandRunner(commands: readonly Command[], services: Partial<Services>, logger = new RecordingLogger()) {
  return (inv: Partial<CommandInvocation> & { command: string }) =>
    dispatchCommand(
      { user: ALICE, channel: CHANNEL, isAdmin: false, options: {}, ...inv },
      { commands, services: services as Services, logger, now: () => new Date('2026-11-23T08:00:00Z') },
    );
}
