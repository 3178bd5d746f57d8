// The read stage: bytes of one file → turns with speakers, whatever the layout.

import { diagnostic, said, type Diagnostic } from "../diagnostics.js";
import { InputError } from "../errors.js";
import type { Format, RawTranscript } from "../types.js";
import { readCues } from "./cues.js";
import { decode } from "./decode.js";
import { detectFormat } from "./detect.js";
import { readLines } from "./text.js";
import { isWide, narrowed } from "../text/narrow.js";
import { splitLines, UNLABELLED } from "./turns.js";
import { readWhisperJson } from "./whisper-json.js";

export interface ReadOptions {
  /** Whether a speaker label names a known role; lets a single "Therapist:" line count. */
  isKnownLabel: (label: string) => boolean;
  /** Force a format instead of detecting it. */
  format?: Format;
}

/**
 * A plain-text file is a conversation when at least this share of its lines with words start
 * a turn: a typed transcript has a label on most lines (one in two or three when long turns
 * wrap), a README or a letter with the odd "Note:" has almost none.
 */
const MIN_TURN_LINE_SHARE = 0.1;

export function readTranscript(bytes: Uint8Array, path: string, options: ReadOptions): RawTranscript & { warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const { text, encoding } = decode(bytes, path, warnings);
  if (text.trim() === "") throw new InputError(path, "the file is empty");
  const format = options.format ?? detectFormat(text, path);
  // A plain text's lines are split once: read for turns, then counted (looksLikeConversation).
  const lines = format === "text" ? splitLines(text) : [];
  const turns =
    format === "json"
      ? readWhisperJson(text, path, warnings)
      : format === "text"
        ? readLines(lines, { isKnownLabel: options.isKnownLabel }, warnings)
        : readCues(text, path, format, warnings);

  if (turns.length === 0) throw new InputError(path, `no speech found in this ${format} file`);
  const speakers = new Set(turns.map((turn) => turn.speaker));
  if (speakers.size === 1 && speakers.has(UNLABELLED)) {
    throw new InputError(
      path,
      'no speaker labels found; oars needs to know who speaks (lines like "Counsellor: …", <v Name> voice tags, or Whisper "speaker" fields)',
    );
  }
  const named = [...speakers].filter((s) => s !== UNLABELLED);
  if (format === "text" && !looksLikeConversation(lines, turns.filter((t) => t.speaker !== UNLABELLED).length)) {
    throw new InputError(path, 'no conversation found: hardly any line starts with a speaker label ("Counsellor: …", "Dana: …")');
  }
  if (named.length === 1) {
    throw new InputError(path, diagnostic("read.one-speaker", "only one speaker ({speaker}) found; oars needs the counsellor and the client", { speaker: said(named[0]!) }));
  }
  // Turns cut from a two-byte text are made one-byte where they can be (see text/narrow.ts).
  if (isWide(text)) for (const turn of turns) turn.text = narrowed(turn.text);
  return { path, format, encoding, turns, warnings };
}

function looksLikeConversation(lines: readonly string[], labelledTurns: number): boolean {
  let withWords = 0;
  for (const line of lines) if (line.trim() !== "") withWords++;
  return labelledTurns >= MIN_TURN_LINE_SHARE * withWords;
}
