export const DEFAULT_NAMESPACE = 'recall';

/** Key under which a plain value lives in the backend. */
export function valueKey(namespace: string, key: string): string {
  return `${namespace}:${key}`;
}

/**
 * Key of a board. The `#` keeps boards apart from every value key (which all
 * continue with `:`), so a value named "board:x" can never clobber a board.
 */
export function boardKey(namespace: string, board: string): string {
  return `${namespace}#board:${board}`;
}
