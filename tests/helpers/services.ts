import { type BankService, createBankService } from '../../src/core/bank-service.js';
import { loadSeeds } from './bank.js';

export function seedBankService(): BankService {
  const bank = loadSeeds();
  return createBankService(bank, async () => bank);
}
