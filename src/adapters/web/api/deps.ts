import type { BankService } from '../../../core/bank-service.js';
import type { Engine } from '../../../core/engine.js';
import type { CoreLogger } from '../../../core/logger.js';
import type { ChannelLog } from '../channel-log.js';
import type { OpenModals } from '../modals.js';

/** What the API handlers share. */
export interface ApiDeps {
  engine: Engine;
  bank: BankService;
  log: ChannelLog;
  logger: CoreLogger;
  now: () => Date;
  /** Forms the page has open (see modals.ts). */
  modals: OpenModals;
  playground: boolean;
  tokenRequired: boolean;
  /** The reaction that reveals a daily answer, as a character (👀). */
  revealEmoji: string;
}
