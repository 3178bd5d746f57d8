// V8 holds a string in one byte a character when every character fits (up to U+00FF), and in
// two otherwise; a string cut from a two-byte string stays two-byte even when it holds nothing
// above U+00FF. A transcript with a single dash (—) or curly apostrophe anywhere decodes to a
// two-byte string, so every turn cut from it was two-byte, and every later step on every turn
// (splitting, lower-casing, the token expression, hashing each token) took V8's slower path:
// tokenizing a pass's texts cost ~50 % more. Half the AnnoMI dev sessions are such files.

import { Buffer } from "node:buffer";

const WIDE = /[^\x00-\xff]/;

/** Whether `text` holds a character above U+00FF (so that V8 must hold it in two bytes a character). */
export function isWide(text: string): boolean {
  return WIDE.test(text);
}

/** The same characters, as a string V8 holds in one byte a character when they all fit. */
export function narrowed(text: string): string {
  return isWide(text) ? text : Buffer.from(text, "latin1").toString("latin1");
}
