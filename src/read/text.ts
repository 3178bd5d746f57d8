// Plain-text transcripts: `Label: words` lines, continuation lines, blank lines, optional
// timestamps, and Otter's "Name  0:03" headers with the words below.

import { diagnostic, said, type Diagnostic } from "../diagnostics.js";
import type { RawTurn } from "../types.js";
import { splitLabel, splitOtterHeader, type LabelledLine } from "./labels.js";
import { TurnBuilder, splitLines } from "./turns.js";

export interface TextReadOptions {
  /** Whether a label names a known role (Therapist, Client…), so one use is enough. */
  isKnownLabel: (label: string) => boolean;
}

const OTTER_FOOTER = /^\s*Transcribed by\s+\S*otter\.ai/i;
// "T; what helped you…": a label typed with a semicolon for its colon.
const SEMICOLON_LABEL = /^\s*([\p{L}][\p{L}\p{N}.'’\- ]{0,39}?)\s*;\s+(.*)$/u;

export function readText(text: string, options: TextReadOptions, warnings: Diagnostic[] = []): RawTurn[] {
  return readLines(splitLines(text), options, warnings);
}

/** readText over the text's lines (splitLines). */
export function readLines(lines: readonly string[], options: TextReadOptions, warnings: Diagnostic[] = []): RawTurn[] {
  const labelled = lines.map((line) => splitLabel(line) ?? splitOtterHeader(line));
  // Each label folded once, not on each of its lines (toLocaleLowerCase a line cost ~0.1 µs).
  const foldings = new Map<string, string>();
  const fold = (label: string): string => {
    let key = foldings.get(label);
    if (key === undefined) foldings.set(label, (key = label.toLocaleLowerCase()));
    return key;
  };
  const accepted = acceptedLabels(labelled, options, fold);

  const builder = new TurnBuilder(warnings);
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (!line.trim() || OTTER_FOOTER.test(line)) return;
    const found = labelled[i];
    if (found && accepted.has(fold(found.label))) {
      builder.say(found.label, found.rest, lineNo, found.time);
      return;
    }
    const typo = found ? null : SEMICOLON_LABEL.exec(line);
    if (typo && accepted.has(fold(typo[1]!.trim()))) {
      const label = typo[1]!.trim();
      warnings.push(diagnostic("label-semicolon", "{written} read as the speaker label {label}", { written: said(`${label};`), label: said(`${label}:`) }, lineNo));
      builder.say(label, typo[2]!, lineNo);
      return;
    }
    builder.continue(line, lineNo);
  });
  return builder.result();
}

// A word before a colon is a speaker only if it is a known role word, recurs, or comes with a
// timestamp: "Note: …" or "Goal: …" inside someone's turn stays part of the turn. Labels are
// compared without case ("c:" beside "C:" is one speaker; the turn builder says so).
function acceptedLabels(labelled: (LabelledLine | null)[], options: TextReadOptions, fold: (label: string) => string): Set<string> {
  const counts = new Map<string, number>();
  const accepted = new Set<string>();
  // Whether a label is a known role word is asked once a label, not once a line (the answer
  // cannot change, and it runs four expressions).
  const asked = new Set<string>();
  for (const found of labelled) {
    if (!found) continue;
    const key = fold(found.label);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (accepted.has(key)) continue;
    if (found.time !== null) accepted.add(key);
    else if (!asked.has(found.label)) {
      asked.add(found.label);
      if (options.isKnownLabel(found.label) || /^SPEAKER_\d+$/i.test(found.label)) accepted.add(key);
    }
  }
  for (const [key, count] of counts) if (count >= 2) accepted.add(key);
  return accepted;
}
