// The format is read from the content, with the file name only as a tie-breaker: exports are
// often renamed (.txt captions, .vtt without header) and stdin has no name at all.

import type { Format } from "../types.js";

// [ \t] rather than \s: with the m flag, \s* at the start of each of a million blank lines would
// run over all the blank lines after it.
const CUE_TIMING = /^[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]+-->[ \t]+/m;

export function detectFormat(text: string, path: string): Format {
  const head = text.trimStart();
  if (/^WEBVTT/.test(head)) return "vtt";
  // "[00:01:23] Dana: …" and "[SPEAKER_00]: …" start with a bracket too, so only "[{" or "[]" is JSON.
  if (head.startsWith("{") || /^\[\s*[{\]]/.test(head)) return "json";
  const timing = CUE_TIMING.exec(text);
  if (timing) {
    if (/\.srt$/i.test(path)) return "srt";
    if (/\.vtt$/i.test(path)) return "vtt";
    return /,\d{1,3}[ \t]+-->/.test(timing[0]) ? "srt" : "vtt";
  }
  return "text";
}
