import type { Logger } from '../scheduler/ports.js';

/** The world's logger: the one Logger shape (declared with the scheduler, which sits below the core). */
export type CoreLogger = Logger;

export const silentLogger: CoreLogger = { debug() {}, info() {}, warn() {}, error() {} };
