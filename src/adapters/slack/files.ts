import type { webApi } from '@slack/bolt';
import type { ChannelRef } from '../../core/refs.js';
import type { ImageBlock, Reply } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { describeError } from './describe-error.js';
import { field } from './payloads.js';
import type { TokenSource } from './tokens.js';

/** Errors that mean the install cannot upload at all until someone changes it. */
const CANNOT_UPLOAD = new Set(['missing_scope', 'not_allowed_token_type', 'no_permission']);

export function imagesOf(reply: Reply): ImageBlock[] {
  return reply.blocks.filter((b): b is ImageBlock => b.type === 'image');
}

/**
 * Pictures on Slack: Block Kit carries no bytes, so a reply's message goes out first with each
 * picture's words in its place, and the pictures follow as files shared in the same channel (and thread)
 * by `files.uploadV2` (files.getUploadURLExternal, a POST of the bytes, files.completeUploadExternal).
 * An install without `files:write` (made before it was asked for) keeps the words: that is logged once
 * per workspace, as a warning that says to reinstall, and never fails the post.
 */
export class SlackFiles {
  private readonly warned = new Set<string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly tokens: TokenSource,
    private readonly logger: Logger,
  ) {}

  async upload(channel: ChannelRef, reply: Reply, threadTs?: string): Promise<void> {
    const images = imagesOf(reply);
    if (images.length === 0 || this.warned.has(channel.workspaceId)) return;
    const token = await this.tokens.botToken(channel.workspaceId);
    for (const image of images) {
      try {
        const file = {
          file: Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength),
          filename: image.filename,
          title: image.filename,
          alt_text: image.alt.slice(0, 1000),
        };
        const where = threadTs ? { channel_id: channel.channelId, thread_ts: threadTs } : { channel_id: channel.channelId };
        await this.client.files.uploadV2({ token, ...where, ...file });
      } catch (err) {
        const code = field((err as { data?: unknown }).data, 'error');
        if (code && CANNOT_UPLOAD.has(code)) {
          this.warned.add(channel.workspaceId);
          this.logger.warn(
            { team: channel.workspaceId, error: code },
            'the Slack app cannot upload files (files:write is missing): board pictures go out as text; reinstall the app from slack/manifest.yml',
          );
          return;
        }
        this.logger.warn(
          { err: describeError(err), team: channel.workspaceId, channel: channel.channelId, file: image.filename },
          'could not upload a picture to Slack; its message went out in words',
        );
      }
    }
  }
}
