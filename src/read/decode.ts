// Bytes → text. Transcripts arrive as UTF-8 (with or without BOM), UTF-16 with a BOM
// (Windows tools), or Windows-1252 (Word on Norwegian machines). Anything else is refused
// rather than guessed, so a code is never given to garbled words. A UTF-8 file with a stray
// byte or two is still UTF-8: it is read as such, with a warning naming the line, rather than
// re-read whole as Windows-1252 ("vÃ¤lkommen").

import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { InputError } from "../errors.js";
import { lineAt, scanUtf8 } from "../io/utf8.js";

export interface Decoded {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

// Bytes that Windows-1252 leaves undefined; text containing them is not Windows-1252.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** `warnings` receives a note when stray bytes in UTF-8 text were replaced. */
export function decode(bytes: Uint8Array, path: string, warnings: Diagnostic[] = []): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictDecode("utf-8", bytes.subarray(3), path), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: strictDecode("utf-16le", bytes.subarray(2), path), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: strictDecode("utf-16be", bytes.subarray(2), path), encoding: "utf-16be" };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError(path, `binary data (a NUL byte at offset ${nul}), not a transcript`, lineAt(bytes, nul));
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const scan = scanUtf8(bytes);
    if (scan.valid > scan.invalid) {
      warnings.push(
        diagnostic("decode.stray-bytes", "line {line}: {count} byte(s) that are not UTF-8 (the first is 0x{byte}), read as \ufffd; the rest of the file is UTF-8", {
          line: lineAt(bytes, scan.firstInvalid),
          count: scan.invalid,
          byte: bytes[scan.firstInvalid]!.toString(16),
        }),
      );
      return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
    }
    const bad = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
    if (bad !== -1) {
      throw new InputError(
        path,
        `not valid UTF-8, UTF-16 or Windows-1252 text (byte 0x${bytes[bad]!.toString(16)} at offset ${bad}); save it as UTF-8`,
        lineAt(bytes, bad),
      );
    }
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

function strictDecode(label: "utf-8" | "utf-16le" | "utf-16be", bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, `the file starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()}`);
  }
}

// Node's TextDecoder treats "windows-1252" as Latin-1 in some builds, turning – and ’ into
// control characters; the 0x80–0x9F block is mapped here by hand.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
