// Whisper and whisperX JSON: {"segments": [{"start", "end", "text", "speaker"}]}. Plain Whisper
// has no speakers; whisperX adds "speaker" after diarisation. Text often starts with a space.

import { InputError } from "../errors.js";
import { diagnostic, said, type Diagnostic } from "../diagnostics.js";
import type { RawTurn } from "../types.js";
import { TurnBuilder } from "./turns.js";

interface Segment {
  start?: unknown;
  end?: unknown;
  text?: unknown;
  speaker?: unknown;
}

export function readWhisperJson(text: string, path: string, warnings: Diagnostic[] = []): RawTurn[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // Node's own message quotes the text around the mistake: only its position is kept.
    const at = /position (\d+)/.exec((err as Error).message);
    throw new InputError(path, at ? `not valid JSON (a mistake at character ${Number(at[1]) + 1})` : "not valid JSON", at ? lineOfOffset(text, Number(at[1])) : undefined);
  }
  const segments = (data as { segments?: unknown } | null)?.segments;
  if (!Array.isArray(segments)) {
    throw new InputError(path, 'JSON that is not a Whisper transcript: expected an object with a "segments" array');
  }
  const builder = new TurnBuilder(warnings);
  const finder = new LineFinder(text);
  segments.forEach((raw: unknown, i) => {
    const segment = raw as Segment;
    if (typeof segment !== "object" || segment === null || typeof segment.text !== "string") {
      throw new InputError(path, `segment ${i} has no "text" string, so this is not a Whisper transcript`);
    }
    const line = finder.lineOf(segment.text);
    const start = typeof segment.start === "number" ? segment.start : null;
    const end = typeof segment.end === "number" ? segment.end : null;
    if (typeof segment.speaker === "string" && segment.speaker.trim()) {
      builder.say(segment.speaker.trim(), segment.text, line, start, end);
    } else {
      // whisperX leaves out "speaker" where diarisation was unsure: the words go to whoever
      // spoke last, which may be wrong, so the user is told where.
      const previous = builder.lastSpeaker();
      if (previous !== null && segment.text.trim() !== "") warnings.push(diagnostic("segment-no-speaker", 'a segment without "speaker" was given to the speaker before it, {speaker}', { speaker: said(previous) }, line));
      builder.continue(segment.text, line, start, end);
    }
  });
  return builder.result();
}

// JSON.parse forgets positions; each segment's line is found in the source, in order, so that
// flags can still point at a line. The search only moves forward: a segment's text is looked
// for (as JSON writes it) just after the next "text" key, never across the rest of the file,
// so text written with \u00e5-style escapes costs no more than text written plainly.
class LineFinder {
  private offset = 0;
  private line = 1;
  constructor(private readonly source: string) {
    // Whisper writes the whole text under a "text" key before the segments: skip it.
    const segments = source.indexOf('"segments"');
    if (segments > 0) this.moveTo(segments);
  }

  lineOf(text: string): number {
    const encoded = JSON.stringify(text).slice(1, -1);
    const key = this.source.indexOf('"text"', this.offset);
    if (key === -1) return this.line;
    // The value normally starts within a few characters of its key.
    const window = this.source.slice(key, key + 16 + encoded.length);
    const found = encoded ? window.indexOf(encoded) : -1;
    this.moveTo(found === -1 ? key : key + found);
    return this.line;
  }

  private moveTo(position: number): void {
    for (let i = this.offset; i < position; i++) if (this.source.charCodeAt(i) === 10) this.line++;
    this.offset = position + 1;
  }
}

/** The 1-based line of a character offset. */
function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
