export { createDigestService } from './create.js';
export type { DigestDeps, DigestImages, DigestService } from './service.js';
export type * from './types.js';
export { movementMark } from './replies.js';
export { DIGEST_EXAMPLE } from './settings.js';
