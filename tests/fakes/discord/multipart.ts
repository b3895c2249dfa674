import { formParts } from '../multipart.js';
import { snowflake } from './snowflake.js';
import type { Json } from './state.js';

export interface UploadedFile {
  /** The form field: `files[0]`… */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/**
 * A `multipart/form-data` body as Discord reads it: the JSON in `payload_json` and the files beside it.
 * Null when the request is not multipart (plain JSON, or nothing).
 */
export function readMultipart(contentType: string | undefined, raw: Buffer): { json: Json; files: UploadedFile[] } | null {
  const parts = formParts(contentType, raw);
  if (!parts) return null;
  const payload = parts.find((p) => p.name === 'payload_json');
  const json = payload ? (JSON.parse(payload.data.toString('utf8')) as Json) : {};
  const files = parts.flatMap((p) =>
    p.filename === undefined ? [] : [{ field: p.name, filename: p.filename, contentType: p.contentType ?? 'application/octet-stream', data: p.data }],
  );
  return { json, files };
}

/**
 * The payload with its files as Discord lists them on the message (`attachments`), in the message body
 * or, for an interaction callback, in its `data`. The bytes are kept in `uploads` by attachment id.
 */
export function withAttachments(form: { json: Json; files: UploadedFile[] }, uploads: Map<string, UploadedFile>): Json {
  if (form.files.length === 0) return form.json;
  const data = form.json['data'];
  const callback = typeof form.json['type'] === 'number' && typeof data === 'object' && data !== null;
  const payload = (callback ? data : form.json) as Json;
  // The payload may list the files (`{ id: <index>, description }`); Discord joins that to the part `files[<index>]`.
  const declared = Array.isArray(payload['attachments']) ? (payload['attachments'] as Json[]) : [];
  const attachments = form.files.map((f) => {
    const index = /^files\[(\d+)\]$/.exec(f.field)?.[1];
    const listed = declared.find((a) => String(a['id']) === index) ?? {};
    const id = snowflake();
    uploads.set(id, f);
    const description = typeof listed['description'] === 'string' ? { description: listed['description'] } : {};
    return {
      id,
      filename: f.filename,
      size: f.data.length,
      content_type: f.contentType,
      url: `https://cdn.fake/attachments/${id}/${f.filename}`,
      proxy_url: `https://media.fake/attachments/${id}/${f.filename}`,
      ...description,
    };
  });
  return callback ? { ...form.json, data: { ...payload, attachments } } : { ...form.json, attachments };
}
