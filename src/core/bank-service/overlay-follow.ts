import type { OverlaySource } from '../bank-overlay/source.js';
import type { OverlayRecord } from '../bank-overlay/types.js';
import type { CoreLogger } from '../logger.js';

export interface OverlayFollower {
  /** Serves a record (a local change, or one read from the store); one already served is a no-op. */
  install(record: OverlayRecord): void;
  /** See BankService.refresh. */
  refresh(): Promise<void>;
}

/**
 * Keeps the served overlay in step with the store's. `apply` puts a record on top and says whether it
 * changed anything; `generation` is the one served now.
 */
export function followOverlay(source: OverlaySource, generation: () => number, apply: (record: OverlayRecord) => boolean, logger: CoreLogger): OverlayFollower {
  /** Counts installs, so a refresh that read before a local write does not put the older record back. */
  let installs = 0;
  let refreshing: Promise<void> | null = null;
  const install = (record: OverlayRecord): void => {
    if (apply(record)) installs++;
  };
  return {
    install,
    refresh() {
      refreshing ??= (async () => {
        const before = installs;
        try {
          const stored = await source.generation();
          if (stored === generation()) return;
          const record = await source.read();
          if (installs === before) install(record);
        } catch (err) {
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read the bank overlay; serving the last one read');
        } finally {
          refreshing = null;
        }
      })();
      return refreshing;
    },
  };
}
