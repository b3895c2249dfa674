import { createStore } from '../../src/store/create-store.js';
import { describeStoreContract } from '../helpers/store-contract.js';
import { describeTransactionContract } from '../helpers/transaction-contract.js';

describeStoreContract('memory', { open: () => createStore('memory://'), clock: 'fake' });
describeTransactionContract('memory', { open: () => createStore('memory://'), clock: 'fake' });
