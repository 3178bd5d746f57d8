// Speaker labels at the start of a line or cue: "Counsellor: …", "T: …", "[00:01:23] Dana: …",
// "Dana (00:01:23): …", "[SPEAKER_00]: …", and Otter's "Dana  0:03" header lines.

import { parseTimecode } from "./timecode.js";

export interface LabelledLine {
  label: string;
  /** The words after the label (may be empty when the text follows on the next lines). */
  rest: string;
  time: number | null;
}

// Every repeat is bounded and the expressions run on at most HEAD characters of a line (after
// its indentation), so a line of any length costs the same: "Client" and twenty thousand
// spaces no longer tries every way to share the spaces between the label and the colon.
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const LABEL = String.raw`\[?SPEAKER_\d+\]?|[\p{L}][\p{L}\p{N}.'’\- ]{0,39}?`;
const LABELLED = new RegExp(String.raw`^(?:[\[(]?(${TIME})[\])]?\s{1,16})?(${LABEL})\s{0,16}(?:[\[(](${TIME})[\])])?\s{0,16}:`, "u");
const OTTER_HEADER = new RegExp(String.raw`^(${LABEL})\s{1,16}(${TIME})$`, "u");
/** A label, its times and the spaces between fit well within this many characters. */
const HEAD = 160;

const MAX_LABEL_WORDS = 4;

/** The label and words of a `Label: words` line, or null when the line has no label. */
export function splitLabel(line: string): LabelledLine | null {
  const indent = indentOf(line);
  const m = LABELLED.exec(line.slice(indent, indent + HEAD));
  if (!m) return null;
  // The colon ends the label only when a space or the end of the line follows it.
  const after = indent + m[0].length;
  if (after < line.length && !/\s/.test(line[after]!)) return null;
  const label = cleanLabel(m[2]!);
  if (!plausibleLabel(label)) return null;
  const time = m[1] ?? m[3];
  return { label, rest: line.slice(after).trimStart(), time: time ? parseTimecode(time) : null };
}

/** Otter-style header: the speaker and a time alone on a line, the words below. */
export function splitOtterHeader(line: string): LabelledLine | null {
  const trimmed = line.trim();
  if (trimmed.length > HEAD) return null;
  const m = OTTER_HEADER.exec(trimmed);
  if (!m) return null;
  const label = cleanLabel(m[1]!);
  if (!plausibleLabel(label)) return null;
  return { label, rest: "", time: parseTimecode(m[2]!) };
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && /\s/.test(line[i]!)) i++;
  return i;
}

function cleanLabel(raw: string): string {
  const label = raw.trim();
  // Only a label in brackets can be "[SPEAKER_00]": the others skip the expression.
  return label.startsWith("[") ? label.replace(/^\[(SPEAKER_\d+)\]$/, "$1") : label;
}

function plausibleLabel(label: string): boolean {
  return label.length > 0 && label.split(/\s+/).length <= MAX_LABEL_WORDS;
}
