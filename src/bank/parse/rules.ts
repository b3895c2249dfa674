import type { BankReader } from './reader.js';

/**
 * One shape a block can have, tried in order against each block: the first rule whose `take` answers
 * true has read the block, and no later rule sees it. Order is the whole decision of which shape wins,
 * so a new shape goes in the list where its README row says it beats the rules after it.
 */
export interface Rule<B> {
  /** Kebab-case; src/bank/parse/README.md and tests/bank/parse/rules.test.ts name rules by it. */
  name: string;
  /** The first cell of the row of the shape table in questions/README.md that this rule reads. */
  shape: string;
  take(r: BankReader, b: B): boolean;
}

export function applyRules<B extends { line: number }>(rules: readonly Rule<B>[], r: BankReader, b: B): void {
  for (const rule of rules) {
    if (rule.take(r, b)) {
      r.trace?.(rule.name, b.line);
      return;
    }
  }
}
