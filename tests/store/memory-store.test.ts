import { createStore } from '../../src/store/create-store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', { open: () => createStore('memory://'), clock: 'fake' });
