export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The parts of a `multipart/form-data` body; null when the body is not multipart. */
export function formParts(contentType: string | undefined, raw: Buffer): FormPart[] | null {
  const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) return null;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let at = raw.indexOf(marker);
  while (at !== -1) {
    const start = at + marker.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(marker, start);
    if (next === -1) break;
    // Each part: CRLF, headers, a blank line, the content, CRLF before the next marker.
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
    parts.push({
      name: /name="([^"]*)"/.exec(headers)?.[1] ?? '',
      ...(filename !== undefined ? { filename } : {}),
      ...(type ? { contentType: type } : {}),
      data: Buffer.from(part.subarray(split + 4)),
    });
    at = next;
  }
  return parts;
}
