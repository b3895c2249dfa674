import { render, renderChunks } from '../../bank/render/index.js';
import { slackFlavour } from './mrkdwn-flavour.js';

/** The rendered text cut at Slack's 3000-character section limit (the bank renderer remembers renders). */
export function mrkdwnChunks(markdown: string): readonly string[] {
  return renderChunks(markdown, slackFlavour);
}

/** The rendered text in one piece (context lines and fields, which are clipped instead). */
export function mrkdwn(markdown: string): string {
  return render(markdown, slackFlavour);
}
