import { repairMacRomanMojibake } from './mojibake.js';

export type DecodeResult = { ok: true; text: string; notes: DecodeNote[] } | { ok: false; reason: string };

export interface DecodeNote {
  line: number;
  message: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Turns a bank file's bytes into the text a person would see: BOMs and CRLF handled, UTF-16 read,
 * non-UTF-8 read as Windows-1252 with a note, binary refused, Mac Roman mojibake repaired.
 */
export function decodeBankBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const notes: DecodeNote[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) return { ok: false, reason: 'the file is binary, not text' };
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      const line = lineOfFirstInvalidUtf8(body);
      notes.push({ line, message: 'the file is not valid UTF-8; read it as Windows-1252 (save it as UTF-8 to silence this)' });
      text = new TextDecoder('windows-1252').decode(body);
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'the file has no text' };
  return { ok: true, text: repairMacRomanMojibake(text).text, notes };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** NUL bytes never occur in a text file; a few control characters do (tabs, form feeds). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length * 0.1;
}

function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the longest valid prefix; cut points inside a sequence may fail too, which only
  // moves the reported line by one character's worth, never past the real fault.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
