import { loadBank } from '../../../src/bank/load.js';
import type { BankLoadResult } from '../../../src/bank/types.js';
import { type BankService, createBankService } from '../../../src/core/bank-service.js';
import { SEEDS, seedFile } from '../../helpers/bank.js';

/**
 * Questions whose answers are whole, short terms of one kind: what the quiz asks as multiple choice.
 * (The seed banks answer in paragraphs and lists, so nearly everything there is a flashcard now.)
 */
export const QUICK_FACTS = `# Quick Facts

## Which optimisation method steps against the gradient?
Gradient descent

## Which regularizer zeroes random units while training?
Dropout

## Which layer rescales activations with statistics of the batch?
Batch normalization

## Which technique halts training once validation loss rises?
Early stopping

## Which penalty shrinks every weight toward zero?
Weight decay

## Which decoding keeps the k likeliest partial sequences?
Beam search

## Which step splits raw text into model inputs?
Tokenization

## Which compression stores weights in fewer bits?
Quantization
`;

/** The seed banks plus Quick Facts (and any `extra` files), as loaded. */
export function quizBank(extra: Record<string, string> = {}): BankLoadResult {
  const enc = new TextEncoder();
  const files = [...Object.values(SEEDS).map(seedFile), { path: 'quick-facts.md', bytes: enc.encode(QUICK_FACTS) }];
  for (const [path, text] of Object.entries(extra)) files.push({ path, bytes: enc.encode(text) });
  return loadBank(files);
}

/** quizBank() as the quiz service gets it. */
export function quizBankService(extra: Record<string, string> = {}): BankService {
  const bank = quizBank(extra);
  return createBankService(bank, async () => bank);
}
