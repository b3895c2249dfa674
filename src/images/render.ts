import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { BoardImages, BoardPicture } from '../core/images.js';
import { EmojiBook } from './emoji.js';
import { FontBook } from './fonts.js';
import { LAYOUT, MEDALS, boardNode, boardShapes, pictureHeight } from './leaderboard.js';
import { PngWriter } from './png.js';

/** Every string of a board that will be drawn: what the fonts and emoji must cover. */
function wordsOf(board: BoardPicture): string {
  return [board.title, board.subtitle ?? '', board.empty, '▲▼=0123456789 pts', ...MEDALS, ...board.rows.flatMap((r) => [r.name, r.detail ?? ''])].join('\n');
}

export interface BoardRenderer extends BoardImages {
  /**
   * The SVG satori makes. `textAsText` keeps words as `<text>` instead of glyph outlines: for tests that
   * look for a name in it (the PNG is always drawn from outlines, so no font is needed past this point).
   */
  svg(board: BoardPicture, opts?: { textAsText?: boolean }): Promise<string>;
  fonts: FontBook;
}

/** Fonts are read once here (about 300 KB, plus CJK slices when a name needs them); call it at start-up. */
export async function createBoardRenderer(): Promise<BoardRenderer> {
  const fonts = await FontBook.open();
  const emoji = new EmojiBook();
  const png = new PngWriter();

  async function svg(board: BoardPicture, opts: { textAsText?: boolean } = {}): Promise<string> {
    const words = wordsOf(board);
    const [fontList, graphemeImages] = await Promise.all([fonts.fontsFor(words), emoji.imagesFor(words)]);
    // satori's element type is React's; our plain objects have the same shape.
    const drawn = await satori(boardNode(board) as unknown as Parameters<typeof satori>[0], {
      width: LAYOUT.width,
      height: pictureHeight(board),
      fonts: fontList,
      graphemeImages,
      embedFont: opts.textAsText !== true,
    });
    // The shapes go first, under the words: right after satori's opening <svg …> tag.
    const open = drawn.indexOf('>') + 1;
    return drawn.slice(0, open) + boardShapes(board) + drawn.slice(open);
  }

  return {
    fonts,
    svg,
    async leaderboard(board) {
      const resvg = new Resvg(await svg(board), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
      const image = resvg.render();
      return png.encode(image.pixels, image.width, image.height);
    },
  };
}
