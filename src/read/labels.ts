// Speaker labels at the start of a line or cue: "Counsellor: …", "T: …", "[00:01:23] Dana: …",
// "Dana (00:01:23): …", "[SPEAKER_00]: …", and Otter's "Dana  0:03" header lines.

import { parseTimecode } from "./timecode.js";

export interface LabelledLine {
  label: string;
  /** The words after the label (may be empty when the text follows on the next lines). */
  rest: string;
  time: number | null;
}

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const LABEL = String.raw`\[?SPEAKER_\d+\]?|[\p{L}][\p{L}\p{N}.'’\- ]{0,39}?`;
const LABELLED = new RegExp(
  String.raw`^\s*(?:[\[(]?(${TIME})[\])]?\s+)?(${LABEL})\s*(?:[\[(](${TIME})[\])])?\s*:(?:\s+|$)(.*)$`,
  "u",
);
const OTTER_HEADER = new RegExp(String.raw`^\s*(${LABEL})\s{1,}(${TIME})\s*$`, "u");

const MAX_LABEL_WORDS = 4;

/** The label and words of a `Label: words` line, or null when the line has no label. */
export function splitLabel(line: string): LabelledLine | null {
  const m = LABELLED.exec(line);
  if (!m) return null;
  const label = cleanLabel(m[2]!);
  if (!plausibleLabel(label)) return null;
  const time = m[1] ?? m[3];
  return { label, rest: m[4] ?? "", time: time ? parseTimecode(time) : null };
}

/** Otter-style header: the speaker and a time alone on a line, the words below. */
export function splitOtterHeader(line: string): LabelledLine | null {
  const m = OTTER_HEADER.exec(line);
  if (!m) return null;
  const label = cleanLabel(m[1]!);
  if (!plausibleLabel(label)) return null;
  return { label, rest: "", time: parseTimecode(m[2]!) };
}

function cleanLabel(raw: string): string {
  return raw.trim().replace(/^\[(SPEAKER_\d+)\]$/, "$1");
}

function plausibleLabel(label: string): boolean {
  return label.length > 0 && label.split(/\s+/).length <= MAX_LABEL_WORDS;
}
