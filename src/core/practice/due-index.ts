/** Due instants live on the board in whole seconds, negated: the board's order is highest first. */
export const dueScore = (dueMs: number): number => -Math.ceil(dueMs / 1000);
export const dueOfScore = (score: number): number => -score * 1000;
