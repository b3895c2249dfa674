import { render, renderChunks } from '../../bank/render/index.js';

/** The rendered text cut at Slack's 3000-character section limit (the bank renderer remembers renders). */
export function mrkdwnChunks(markdown: string): readonly string[] {
  return renderChunks(markdown, 'slack');
}

/** The rendered text in one piece (context lines and fields, which are clipped instead). */
export function mrkdwn(markdown: string): string {
  return render(markdown, 'slack');
}
