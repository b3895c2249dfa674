import type { BoardImages, BoardPicture } from '../core/images.js';
import { EmojiBook } from './emoji.js';
import { FontBook } from './fonts.js';
import { LAYOUT, MEDALS, boardShapes, boardWords, pictureHeight, wordsSvg } from './leaderboard.js';
import { PngWriter } from './png.js';
import { loadResvg, rasterize } from './resvg.js';
import { Typesetter } from './typeset.js';

/** Every string of a board that will be drawn: what the fonts and emoji must cover. */
function wordsOf(board: BoardPicture): string {
  return [board.title, board.subtitle ?? '', board.empty, '…▲▼=0123456789 pts', ...MEDALS, ...board.rows.flatMap((r) => [r.name, r.detail ?? ''])].join('\n');
}

export interface BoardRenderer extends BoardImages {
  /**
   * The picture as SVG. `textAsText` writes words as `<text>` instead of glyph outlines: for tests that
   * look for a name in it (the PNG is always drawn from outlines, so no font is needed past this point).
   */
  svg(board: BoardPicture, opts?: { textAsText?: boolean }): Promise<string>;
  fonts: FontBook;
}

/** Reads the font list and compiles resvg (WebAssembly) once; fonts are read when a picture first needs them. Call it at start-up. */
export async function createBoardRenderer(): Promise<BoardRenderer> {
  const [fonts] = await Promise.all([FontBook.open(), loadResvg()]);
  const typesetter = new Typesetter(fonts);
  const emoji = new EmojiBook();
  const png = new PngWriter();

  async function svg(board: BoardPicture, opts: { textAsText?: boolean } = {}): Promise<string> {
    const words = wordsOf(board);
    const [, images] = await Promise.all([fonts.need(words), emoji.imagesFor(words)]);
    const width = LAYOUT.width;
    const height = pictureHeight(board);
    const text = wordsSvg(boardWords(board, typesetter), typesetter, images, opts);
    return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${boardShapes(board)}${text}</svg>`;
  }

  return {
    fonts,
    svg,
    async leaderboard(board) {
      const image = rasterize(await svg(board));
      return png.encode(image.pixels, image.width, image.height);
    },
  };
}
