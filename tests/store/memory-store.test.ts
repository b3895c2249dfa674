import { createStore } from '../../src/store/create-store.js';
import { describeStoreContract } from './store-contract.js';
import { describeTransactionContract } from './transaction-contract.js';

describeStoreContract('memory', { open: () => createStore('memory://'), clock: 'fake' });
describeTransactionContract('memory', { open: () => createStore('memory://'), clock: 'fake' });
