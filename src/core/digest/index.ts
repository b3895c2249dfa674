export { createDigestService } from './create.js';
export type { DigestDeps, DigestService } from './service.js';
export type * from './types.js';
export { movementMark } from './replies.js';
export { DIGEST_EXAMPLE } from './settings.js';
export { seasonEndsPosted } from './season-end.js';
