// Plain-text transcripts: `Label: words` lines, continuation lines, blank lines, optional
// timestamps, and Otter's "Name  0:03" headers with the words below.

import type { RawTurn } from "../types.js";
import { splitLabel, splitOtterHeader, type LabelledLine } from "./labels.js";
import { TurnBuilder, splitLines } from "./turns.js";

export interface TextReadOptions {
  /** Whether a label names a known role (Therapist, Client…), so one use is enough. */
  isKnownLabel: (label: string) => boolean;
}

const OTTER_FOOTER = /^\s*Transcribed by\s+\S*otter\.ai/i;

export function readText(text: string, options: TextReadOptions): RawTurn[] {
  const lines = splitLines(text);
  const labelled = lines.map((line) => splitLabel(line) ?? splitOtterHeader(line));
  const accepted = acceptedLabels(labelled, options);

  const builder = new TurnBuilder();
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (!line.trim() || OTTER_FOOTER.test(line)) return;
    const found = labelled[i];
    if (found && accepted.has(found.label)) builder.say(found.label, found.rest, lineNo, found.time);
    else builder.continue(line, lineNo);
  });
  return builder.result();
}

// A word before a colon is a speaker only if it is a known role word, recurs, or comes with a
// timestamp: "Note: …" or "Goal: …" inside someone's turn stays part of the turn.
function acceptedLabels(labelled: (LabelledLine | null)[], options: TextReadOptions): Set<string> {
  const counts = new Map<string, number>();
  const accepted = new Set<string>();
  for (const found of labelled) {
    if (!found) continue;
    counts.set(found.label, (counts.get(found.label) ?? 0) + 1);
    if (found.time !== null) accepted.add(found.label);
  }
  for (const [label, count] of counts) {
    if (count >= 2 || options.isKnownLabel(label) || /^SPEAKER_\d+$/.test(label)) accepted.add(label);
  }
  return accepted;
}
