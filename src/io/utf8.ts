// UTF-8 well-formedness, byte by byte: where a file stops being UTF-8, for messages that name
// the byte and its line (transcripts in src/read/decode.ts, rule and configuration files).

// How many multi-byte UTF-8 sequences are well formed, and how many bytes are not: text with
// many of the first and a few of the second is UTF-8 with a stray byte.
export function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    // As the fatal decoder does: no overlong forms, no surrogates (ED A0–BF), nothing above U+10FFFF.
    if (ok && length > 2) {
      const second = bytes[i + 1]!;
      ok = !((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f));
    }
    if (ok) {
      valid++;
      i += length;
    } else {
      if (firstInvalid === -1) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}

/** The 1-based line of the byte at `offset`. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
