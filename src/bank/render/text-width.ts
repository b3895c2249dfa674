const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// East Asian wide/fullwidth blocks and emoji occupy two cells in a monospace font.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u;

/**
 * Approximate monospace width, good enough to align table columns: one cell per grapheme,
 * two for emoji and CJK. UTF-16 length would over-count emoji and under-count nothing useful.
 */
export function displayWidth(value: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(value)) {
    width += EMOJI.test(segment) || WIDE.test(segment) ? 2 : 1;
  }
  return width;
}
