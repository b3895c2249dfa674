import type { BoardEntry } from '../../src/store/store.js';
import { MemoryStore } from '../../src/store/memory-store.js';

/** A memory store whose board reads can be held, so a `leaderboard` command stays in flight as long as a test needs. */
export class SlowBoardsStore extends MemoryStore {
  private gate: Promise<void> | null = null;
  private arrived: () => void = () => {};

  /** The next board reads wait until release(); `reached` resolves when the first one arrives. */
  hold(): { reached: Promise<void>; release(): void } {
    let release = () => {};
    this.gate = new Promise((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (this.arrived = resolve));
    return {
      reached,
      release: () => {
        this.gate = null;
        release();
      },
    };
  }

  override async boardTop(board: string, n: number): Promise<BoardEntry[]> {
    const gate = this.gate;
    if (gate) {
      this.arrived();
      await gate;
    }
    return super.boardTop(board, n);
  }
}
