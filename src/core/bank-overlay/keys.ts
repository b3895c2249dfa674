/*
 * Every key the bank overlay writes. The record is one value, written whole in one transaction with its
 * generation, so a reader never sees half a change; the generation alone is what a process reads before
 * serving to learn whether anything changed (a few bytes, where the record may be hundreds of KB).
 */

/** Added questions, overrides and hides (see record.ts). */
export const OVERLAY_KEY = 'bank:overlay';
/** A counter bumped by every change to the record; equal generations mean an equal record. */
export const OVERLAY_GENERATION_KEY = 'bank:overlay:generation';
