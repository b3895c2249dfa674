export { createStore, type CreateStoreOptions } from './create-store.js';
export { StoreError, type StoreErrorCode } from './store-error.js';
export { DEFAULT_SQLITE_PATH } from './store-url.js';
export { redactUrl } from './redact.js';
export type { BoardEntry, BoardPosition, Store } from './store.js';
