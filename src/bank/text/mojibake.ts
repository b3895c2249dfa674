import iconv from 'iconv-lite';

/**
 * Repairs UTF-8 text that was once decoded as Mac Roman and saved again (`ü§ñ` for 🤖, `‚Äî` for —).
 * Only runs of two or more non-ASCII characters can be such damage, and a run is only rewritten where
 * its Mac Roman bytes form valid UTF-8 that decodes to characters mis-encoding typically hits
 * (punctuation, symbols, emoji, accented Latin), so genuine accented text is left alone.
 */

const macRomanByteOf = buildMacRomanTable();

function buildMacRomanTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), 'macintosh');
    if (char !== '\ufffd') table.set(char, byte);
  }
  // iconv-lite leaves 0xF0 undefined; Mac Roman puts Apple's logo there, in the private use area.
  table.set('\uf8ff', 0xf0);
  return table;
}

const NON_ASCII_RUN = /[^\x00-\x7f]{2,}/g;

export function repairMacRomanMojibake(text: string): { text: string; repaired: number } {
  let repaired = 0;
  const out = text.replace(NON_ASCII_RUN, (run) => {
    const fixed = repairRun(run);
    if (fixed !== run) repaired++;
    return fixed;
  });
  return { text: out, repaired };
}

function repairRun(run: string): string {
  const chars = Array.from(run);
  const bytes = chars.map((c) => macRomanByteOf.get(c));
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const decoded = decodeSequenceAt(bytes, i);
    if (decoded) {
      out += decoded.text;
      i += decoded.length;
    } else {
      out += chars[i];
      i++;
    }
  }
  return out;
}

/** Decodes one UTF-8 sequence starting at `i`, or returns null when the bytes there are not one. */
function decodeSequenceAt(bytes: (number | undefined)[], i: number): { text: string; length: number } | null {
  const lead = bytes[i];
  if (lead === undefined) return null;
  let length: number;
  let prefix: number[] = [];
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) length = 3;
  else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
  // The lead byte 0xF0 of an emoji maps to Apple's private logo character, which other systems often
  // drop; `ü§ñ` without it is still recognisably 🤖, so restore it.
  else if (lead === 0x9f) {
    length = 3;
    prefix = [0xf0];
  } else return null;
  const seq = bytes.slice(i, i + length);
  if (seq.length < length || seq.some((b) => b === undefined)) return null;
  const full = Uint8Array.from([...prefix, ...(seq as number[])]);
  for (let k = 1; k < full.length; k++) {
    const b = full[k] as number;
    if (b < 0x80 || b > 0xbf) return null;
  }
  let text: string;
  try {
    text = strictUtf8.decode(full);
  } catch {
    return null;
  }
  const cp = text.codePointAt(0);
  if (cp === undefined || !isTypicalMojibakeTarget(cp)) return null;
  return { text, length };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isTypicalMojibakeTarget(cp: number): boolean {
  return (
    (cp >= 0x00a0 && cp <= 0x017f) || // Latin-1 supplement and Latin Extended-A (é, ñ, ü…)
    (cp >= 0x2000 && cp <= 0x2bff) || // punctuation, arrows, symbols, dingbats
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors that follow emoji
    (cp >= 0x1f000 && cp <= 0x1faff) // emoji
  );
}
